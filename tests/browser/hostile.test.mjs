// Browser tests of what a careless host or a hostile input does to the page, the element and the iframe:
// parent origins written loosely or as "null", links in a sandbox, language keys like "constructor",
// loads that fail once, and pastes too big for the main thread. Each test fails on any console error or
// page error it does not expect.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { dist, launch, openPage, serve, waitForResultOf, warmedUp } from './harness.mjs';
import { recordModuleCalls } from './in-page.mjs';
import { embeddedElement, FRAME_PORTAL_SCRIPT, framedPage, writePortalPage } from './portal-pages.mjs';

let browser;
let site;    // the hosted conndiag folder, under a sub-path
let portal;  // another origin that embeds it
let portalDir;

const siteOrigin = () => new URL(site.url).origin;
const portalOrigin = () => new URL(portal.url).origin;
const BIG = 1_200_000;  // characters: above the size classified off the main thread

// A portal page of this test's (portal-pages.mjs).
const portalPage = (name, body, options) => writePortalPage(portalDir, site.url, name, body, options);
const framePortal = (name, parent, sandbox) => portalPage(name, framedPage(site.url, parent, sandbox), { script: FRAME_PORTAL_SCRIPT });

before(async () => {
  browser = await launch();
  site = await serve(path.join(dist, 'site'), { prefix: '/tools/conndiag/' });
  portalDir = mkdtempSync(path.join(os.tmpdir(), 'conndiag-hostile-'));
  portal = await serve(portalDir);
  // Origins as people write them: upper case, a trailing slash, a path, spaces, junk beside them.
  framePortal('loose-origin', ` not a url , ${portalOrigin().toUpperCase()}/help/ `);
  framePortal('null-origin', 'null');
  framePortal('trusted', portalOrigin());
  const elementScript = `
    window.results = [];
    window.errors = [];
    document.addEventListener('conndiag:result', (e) => window.results.push({ top: e.detail.matches[0]?.id }));
    document.addEventListener('conndiag:error', (e) => window.errors.push(e.detail.message));`;
  const element = (kbSrc = '') => embeddedElement(site.url, ` id="d"${kbSrc ? ` kb-src="${kbSrc}"` : ''}`);
  portalPage('element-workers', element(), { script: elementScript, extraCsp: '; worker-src blob:' });
  portalPage('element-strict', element(), { script: elementScript });
  portalPage('element-flaky', element('flaky-kb.json'), { script: elementScript });
  writeFileSync(path.join(portalDir, 'flaky-kb.json'), JSON.stringify({
    extends: 'conndiag',
    entries: [{ id: 'portal-flaky', apps: ['office365'], kind: 'configuration', action: 'enable-setting',
      message: { en: 'FlakyGatewayException: gateway asleep' }, patterns: ['flakygatewayexception'],
      cause: { en: 'The gateway sleeps.', fr: 'La passerelle dort.' }, fix: { en: ['Wake it.'], fr: ['Réveillez-la.'] } }],
  }));
});

after(async () => {
  await browser?.close();
  await site?.close();
  await portal?.close();
  rmSync(portalDir, { recursive: true, force: true });
});

async function done(p, expectedProblems = []) {
  await p.context.close();
  assert.deepEqual(p.problems.filter((x) => !expectedProblems.some((re) => re.test(x))), [], 'console or page errors');
  assert.deepEqual(p.foreignRequests, [], 'requests outside the allowed origins');
}

const openPortal = (name, options = {}) =>
  openPage(browser, `${portal.url}${name}.html`, { allowedOrigin: [siteOrigin(), portalOrigin()], waitReady: false, ...options });

test('iframe: loosely written parent origins are normalized and answered; "null" and junk trust no one', async () => {
  const loose = await openPortal('loose-origin');
  await loose.page.waitForFunction(() => window.received.some((m) => m.type === 'ready'));
  await loose.page.evaluate(() => window.send({ type: 'classify', id: 3, text: 'IgniteException' }));
  await loose.page.waitForFunction(() => window.received.some((m) => m.type === 'result'));
  const result = await loose.page.evaluate(() => window.received.find((m) => m.type === 'result'));
  assert.equal(result.id, 3);
  assert.equal(result.result.matches[0].id, 'o365-ignite-domain-user');
  await done(loose);

  const nul = await openPortal('null-origin');
  const framed = nul.page.frameLocator('#f');
  await framed.locator('body[data-ready=true]').waitFor({ state: 'attached' });
  await nul.page.evaluate(() => window.send({ type: 'classify', id: 4, text: 'IgniteException' }));
  await framed.locator('body[data-ignored-messages="1"]').waitFor({ state: 'attached' });
  await framed.locator('body').evaluate(() => window.parent.postMessage('end of test', '*'));
  await nul.page.waitForFunction(() => window.received.includes('end of test'));
  assert.deepEqual(await nul.page.evaluate(() => window.received), ['end of test'], 'nothing is sent to, or accepted from, "null"');
  await done(nul);
});

