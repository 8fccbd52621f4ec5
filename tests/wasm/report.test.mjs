// Node tests of the "Not the right answer?" report's pure logic (web/src/report.mjs): which addresses are taken,
// what the report holds, and the link that stays short enough for a mail client.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { STRINGS } from '../../web/src/i18n.mjs';
import { buildReport, parseReportTo, redactionSummary, REPORT_URL_CHARS, reportLink } from '../../web/src/report.mjs';

const en = STRINGS.en;
const info = { version: '2026.11.2', build: { version: '0.0.0-dev', git: 'abc123' } };
const match = (id, app, score, confident) => ({ id, app, score, confident });

test('only mailto:, https: and http: report addresses are taken; anything else is refused, nothing configured is null', () => {
  assert.equal(parseReportTo(null), null);
  assert.equal(parseReportTo('  '), null);
  assert.deepEqual(parseReportTo('mailto:it%2Bconndiag@example.com'),
    { refused: false, kind: 'mailto', value: 'mailto:it%2Bconndiag@example.com', destination: 'it+conndiag@example.com' });
  assert.equal(parseReportTo('https://tracker.example/new?title={subject}&body={body}').destination, 'tracker.example');
  assert.equal(parseReportTo('http://intranet/report').kind, 'url');
  for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x', 'file:///etc/passwd',
    'x@example.com', 'mailto:', 'ftp://example.com/', 'not a url']) {
    assert.equal(parseReportTo(bad).refused, true, bad);
  }
});

test('the redaction summary counts each kind in words, in both languages', () => {
  assert.equal(redactionSummary({ token: 2, 'email address': 1 }, en), '1 email address, 2 tokens');
  assert.equal(redactionSummary({ id: 1, password: 3 }, STRINGS.fr), '3 mots de passe, 1 identifiant (GUID)');
  assert.equal(redactionSummary({}, en), '');
});

test('the report holds the redacted paste, the fields redacted too, at most 5 candidates, the app, language and versions', () => {
  const text = 'HTTP 401 Unauthorized from https://contoso.okta.com/api: Authorization: Bearer abcdefghijklmnopqrstuvwxyz012345 ' +
    'for admin@contoso.com in tenant 998cea7e-35cd-46a5-ab3c-8ec88a45d7d5 ```';
  // The core takes hosts from email addresses too: one the paste no longer shows stays out of the report.
  const fields = { http_status: 401, http_reason: 'Unauthorized', aadsts: [], tenant_id: '998cea7e-35cd-46a5-ab3c-8ec88a45d7d5',
    hosts: ['contoso.okta.com', 'contoso.com'], exception: null };
  const candidates = [1, 2, 3, 4, 5, 6].map((i) => match(`row-${i}`, 'okta', 0.9 - i / 10, i === 1));
  const { subject, body, redacted } = buildReport({ text, fields, candidates, app: '', lang: 'en', info }, en);
  for (const secret of ['abcdefghijklmnop', 'admin@contoso.com', '998cea7e', 'contoso.com\n']) assert.ok(!body.includes(secret), `${secret} in\n${body}`);
  assert.equal(redacted, '1 email address, 1 token, 1 id (GUID)');
  assert.match(body, /Redacted: 1 email address, 1 token, 1 id \(GUID\)\./);
  assert.match(body, /^````$/m, 'a fence longer than the backticks in the paste');
  assert.match(body, /- http_status: 401\n- http_reason: Unauthorized\n- tenant_id: \[redacted-id\]\n- hosts: contoso\.okta\.com\n/);
  assert.ok(!body.includes('aadsts') && !body.includes('exception'), 'empty fields are left out');
  assert.match(body, /1\. row-1 · okta · match strength 80% · confident\n2\. row-2 · okta · match strength 70% · not confident/);
  assert.match(body, /5\. row-5/);
  assert.ok(!body.includes('row-6'));
  assert.match(body, /App chosen: \(none: detected from the text\)\n- Language: en\n- Knowledge base: 2026\.11\.2\n- Build: conndiag 0\.0\.0-dev \(abc123\)/);
  assert.equal(subject, 'conndiag: wrong answer (row-1)');
});

test('a no-match report says so', () => {
  const { subject, body, redacted } = buildReport({ text: 'something new', fields: {}, candidates: [], app: 'box', lang: 'fr', info }, STRINGS.fr);
  assert.equal(redacted, '');
  assert.equal(subject, 'conndiag\u00a0: aucune réponse pour cette erreur');
  assert.match(body, /Meilleurs candidats\*\*\n\n\(aucun\)/);
  assert.match(body, /Application choisie\u00a0: box/);
  assert.match(body, /Rien à masquer\./);
});

test('a paste with a cut emoji (a lone surrogate) still makes a report and a link', () => {
  const { body, subject } = buildReport({ text: 'IgniteException \uD83D', fields: {}, candidates: [], app: '', lang: 'en', info }, en);
  assert.match(body, /IgniteException \uFFFD/);
  assert.ok(reportLink(parseReportTo('mailto:x@example.com'), { subject, body }, en).href.includes('IgniteException%20%EF%BF%BD'));
});

test('a mailto: link carries the subject and the body, encoded, with CRLF line breaks', () => {
  const target = parseReportTo('mailto:x@example.com');
  const { href, truncated } = reportLink(target, { subject: 'a b', body: 'line 1\nline & 2' }, en);
  assert.equal(truncated, false);
  assert.equal(href, 'mailto:x@example.com?subject=a%20b&body=line%201%0D%0Aline%20%26%202');
  const withCc = reportLink(parseReportTo('mailto:x@example.com?cc=y@example.com'), { subject: 's', body: 'b' }, en);
  assert.equal(withCc.href, 'mailto:x@example.com?cc=y@example.com&subject=s&body=b');
});

test('a URL template gets {subject} and {body} replaced, encoded', () => {
  const target = parseReportTo('https://tracker.example/new?title={subject}&body={body}');
  const { href } = reportLink(target, { subject: 'x: y', body: 'a\nb?' }, en);
  assert.equal(href, 'https://tracker.example/new?title=x%3A%20y&body=a%0Ab%3F');
});

test('a long report is cut to keep the link under the limit, says so, and never splits a character', () => {
  const body = 'é😀'.repeat(2000);
  for (const value of ['mailto:x@example.com', 'https://tracker.example/new?body={body}']) {
    const { href, truncated } = reportLink(parseReportTo(value), { subject: 'subject', body }, en);
    assert.equal(truncated, true);
    assert.ok(href.length <= REPORT_URL_CHARS, `${href.length}`);
    assert.ok(href.length > REPORT_URL_CHARS - 40, 'it keeps as much as fits');
    const sent = decodeURIComponent(href.slice(href.indexOf('body=') + 5));
    assert.ok(sent.endsWith(en.reportTruncatedNote), sent.slice(-80));
  }
});
