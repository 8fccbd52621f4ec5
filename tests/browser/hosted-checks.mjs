// What every hosting snippet of docs/hosting.md must give, checked against a real server (nginx.test.mjs,
// apache.test.mjs): the snippet read from the document, the site copied under /tools/conndiag/ of a
// temporary web root, the portal that may frame the page and a stranger site that may not, then the
// headers, the page in Chromium and the framing rules. Each server test only writes its own config.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { diagnose, dist, openPage, root, serve } from './harness.mjs';

export const SUB_PATH = '/tools/conndiag/';
// The placeholders of the documented snippets, replaced by the temporary web root and the test's portal.
const DOC_WEB_ROOT = '/srv/www';
const DOC_PORTAL = 'https://help.contoso.com';

/** The first ```lang block of docs/hosting.md, as it is. */
export function documentedSnippet(lang) {
  const hosting = readFileSync(path.join(root, 'docs/hosting.md'), 'utf8');
  const found = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(hosting);
  assert.ok(found, `docs/hosting.md has a ${lang} block`);
  return found[1];
}

export async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A temporary prefix holding www/tools/conndiag/ (the hosted site), the portal and the stranger (both on
 * loopback like the server: Chromium keeps other address spaces from framing loopback pages), and the
 * free port the server will listen on. `localize(snippet)` puts the web root and the portal into a
 * documented snippet. `close()` stops the two sites and removes the prefix.
 */
