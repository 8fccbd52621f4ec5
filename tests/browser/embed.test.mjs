// Browser tests of embedding: the <conn-diag> element in portal pages, portal knowledge bases, and the
// sandboxed-iframe mode. Each test fails on any console error or page error.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { dist, launch, openPage, root, serve } from './harness.mjs';
import { embedScript, framedPage, writePortalPage } from './portal-pages.mjs';

let browser;
let site;    // the hosted conndiag folder, under a sub-path
let portal;  // another origin: a portal that embeds conndiag from `site`
let portalDir;

const siteOrigin = () => new URL(site.url).origin;

before(async () => {
  browser = await launch();
  site = await serve(path.join(dist, 'site'), { prefix: '/tools/conndiag/' });
  portalDir = mkdtempSync(path.join(os.tmpdir(), 'conndiag-portal-'));
  portal = await serve(portalDir);
  writeFileSync(path.join(portalDir, 'broken-kb.json'), JSON.stringify({
    extends: 'conndiag',
    entries: [{ id: 'portal-bad', apps: ['box'], kind: 'internal', action: 'test-now', message: { en: 'x' },
      patterns: ['(unclosed'], cause: { en: 'c', fr: 'c' }, fix: { en: ['s'], fr: ['s'] } }],
  }));
  writeFileSync(path.join(portalDir, 'not-json.json'), '{"extends": "conndiag", ');
  writePortalPage(portalDir, site.url, 'broken', `${embedScript(site.url)}
    <button id="still-works" type="button">Portal button</button><p id="clicked">not clicked</p>
    <conn-diag id="bad-pattern" kb-src="broken-kb.json"></conn-diag>
    <conn-diag id="missing" kb-src="missing.json"></conn-diag>
    <conn-diag id="not-json" kb-src="not-json.json"></conn-diag>`, { script: `
    window.errors = [];
    document.addEventListener('conndiag:error', (e) => window.errors.push([e.target.id, e.detail.message]));
    document.getElementById('still-works').addEventListener('click', () => { document.getElementById('clicked').textContent = 'clicked'; });` });
  // An untrusted portal: it frames conndiag, but conndiag is told to trust another origin only.
  writePortalPage(portalDir, site.url, 'untrusted', framedPage(site.url, 'https://portal.invalid'), { script: `
    window.received = [];
    window.addEventListener('message', (e) => window.received.push(e.data));` });
});

after(async () => {
  await browser?.close();
  await site?.close();
  await portal?.close();
  rmSync(portalDir, { recursive: true, force: true });
});

async function done(p) {
  await p.context.close();
  assert.deepEqual(p.problems, [], 'console or page errors');
  assert.deepEqual(p.foreignRequests, [], 'requests outside the allowed origins');
}

const openPortal = (url, allowed) => openPage(browser, url, { allowedOrigin: allowed, waitReady: false });

test('the custom element in a portal with conflicting CSS and a strict CSP classifies and fires conndiag:result', async () => {
  const p = await openPortal(`${site.url}examples/portal-element.html`, [siteOrigin()]);
  const box = p.page.locator('conn-diag textarea');
  await box.fill('HttpRequestFailure: Server returned: 404 Not Found https://outlook.office365.com/EWS/Exchange.asmx');
  const card = p.page.locator('conn-diag article.card').first();
  await card.waitFor();
  assert.equal(await card.getAttribute('data-entry-id'), 'exchange-404-no-mailbox');
  assert.ok(await card.isVisible(), 'the portal\'s ".card { display: none }" must not reach inside the element');
  assert.ok(await box.isVisible(), 'nor its "textarea { display: none }"');
  await p.page.waitForFunction(() => document.getElementById('last-result').textContent.includes('exchange-404-no-mailbox'));
  const font = await card.evaluate((el) => getComputedStyle(el).fontFamily);
  assert.match(font, /Georgia/, 'the element inherits the portal\'s font');
  const accent = await p.page.locator('conn-diag').evaluate((el) => getComputedStyle(el).getPropertyValue('--cd-accent').trim());
  assert.equal(accent, '#6b2c91', 'the portal themes it with custom properties');
  await done(p);
});

