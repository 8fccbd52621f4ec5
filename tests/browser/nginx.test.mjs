// The hosted folder behind Debian's nginx, configured with the documented snippet (the first ```nginx block
// of docs/hosting.md, read as it is) under a sub-path: headers (CSP, types, compression, caching) and the
// page in Chromium with no request outside its origin.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { diagnose, dist, launch, openPage, root, serve } from './harness.mjs';

let browser;
let nginx;
let prefix;
let base;
// The portal the snippet lets frame the page (it stands for https://help.contoso.com), and a site it does
// not: both on loopback like nginx (Chromium keeps other address spaces from framing loopback pages).
let portal;
let stranger;

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

before(async () => {
  const hosting = readFileSync(path.join(root, 'docs/hosting.md'), 'utf8');
  const snippet = /```nginx\n([\s\S]*?)```/.exec(hosting)[1];
  prefix = mkdtempSync(path.join(os.tmpdir(), 'conndiag-nginx-'));
  const www = path.join(prefix, 'www');
  cpSync(path.join(dist, 'site'), path.join(www, 'tools/conndiag'), { recursive: true });
  mkdirSync(path.join(prefix, 'tmp'));
  mkdirSync(path.join(prefix, 'portal'));
  const port = await freePort();
  portal = await serve(path.join(prefix, 'portal'));
  stranger = await serve(path.join(prefix, 'portal'));
  const conf = `
user root;
worker_processes 1;
daemon off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${prefix}/tmp/body;
  proxy_temp_path ${prefix}/tmp/proxy;
  fastcgi_temp_path ${prefix}/tmp/fastcgi;
  uwsgi_temp_path ${prefix}/tmp/uwsgi;
  scgi_temp_path ${prefix}/tmp/scgi;
  server {
    listen 127.0.0.1:${port};
${snippet.replaceAll('/srv/www', www).replaceAll('https://help.contoso.com', new URL(portal.url).origin)}
  }
}`;
  writeFileSync(path.join(prefix, 'nginx.conf'), conf);
  nginx = spawn('nginx', ['-p', prefix, '-c', path.join(prefix, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  nginx.stderr.on('data', (d) => (stderr += d));
  base = `http://127.0.0.1:${port}`;
  // Inline script allowed: the page is the test's own. `loaded` tells that the frame's navigation ended.
  writeFileSync(path.join(prefix, 'portal/frame.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <link rel="icon" href="data:,"><title>portal</title></head><body>
    <iframe id="f" title="diagnoser" onload="window.loaded = true" src="${base}/tools/conndiag/index.html"></iframe></body></html>`);
  // Until nginx answers, or exits (a bad snippet): a condition, however long a busy machine takes.
  for (;;) {
    try {
      await fetch(base + '/');
      break;
    } catch {
      if (nginx.exitCode !== null) throw new Error(`nginx did not start: ${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  browser = await launch();
});

after(async () => {
  await browser?.close();
  nginx?.kill('SIGTERM');
  await portal?.close();
  await stranger?.close();
  if (prefix) rmSync(prefix, { recursive: true, force: true });
});

test('nginx with the docs/hosting.md snippet serves the right types, compression, cache headers and CSP', async () => {
  const manifest = JSON.parse(readFileSync(path.join(dist, 'site/asset-manifest.json'), 'utf8'));
  const page = await fetch(`${base}/tools/conndiag/`, { headers: { 'Accept-Encoding': 'gzip' } });
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type'), /^text\/html/);
  assert.match(page.headers.get('content-security-policy'), /connect-src 'self'/);
  assert.match(page.headers.get('content-security-policy'), new RegExp(`frame-ancestors 'self' ${new URL(portal.url).origin}(;|$)`));
  assert.equal(page.headers.get('cache-control'), 'no-cache');
  const wasm = await fetch(`${base}/tools/conndiag/${manifest.wasm}`, { headers: { 'Accept-Encoding': 'gzip' } });
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
  assert.equal(wasm.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  assert.equal(wasm.headers.get('access-control-allow-origin'), '*');
  const js = await fetch(`${base}/tools/conndiag/${manifest.app}`, { headers: { 'Accept-Encoding': 'gzip' } });
  assert.match(js.headers.get('content-type'), /^text\/javascript/);
  assert.equal(js.headers.get('content-encoding'), 'gzip');
  const embed = await fetch(`${base}/tools/conndiag/conndiag-embed.js`);
  assert.equal(embed.headers.get('cache-control'), 'no-cache');
});

test('the page deployed under /tools/conndiag/ on nginx works with zero requests outside its origin', async () => {
  const p = await openPage(browser, `${base}/tools/conndiag/`, { allowedOrigin: base + '/' });
  await diagnose(p.page, 'HttpRequestFailure: Server returned: 401 Unauthorized', { app: 'okta', expect: 'okta-401-token-invalid' });
  await diagnose(p.page, 'HttpRequestFailure : Retourné par le serveur : 404 Introuvable', { app: 'exchange', expect: 'exchange-404-no-mailbox' });
  await diagnose(p.page, 'BoxRestException: Failed to parse response.', { expect: 'box-rest-failed-parse' });
  const embedded = await openPage(browser, `${base}/tools/conndiag/examples/portal-element.html`, { allowedOrigin: base + '/', waitReady: false });
  await embedded.page.locator('conn-diag textarea').fill('IgniteException');
  await embedded.page.locator('conn-diag article.card').first().waitFor();
  for (const x of [p, embedded]) {
    await x.context.close();
    assert.deepEqual(x.problems, []);
    assert.deepEqual(x.foreignRequests, []);
  }
});

test('frame-ancestors from the snippet: the listed portal frames the page, another site gets nothing', async () => {
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
});
