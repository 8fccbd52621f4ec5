// Node tests of the page's pure logic: highlighting, secret redaction, share links, fix export.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { segments } from '../../web/src/highlight.mjs';
import { redact } from '../../web/src/redact.mjs';
import { fromFragment, toFragment } from '../../web/src/share.mjs';
import { fixAsMarkdown, fixAsText } from '../../web/src/result-view.mjs';
import { STRINGS } from '../../web/src/i18n.mjs';
import { base64Bytes } from '../../web/src/base64.mjs';

test('segments split text at spans, merging overlaps and clamping out-of-range spans', () => {
  assert.deepEqual(segments('abcdefgh', [[5, 7], [1, 3], [2, 4], [7, 99]]), [
    { text: 'a', matched: false }, { text: 'bcd', matched: true }, { text: 'e', matched: false },
    { text: 'fgh', matched: true },
  ]);
  assert.deepEqual(segments('abc', []), [{ text: 'abc', matched: false }]);
  assert.deepEqual(segments('', [[0, 5]]), []);
});

test('redaction removes bearer tokens, JWTs, secrets in key=value and JSON, and emails', () => {
  const text = 'Authorization: Bearer abcdefghijklmnop {"refresh_token":"0.AAA-secret","client_secret": "s3cr3t!"} ' +
    'password=hunter22 token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl admin@contoso.com ok';
  const { text: out, count } = redact(text);
  for (const secret of ['abcdefghijklmnop', '0.AAA-secret', 's3cr3t!', 'hunter22', 'eyJhbGci', 'admin@contoso.com']) {
    assert.ok(!out.includes(secret), `${secret} left in ${out}`);
  }
  assert.ok(count >= 6);
  assert.match(out, / ok$/);
});

test('tenant ids are kept unless asked, then redacted', () => {
  const text = 'Tenant 998cea7e-35cd-46a5-ab3c-8ec88a45d7d5 does not exist';
  assert.equal(redact(text).text, text);
  assert.equal(redact(text, { tenantIds: true }).text, 'Tenant [redacted-id] does not exist');
});

test('redaction keeps the error itself classifiable', () => {
  const text = 'TokenRefreshException: {"error":"invalid_grant","error_description":"AADSTS70008: expired"}';
  assert.equal(redact(text).text, text);
});

test('share fragments round-trip text, app and language, including unicode and symbols', () => {
  const state = { text: 'Retourné & 100% "quoted" #hash\nline 2 😀', app: 'okta', lang: 'fr' };
  assert.deepEqual(fromFragment(toFragment(state)), state);
  assert.deepEqual(fromFragment(''), {});
  assert.deepEqual(fromFragment('#app=box'), { app: 'box' });
});

test('the fix exports as numbered plain text and as Markdown', () => {
  const match = { id: 'x-1', app_name: 'Box', cause: 'Token revoked.', fix: ['Reconnect Box.', 'Select Test now.'] };
  assert.equal(fixAsText(match, STRINGS.en), 'Box — Token revoked.\n\nHow to fix it:\n1. Reconnect Box.\n2. Select Test now.\n');
  assert.equal(fixAsMarkdown(match, STRINGS.en),
    '### Box: Token revoked.\n\n**How to fix it**\n\n1. Reconnect Box.\n2. Select Test now.\n\n_conndiag: `x-1`_\n');
});

test('base64 text decodes to its bytes, with the platform decoder or without it', () => {
  const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 37 + 11) & 0xff);  // every residue mod 3
  for (const length of [0, 1, 2, 3, 299, 300]) {
    const text = Buffer.from(bytes.subarray(0, length)).toString('base64');
    assert.deepEqual(base64Bytes(text), bytes.subarray(0, length), `length ${length}`);
  }
  // Where the platform has Uint8Array.fromBase64 (browsers; not this Node), that is what decodes.
  const had = Object.getOwnPropertyDescriptor(Uint8Array, 'fromBase64');
  Uint8Array.fromBase64 = (text) => Uint8Array.of(text.length);
  try {
    assert.deepEqual(base64Bytes('QUJD'), Uint8Array.of(4));
  } finally {
    if (had) Object.defineProperty(Uint8Array, 'fromBase64', had);
    else delete Uint8Array.fromBase64;
  }
});
