// Browser tests of the page in Debian's Chromium. Each fails on any console error, page error or CSP
// violation. Run: node --test tests/browser/  (needs build/wasm/dist from `cmake --build --preset wasm`)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import AxeBuilder from '@axe-core/playwright';

import { checkClean, diagnose, dist, launch, offlineUrl, openPage, PHONE, root, serve, waitForResultOf } from './harness.mjs';

const kb = JSON.parse(readFileSync(path.join(root, 'data/kb.json'), 'utf8'));
const rows = kb.entries.filter((e) => e.row > 0);
const artifacts = path.join(root, 'build/wasm/test-artifacts');
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

async function everyRow(page) {
  for (const e of rows) {
    const app = e.apps[0] === 'all' ? '' : e.apps[0];
    await diagnose(page, e.message.en, { app, expect: e.id });
    if (e.message.fr) await diagnose(page, e.message.fr, { app, expect: e.id });
  }
}

test('the offline file from file:// classifies the English and French message of every row with no network', async () => {
  const p = await openPage(browser, offlineUrl);
  await everyRow(p.page);
  await checkClean(p);
});

test("the page's own knowledge base compiles its patterns on first use, a script's own one whole at load", async () => {
  const p = await openPage(browser, offlineUrl);
  const [own, scripts] = await p.page.evaluate(async (kbText) => [
    (await globalThis.ConnDiag.create()).kbInfo().patternsCompiled,
    (await globalThis.ConnDiag.create({ kb: kbText })).kbInfo().patternsCompiled,
  ], JSON.stringify(kb));
  assert.equal(own, 'on first use');
  assert.equal(scripts, 'at load');
  await checkClean(p);
});

test('the hosted folder served on 127.0.0.1 under a sub-path works the same', async () => {
  const p = await openPage(browser, site.url, { allowedOrigin: site.url.replace(/\/tools.*/, '') });
  await everyRow(p.page);
  // Its scripts are plain ones at the end of the body, as the offline file's are: deferred, they waited for
  // the page's first layout before starting the module, and a #text= link's answer came later.
  const scripts = await p.page.evaluate(() => [...document.scripts].map((s) => ({
    src: s.getAttribute('src'), deferred: s.defer || s.async,
    atTheEnd: [...document.body.children].slice(document.body.children.length - document.scripts.length).includes(s),
  })));
  assert.equal(scripts.length, 2);
  assert.deepEqual(scripts.filter((s) => s.deferred || !s.atTheEnd), []);
  await checkClean(p);
});

test('the hosted page reads its knowledge base prepared at build time; the offline file and a server that refuses .bin files read the JSON', async () => {
  const prepared = async (url, allowedOrigin) => {
    const p = await openPage(browser, url, { allowedOrigin });
    await diagnose(p.page, 'AADSTS70008: The refresh token has expired due to inactivity.', { expect: 'o365-aadsts70008-token-expired' });
    const used = await p.page.evaluate(async () => (await globalThis.ConnDiag.create()).kbInfo().prepared);
    await p.context.close();
    return { used, problems: p.problems };
  };
  const hosted = await prepared(site.url, site.url.replace(/\/tools.*/, ''));
  assert.deepEqual(hosted, { used: true, problems: [] });
  const offline = await prepared(offlineUrl);
  assert.deepEqual(offline, { used: false, problems: [] });
  // The same folder without its .bin file: the page still answers, and the console says what was missing.
  const folder = mkdtempSync(path.join(os.tmpdir(), 'conndiag-no-bin-'));
  cpSync(path.join(dist, 'site'), folder, { recursive: true });
  const manifest = JSON.parse(readFileSync(path.join(folder, 'asset-manifest.json'), 'utf8'));
  rmSync(path.join(folder, manifest.prepared));
  const refusing = await serve(folder);
  try {
    const missing = await prepared(refusing.url, refusing.url);
    assert.equal(missing.used, false);
    assert.ok(missing.problems.some((x) => x.includes(`conndiag: ${manifest.prepared}: HTTP 404: the knowledge base is read from its JSON`)),
      missing.problems.join('\n'));
    assert.deepEqual(missing.problems.filter((x) => !x.includes('404')), []);
  } finally {
    await refusing.close();
    rmSync(folder, { recursive: true, force: true });
  }
});

// For each app, the example of its first signature that is vendor wording (not the connector's own message):
// an SDK exception, an API body, a localized operating-system message.
const vendorPastes = Object.keys(kb.apps).filter((app) => app !== 'all').map((app) => {
  for (const e of kb.entries.filter((x) => x.apps.includes(app) && !x.fallback)) {
    for (const sig of e.signatures) {
      if (sig.id !== 'connector' && sig.id !== 'code' && !sig.weak && sig.examples?.length) {
        return { app, id: e.id, text: sig.examples[0] };
      }
    }
  }
  return { app, id: null, text: null };
});

