// Secrets never reach a shareable link: every credential format of the knowledge base's apps, checked on
// examples and as a property (fast-check: whatever text surrounds the secret, it is gone afterwards).
import { test } from 'node:test';
import assert from 'node:assert/strict';

import fc from 'fast-check';

import { redact } from '../../web/src/redact.mjs';

// [kind, example secret as it appears in a text, the part that must not survive]
const EXAMPLES = [
  ['Okta SSWS token', 'Authorization: SSWS 00QCjAl4MlV-WPXM-ABCDEFGHIJKLMNOPQRSTUVWXYZ0123', '00QCjAl4MlV-WPXM-ABCDEFGHIJKLMNOPQRSTUVWXYZ0123'],
  ['AWS access key id', 'aws_access_key_id AKIAIOSFODNN7EXAMPLE', 'AKIAIOSFODNN7EXAMPLE'],
  ['AWS secret key, labelled', 'aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'wJalrXUtnFEMI/K7MDENG'],
  ['AWS secret key, bare', 'keys: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY end', 'wJalrXUtnFEMI/K7MDENG'],
  ['AWS session token', 'x-amz-security-token: FwoGZXIvYXdzEBYaDHqa0AP1', 'FwoGZXIvYXdzEBYaDHqa0AP1'],
  ['Slack bot token', 'token xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx', 'xoxb-123456789012'],
  ['Slack user token', '"xoxp-1234-5678-91011-abcdef0123456789"', 'xoxp-1234-5678'],
  ['Slack webhook', 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX', 'XXXXXXXXXXXXXXXXXXXXXXXX'],
  ['Azure SAS', 'https://acct.blob.core.windows.net/c?sv=2020-08-04&sig=abcDEF123%2B%2Fxyz%3D&se=2026', 'abcDEF123%2B%2Fxyz'],
  ['Google access token', 'Authorization ya29.a0AfH6SMBx3abcdefghijklmnopqrstuvwx', 'ya29.a0AfH6SMBx3'],
  ['Google refresh token', 'refresh 1//0gLxyz0123456789abcdefghijklmnop', '1//0gLxyz0123456789'],
  ['Google API key', 'key=AIzaSyA1234567890abcdefghijklmnopqrstuv', 'AIzaSyA1234567890'],
  ['Salesforce session id', 'sid 00D5g000004ABCD!AQ4AQFkP3uDkP2f3jN5s.Zs1y7dXqjQ9R', '00D5g000004ABCD!AQ4AQ'],
  ['Atlassian API token', 'ATATT3xFfGF0abcdefghijklmnopqrstuvwxyz0123456789', 'ATATT3xFfGF0abcdefgh'],
  ['JWT', 'id_token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTYifQ.c2lnbmF0dXJlLXZhbHVl', 'eyJhbGciOiJSUzI1NiJ9'],
  ['Bearer', 'Authorization: Bearer abcdefghijklmnop', 'abcdefghijklmnop'],
  ['Basic', 'Authorization: Basic dXNlcjpwYXNzd29yZA==', 'dXNlcjpwYXNzd29yZA'],
  ['other authorization scheme', 'authorization: "Digest-ish-value-abcdef123"', 'Digest-ish-value-abcdef123'],
  ['client_secret', '{"client_secret": "s3cr3t-value!"}', 's3cr3t-value!'],
  ['password key', 'password=hunter22', 'hunter22'],
  ['password in a URL', 'https://admin:Sup3rS3cret@contoso.service-now.com/api/now', 'Sup3rS3cret'],
  ['private key', '"private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqh\\n-----END PRIVATE KEY-----\\n"', 'MIIEvQIBADANBgkqh'],
  ['email', 'admin@contoso.onmicrosoft.com failed', 'admin@contoso.onmicrosoft.com'],
];

test('every credential format is removed, and the kind is named', () => {
  for (const [kind, text, secret] of EXAMPLES) {
    const out = redact(text);
    assert.ok(!out.text.includes(secret), `${kind}: "${secret}" left in ${out.text}`);
    assert.ok(out.count >= 1 && Object.keys(out.kinds).length >= 1, kind);
  }
  assert.deepEqual(redact('mail admin@contoso.com').kinds, { 'email address': 1 });
});

test('the error itself stays classifiable: codes, statuses and exception names are kept', () => {
  for (const text of ['TokenRefreshException: {"error":"invalid_grant","error_description":"AADSTS70008: expired"}',
    'HttpRequestFailure: Server returned: 401 Unauthorized', '{"errorCode":"E0000011","errorSummary":"Invalid token provided"}',
    'InvalidClientTokenId: The security token included in the request is invalid.']) {
    assert.equal(redact(text).text, text);
  }
});

// Secrets generated per format, with random content of the format's alphabet.
const chars = (alphabet, min, max) => fc.string({ unit: fc.constantFrom(...alphabet), minLength: min, maxLength: max });
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const secrets = fc.oneof(
  chars(ALNUM + '-_', 20, 60).map((s) => ({ text: `SSWS ${s}`, secret: s })),
  chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16, 16).map((s) => ({ text: `AKIA${s}`, secret: `AKIA${s}` })),
  chars(ALNUM + '-', 24, 50).map((s) => ({ text: `xoxb-1-${s}`, secret: `xoxb-1-${s}` })),
  chars(ALNUM + '_-', 20, 60).map((s) => ({ text: `ya29.${s}`, secret: `ya29.${s}` })),
  chars(ALNUM, 35, 35).map((s) => ({ text: `AIza${s}`, secret: `AIza${s}` })),
  chars(ALNUM + '%+/', 12, 60).map((s) => ({ text: `https://x.blob.core.windows.net/c?sv=1&sig=${s}`, secret: s })),
  chars(ALNUM + '-_', 10, 40).map((s) => ({ text: `eyJhbGciOiJIUzI1NiJ9.eyJ${s}.sig${s}`, secret: `eyJ${s}` })),
  chars(ALNUM + '!$*', 6, 30).map((s) => ({ text: `https://user:${s}@host.example.com/x`, secret: `:${s}@` })),
  chars(ALNUM + '!#', 4, 30).map((s) => ({ text: `"client_secret":"${s}"`, secret: s })),
  chars(ALNUM + '.-', 10, 40).map((s) => ({ text: `Authorization: Bearer ${s}`, secret: s })),
);
// What may surround a secret in a paste: words, punctuation, JSON, line breaks (no letters glued to it:
// a token inside a longer word is not that token).
const around = fc.string({ unit: fc.constantFrom(' ', '\n', '\t', ',', ';', '"', "'", '{', '}', '(', ')', ':', 'x', '1', '=', 'é'), maxLength: 30 });

test('property: a redacted text never contains the secret, whatever surrounds it', () => {
  fc.assert(fc.property(around, secrets, around, (before, { text, secret }, after) => {
    const glued = /[A-Za-z0-9]$/.test(before) || /^[A-Za-z0-9]/.test(after);
    fc.pre(!glued);
    return !redact(`${before}${text}${after}`).text.includes(secret);
  }), { numRuns: 3000, seed: 20261126 });
});
