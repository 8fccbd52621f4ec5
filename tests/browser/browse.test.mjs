// Browser tests of the browse view (#browse: every known error by app, searched as you type) and of the first
// visit (examples to try, what the knowledge base knows), at laptop and phone width, in English and French.
// Each fails on any console error, page error or request outside the page.
// Run: node --test tests/browser/browse.test.mjs
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { LAPTOP, PHONE, checkClean, dist, launch, noAxeViolations, offlineUrl, openPage, root, serve, waitForResultOf } from './harness.mjs';

const kb = JSON.parse(readFileSync(path.join(root, 'data/kb.json'), 'utf8'));
const artifacts = path.join(root, 'build/wasm/test-artifacts');
const SETUPS = [
  { name: 'laptop-en', viewport: LAPTOP, locale: 'en-US', lang: 'en' },
  { name: 'phone-fr', viewport: PHONE, locale: 'fr-FR', lang: 'fr' },
  { name: 'laptop-fr-dark', viewport: LAPTOP, locale: 'fr-FR', lang: 'fr', colorScheme: 'dark' },
  { name: 'phone-en-dark', viewport: PHONE, locale: 'en-US', lang: 'en', colorScheme: 'dark' },
];
let browser;
let site;

before(async () => {
  browser = await launch();
  site = await serve(path.join(dist, 'site'), { prefix: '/tools/conndiag/' });
  mkdirSync(artifacts, { recursive: true });
});
after(async () => {
  await browser?.close();
  await site?.close();
});

async function noHorizontalScroll(page, what) {
  const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(scroll <= inner, `${what}: no horizontal scroll (content ${scroll}px, window ${inner}px)`);
}

// Written apart from the page's code on purpose: the entries whose message (any language), cause (in
// `lang`, else English), id or app holds `word`, accents and case ignored.
const plain = (s) => String(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
function entriesWith(word, lang) {
  return kb.entries.filter((e) => {
    const cause = (e.cause && (e.cause[lang] || e.cause.en)) || '';
    const name = kb.apps[e.apps[0]].name;
    return plain([...Object.values(e.message), cause, e.id, e.apps[0], name[lang] || name.en].join('\n')).includes(plain(word));
  });
}

const shownIds = (page) => page.locator('#browse li:visible').evaluateAll((lis) => lis.map((li) => li.dataset.entryId));

async function openBrowseFromHeader(page) {
  await page.click('#browse-link');
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'browse-search');
}

async function search(page, text) {
  await page.fill('#browse-search', text);
  await page.waitForFunction((t) => document.getElementById('browse-search').value === t &&
    document.getElementById('browse-count').textContent !== '', text);
}