test('iframe: a link the sandbox blocks is shown as an address and handed to the portal', async () => {
  const p = await openPortal('trusted');
  await p.page.waitForFunction(() => window.received.some((m) => m.type === 'ready'));
  await p.page.evaluate(() => window.send({ type: 'classify', id: 1, text: 'AADSTS50020' }));
  await p.page.waitForFunction(() => window.received.some((m) => m.type === 'result'));
  const framed = p.page.frameLocator('#f');
  const link = framed.locator('article.card .actions a').first();
  const href = await link.getAttribute('href');
  assert.match(href, /^https:\/\/login\.microsoftonline\.com\//);
  await link.click();
  await p.page.waitForFunction(() => window.received.some((m) => m.type === 'link'));
  assert.deepEqual(await p.page.evaluate(() => window.received.find((m) => m.type === 'link')), { type: 'link', url: href });
  assert.match(await framed.locator('#status').textContent(), new RegExp(`does not let the diagnoser open links.*${href.replace(/[.?]/g, '\\$&')}`));
  // The browser reports the blocked popup itself; that is the expected part.
  await done(p, [/Blocked opening .* sandboxed frame whose 'allow-popups' permission is not set/]);
});

test('iframe: a paste too big for the main thread is classified in the worker and answered', async () => {
  const p = await openPortal('trusted');
  await p.page.waitForFunction(() => window.received.some((m) => m.type === 'ready'));
  const frame = p.page.frames().find((f) => f.url().includes('embed=1'));
  await warmedUp(frame);
  await frame.evaluate(() => (window.__mainThreadCalls.length = 0));
  await p.page.evaluate((size) => window.send({ type: 'classify', id: 9, text: `${'INFO all good\n'.repeat(size / 14)}IgniteException` }), BIG);
  await p.page.waitForFunction(() => window.received.some((m) => m.id === 9));
  const reply = await p.page.evaluate(() => window.received.find((m) => m.id === 9));
  assert.equal(reply.type, 'result', JSON.stringify(reply.message));
  assert.equal(reply.result.matches[0].id, 'o365-ignite-domain-user');
  assert.deepEqual(await frame.evaluate(() => window.__mainThreadCalls), [], 'the frame never called its module on the main thread');
  // The record is live: a small text is classified on the main thread.
  await p.page.evaluate(() => window.send({ type: 'classify', id: 10, text: 'IgniteException' }));
  await p.page.waitForFunction(() => window.received.some((m) => m.type === 'result' && m.id === 10));
  assert.deepEqual(await frame.evaluate(() => window.__mainThreadCalls), ['classify']);
  await done(p);
});

test('element: a paste too big for the main thread goes to a worker, even with the script on another origin', async () => {
  const p = await openPortal('element-workers', { prepare: (context) => context.addInitScript(recordModuleCalls) });
  await p.page.waitForFunction(() => document.querySelector('conn-diag')?.shadowRoot?.querySelector('select option + option'));
  await warmedUp(p.page);  // the element's own two classifications, in idle time
  await p.page.evaluate(() => (window.__moduleCalls.length = 0));
  await p.page.evaluate((size) => {
    document.getElementById('d').setAttribute('text', `${'INFO all good\n'.repeat(size / 14)}IgniteException`);
  }, BIG);
  await p.page.waitForFunction(() => window.results.length === 1);
  assert.deepEqual(await p.page.evaluate(() => window.results), [{ top: 'o365-ignite-domain-user' }]);
  const calls = await p.page.evaluate(() => window.__moduleCalls);
  assert.deepEqual(calls.filter(([, length]) => length > 1000), [], 'the big text never reached the main thread\'s module');
  await p.page.evaluate(() => document.getElementById('d').setAttribute('text', 'IgniteException'));
  await p.page.waitForFunction(() => window.results.length === 2);
  assert.deepEqual(await p.page.evaluate(() => window.__moduleCalls.map(([name]) => name)), ['classify'], 'small texts stay on the main thread');
  await done(p);
});

test('element: where the portal forbids workers, a big paste is still answered (on the main thread)', async () => {
  const p = await openPortal('element-strict');
  await p.page.waitForFunction(() => document.querySelector('conn-diag')?.shadowRoot?.querySelector('select option + option'));
  await p.page.evaluate((size) => {
    document.getElementById('d').setAttribute('text', `${'INFO all good\n'.repeat(size / 14)}IgniteException`);
  }, BIG);
  await p.page.waitForFunction(() => window.results.length === 1);
  assert.deepEqual(await p.page.evaluate(() => [window.results, window.errors]), [[{ top: 'o365-ignite-domain-user' }], []]);
  // The browser reports the refused worker itself; that is the expected part.
  await done(p, [/Refused to create a worker|worker-src|Content Security Policy/]);
});

test('element: a kb-src that failed once loads on "Try again", without reloading the portal', async () => {
  let requests = 0;
  const p = await openPortal('element-flaky', {
    prepare: (context) => context.route('**/flaky-kb.json', (route) => {
      requests += 1;
      return requests === 1 ? route.fulfill({ status: 503, body: 'asleep' }) : route.continue();
    }),
  });
  await p.page.waitForFunction(() => window.errors.length === 1);
  assert.match(await p.page.evaluate(() => window.errors[0]), /flaky-kb\.json: cannot load the knowledge base \(HTTP 503\)/);
  await p.page.locator('conn-diag button[part=retry]').click();
  await p.page.locator('conn-diag textarea').fill('FlakyGatewayException: gateway asleep');
  await p.page.waitForFunction(() => window.results.length === 1);
  assert.deepEqual(await p.page.evaluate(() => window.results), [{ top: 'portal-flaky' }]);
  assert.equal(requests, 2);
  await done(p, [/503/]);
});

test('page: a knowledge base that failed to load once loads on "Try again"', async () => {
  let failed = 0;
  const p = await openPage(browser, site.url, {
    allowedOrigin: site.url,
    waitReady: false,
    prepare: (context) => context.route(/\/kb\.[0-9a-f]{12}\.json$/, (route) => {
      if (failed) return route.continue();
      failed += 1;
      return route.fulfill({ status: 500, body: 'broken' });
    }),
  });
  await p.page.waitForSelector('#retry');
  assert.match(await p.page.locator('#status').textContent(), /could not start: kb\.[0-9a-f]{12}\.json: HTTP 500/);
  await p.page.click('#retry');
  await p.page.waitForSelector('body[data-ready=true]');
  await p.page.getByLabel('Error message').fill('IgniteException');
  await waitForResultOf(p.page, 'IgniteException');
  assert.equal(await p.page.locator('article.card').first().getAttribute('data-entry-id'), 'o365-ignite-domain-user');
  await done(p, [/500/]);
});

test('offline file: a damaged packed knowledge base or module says which, and nothing loads', async () => {
  const page = readFileSync(path.join(dist, 'conndiag.html'), 'utf8');
  for (const [id, what] of [['conndiag-kb', "the offline page's knowledge base"], ['conndiag-wasm', "the offline page's module"]]) {
    // 48 base64 characters (36 bytes) in the middle of the packed block replaced: still valid base64.
    const damaged = page.replace(new RegExp(`(id="${id}">)([^<]*)<`), (_, open, block) => {
      const at = block.length >> 1;
      return `${open}${block.slice(0, at)}${'A'.repeat(48)}${block.slice(at + 48)}<`;
    });
    assert.notEqual(damaged, page, id);
    const file = path.join(portalDir, `damaged-${id}.html`);
    writeFileSync(file, damaged);
    const p = await openPage(browser, `file://${file}`, { waitReady: false });
    await p.page.waitForSelector('#retry');
    assert.match(await p.page.locator('#status').textContent(), new RegExp(`could not start: ${what} is damaged \\(LZMA: `), id);
    assert.equal(await p.page.locator('article.card').count(), 0);
    await done(p);
  }
});

test('language keys like "constructor" in the link, the stored choice or a portal message change nothing', async () => {
  for (const lang of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
    const p = await openPage(browser, `${site.url}#text=IgniteException&lang=${lang}`, {
      allowedOrigin: site.url,
      prepare: (context) => context.addInitScript((l) => localStorage.setItem('conndiag.lang', l), lang),
    });
    await waitForResultOf(p.page, 'IgniteException');
    assert.equal(await p.page.locator('#error-label').textContent(), 'Error message', lang);
    assert.equal(await p.page.evaluate(() => document.documentElement.lang), 'en');
    assert.equal(await p.page.locator('article.card').first().getAttribute('data-entry-id'), 'o365-ignite-domain-user');
    await done(p);
  }
  const p = await openPortal('trusted');
  await p.page.waitForFunction(() => window.received.some((m) => m.type === 'ready'));
  await p.page.evaluate(() => window.send({ type: 'classify', id: 2, text: 'IgniteException', lang: 'constructor', app: '__proto__' }));
  await p.page.waitForFunction(() => window.received.some((m) => m.type === 'result' || m.type === 'error'));
  const reply = await p.page.evaluate(() => window.received.find((m) => m.type === 'result' || m.type === 'error'));
  // "__proto__" is no app: refused by name, like any unknown app; the frame keeps its labels.
  assert.deepEqual([reply.type, reply.id], ['error', 2]);
  assert.match(reply.message, /__proto__/);
  assert.equal(await p.page.frameLocator('#f').locator('#error-label').textContent(), 'Error message');
  await done(p);
});