test("every app's vendor wording (not only the connector's message) gets its row, with where the wording was seen", async () => {
  assert.deepEqual(vendorPastes.filter((v) => !v.id).map((v) => v.app), [], 'every app has a vendor-wording example');
  const p = await openPage(browser, offlineUrl);
  for (const v of vendorPastes) {
    await diagnose(p.page, v.text, { app: v.app, expect: v.id });
    const card = p.page.locator('#results article.card').first();
    assert.equal(await card.getAttribute('data-app'), v.app);
    assert.ok(await card.locator('p.sources a').count() > 0, `${v.id}: the sources of its wording are linked`);
  }
  await checkClean(p);
});

test("a code found in the text answers with its row and the code's own reason, in both languages", async () => {
  const p = await openPage(browser, offlineUrl);
  const text = '{"errorCode":"E0000011","errorSummary":"Invalid token provided","errorLink":"E0000011"}';
  await diagnose(p.page, text, { expect: 'okta-401-token-invalid' });
  assert.match(await p.page.locator('article.card .code-reason').first().textContent(), /^E0000011 .*token/i);
  assert.match(await p.page.locator('article.card').first().getAttribute('class'), /likely/);
  await p.page.click('#lang-toggle');
  await waitForResultOf(p.page, text);
  assert.match(await p.page.locator('article.card .code-reason').first().textContent(), /jeton/);
  await checkClean(p);
});

test('an unknown error says what the text does tell (status, code, app) instead of a bare no-match', async () => {
  const p = await openPage(browser, offlineUrl);
  await diagnose(p.page, 'HTTP/1.1 503 Service Unavailable {"errorCode":"E0000999","errorSummary":"Something new"} okta.com');
  assert.equal(await p.page.locator('#results article.card').count(), 0);
  const said = await p.page.locator('#results .fields ul.understood li').allTextContents();
  assert.ok(said.some((l) => /503/.test(l) && /unavailable/.test(l)), said.join(' | '));
  assert.ok(said.some((l) => /E0000999/.test(l)), said.join(' | '));
  assert.ok(said.some((l) => /Okta/.test(l)), said.join(' | '));
  await checkClean(p);
});

test('a reworded error that no wording matches is proposed as similar, never as likely', async () => {
  const p = await openPage(browser, offlineUrl);
  await diagnose(p.page, 'BoxServerException: the user cannot access this feature without an enterprise account', { app: 'box' });
  const card = p.page.locator('#results article.card').first();
  assert.equal(await card.getAttribute('data-entry-id'), 'box-not-enterprise');
  assert.doesNotMatch(await card.getAttribute('class'), /likely/);
  assert.equal(await card.locator('.similar-note').count(), 1);
  await checkClean(p);
});

test('pasted HTML and scripts are shown as text and never run', async () => {
  const p = await openPage(browser, offlineUrl);
  const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> IgniteException <b>bold</b>';
  await diagnose(p.page, hostile, { expect: 'o365-ignite-domain-user' });
  await p.page.locator('details.why').first().click();
  assert.equal(await p.page.evaluate(() => window.__pwned), undefined);
  assert.equal(await p.page.locator('#results img, #results script, #results b').count(), 0);
  assert.match(await p.page.locator('#results .matched-text').first().textContent(), /<img src=x onerror=/);
  await checkClean(p);
});