for (const setup of SETUPS) {
  test(`browse lists every known error by app, its search ignores accents and case, a result opens its card and Back keeps the search (${setup.name})`, async () => {
    const p = await openPage(browser, offlineUrl, { viewport: setup.viewport, locale: setup.locale, colorScheme: setup.colorScheme });
    const { page } = p;
    const fr = setup.lang === 'fr';
    assert.equal(await page.locator('#browse-link').textContent(), fr ? 'Parcourir les erreurs connues' : 'Browse known errors');
    await openBrowseFromHeader(page);
    assert.equal(await page.evaluate(() => location.hash), '#browse');
    assert.equal(await page.locator('#error-text').isVisible(), false, 'the paste view gives way to the list');

    // Every entry of the knowledge base, once, under its app's heading with the app's count.
    const ids = await shownIds(page);
    assert.equal(ids.length, kb.entries.length);
    assert.deepEqual([...ids].sort(), kb.entries.map((e) => e.id).sort());
    const total = kb.entries.length;
    assert.equal(await page.locator('#browse-count').textContent(), fr ? `${total} erreurs sur ${total}` : `${total} of ${total} errors`);
    const okta = kb.entries.filter((e) => e.apps[0] === 'okta');
    assert.equal(await page.locator('#browse .browse-app[data-app=okta] h3').textContent(), `Okta (${okta.length})`);
    assert.deepEqual(await page.locator('#browse .browse-app[data-app=okta] li').evaluateAll((lis) => lis.map((li) => li.dataset.entryId)),
      okta.map((e) => e.id));
    await noHorizontalScroll(page, 'browse, whole list');
    await noAxeViolations(page, 'browse');
    await page.screenshot({ path: path.join(artifacts, `browse-${setup.name}.png`) });

    // Accents and case do not matter: "retourne" and "RETOURNÉ" find the French "Retourné par le serveur".
    const expected = entriesWith('retourné', setup.lang).map((e) => e.id);
    assert.ok(expected.length > 5 && expected.length < total, `${expected.length} entries say "retourné"`);
    await search(page, 'retourne');
    assert.deepEqual((await shownIds(page)).sort(), expected.sort());
    assert.equal(await page.locator('#browse-count').textContent(),
      fr ? `${expected.length} erreurs sur ${total}` : `${expected.length} of ${total} errors`);
    await search(page, 'RETOURNÉ');
    assert.equal((await shownIds(page)).length, expected.length);
    assert.equal(await page.evaluate(() => location.hash), '#browse=RETOURN%C3%89', 'the search is kept in the link');

    // Words are all required, wherever they are; nothing found says so.
    await search(page, 'okta 404');
    assert.deepEqual(await shownIds(page), ['okta-404-internal']);
    await search(page, 'zzqx');
    assert.equal((await shownIds(page)).length, 0);
    assert.equal(await page.locator('#browse-count').textContent(),
      fr ? 'Aucune erreur connue ne contient «\u00a0zzqx\u00a0».' : 'No known error contains "zzqx".');
    assert.equal(await page.locator('#browse .browse-app:visible').count(), 0);

    // A result opens its card; the browser's Back returns to the list with its search.
    await search(page, 'E0000047');
    assert.deepEqual(await shownIds(page), ['okta-e0000047']);
    await page.click('#browse li[data-entry-id=okta-e0000047] a');
    await page.waitForSelector('#results article.card[data-entry-id=okta-e0000047]');
    assert.equal(await page.evaluate(() => location.hash), '#entry=okta-e0000047');
    assert.equal(await page.locator('#browse').count(), 0);
    await page.goBack();
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'browse-search');
    assert.equal(await page.inputValue('#browse-search'), 'E0000047');
    assert.deepEqual(await shownIds(page), ['okta-e0000047']);

    // Escape returns to the error box.
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.getElementById('browse') && document.activeElement.id === 'error-text');
    assert.equal(await page.locator('#error-text').isVisible(), true);

    // The card of a link leads to the list too.
    await page.evaluate(() => (location.hash = '#entry=box-rest-failed-parse'));
    await page.waitForSelector('#results article.card[data-entry-id=box-rest-failed-parse]');
    const browseAll = page.locator('#results .browse-all a');
    assert.equal(await browseAll.textContent(), fr ? 'Parcourir toutes les erreurs connues' : 'Browse all known errors');
    await browseAll.click();
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'browse-search');
    assert.equal((await shownIds(page)).length, total);
    await checkClean(p);
  });
}

test('the keyboard alone opens the list, searches, opens a card, goes back and returns to the error box', async () => {
  const p = await openPage(browser, offlineUrl, { viewport: LAPTOP });
  const { page } = p;
  const focused = () => page.evaluate(() => document.activeElement.id || document.activeElement.textContent.trim());
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'skip-link');
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'browse-link');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'browse-search');
  await page.keyboard.type('salesforce timed');
  await page.waitForFunction(() => document.getElementById('browse-count').dataset.shown === '1');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.closest('li')?.dataset.entryId), 'salesforce-socket-timeout');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#results article.card[data-entry-id=salesforce-socket-timeout]');
  assert.equal(await focused(), 'results', 'focus goes to the card the link opened');
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'Copy fix');
  await page.goBack();
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'browse-search');
  assert.equal(await page.inputValue('#browse-search'), 'salesforce timed');
  // Shift+Tab from the search reaches the back link, which returns to the box like Escape.
  await page.keyboard.press('Shift+Tab');
  assert.equal(await focused(), 'Back to the error box');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !document.getElementById('browse') && document.activeElement.id === 'error-text');
  // "/" while browsing goes to the search, not to the hidden box.
  await page.click('#browse-link');
  await page.waitForSelector('#browse-search');
  await page.locator('#browse h2').click();
  await page.keyboard.press('/');
  await page.waitForFunction(() => document.activeElement.id === 'browse-search');
  // The language toggle redraws the list in French and keeps the search.
  await page.keyboard.type('socket');
  const sockets = entriesWith('socket', 'en').length;
  await page.waitForFunction((n) => document.getElementById('browse-count').dataset.shown === String(n), sockets);
  await page.click('#lang-toggle');
  await page.waitForFunction(() => document.getElementById('browse-title').textContent === 'Erreurs connues');
  assert.equal(await page.inputValue('#browse-search'), 'socket');
  const socketsFr = entriesWith('socket', 'fr').length;
  assert.equal(await page.locator('#browse-count').textContent(), `${socketsFr} erreur${socketsFr > 1 ? 's' : ''} sur ${kb.entries.length}`);
  // Escape works wherever the focus is.
  await page.locator('#browse h2').click();
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.getElementById('browse') && document.activeElement.id === 'error-text');
  await checkClean(p);
});

