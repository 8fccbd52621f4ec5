// Removes secrets from a text before it goes into a shareable link.

const RULES = [
  // Authorization headers and bearer tokens.
  { re: /\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]{8,}=*/gi, to: '$1 [redacted]' },
  // JWTs anywhere (three base64url parts).
  { re: /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/g, to: '[redacted-jwt]' },
  // key=value and "key": "value" for secret-looking keys.
  {
    re: /((?:["']?)(?:access_token|refresh_token|id_token|client_secret|clientsecret|password|passwd|pwd|api[_-]?key|apikey|secret|token|code)(?:["']?)\s*[:=]\s*["']?)([^"'\s,&}]{3,})/gi,
    to: '$1[redacted]',
  },
  // Email addresses.
  { re: /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g, to: '[redacted-email]' },
];

const GUID = /\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b/g;

/**
 * @param {string} text
 * @param {{tenantIds?: boolean}} [options]  tenantIds: also redact GUIDs (tenant, trace and correlation ids).
 * @returns {{text: string, count: number}}  The redacted text and how many secrets were replaced.
 */
export function redact(text, options = {}) {
  let count = 0;
  let out = text;
  const rules = options.tenantIds ? [...RULES, { re: GUID, to: '[redacted-id]' }] : RULES;
  for (const { re, to } of rules) {
    out = out.replace(re, (...args) => {
      count += 1;
      return to.replace(/\$(\d)/g, (_, n) => args[Number(n)] ?? '');
    });
  }
  return { text: out, count };
}
