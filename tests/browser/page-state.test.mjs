// Browser tests of what the page remembers between pastes and what it says about it: the share button's
// state and feedback, the app filter note and its reset on a new paste, focus after answering "which app",
// the one-answer wording, French typography and long texts on a phone.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { LAPTOP, PHONE, WIDTHS, checkClean, diagnose, launch, offlineUrl, openPage, waitForResultOf } from './harness.mjs';

const BARE_401 = 'HttpRequestFailure: Server returned: 401 Unauthorized';
let browser;

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function toFrench(page) {
  await page.click('#lang-toggle');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
}

// A paste as the browser delivers it: the paste event, then the new value and its input event.
async function pasteText(page, text) {
  await page.evaluate((t) => {
    const box = document.querySelector('#error-text');
    box.focus();
    box.dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true }));
    box.value = t;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

const shareState = (page) => page.evaluate(() => ({
  visible: !document.querySelector('#share-controls').hidden,
  disabled: document.querySelector('#share').disabled,
  feedback: document.querySelector('#share-feedback').textContent,
}));

for (const [name, viewport] of WIDTHS) {
  test(`share: hidden before a result, feedback beside it naming what was removed, then gone (${name})`, async () => {
    const p = await openPage(browser, offlineUrl, { viewport });
    assert.equal((await shareState(p.page)).visible, false, 'no share controls on a first visit');
    const text = `${BARE_401} Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTYifQ.c2lnbmF0dXJlLXZhbHVl admin@contoso.com`;
    await diagnose(p.page, text, { app: 'okta', expect: 'okta-401-token-invalid' });
    const before = await p.page.locator('#status').textContent();
    await p.page.click('#share');
    await p.page.waitForFunction(() => document.querySelector('#share-feedback').textContent !== '');
    const feedback = (await shareState(p.page)).feedback;
    assert.match(feedback, /^Link (copied|ready in the address bar)/);
    assert.match(feedback, /1 email address/);
    assert.match(feedback, /1 token/);
    assert.doesNotMatch(feedback, /secret/, 'an email address is not called a secret');
    assert.equal(await p.page.locator('#status').textContent(), before, 'the diagnosis line stays');
    // Short-lived: it clears by itself (the wait is for that condition; the page clears it after a few seconds).
    await p.page.waitForFunction(() => document.querySelector('#share-feedback').textContent === '');
    await checkClean(p);
  });
}

test('share is off, saying why, when the box is emptied and when a log is shown; works again after', async () => {
  const p = await openPage(browser, offlineUrl);
  await diagnose(p.page, 'IgniteException', { expect: 'o365-ignite-domain-user' });
  assert.deepEqual(await shareState(p.page), { visible: true, disabled: false, feedback: '' });
  await diagnose(p.page, '');
  let s = await shareState(p.page);
  assert.equal(s.disabled, true);
  assert.match(s.feedback, /Nothing to share/);
  const log = Array.from({ length: 60 }, (_, i) => `2026-11-26T10:00:${String(i % 60).padStart(2, '0')}Z INFO sync ok ${i}`)
    .concat([`2026-11-26T10:01:00Z ERROR ${BARE_401}`]).join('\n');
  await diagnose(p.page, log);
  s = await shareState(p.page);
  assert.equal(s.disabled, true);
  assert.match(s.feedback, /not a log/);
  await diagnose(p.page, 'IgniteException', { expect: 'o365-ignite-domain-user' });
  assert.deepEqual(await shareState(p.page), { visible: true, disabled: false, feedback: '' });
  await toFrench(p.page);
  await diagnose(p.page, '');
  assert.match((await shareState(p.page)).feedback, /^Rien à partager/);
  await checkClean(p);
});

for (const [name, viewport] of WIDTHS) {
  test(`an app chosen in the prompt: focus on its answer, filter note shown, reset by the next paste (${name})`, async () => {
    const p = await openPage(browser, offlineUrl, { viewport });
    await diagnose(p.page, BARE_401);
    assert.equal(await p.page.locator('#filter-note').isVisible(), false, 'no filter, no note');
    await p.page.locator('.which-app button[data-app=exchange]').focus();
    await p.page.keyboard.press('Enter');
    await waitForResultOf(p.page, BARE_401, 'exchange');
    const focused = await p.page.evaluate(() => ({ tag: document.activeElement.tagName, inCard: Boolean(document.activeElement.closest('article.card')) }));
    assert.deepEqual(focused, { tag: 'H3', inCard: true }, 'focus goes to the answer, not the top of the page');
    assert.equal(await p.page.locator('#filter-note').isVisible(), true);
    assert.match(await p.page.locator('#filter-text').textContent(), /^Filtered to Exchange Online/);
    // The next, unrelated paste is not narrowed by the prompt's answer.
    const next = 'AADSTS700082: The refresh token has expired due to inactivity.';
    await pasteText(p.page, next);
    await waitForResultOf(p.page, next, '');
    assert.equal(await p.page.locator('#filter-note').isVisible(), false);
    await checkClean(p);
  });
}