test('the language toggle switches to French and is remembered', async () => {
  const p = await openPage(browser, offlineUrl);
  await p.page.click('#lang-toggle');
  await p.page.getByLabel("Message d'erreur").waitFor();
  assert.equal(await p.page.getAttribute('html', 'lang'), 'fr');
  await p.page.getByLabel('Application').waitFor();
  await diagnose(p.page, 'IgniteException', { expect: 'o365-ignite-domain-user' });
  assert.match(await p.page.locator('article.card .cause').first().textContent(), /domaine ou l'utilisateur/);
  await p.page.reload();
  await p.page.waitForSelector('body[data-ready=true]');
  assert.equal(await p.page.getAttribute('html', 'lang'), 'fr');
  await checkClean(p);
});

test('a French browser starts in French', async () => {
  const p = await openPage(browser, offlineUrl, { locale: 'fr-FR' });
  assert.equal(await p.page.getAttribute('html', 'lang'), 'fr');
  await checkClean(p);
});

test('an error several apps share asks which app, and the answer decides', async () => {
  const p = await openPage(browser, offlineUrl);
  await diagnose(p.page, 'HttpRequestFailure: Server returned: 401 Unauthorized');
  const apps = await p.page.locator('.which-app button').evaluateAll((b) => b.map((x) => x.dataset.app));
  assert.deepEqual(apps.sort(), ['exchange', 'office365', 'okta']);
  assert.equal(await p.page.locator('article.card.likely').count(), 0);
  await p.page.click('.which-app button[data-app=exchange]');
  await waitForResultOf(p.page, 'HttpRequestFailure: Server returned: 401 Unauthorized', 'exchange');
  assert.equal(await p.page.locator('article.card').first().getAttribute('data-entry-id'), 'exchange-401-bad-credentials');
  assert.equal(await p.page.locator('#app').inputValue(), 'exchange');
  await checkClean(p);
});

test('a shared link round-trips the text and app with secrets redacted', async () => {
  const p = await openPage(browser, offlineUrl);
  const text = 'HttpRequestFailure: Server returned: 401 Unauthorized Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTYifQ.c2lnbmF0dXJlLXZhbHVl refresh_token=0.AAAAsecretsecret admin@contoso.com';
  await diagnose(p.page, text, { app: 'okta', expect: 'okta-401-token-invalid' });
  await p.page.click('#share');
  await p.page.waitForFunction(() => location.hash.startsWith('#text='));
  const url = await p.page.evaluate(() => location.href);
  assert.ok(!url.includes('eyJhbGci') && !url.includes('secretsecret') && !url.includes('contoso.com'), url);
  const q = await openPage(browser, url);
  await q.page.waitForSelector('article.card');
  const shared = await q.page.locator('#error-text').inputValue();
  assert.match(shared, /Bearer \[redacted-jwt\]/);
  assert.match(shared, /refresh_token=\[redacted\]/);
  assert.match(shared, /\[redacted-email\]/);
  assert.equal(await q.page.locator('#app').inputValue(), 'okta');
  assert.equal(await q.page.locator('article.card').first().getAttribute('data-entry-id'), 'okta-401-token-invalid');
  await checkClean(p);
  await checkClean(q);
});

test('a pasted log accounts for every error line: most frequent first, a bare 401 marked not sure, unknown lines counted with samples', async () => {
  const p = await openPage(browser, offlineUrl);
  const lines = [];
  for (let i = 0; i < 50; i += 1) {
    const t = `2026-11-25T10:00:${String(i).padStart(2, '0')}Z`;
    if (i % 10 === 0) lines.push(`${t} ERROR BoxRestException: Failed to parse response.`);
    else if (i % 5 === 0) lines.push(`${t} ERROR HttpRequestFailure: Server returned: 401 Unauthorized`);
    else if (i % 7 === 0) lines.push(`${t} ERROR [ews] mailbox sync failed for user ${1000000 + i}`);
    else lines.push(`${t} INFO poller fetched ${i} events, 0 errors`);
  }
  const log = lines.join('\n');
  await p.page.getByLabel('Error message').fill(log);
  await waitForResultOf(p.page, log);
  const rowsShown = await p.page.locator('section.log tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [tr.dataset.entryId, tr.dataset.status, Number(tr.cells[0].textContent)]));
  // 5 bare 401s (ambiguous: Okta, Microsoft 365 or Exchange Online) before 5 Box lines? Equal counts keep
  // first-seen order; what matters: counts descend, and the 401 row says it is not sure.
  assert.deepEqual(rowsShown.map((r) => r[2]), [...rowsShown.map((r) => r[2])].sort((a, b) => b - a));
  const bare401 = rowsShown.find((r) => r[1] === 'ambiguous');
  assert.ok(bare401, JSON.stringify(rowsShown));
  assert.match(await p.page.locator('section.log tr[data-status="ambiguous"]').first().textContent(), /not sure/);
  const unknown = p.page.locator('section.log-unrecognized');
  assert.match(await unknown.locator('h4').textContent(), /Not recognized: 6 error lines \(1 distinct\)/);
  assert.match(await unknown.locator('li').first().textContent(), /mailbox sync failed/);
  await unknown.getByRole('button', { name: 'Diagnose this line' }).first().click();
  const box = await p.page.getByLabel('Error message').inputValue();
  assert.match(box, /^2026-11-25T10:00:07Z ERROR \[ews\] mailbox sync failed for user 1000007$/);
  await waitForResultOf(p.page, box);
  assert.equal(await p.page.locator('section.log').count(), 0, 'the line is diagnosed alone');
  await checkClean(p);
});

test('a dropped 5 MB log shows one row per distinct problem with counts', async () => {
  const p = await openPage(browser, offlineUrl);
  await p.page.evaluate(() => {
    const noise = '2026-11-25T10:00:00Z INFO poller fetched 12 events for tenant in 40 ms, queue depth 3, all good';
    const parts = [];
    let size = 0;
    for (let i = 0; size < 5 * 1024 * 1024; i += 1) {
      const line = i % 500 === 0 ? '2026-11-25T10:00:00Z ERROR BoxRestException: Failed to parse response.'
        : i % 777 === 0 ? '2026-11-25T10:00:00Z ERROR SocketTimeoutException: Read timed out (https://contoso.my.salesforce.com)'
          : noise;
      parts.push(line);
      size += line.length + 1;
    }
    const file = new File([parts.join('\n')], 'connector.log', { type: 'text/plain' });
    const data = new DataTransfer();
    data.items.add(file);
    const zone = document.getElementById('drop-zone');
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await p.page.waitForFunction(() => /distinct problems in/.test(document.getElementById('status').textContent) &&
    document.getElementById('log-progress').hidden);
  const rowsShown = await p.page.locator('section.log tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.dataset.entryId, Number(tr.cells[0].textContent)]));
  assert.equal(rowsShown.length, 2);
  assert.equal(rowsShown[0][0], 'box-rest-failed-parse');
  assert.ok(rowsShown[0][1] > 100);
  assert.equal(rowsShown[1][0], 'salesforce-socket-timeout');
  assert.match(await p.page.locator('#status').textContent(), /2 distinct problems in [\d,]+ lines/);
  await checkClean(p);
});

test('axe-core finds no accessibility violations, in light and dark mode, with a result shown', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const p = await openPage(browser, offlineUrl, { colorScheme });
    await diagnose(p.page, 'HttpRequestFailure: Server returned: 401 Unauthorized');
    await p.page.locator('details.why').first().click();
    const results = await new AxeBuilder({ page: p.page }).analyze();
    assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), [], colorScheme);
    await checkClean(p);
  }
});

test('keyboard alone reaches the box, the app choice and the result actions', async () => {
  const p = await openPage(browser, offlineUrl);
  await diagnose(p.page, 'IgniteException', { expect: 'o365-ignite-domain-user' });
  await p.page.evaluate(() => document.activeElement.blur());  // from the top of the page, as a keyboard user starts
  const visited = [];
  for (let i = 0; i < 16; i += 1) {
    await p.page.keyboard.press('Tab');
    visited.push(await p.page.evaluate(() => document.activeElement.id || document.activeElement.textContent.trim().slice(0, 20)));
  }
  for (const expected of ['skip-link', 'browse-link', 'error-text', 'app', 'log-file', 'share', 'Copy fix', 'Not the right answer']) assert.ok(visited.includes(expected), `${expected} in ${visited}`);
  await checkClean(p);
});

test('the page with a result looks like a tool people trust (screenshot kept as an artifact)', async () => {
  for (const [name, viewport] of [['page', { width: 1100, height: 900 }], ['page-phone', PHONE]]) {
    const p = await openPage(browser, offlineUrl, { viewport });
    await diagnose(p.page, 'ContextManagerServiceException: com.adallom.adalib.httputils.exceptions.TokenRefreshException: {"error":"invalid_grant","error_description":"Invalid refresh token"}', { expect: 'box-contextmanager-tokenrefresh-invalid-refresh' });
    await p.page.locator('details.why').first().click();
    const width = await p.page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= viewport.width, `no horizontal scroll at ${viewport.width}px (content is ${width}px)`);
    await p.page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
    await checkClean(p);
  }
});

