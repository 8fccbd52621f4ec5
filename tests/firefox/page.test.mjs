// The page in Firefox ESR (the Chromium suite is tests/browser/): the offline file, the hosted folder, a
// hostile paste, axe-core in light and dark mode, a big log read by the workers, and the element in a
// portal with a strict CSP. Each test
// fails on any console error, page error or request outside the page.
// Run: node --test tests/firefox/  (needs build/wasm/dist from `cmake --build --preset wasm`)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { BOX_AND_AWS, logDone, makeLogFile, recordModuleCalls } from '../browser/in-page.mjs';
import { embeddedElement, FRAME_PORTAL_SCRIPT, framedPage, writePortalPage } from '../browser/portal-pages.mjs';
import { axeViolations, checkClean, diagnose, dist, launch, offlineUrl, openPage, root, serve } from './harness.mjs';

const kb = JSON.parse(readFileSync(path.join(root, 'data/kb.json'), 'utf8'));
const rows = kb.entries.filter((e) => e.row > 0);
let browser;
let site;    // the hosted folder, under a sub-path
let portal;  // another origin, whose page embeds the element from `site`
let portalDir;

before(async () => {
  browser = await launch();
  site = await serve(path.join(dist, 'site'), { prefix: '/tools/conndiag/' });
  portalDir = mkdtempSync(path.join(os.tmpdir(), 'conndiag-firefox-portal-'));
  portal = await serve(portalDir);
  // The portal's page embedding the element; its own rules must not reach inside the element.
  const portalScript = "document.addEventListener('conndiag:result', (e) => { document.getElementById('last-result').textContent = e.detail.matches.map((m) => m.id).join(' '); });";
  const element = `<h1>Help</h1>${embeddedElement(site.url)}<p id="last-result"></p>`;
  const head = '<link rel="stylesheet" href="portal.css">';
  writePortalPage(portalDir, site.url, 'index', element, { script: portalScript, head });
  writeFileSync(path.join(portalDir, 'portal.css'), '.card, textarea { display: none }');
  // The same element where the portal lets blob: workers run (the element's worker, its script being on
  // another origin, starts from a blob that imports it).
  writePortalPage(portalDir, site.url, 'workers', element, { script: portalScript, head, extraCsp: '; worker-src blob:' });
  // The same portal framing the page in a sandbox (an opaque origin: its worker starts from a blob that
  // imports the script), talking to it by messages.
  writePortalPage(portalDir, site.url, 'frame', framedPage(site.url, new URL(portal.url).origin), { script: FRAME_PORTAL_SCRIPT });
});
after(async () => {
  await browser?.close();
  await site?.close();
  await portal?.close();
  if (portalDir) rmSync(portalDir, { recursive: true, force: true });
});

async function everyRow(page) {
  const wrong = [];
  for (const e of rows) {
    const app = e.apps[0] === 'all' ? '' : e.apps[0];
    for (const text of [e.message.en, e.message.fr].filter(Boolean)) {
      const first = await diagnose(page, text, app);
      if (first !== e.id) wrong.push(`${e.id}: ${first}`);
    }
  }
  assert.deepEqual(wrong, [], 'rows whose own message did not come first');
}

test('Firefox: the offline file from file:// classifies the English and French message of every row with no network', async () => {
  const p = await openPage(browser, offlineUrl);
  await everyRow(p.page);
  await checkClean(p);
});

test('Firefox: the hosted folder under a sub-path does the same, and a #text= link opens on its answer', async () => {
  const origin = new URL(site.url).origin;
  const p = await openPage(browser, site.url, { allowedOrigin: origin });
  await everyRow(p.page);
  await p.context.close();
  const row = rows.find((e) => e.apps[0] !== 'all');
  const link = await openPage(browser, `${site.url}#text=${encodeURIComponent(row.message.en)}&app=${row.apps[0]}`, { allowedOrigin: origin });
  await link.page.waitForSelector('#results article.card');
  assert.deepEqual(await link.page.evaluate(() => [document.getElementById('error-text').value, document.getElementById('app').value,
                                                   document.querySelector('#results article.card').dataset.entryId]),
                   [row.message.en, row.apps[0], row.id]);
  await checkClean(link);
  assert.deepEqual([p.problems, p.foreignRequests], [[], []]);
});

test('Firefox: pasted HTML and scripts are shown as text and never run', async () => {
  const p = await openPage(browser, offlineUrl);
  const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> IgniteException <b>bold</b>';
  assert.equal(await diagnose(p.page, hostile), 'o365-ignite-domain-user');
  await p.page.click('#results details.why summary');
  assert.equal(await p.page.evaluate(() => window.__pwned), undefined);
  assert.equal(await p.page.evaluate(() => document.querySelectorAll('#results img, #results script, #results b').length), 0);
  assert.match(await p.page.$eval('#results .matched-text', (m) => m.textContent), /<img src=x onerror=/);
  await checkClean(p);
});

test('Firefox: axe-core finds no accessibility violations with a result shown, in light and dark mode', async () => {
  const dark = await launch({ dark: true });
  try {
    for (const [mode, firefox] of [['light', browser], ['dark', dark]]) {
      const p = await openPage(firefox, offlineUrl);
      assert.equal(await p.page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), mode === 'dark', mode);
      await diagnose(p.page, 'HttpRequestFailure: Server returned: 401 Unauthorized', 'okta');
      assert.deepEqual(await axeViolations(p.page), [], mode);
      await checkClean(p);
    }
  } finally {
    await dark.close();
  }
});