test('the element answers a vendor body with the row and the code it found, and says what an unknown error tells', async () => {
  const p = await openPortal(`${site.url}examples/portal-element.html`, [siteOrigin()]);
  const box = p.page.locator('conn-diag textarea');
  await box.fill('{"errorCode":"E0000011","errorSummary":"Invalid token provided","errorLink":"E0000011"}');
  await p.page.waitForFunction(() => document.getElementById('last-result').textContent.includes('okta-401-token-invalid'));
  assert.match(await p.page.locator('conn-diag article.card .code-reason').first().textContent(), /^E0000011 /);
  await box.fill('HTTP 503 Service Unavailable from the gateway');
  await p.page.locator('conn-diag .fields ul.understood li').first().waitFor();
  assert.match((await p.page.locator('conn-diag .fields ul.understood li').allTextContents()).join(' '), /503/);
  await done(p);
});

test('the element shows a result as the page does: the no-match advice, and "which app" whose answer decides', async () => {
  const p = await openPortal(`${site.url}examples/portal-element.html`, [siteOrigin()]);
  const element = p.page.locator('conn-diag');
  const box = element.locator('textarea');
  await box.fill('HTTP/1.1 503 Service Unavailable {"errorCode":"E0000999","errorSummary":"Something new"} okta.com');
  await element.locator('.no-match .lead').waitFor();
  assert.equal(await element.locator('[part=status]').textContent(), 'No known connector error matched.');
  await box.fill('HttpRequestFailure: Server returned: 401 Unauthorized');
  await element.locator('.which-app button').first().waitFor();
  assert.deepEqual((await element.locator('.which-app button').evaluateAll((b) => b.map((x) => x.dataset.app))).sort(), ['exchange', 'office365', 'okta']);
  await element.locator('.which-app button[data-app=exchange]').click();
  await p.page.waitForFunction(() => {
    const root = document.querySelector('conn-diag').shadowRoot;
    return root.querySelector('select').value === 'exchange' && !root.querySelector('.which-app') &&
      root.querySelector('article.card')?.dataset.entryId === 'exchange-401-bad-credentials';
  });
  await done(p);
});

test('the element refills its app choice when kb-src changes, each app once, option values being app keys', async () => {
  const p = await openPortal(`${site.url}examples/portal-element.html`, [siteOrigin()]);
  const element = p.page.locator('conn-diag');
  await element.locator('select option[value=okta]').waitFor({ state: 'attached' });
  await p.page.evaluate(() => {
    window.loadedResults = 0;
    document.addEventListener('conndiag:result', () => (window.loadedResults += 1));
    document.querySelector('conn-diag').setAttribute('text', 'IgniteException');
  });
  await p.page.waitForFunction(() => window.loadedResults === 1);
  // Back to the built-in knowledge base: loading it classifies the text again.
  await p.page.evaluate(() => document.querySelector('conn-diag').removeAttribute('kb-src'));
  await p.page.waitForFunction(() => window.loadedResults === 2);
  const values = await element.locator('select option').evaluateAll((options) => options.map((o) => o.value));
  const apps = Object.keys(JSON.parse(readFileSync(path.join(root, 'data/kb.json'), 'utf8')).apps).filter((a) => a !== 'all');
  assert.deepEqual(values, ['', ...apps.sort()]);
  await done(p);
});