test('the API works in a Web Worker of the hosted folder', async () => {
  const p = await openPage(browser, site.url, { allowedOrigin: site.url.replace(/\/tools.*/, '') });
  const reply = await p.page.evaluate(async () => {
    const kb = await (await fetch('kb.json')).text();
    const worker = new Worker('conndiag-worker.js');
    const next = () => new Promise((resolve) => worker.addEventListener('message', (e) => resolve(e.data), { once: true }));
    worker.postMessage({ type: 'load', kb });
    const ready = await next();
    worker.postMessage({ id: 1, type: 'classify', text: 'Retourné par le serveur : 404 Introuvable', options: { app: 'okta', lang: 'fr' } });
    const result = await next();
    worker.postMessage({ id: 2, type: 'classify', text: 'x', options: { app: 'dropbox' } });
    const error = await next();
    worker.terminate();
    return { ready, result, error };
  });
  assert.equal(reply.ready.type, 'ready');
  assert.equal(reply.ready.info.entries, kb.entries.length);
  assert.equal(reply.result.value.matches[0].id, 'okta-404-internal');
  assert.match(reply.result.value.matches[0].cause, /Okta/);
  assert.equal(reply.error.type, 'error');
  assert.match(reply.error.message, /unknown app "dropbox"/);
  await checkClean(p);
});