test('Firefox: a 20 MB log dropped on the offline file is read by the workers, never by the page\'s thread', async () => {
  const p = await openPage(browser, offlineUrl);
  // The page's idle-time warm-ups over (the paste's, then the log code's in a worker of its own, ended):
  // the workers that read the log are the drop's.
  await p.page.waitForFunction(() => performance.getEntriesByName('conndiag:log-warm').length > 0);
  await p.page.evaluate(makeLogFile, [20, BOX_AND_AWS]);
  await p.page.evaluate(() => {
    window.__mainThreadCalls.length = 0;
    const data = new DataTransfer();
    data.items.add(window.__file);
    document.getElementById('drop-zone').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await p.page.waitForFunction(logDone);
  const shown = await p.page.evaluate(() => ({
    rows: [...document.querySelectorAll('section.log tbody tr')].map((tr) => tr.dataset.entryId),
    readers: Number(document.querySelector('.log-rows').dataset.readers),
    processors: navigator.hardwareConcurrency,
    status: document.getElementById('status').textContent,
    calls: window.__mainThreadCalls,
    lines: window.__expectedLines,
  }));
  assert.deepEqual(shown.rows, ['box-rest-failed-parse', 'aws-npe']);
  assert.equal(shown.readers, shown.processors >= 2 ? 2 : 1);
  assert.match(shown.status.replace(/[\s,\u202f]/g, ''), new RegExp(`in${shown.lines}lines`));
  assert.deepEqual(shown.calls, [], 'the page\'s thread never called the module for the log');
  await checkClean(p);
});

test('Firefox: the element in a portal with a strict CSP classifies, fires conndiag:result, and keeps the portal\'s CSS out', async () => {
  const p = await openPage(browser, portal.url, { allowedOrigin: [new URL(portal.url).origin, new URL(site.url).origin], waitReady: false });
  await p.page.waitForFunction(() => document.querySelector('conn-diag')?.shadowRoot?.querySelector('textarea'));
  await p.page.evaluate(() => {
    const box = document.querySelector('conn-diag').shadowRoot.querySelector('textarea');
    box.value = 'HttpRequestFailure: Server returned: 404 Not Found https://outlook.office365.com/EWS/Exchange.asmx';
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await p.page.waitForFunction(() => document.getElementById('last-result').textContent.includes('exchange-404-no-mailbox'));
  const seen = await p.page.evaluate(() => {
    const shadow = document.querySelector('conn-diag').shadowRoot;
    const card = shadow.querySelector('article.card');
    return { first: card.dataset.entryId, cardShown: getComputedStyle(card).display !== 'none',
             boxShown: getComputedStyle(shadow.querySelector('textarea')).display !== 'none' };
  });
  assert.deepEqual(seen, { first: 'exchange-404-no-mailbox', cardShown: true, boxShown: true });
  await checkClean(p);
});

// Above the size the page and the element classify off the main thread.
const BIG_PASTE = `${'INFO all good\n'.repeat(1_200_000 / 14)}IgniteException`;

test('Firefox: a paste too big for the main thread is answered by the element\'s worker, its script on another origin', async () => {
  const origins = [new URL(portal.url).origin, new URL(site.url).origin];
  const p = await openPage(browser, `${portal.url}workers.html`, { allowedOrigin: origins, waitReady: false, initScripts: [recordModuleCalls] });
  await p.page.waitForFunction(() => document.querySelector('conn-diag')?.shadowRoot?.querySelector('select option + option'));
  await p.page.waitForFunction(() => performance.getEntriesByName('conndiag:warm').length > 0);  // its own warm-up
  await p.page.evaluate((text) => {
    window.__moduleCalls.length = 0;
    document.querySelector('conn-diag').setAttribute('text', text);
  }, BIG_PASTE);
  await p.page.waitForFunction(() => document.getElementById('last-result').textContent.startsWith('o365-ignite-domain-user'));
  const calls = await p.page.evaluate(() => window.__moduleCalls);
  assert.deepEqual(calls.filter(([, length]) => length > 1000), [], 'the big text never reached the main thread\'s module');
  await checkClean(p);
});

test('Firefox: the page in a sandboxed iframe answers its portal, a big paste in its worker', async () => {
  const origins = [new URL(portal.url).origin, new URL(site.url).origin];
  const p = await openPage(browser, `${portal.url}frame.html`, { allowedOrigin: origins, waitReady: false });
  await p.page.waitForFunction(() => window.received.some((m) => m.type === 'ready'));
  const frame = p.page.frames().find((f) => f.url().includes('embed=1'));
  await frame.waitForFunction(() => performance.getEntriesByName('conndiag:warm').length > 0);  // its own warm-up
  await frame.evaluate(() => (window.__mainThreadCalls.length = 0));
  await p.page.evaluate((text) => {
    window.send({ type: 'classify', id: 1, text: 'IgniteException' });
    window.send({ type: 'classify', id: 2, text });
  }, BIG_PASTE);
  await p.page.waitForFunction(() => [1, 2].every((id) => window.received.some((m) => m.id === id)));
  const replies = await p.page.evaluate(() => [1, 2].map((id) => window.received.find((m) => m.id === id))
    .map((m) => [m.type, m.result?.matches[0]?.id ?? m.message]));
  assert.deepEqual(replies, [['result', 'o365-ignite-domain-user'], ['result', 'o365-ignite-domain-user']]);
  // The frame's own thread classified the small text only: the big one went to its worker.
  assert.deepEqual(await frame.evaluate(() => window.__mainThreadCalls), ['classify']);
  await checkClean(p);
});