test('an app the person chose stays on a new paste, with the note offering to show all apps (English and French)', async () => {
  const p = await openPage(browser, offlineUrl);
  await diagnose(p.page, BARE_401, { app: 'okta' });
  await pasteText(p.page, 'IgniteException');
  await waitForResultOf(p.page, 'IgniteException', 'okta');
  assert.match(await p.page.locator('#filter-text').textContent(), /^Filtered to Okta/);
  await toFrench(p.page);
  await waitForResultOf(p.page, 'IgniteException', 'okta');
  assert.equal(await p.page.locator('#filter-text').textContent(), 'Filtré sur Okta');
  assert.equal(await p.page.locator('#filter-reset').textContent(), 'Afficher toutes les applications');
  await p.page.click('#filter-reset');
  await waitForResultOf(p.page, 'IgniteException', '');
  assert.equal(await p.page.locator('#filter-note').isVisible(), false);
  assert.equal(await p.page.evaluate(() => document.activeElement.id), 'error-text');
  await checkClean(p);
});

test('French status puts a no-break space before the colon; one uncertain answer is spoken of in the singular', async () => {
  const p = await openPage(browser, offlineUrl);
  const note = () => p.page.locator('#results .not-confident').textContent();
  // A read timeout fits only the "all apps" timeout entry, and not surely: one card, one uncertain answer.
  await diagnose(p.page, 'Read timed out', { expect: 'all-service-timeout' });
  assert.equal(await p.page.locator('#results article.card').count(), 1);
  assert.match(await note(), /^This answer is not certain: try its fix, or choose the app\.$/);
  await diagnose(p.page, 'Read timed out', { app: 'okta', expect: 'all-service-timeout' });
  assert.match(await note(), /^This answer is not certain: check that its cause fits/);
  await diagnose(p.page, BARE_401);
  assert.match(await note(), /^These answers are close/);
  await toFrench(p.page);
  await diagnose(p.page, BARE_401, { app: 'okta', expect: 'okta-401-token-invalid' });
  const status = await p.page.locator('#status').textContent();
  assert.match(status, /Okta\u00a0: /, status);
  assert.doesNotMatch(status, /[^\u00a0]:/, status);
  await diagnose(p.page, 'Read timed out', { expect: 'all-service-timeout' });
  assert.match(await note(), /^Cette réponse n'est pas certaine\u00a0: essayez sa solution/);
  await checkClean(p);
});

test('long unbroken text (URLs, tokens) does not widen the page on a phone, answer and no-match alike', async () => {
  const p = await openPage(browser, offlineUrl, { viewport: PHONE });
  const long = 'x'.repeat(400);
  for (const text of [`${BARE_401} https://contoso.sharepoint.com/sites/${long}`, `SomethingUnknownException: ${long}`]) {
    await diagnose(p.page, text, { app: 'okta' });
    for (const d of await p.page.locator('details').all()) await d.evaluate((e) => (e.open = true));
    const widths = await p.page.evaluate(() => ({ page: document.documentElement.scrollWidth, view: window.innerWidth }));
    assert.ok(widths.page <= widths.view, `page ${widths.page}px wide in a ${widths.view}px view for ${text.slice(0, 40)}`);
  }
  await checkClean(p);
});

test('"or drop a log file here" is shown on a laptop, not on a phone, where nothing can be dragged', async () => {
  for (const [viewport, shown] of [[LAPTOP, true], [PHONE, false]]) {
    const p = await openPage(browser, offlineUrl, { viewport });
    assert.equal(await p.page.locator('#drop-hint').isVisible(), shown, `${viewport.width}px`);
    assert.equal(await p.page.locator('label.file').isVisible(), true, 'opening a file works everywhere');
    await checkClean(p);
  }
});