export async function prepareHostedSite(name) {
  const prefix = mkdtempSync(path.join(os.tmpdir(), `conndiag-${name}-`));
  const www = path.join(prefix, 'www');
  cpSync(path.join(dist, 'site'), path.join(www, SUB_PATH), { recursive: true });
  mkdirSync(path.join(prefix, 'portal'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const portal = await serve(path.join(prefix, 'portal'));
  const stranger = await serve(path.join(prefix, 'portal'));
  // Inline script allowed: the page is the test's own. `loaded` tells that the frame's navigation ended.
  writeFileSync(path.join(prefix, 'portal/frame.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <link rel="icon" href="data:,"><title>portal</title></head><body>
    <iframe id="f" title="diagnoser" onload="window.loaded = true" src="${base}${SUB_PATH}index.html"></iframe></body></html>`);
  return {
    prefix, www, port, base, portal, stranger,
    localize: (snippet) => snippet.replaceAll(DOC_WEB_ROOT, www).replaceAll(DOC_PORTAL, new URL(portal.url).origin),
    async close() {
      await portal.close();
      await stranger.close();
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}

/**
 * Waits until the server answers on `base`, or fails if its process exits first (a bad snippet): a
 * condition, however long a busy machine takes. Its stderr is kept for the failure message.
 */
export async function waitUntilServing(base, child, name) {
  let stderr = '';
  let failed = null;
  child.stderr.on('data', (d) => (stderr += d));
  // Not installed (or not executable): a failure, never a skip; scripts/setup installs it.
  child.on('error', (e) => (failed = e));
  for (;;) {
    try {
      await fetch(base + '/');
      return;
    } catch {
      if (failed) throw new Error(`${name} could not be run (scripts/setup installs it): ${failed.message}`);
      if (child.exitCode !== null) throw new Error(`${name} did not start (exit ${child.exitCode}): ${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** Types, compression, cache headers, CORS and the CSP with the portal in frame-ancestors. */
export async function checkHeaders(site) {
  const { base, portal } = site;
  const manifest = JSON.parse(readFileSync(path.join(dist, 'site/asset-manifest.json'), 'utf8'));
  const get = (name) => fetch(`${base}${SUB_PATH}${name}`, { headers: { 'Accept-Encoding': 'gzip' } });
  const page = await get('');
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type'), /^text\/html/);
  assert.match(page.headers.get('content-security-policy'), /connect-src 'self'/);
  assert.match(page.headers.get('content-security-policy'), new RegExp(`frame-ancestors 'self' ${new URL(portal.url).origin}(;|$)`));
  assert.equal(page.headers.get('cache-control'), 'no-cache');
  assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
  const wasm = await get(manifest.wasm);
  assert.equal(wasm.status, 200);
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
  assert.equal(wasm.headers.get('content-encoding'), 'gzip');
  assert.equal(wasm.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  assert.equal(wasm.headers.get('access-control-allow-origin'), '*');
  assert.equal(wasm.headers.get('x-content-type-options'), 'nosniff');
  const js = await get(manifest.app);
  assert.match(js.headers.get('content-type'), /^text\/javascript/);
  assert.equal(js.headers.get('content-encoding'), 'gzip');
  assert.equal(js.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  const kb = await get('kb.json');
  assert.match(kb.headers.get('content-type'), /^application\/json/);
  assert.equal(kb.headers.get('content-encoding'), 'gzip');
  assert.equal(kb.headers.get('cache-control'), 'no-cache');
  // The knowledge base prepared at build time: bytes, compressed, cached like every hashed file.
  const prepared = await get(manifest.prepared);
  assert.equal(prepared.status, 200);
  assert.equal(prepared.headers.get('content-type'), 'application/octet-stream');
  assert.equal(prepared.headers.get('content-encoding'), 'gzip');
  assert.equal(prepared.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  const css = await get(manifest.css);
  assert.match(css.headers.get('content-type'), /^text\/css/);
  const embed = await get('conndiag-embed.js');
  assert.match(embed.headers.get('content-type'), /^text\/javascript/);
  assert.equal(embed.headers.get('cache-control'), 'no-cache');
}

/** The page answers pastes, the element example works, and nothing is requested outside the origin. */
export async function checkPageWorks(browser, { base }) {
  const p = await openPage(browser, `${base}${SUB_PATH}`, { allowedOrigin: base + '/' });
  await diagnose(p.page, 'HttpRequestFailure: Server returned: 401 Unauthorized', { app: 'okta', expect: 'okta-401-token-invalid' });
  await diagnose(p.page, 'HttpRequestFailure : Retourné par le serveur : 404 Introuvable', { app: 'exchange', expect: 'exchange-404-no-mailbox' });
  await diagnose(p.page, 'BoxRestException: Failed to parse response.', { expect: 'box-rest-failed-parse' });
  // The knowledge base came prepared through this server (a refused .bin would leave a console warning too).
  assert.equal(await p.page.evaluate(async () => (await globalThis.ConnDiag.create()).kbInfo().prepared), true);
  const embedded = await openPage(browser, `${base}${SUB_PATH}examples/portal-element.html`, { allowedOrigin: base + '/', waitReady: false });
  await embedded.page.locator('conn-diag textarea').fill('IgniteException');
  await embedded.page.locator('conn-diag article.card').first().waitFor();
  for (const x of [p, embedded]) {
    await x.context.close();
    assert.deepEqual(x.problems, []);
    assert.deepEqual(x.foreignRequests, []);
  }
}

/** frame-ancestors: the listed portal frames the page, another site gets the browser's error page. */
export async function checkFraming(browser, { base, portal, stranger }) {
  const listed = await openPage(browser, `${portal.url}frame.html`, { allowedOrigin: [base + '/', portal.url], waitReady: false });
  await listed.page.frameLocator('#f').locator('body[data-ready=true]').waitFor({ state: 'attached' });
  await listed.context.close();
  assert.deepEqual(listed.problems, []);

  const other = await openPage(browser, `${stranger.url}frame.html`, { allowedOrigin: [base + '/', stranger.url], waitReady: false });
  await other.page.waitForFunction(() => window.loaded === true);
  const frame = await (await other.page.$('#f')).contentFrame();
  assert.ok(!frame.url().startsWith(base), `the framed document is the browser's error page, not conndiag: ${frame.url()}`);
  await other.context.close();
  assert.ok(other.problems.some((x) => /frame-ancestors/.test(x)), other.problems.join('\n'));
}