test('a custom row from kb-src answers its own error and outranks nothing it should not', async () => {
  const p = await openPortal(`${site.url}examples/portal-element.html`, [siteOrigin()]);
  const box = p.page.locator('conn-diag textarea');
  const first = () => p.page.locator('conn-diag article.card').first().getAttribute('data-entry-id');
  await box.fill('ConnectorProxyException: egress through proxy.contoso.com refused (407)');
  await p.page.waitForFunction(() => document.getElementById('last-result').textContent.includes('contoso-proxy-egress'));
  assert.equal(await first(), 'contoso-proxy-egress');
  await box.fill('TokenRefreshException: {"error":"invalid_grant","error_description":"AADSTS70002: Error validating credentials. AADSTS70008: The provided authorization code or refresh token is expired.');
  await p.page.waitForFunction(() => document.getElementById('last-result').textContent.includes('o365-aadsts70008-token-expired'));
  const ids = await p.page.locator('conn-diag article.card').evaluateAll((cards) => cards.map((c) => c.dataset.entryId));
  assert.ok(!ids.includes('contoso-proxy-egress'), `${ids}`);
  await box.fill('BoxRestException: Failed to parse response.');
  await p.page.waitForFunction(() => document.getElementById('last-result').textContent.includes('box-rest-failed-parse'));
  assert.match(await p.page.locator('conn-diag article.card ol.fix').first().textContent(), /#saas-connectors/, 'the portal overrode the fix text');
  await done(p);
});

test('a broken kb-src shows a clear message in the component and the host page keeps working', async () => {
  const p = await openPortal(`${portal.url}broken.html`, [siteOrigin(), new URL(portal.url).origin]);
  // A missing file is a network error the browser itself reports; that is expected here.
  await p.page.waitForFunction(() => window.errors && window.errors.length === 3);
  const message = (id) => p.page.locator(`#${id} [role=alert]`).textContent();
  assert.match(await message('bad-pattern'), /broken-kb\.json: \/entries\/0\/patterns\/0: invalid regular expression/);
  assert.match(await message('missing'), /missing\.json: cannot load the knowledge base \(HTTP 404\)/);
  assert.match(await message('not-json'), /not-json\.json: cannot load the knowledge base \(.*JSON/);
  await p.page.click('#still-works');
  assert.equal(await p.page.locator('#clicked').textContent(), 'clicked');
  await p.context.close();
  assert.deepEqual(p.problems.filter((x) => !/404 \(Not Found\)/.test(x)), []);
  assert.deepEqual(p.foreignRequests, []);
});

test('the iframe answers a trusted parent, reports its height, and ignores an untrusted origin', async () => {
  const trusted = await openPortal(`${site.url}examples/portal-iframe.html`, [siteOrigin()]);
  await trusted.page.waitForFunction(() => document.getElementById('last-result').textContent === 'Last diagnosis: exchange-404-no-mailbox');
  const height = await trusted.page.locator('#diagnoser').evaluate((f) => parseInt(f.style.height, 10));
  assert.ok(height > 200, `height ${height}`);
  await done(trusted);

  // The untrusted portal posts once the framed page listens (its body is marked ready in the same task
  // that starts embed mode); the page marks each message it refuses. Then the frame posts a last
  // message of the test's own: messages from one window arrive in order, so once that one is in,
  // anything the page had sent would be in too.
  const untrusted = await openPortal(`${portal.url}untrusted.html`, [siteOrigin(), new URL(portal.url).origin]);
  const framed = untrusted.page.frameLocator('#f');
  await framed.locator('body[data-ready=true]').waitFor({ state: 'attached' });
  await untrusted.page.evaluate(() => document.getElementById('f').contentWindow.postMessage({ type: 'classify', id: 7, text: 'IgniteException' }, '*'));
  await framed.locator('body[data-ignored-messages="1"]').waitFor({ state: 'attached' });
  await framed.locator('body').evaluate(() => window.parent.postMessage('end of test', '*'));
  await untrusted.page.waitForFunction(() => window.received.includes('end of test'));
  assert.deepEqual(await untrusted.page.evaluate(() => window.received), ['end of test'], 'no ready, height or result for an untrusted parent');
  await done(untrusted);
});
