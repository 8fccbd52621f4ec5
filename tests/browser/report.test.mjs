// Browser tests of "Not the right answer?": the redacted report for review, "Copy report", and "Open report" to
// an address the portal or IT configured (the element's report-to, the page's ?report-to= and the hosted
// page's conndiag-config.json), at laptop and phone width, in English and French. Each test fails on any
// console error, page error or request outside the page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { LAPTOP, PHONE, checkClean, diagnose, dist, launch, noAxeViolations, offlineUrl, openPage, serve } from './harness.mjs';


// An error with an email address, a bearer token and an Okta SSWS token, none of which may reach a report.
const SECRETS = ['admin@contoso.com', 'abcDEF123456ghiJKL789mnoPQR', '00aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789ab'];
const PASTE = `HttpRequestFailure: Server returned: 401 Unauthorized for ${SECRETS[0]} ` +
  `Authorization: Bearer ${SECRETS[1]} retried with Authorization: SSWS ${SECRETS[2]}`;
const UNKNOWN = 'FrobnicatorException: the widget refused to frobnicate';

let browser;
let copyDir;  // a copy of the hosted folder whose conndiag-config.json names an https template
let hosted;
let plain;  // the hosted folder as built: its conndiag-config.json names no address

before(async () => {
  browser = await launch();
  copyDir = mkdtempSync(path.join(os.tmpdir(), 'conndiag-report-site-'));
  cpSync(path.join(dist, 'site'), copyDir, { recursive: true });
  writeFileSync(path.join(copyDir, 'conndiag-config.json'),
    JSON.stringify({ reportTo: 'https://tracker.example/new?title={subject}&body={body}' }));
  hosted = await serve(copyDir, { prefix: '/tools/conndiag/' });
  plain = await serve(path.join(dist, 'site'), { prefix: '/tools/conndiag/' });
  // A portal page beside the element's files, with the element and its report-to.
  writeFileSync(path.join(copyDir, 'report-portal.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; style-src 'self'; img-src data:">
    <link rel="icon" href="data:,"><title>portal</title><script src="conndiag-embed.js" defer></script></head>
    <body><main><h1>Help</h1><h2>Connector errors</h2><conn-diag id="d" lang="en" report-to="mailto:x@example.com"></conn-diag></main></body></html>`);
});

after(async () => {
  await browser?.close();
  await hosted?.close();
  await plain?.close();
  if (copyDir) rmSync(copyDir, { recursive: true, force: true });
});

// Records the requests for the config file, made before the page's own scripts run.
function recordConfigRequests(into) {
  return (context) => context.on('request', (r) => {
    if (r.url().includes('conndiag-config.json')) into.push(r.url());
  });
}

// Opens the report under the answers of `scope` (the page, or the element) and returns its text.
async function openReport(scope) {
  await scope.locator('.report-toggle').click();
  const area = scope.locator('.report-text');
  await area.waitFor();
  return area.inputValue();
}

function assertNoSecrets(text) {
  for (const secret of SECRETS) assert.ok(!text.includes(secret), `${secret} in ${text}`);
}

for (const [lang, viewport] of [['en', LAPTOP], ['fr', PHONE]]) {
  test(`the report of a paste with an email address, a Bearer token and an Okta SSWS token holds none of them, says what was redacted, lists the candidates and the knowledge-base version (${lang}, ${viewport.width}px)`, async () => {
    const configRequests = [];
    const p = await openPage(browser, offlineUrl, { viewport, locale: lang === 'fr' ? 'fr-FR' : 'en-US', prepare: recordConfigRequests(configRequests) });
    const { page } = p;
    await diagnose(page, PASTE);
    assert.equal(await page.locator('#results .report-toggle').count(), 1, 'one button, under all the answers');
    assert.ok(await page.locator('#results article.card').count() >= 2);
    const toggle = page.locator('#results .report-toggle');
    assert.equal(await toggle.textContent(), lang === 'fr' ? 'Pas la bonne réponse\u00a0?' : 'Not the right answer?');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    const report = await openReport(page);
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    assertNoSecrets(report);
    assert.match(report, /\[redacted-email\]/);
    assert.ok(!report.includes('contoso'), 'nor the domain of the address, as an extracted host');
    const redacted = lang === 'fr' ? 'Masqué\u00a0: 1 adresse e-mail, 2 jetons.' : 'Redacted: 1 email address, 2 tokens.';
    assert.equal(await page.locator('.report-redacted').textContent(), redacted);
    assert.ok(report.includes(redacted), report);
    // The candidates as the cards rank them (the report has room for up to 5), each with its strength.
    const cards = await page.locator('#results article.card').evaluateAll((c) => c.map((x) => [x.dataset.entryId, x.dataset.app]));
    cards.forEach(([id, app], i) => assert.match(report, new RegExp(`^${i + 1}\\. ${id} · ${app} · .*\\d+\\s?% · `, 'm')));
    assert.match(report, lang === 'fr' ? /pas sûr/ : /not confident/);
    const info = await page.evaluate(async () => (await globalThis.ConnDiag.create()).kbInfo());
    assert.ok(report.includes(info.version) && report.includes(`conndiag ${info.build.version} (${info.build.git})`), report);
    assert.match(report, lang === 'fr' ? /Langue\u00a0: fr/ : /Language: en/);
    assert.match(report, /- http_status: 401/);
    // Nothing else: not the causes or fixes the cards show.
    assert.ok(!report.includes(await page.locator('#results article.card .cause').first().textContent()));
    // The offline file only copies: no address, no "Open report", and no attempt to read a config file.
    assert.equal(await page.locator('.report-open').count(), 0);
    assert.deepEqual(configRequests, []);
    await page.evaluate(() => {
      window.copiedText = null;
      navigator.clipboard.writeText = async (t) => { window.copiedText = t; };
    });
    await page.locator('.report-copy').click();
    await page.waitForFunction(() => window.copiedText !== null);
    assert.equal(await page.evaluate(() => window.copiedText), report);
    // The report's own parts fit the width (the page around it is the page tests' business).
    const right = await page.locator('.report').evaluate((report) =>
      Math.max(...[report, ...report.querySelectorAll('*')].map((el) => el.getBoundingClientRect().right)));
    assert.ok(right <= viewport.width, `the report fits in ${viewport.width}px (it reaches ${right}px)`);
    await noAxeViolations(page, `the report, ${lang}`, { include: '.report' });
    await toggle.click();
    assert.ok(await page.locator('.report-panel').isHidden(), 'the button closes the panel again');
    await checkClean(p);
  });
}

test('the no-match view has the button, and its report says there was no candidate', async () => {
  const p = await openPage(browser, offlineUrl, { viewport: PHONE });
  await diagnose(p.page, UNKNOWN);
  await p.page.locator('#results .no-match').waitFor();
  const report = await openReport(p.page);
  assert.match(report, /\*\*Top candidates\*\*\n\n\(none\)/);
  assert.match(report, /FrobnicatorException: the widget refused to frobnicate/);
  assert.equal(await p.page.locator('.report-redacted').textContent(), 'Nothing needed redacting.');
  await checkClean(p);
});

test('the hosted page with ?report-to=mailto: offers "Open report", a mailto: link with the encoded report; a javascript: address is refused; the offline file only copies', async () => {
  const origin = new URL(plain.url).origin;
  const p = await openPage(browser, `${plain.url}?report-to=${encodeURIComponent('mailto:x@example.com')}`, { viewport: LAPTOP, allowedOrigin: origin });
  await diagnose(p.page, PASTE, { app: 'okta', expect: 'okta-401-token-invalid' });
  const report = await openReport(p.page);
  const link = p.page.locator('.report-open');
  assert.equal(await link.textContent(), 'Open report');
  const href = await link.getAttribute('href');
  assert.ok(href.startsWith('mailto:x@example.com?subject=conndiag%3A%20wrong%20answer%20(okta-401-token-invalid)&body='), href);
  const body = decodeURIComponent(href.slice(href.indexOf('&body=') + 6));
  assert.equal(body, report.replace(/\n/g, '\r\n'));
  assertNoSecrets(href);
  assert.equal(await link.getAttribute('target'), null, 'a mail client opens from the same tab');
  assert.match(await p.page.locator('.report-destination').textContent(), /x@example\.com/);
  await noAxeViolations(p.page, 'the report with a mailto address', { include: '.report' });
  // A paste too long for a link (still a single paste: at most 40 lines): the message holds the beginning and
  // says so; the box keeps it all.
  const long = `${PASTE}\n${'at com.adallom.connector.Poller.poll(Poller.java:42)\n'.repeat(35)}`;
  await diagnose(p.page, long);
  const full = await openReport(p.page);
  assert.ok(full.includes(long.trim().split('\n').pop()), 'the box holds the whole report');
  const cut = await p.page.locator('.report-open').getAttribute('href');
  assert.ok(cut.length <= 1900, `${cut.length}`);
  assert.ok(decodeURIComponent(cut).endsWith('[Cut to fit in a link: copy the full report from conndiag.]'));
  assert.match(await p.page.locator('.report-truncated').textContent(), /too long for a link/);
  await checkClean(p);

  const q = await openPage(browser, `${plain.url}?report-to=${encodeURIComponent('javascript:alert(1)')}`, { viewport: PHONE, locale: 'fr-FR', allowedOrigin: origin });
  await diagnose(q.page, PASTE);
  await openReport(q.page);
  assert.equal(await q.page.locator('.report-open').count(), 0);
  assert.match(await q.page.locator('.report-refused').textContent(), /^L'adresse de signalement configurée a été ignorée .*javascript:alert\(1\)$/);
  assert.equal(await q.page.locator('a[href^="javascript:"]').count(), 0);
  await checkClean(q);

  // The offline file, even opened with ?report-to=, only copies: no "Open report", nothing refused either.
  const r = await openPage(browser, `${offlineUrl}?report-to=${encodeURIComponent('mailto:x@example.com')}`, { viewport: LAPTOP });
  await diagnose(r.page, PASTE);
  assertNoSecrets(await openReport(r.page));
  assert.equal(await r.page.locator('.report-open').count(), 0);
  assert.equal(await r.page.locator('.report-refused').count(), 0);
  await checkClean(r);
});

test('the element with report-to="mailto:…" opens a mailto: report; report-to="javascript:alert(1)" is refused', async () => {
  const p = await openPage(browser, `${hosted.url}report-portal.html`, { viewport: PHONE, allowedOrigin: new URL(hosted.url).origin, waitReady: false });
  const element = p.page.locator('conn-diag');
  await element.locator('select option[value=okta]').waitFor({ state: 'attached' });
  await element.locator('textarea').first().fill(PASTE);
  await element.locator('article.card').first().waitFor();
  const report = await openReport(element);
  assertNoSecrets(report);
  assert.match(await element.locator('.report-redacted').textContent(), /^Redacted: 1 email address, 2 tokens\.$/);
  const href = await element.locator('.report-open').getAttribute('href');
  assert.ok(href.startsWith('mailto:x@example.com?subject='), href);
  assert.equal(decodeURIComponent(href.slice(href.indexOf('&body=') + 6)), report.replace(/\n/g, '\r\n'));
  await noAxeViolations(p.page, 'the element\'s report', { include: 'conn-diag' });

  // A changed attribute shows again, with the new address read; the unknown error has the button too.
  await p.page.evaluate(() => document.getElementById('d').setAttribute('report-to', 'javascript:alert(1)'));
  await element.locator('.report-toggle[aria-expanded=false]').waitFor();
  await element.locator('textarea').first().fill(UNKNOWN);
  await element.locator('.no-match').waitFor();
  await openReport(element);
  assert.equal(await element.locator('.report-open').count(), 0);
  assert.match(await element.locator('.report-refused').textContent(), /ignored .*javascript:alert\(1\)$/);
  await checkClean(p);
});

test("the hosted page reads its own conndiag-config.json: an https template is honoured, over ?report-to=, and nothing else is requested", async () => {
  const configRequests = [];
  const url = `${hosted.url}?report-to=${encodeURIComponent('mailto:someone@example.com')}`;
  const p = await openPage(browser, url, { viewport: LAPTOP, allowedOrigin: new URL(hosted.url).origin, prepare: recordConfigRequests(configRequests) });
  await diagnose(p.page, PASTE);
  const report = await openReport(p.page);
  assert.deepEqual(configRequests, [`${hosted.url}conndiag-config.json`]);
  const link = p.page.locator('.report-open');
  const href = await link.getAttribute('href');
  assert.ok(href.startsWith('https://tracker.example/new?title=conndiag%3A%20wrong%20answer%20('), href);
  const sent = new URL(href).searchParams;
  assert.equal(sent.get('body'), report);
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
  assert.match(await p.page.locator('.report-destination').textContent(), /tracker\.example/);
  await checkClean(p);
});

test("the hosted page answers while its conndiag-config.json is still on its way, and a report opened meanwhile waits for the file's address, never ?report-to=", async () => {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  const configRequests = [];
  const url = `${hosted.url}?report-to=${encodeURIComponent('mailto:someone@example.com')}`;
  const p = await openPage(browser, url, {
    viewport: LAPTOP,
    allowedOrigin: new URL(hosted.url).origin,
    prepare: (context) => context.route('**/conndiag-config.json', async (route) => {
      configRequests.push(route.request().url());
      await held;  // the file arrives only when the test lets it
      await route.continue();
    }),
  });
  try {
    await diagnose(p.page, PASTE);  // the page is ready and answers with the file held back
    assert.deepEqual(configRequests, [`${hosted.url}conndiag-config.json`], 'asked for, not yet answered');
    await p.page.locator('#results .report-toggle').click();
  } finally {
    release();
  }
  await p.page.locator('.report-text').waitFor();
  const href = await p.page.locator('.report-open').getAttribute('href');
  assert.ok(href.startsWith('https://tracker.example/new?'), href);
  await checkClean(p);
});