test('the hosted folder opens a #browse link directly, with the knowledge base it fetched', async () => {
  const p = await openPage(browser, `${site.url}#browse=AADSTS70008`, { allowedOrigin: site.url.replace(/\/tools.*/, '') });
  await p.page.waitForSelector('#browse-search');
  assert.equal(await p.page.inputValue('#browse-search'), 'AADSTS70008');
  const ids = await shownIds(p.page);
  assert.deepEqual(ids, entriesWith('AADSTS70008', 'en').map((e) => e.id));
  assert.ok(ids.includes('o365-aadsts70008-token-expired') && ids.includes('aadsts-70008'), ids.join(' '));
  await checkClean(p);
});

const appsKnown = Object.keys(kb.apps).filter((app) => app !== 'all');

for (const setup of SETUPS) {
  test(`the first visit offers examples that fill the box and answer, and says what it knows (${setup.name})`, async () => {
    const p = await openPage(browser, offlineUrl, { viewport: setup.viewport, locale: setup.locale, colorScheme: setup.colorScheme });
    const { page } = p;
    const fr = setup.lang === 'fr';
    assert.equal(await page.locator('#skip-link').textContent(), fr ? "Aller à la zone de saisie de l'erreur" : 'Skip to the error box');
    await page.waitForSelector('#results .examples button');
    assert.deepEqual(await page.locator('#results .examples button').evaluateAll((b) => b.map((x) => x.dataset.example)),
      ['token-expired', 'bare-401', 'log']);

    // What it knows, counted from the knowledge base: entries, apps, each app's name.
    const summary = await page.locator('#results .kb-summary').textContent();
    assert.match(summary, fr
      ? new RegExp(`^Reconnaît ${kb.entries.length} erreurs de ${appsKnown.length} applications\u00a0: `)
      : new RegExp(`^Knows ${kb.entries.length} errors across ${appsKnown.length} apps: `));
    for (const app of appsKnown) assert.ok(summary.includes(kb.apps[app].name[setup.lang]), `${app} in ${summary}`);
    assert.equal(await page.locator('#results .kb-summary a').getAttribute('href'), '#browse');
    await noHorizontalScroll(page, 'first visit');
    await noAxeViolations(page, 'first visit');
    await page.screenshot({ path: path.join(artifacts, `first-visit-${setup.name}.png`) });

    // An expired token: the table's own wording, answered confidently.
    const tokenEntry = kb.entries.find((e) => e.id === 'o365-aadsts70008-token-expired');
    await page.click('#results button[data-example=token-expired]');
    await waitForResultOf(page, tokenEntry.message[setup.lang]);
    const first = page.locator('#results article.card').first();
    assert.equal(await first.getAttribute('data-entry-id'), 'o365-aadsts70008-token-expired');
    assert.match(await first.getAttribute('class'), /\blikely\b/);

    // An empty box offers the examples again; a bare 401 asks which app.
    await page.fill('#error-text', '');
    await page.waitForSelector('#results button[data-example=bare-401]');
    await page.click('#results button[data-example=bare-401]');
    const bare401 = fr ? 'HttpRequestFailure : Retourné par le serveur : 401 Non autorisé' : 'HttpRequestFailure: Server returned: 401 Unauthorized';
    assert.ok(kb.entries.find((e) => e.id === 'okta-401-token-invalid').message[setup.lang] === bare401);
    await waitForResultOf(page, bare401);
    assert.deepEqual((await page.locator('#results .which-app button').evaluateAll((b) => b.map((x) => x.dataset.app))).sort(),
      ['exchange', 'office365', 'okta']);
    assert.equal(await page.locator('#results article.card.likely').count(), 0);
    await noHorizontalScroll(page, 'the 401 answer');

    // The sample log goes the way of a pasted log: the log view, each kind of line accounted for.
    await page.fill('#error-text', '');
    await page.waitForSelector('#results button[data-example=log]');
    await page.click('#results button[data-example=log]');
    const log = await page.inputValue('#error-text');
    assert.ok(log.split('\n').length > 41, 'more lines than a single paste');
    await waitForResultOf(page, log);
    const rows = await page.locator('#results section.log tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [tr.dataset.entryId, tr.dataset.app, tr.dataset.status]));
    assert.equal(rows[0][0], 'box-rest-failed-parse', 'the most frequent first');
    const apps = new Set(rows.map((r) => r[1]));
    assert.ok(apps.size >= 4, [...apps].join(' '));
    assert.ok(rows.some((r) => r[2] === 'ambiguous'), 'the bare 401 is marked not sure');
    assert.equal(await page.locator('#results .log-unrecognized li').count(), 2);
    await noHorizontalScroll(page, 'the log view');
    await checkClean(p);
  });
}
