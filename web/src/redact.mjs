// Removes secrets from a text before it goes into a shareable link or a report: credentials of every app
// of the knowledge base (Okta SSWS tokens, AWS keys, Slack tokens, Azure SAS signatures, Google tokens and
// keys, Salesforce session ids, Atlassian API tokens), JWTs, bearer/basic/other authorization values,
// key=value secrets, passwords in URLs, private keys and email addresses.

// Each rule: the pattern, what replaces it ($1.. keep the label around the secret), and the kind of secret.
const RULES = [
  // Private keys (a Google service account's JSON carries one).
  { kind: 'private key', re: /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g, to: '[redacted-private-key]' },
  // JWTs anywhere (three base64url parts).
  { kind: 'token', re: /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/g, to: '[redacted-jwt]' },
  // Authorization values: Bearer, Basic, Okta's SSWS, and other schemes after an Authorization header.
  // (Scheme names as headers write them, and a value that looks like a credential: "Basic Authorization
  // failed" is an error message, not a header.)
  { kind: 'token', re: /\b(Bearer|bearer|SSWS|Negotiate|NTLM)\s+[A-Za-z0-9\-._~+/]{8,}=*/g, to: '$1 [redacted]' },
  { kind: 'token', re: /\b(Basic)\s+(?:(?=[A-Za-z0-9+/]*[0-9+/=])[A-Za-z0-9+/]{8,}|[A-Za-z0-9+/]{16,})=*/g, to: '$1 [redacted]' },
  { kind: 'token', re: /(\bauthorization\s*["']?\s*[:=]\s*["']?)(?!\[redacted|Bearer |bearer |Basic |SSWS )(?:[A-Za-z]+ )?[^\s"',;]{8,}/gi, to: '$1[redacted]' },
  // Passwords in URLs: scheme://user:password@host.
  { kind: 'password', re: /\b([a-z][a-z0-9+.-]*:\/\/[^/\s:@"']+):[^/\s@"']+@/gi, to: '$1:[redacted]@' },
  // Vendor token formats, recognizable without a label.
  { kind: 'token', re: /\bxox[abposrce]-[A-Za-z0-9-]{10,}/g, to: '[redacted-slack-token]' },
  { kind: 'token', re: /\bxapp-\d-[A-Za-z0-9-]{10,}/g, to: '[redacted-slack-token]' },
  { kind: 'token', re: /(hooks\.slack\.com\/services\/)[A-Za-z0-9/]{10,}/g, to: '$1[redacted]' },
  { kind: 'token', re: /\bya29\.[A-Za-z0-9_-]{16,}/g, to: '[redacted-google-token]' },
  { kind: 'token', re: /\b1\/\/0[A-Za-z0-9_-]{20,}/g, to: '[redacted-google-token]' },
  { kind: 'key', re: /\bAIza[0-9A-Za-z_-]{35}\b/g, to: '[redacted-google-key]' },
  { kind: 'key', re: /\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|APKA|AROA|ASCA)[A-Z0-9]{16}\b/g, to: '[redacted-aws-key-id]' },
  { kind: 'token', re: /\b00D[A-Za-z0-9]{12,15}![A-Za-z0-9._]{20,}/g, to: '[redacted-salesforce-session]' },
  { kind: 'token', re: /\bATATT[A-Za-z0-9_=-]{20,}/g, to: '[redacted-atlassian-token]' },
  // Azure shared access signatures.
  { kind: 'token', re: /([?&;\s"']sig=)[A-Za-z0-9%+/=]{10,}/gi, to: '$1[redacted]' },
  { kind: 'token', re: /(SharedAccessSignature\s+)[^\s"',;]+/g, to: '$1[redacted]' },
  // key=value and "key": "value": keys that only ever hold a secret, whatever its length; then words that
  // often do ("token", "secret"), when what follows is long enough to be one ("token: 429" is a status).
  // (A whole key, not the end of a longer one: "errorCode" is no "code", and error codes stay.)
  {
    kind: 'secret',
    re: /((?<![A-Za-z0-9_-])["']?(?:access_token|refresh_token|id_token|session_token|aws_session_token|sessiontoken|x-amz-security-token|client_secret|clientsecret|aws_secret_access_key|secretaccesskey|secret_access_key|secret_key|private_key|password|passwd|pwd|api[_-]?key|apikey|api[_-]?token)["']?\s*[:=]\s*["']?)([^"'\s,&}]+)/gi,
    to: '$1[redacted]',
  },
  {
    kind: 'secret',
    re: /((?<![A-Za-z0-9_-])["']?(?:secret|token|sid|sessionid)["']?\s*[:=]\s*["']?)(?!\[redacted)([^"'\s,&}]{6,})/gi,
    to: '$1[redacted]',
  },
  // An OAuth authorization code in a URL's query.
  { kind: 'secret', re: /([?&]code=)[^&\s"'#]{6,}/g, to: '$1[redacted]' },
  // A bare AWS secret access key: 40 characters of base64 with upper, lower case and digits.
  {
    kind: 'key',
    re: /(^|[^A-Za-z0-9/+=])((?=[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=]))(?=[^\s]*[A-Z])(?=[^\s]*[a-z])(?=[^\s]*\d)[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/g,
    to: '$1[redacted-key]',
  },
  // Email addresses.
  { kind: 'email address', re: /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g, to: '[redacted-email]' },
];

const GUID = { kind: 'id', re: /\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b/g, to: '[redacted-id]' };

/**
 * @param {string} text
 * @param {{tenantIds?: boolean}} [options]  tenantIds: also redact GUIDs (tenant, trace and correlation ids).
 * @returns {{text: string, count: number, kinds: Object<string, number>}}  The redacted text, how many
 *   secrets were replaced, and how many of each kind ("email address", "token", "password", ...).
 */
export function redact(text, options = {}) {
  let count = 0;
  const kinds = Object.create(null);
  let out = text;
  const rules = options.tenantIds ? [...RULES, GUID] : RULES;
  for (const { kind, re, to } of rules) {
    out = out.replace(re, (...args) => {
      count += 1;
      kinds[kind] = (kinds[kind] || 0) + 1;
      return to.replace(/\$(\d)/g, (_, n) => args[Number(n)] ?? '');
    });
  }
  return { text: out, count, kinds: { ...kinds } };
}
