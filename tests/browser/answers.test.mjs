// Browser tests of what an answer says about itself (title, strength, provenance, close answers), of the
// no-match help, and of the page's habits (permalink, hashchange, "/" key, print). Each fails on any console
// error, page error or request outside the page. Run: node --test tests/browser/answers.test.mjs
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { checkClean, diagnose, launch, logWarmedUp, offlineUrl, openPage, root, waitForResultOf, warmedUp } from './harness.mjs';

const kb = JSON.parse(readFileSync(path.join(root, 'data/kb.json'), 'utf8'));
const TROUBLESHOOTING = 'https://learn.microsoft.com/defender-cloud-apps/troubleshooting-api-connectors-using-error-messages';
let browser;

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const AADSTS70008 = 'HttpRequestFailure: Server returned: 400 Bad Request {"error":"invalid_grant","error_description":"AADSTS70008: The provided authorization code or refresh token has expired"}';

test('a card is titled by its cause in brief and its app, with match strength and where the answer comes from', async () => {
  const p = await openPage(browser, offlineUrl);
  await diagnose(p.page, AADSTS70008, { app: 'office365', expect: 'o365-aadsts70008-token-expired' });
  const card = p.page.locator('#results article.card').first();
  assert.equal(await card.getAttribute('data-app'), 'office365');
  const title = await card.locator('h3').textContent();
  assert.match(title, /^1\. The refresh token .* — Microsoft 365/);
  assert.ok(title.length < 110, title);
  const badge = card.locator('header .badge').first();
  assert.match(await badge.textContent(), /match strength \d+%/);
  assert.match(await badge.getAttribute('title'), /not a probability/i);
  await card.locator('details.why summary').click();
  assert.match(await card.locator('.provenance').textContent(), /^From Microsoft's troubleshooting table \(row 13\)\.$/);
  assert.match(await card.locator('p.id').textContent(), /^Reference for support: o365-aadsts70008-token-expired$/);
  await checkClean(p);
});

test('a code-table answer says it comes from the error-code table', async () => {
  const code = kb.entries.find((e) => e.source === 'code-table' && e.id.startsWith('aadsts-'));
  const p = await openPage(browser, offlineUrl);
  await diagnose(p.page, code.message.en, { app: 'office365', expect: code.id });
  const card = p.page.locator('#results article.card').first();
  await card.locator('details.why summary').click();
  assert.match(await card.locator('.provenance').textContent(), /error-code table \(AADSTS\)/);
  await checkClean(p);
});

test('answers close in score or not confident are said to be close, with the apps to choose from', async () => {
  const p = await openPage(browser, offlineUrl);
  await diagnose(p.page, 'HttpRequestFailure: Server returned: 401 Unauthorized');
  assert.equal(await p.page.locator('#results p.not-confident').textContent(),
    'These answers are close: try the fixes in this order, or choose the app.');
  assert.ok(await p.page.locator('#results .which-app button').count() >= 2);
  const ranks = await p.page.locator('#results article.card h3').allTextContents();
  assert.deepEqual(ranks.map((t) => t.split('.')[0]), ranks.map((_, i) => String(i + 1)));
  await checkClean(p);
});

// A Box exception with a 403 that no row knows: the chosen app is Box.
const UNKNOWN_403 = 'BoxAPIException: 403 access_denied_insufficient_permissions';

test('no match still helps: what the text says first, the advice for its status, the troubleshooting link', async () => {
  const p = await openPage(browser, offlineUrl);
  await diagnose(p.page, UNKNOWN_403, { app: 'box' });
  assert.equal(await p.page.locator('#results article.card').count(), 0);
  const block = p.page.locator('#results .no-match');
  const order = await block.evaluate((b) => [...b.children].map((c) => c.className));
  assert.deepEqual(order.slice(0, 2), ['lead', 'fields']);
  const said = await block.locator('.fields ul.understood li').allTextContents();
  assert.ok(said.some((l) => /403/.test(l)), said.join(' | '));
  assert.match(await block.locator('.status-advice').textContent(), /403 .*administrator/);
  const link = block.locator('.troubleshooting a');
  assert.equal(await link.getAttribute('href'), TROUBLESHOOTING);
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.match(await link.getAttribute('rel'), /noopener/);
  assert.doesNotMatch(await p.page.locator('#results').textContent(), /choose the app/i);
  await checkClean(p);
});

test('no match with no app chosen asks for the app, in French too', async () => {
  const p = await openPage(browser, offlineUrl, { locale: 'fr-FR' });
  await diagnose(p.page, UNKNOWN_403);
  const block = p.page.locator('#results .no-match');
  assert.match(await block.locator('.status-advice').textContent(), /^Un 403 signifie/);
  assert.match(await block.locator('.next').textContent(), /choisissez l'application/);
  await checkClean(p);
});

test('on a phone the card title wraps inside the screen', async () => {
  const p = await openPage(browser, offlineUrl, { viewport: { width: 390, height: 844 } });
  await diagnose(p.page, AADSTS70008, { app: 'office365', expect: 'o365-aadsts70008-token-expired' });
  const widths = await p.page.evaluate(() => [document.documentElement.scrollWidth,
    document.querySelector('#results article.card h3').getBoundingClientRect().right]);
  assert.ok(widths[0] <= 390 && widths[1] <= 390, JSON.stringify(widths));
  await checkClean(p);
});

const ENTRY = 'o365-aadsts70008-token-expired';
const entryCard = (id) => `#results article.card[data-entry-id="${id}"]`;

test('#entry=<id> shows that answer without a paste, in English then in French', async () => {
  const p = await openPage(browser, `${offlineUrl}#entry=${ENTRY}`);
  const card = p.page.locator(entryCard(ENTRY));
  await card.waitFor();
  assert.equal(await p.page.locator('#error-text').inputValue(), '');
  assert.equal(await card.getAttribute('data-app'), 'office365');
  assert.match(await card.locator('h3').textContent(), /^The refresh token .* — Microsoft 365/);
  assert.match(await card.locator('.cause').textContent(), /refresh token/);
  assert.ok(await card.locator('ol.fix li').count() > 0);
  assert.equal(await card.locator('header .badge.likely, header .badge.possible, header .badge.weak').count(), 0, 'no match strength');
  assert.equal(await card.locator('.matched-text').count(), 0, 'no matched text');
  await p.page.click('#lang-toggle');
  await p.page.waitForFunction((sel) => /jeton d'actualisation/.test(document.querySelector(sel)?.textContent || ''), entryCard(ENTRY));
  assert.match(await p.page.locator(`${entryCard(ENTRY)} h4`).first().textContent(), /Comment corriger/);
  await checkClean(p);
});

test('an #entry link to an unknown answer says so', async () => {
  const p = await openPage(browser, `${offlineUrl}#entry=no-such-answer`);
  const message = p.page.locator('#results .entry-unknown');
  await message.waitFor();
  assert.match(await message.textContent(), /does not exist: "no-such-answer"/);
  assert.equal(await p.page.locator('#results article.card').count(), 0);
  await checkClean(p);
});

test('the page marks, once each, when its diagnoser was ready and when its first answer was shown', async () => {
  const p = await openPage(browser, `${offlineUrl}#text=IgniteException`);
  await waitForResultOf(p.page, 'IgniteException');
  await p.page.evaluate(() => (location.hash = '#entry=okta-401-token-invalid'));
  await p.page.locator(entryCard('okta-401-token-invalid')).waitFor();
  await p.page.evaluate(() => (location.hash = '#text=IgniteException&app=office365'));
  await waitForResultOf(p.page, 'IgniteException', 'office365');
  await logWarmedUp(p.page);
  const marks = await p.page.evaluate(() => performance.getEntriesByType('mark')
    .filter((m) => m.name.startsWith('conndiag:')).map((m) => ({ name: m.name, at: m.startTime })));
  // The warm-ups (the next test; the log code's in biglog.test.mjs) come after the link's answer: neither
  // is ever the first answer.
  assert.deepEqual(marks.map((m) => m.name), ['conndiag:ready', 'conndiag:first-answer', 'conndiag:warm', 'conndiag:log-warm']);
  assert.ok(marks[0].at <= marks[1].at, `ready at ${marks[0].at}, first answer at ${marks[1].at}`);
  await checkClean(p);
});

test('once ready, the page runs a known and an unknown error in idle time: no answer, nothing shown changes', async () => {
  // Which marks are set from inside an idle callback: the warm-up sets its mark after its last step.
  const watchIdle = () => {
    const idle = window.requestIdleCallback.bind(window);
    const mark = performance.mark.bind(performance);
    let depth = 0;
    window.__marksInIdle = [];
    window.requestIdleCallback = (fn, options) => idle((deadline) => {
      depth += 1;
      try {
        return fn(deadline);
      } finally {
        depth -= 1;
      }
    }, options);
    performance.mark = (name, options) => {
      if (depth > 0) window.__marksInIdle.push(name);
      return mark(name, options);
    };
  };
  const p = await openPage(browser, offlineUrl, { prepare: (context) => context.addInitScript(watchIdle) });
  await warmedUp(p.page);
  await logWarmedUp(p.page);
  const seen = await p.page.evaluate(() => ({
    marks: performance.getEntriesByType('mark').filter((m) => m.name.startsWith('conndiag:')).map((m) => m.name),
    inIdle: window.__marksInIdle,
    shown: document.querySelectorAll('#results article.card, #results .no-match').length,
    text: document.getElementById('error-text').value,
    hash: location.hash,
    shareHidden: document.getElementById('share-controls').hidden,
  }));
  assert.deepEqual(seen.marks, ['conndiag:ready', 'conndiag:warm', 'conndiag:log-warm'], 'no first answer');
  assert.deepEqual(seen.inIdle, ['conndiag:warm']);
  assert.deepEqual({ shown: seen.shown, text: seen.text, hash: seen.hash, shareHidden: seen.shareHidden },
    { shown: 0, text: '', hash: '', shareHidden: true });
  // A paste after it is answered as ever, the unknown error too.
  await diagnose(p.page, 'AADSTS70008: The provided authorization code or refresh token has expired', { expect: 'o365-aadsts70008-token-expired' });
  await diagnose(p.page, 'ERROR [sync] cursor 7f3a9c out of order, resetting the checkpoint');
  assert.equal(await p.page.locator('#results .no-match').count(), 1);
  await checkClean(p);
});

test('a second shared link opened in the same tab shows its content (hashchange)', async () => {
  const p = await openPage(browser, `${offlineUrl}#text=IgniteException`);
  await waitForResultOf(p.page, 'IgniteException');
  assert.equal(await p.page.locator('#results article.card').first().getAttribute('data-entry-id'), 'o365-ignite-domain-user');
  await p.page.evaluate(() => (location.hash = '#entry=okta-401-token-invalid'));
  await p.page.locator(entryCard('okta-401-token-invalid')).waitFor();
  assert.equal(await p.page.locator('#error-text').inputValue(), '');
  await p.page.evaluate(() => (location.hash = '#text=IgniteException&app=office365'));
  await waitForResultOf(p.page, 'IgniteException', 'office365');
  assert.equal(await p.page.locator('#results article.card').first().getAttribute('data-entry-id'), 'o365-ignite-domain-user');
  await checkClean(p);
});

test('the "/" key focuses the error box, except while typing in a field', async () => {
  const p = await openPage(browser, offlineUrl);
  await p.page.locator('h1').click();
  await p.page.keyboard.press('/');
  assert.equal(await p.page.evaluate(() => document.activeElement.id), 'error-text');
  assert.equal(await p.page.locator('#error-text').inputValue(), '', 'the "/" is not typed');
  await p.page.keyboard.type('a/b');
  assert.equal(await p.page.locator('#error-text').inputValue(), 'a/b');
  await checkClean(p);
});

test('printed, the page shows the answer without the input, the share and copy buttons or the footer', async () => {
  const p = await openPage(browser, offlineUrl);
  await diagnose(p.page, AADSTS70008, { app: 'office365', expect: ENTRY });
  await p.page.emulateMedia({ media: 'print' });
  const display = await p.page.evaluate(() => Object.fromEntries(['#error-text', '#share', 'footer', '#results article.card .actions', '#results article.card']
    .map((sel) => [sel, getComputedStyle(document.querySelector(sel)).display])));
  assert.deepEqual(display, { '#error-text': 'none', '#share': 'none', footer: 'none', '#results article.card .actions': 'none',
    '#results article.card': 'block' });
  await p.page.emulateMedia({ media: 'screen' });
  assert.notEqual(await p.page.evaluate(() => getComputedStyle(document.querySelector('#error-text')).display), 'none');
  await checkClean(p);
});
