// The hosted folder behind Debian's nginx, configured with the documented snippet (the first ```nginx block
// of docs/hosting.md, read as it is) under a sub-path: headers (CSP, types, compression, caching) and the
// page in Chromium with no request outside its origin. The checks are shared with apache.test.mjs.
import { after, before, test } from 'node:test';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { launch } from './harness.mjs';
import { checkFraming, checkHeaders, checkPageWorks, documentedSnippet, prepareHostedSite, waitUntilServing } from './hosted-checks.mjs';

let browser;
let nginx;
let site;

before(async () => {
  site = await prepareHostedSite('nginx');
  const { prefix } = site;
  mkdirSync(path.join(prefix, 'tmp'));
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
    listen 127.0.0.1:${site.port};
${site.localize(documentedSnippet('nginx'))}
  }
}`;
  writeFileSync(path.join(prefix, 'nginx.conf'), conf);
  nginx = spawn('nginx', ['-p', prefix, '-c', path.join(prefix, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  await waitUntilServing(site.base, nginx, 'nginx');
  browser = await launch();
});

after(async () => {
  await browser?.close();
  nginx?.kill('SIGTERM');
  await site?.close();
});

test('nginx with the docs/hosting.md snippet serves the right types, compression, cache headers and CSP', () => checkHeaders(site));

test('the page deployed under /tools/conndiag/ on nginx works with zero requests outside its origin', () => checkPageWorks(browser, site));

test('frame-ancestors from the snippet: the listed portal frames the page, another site gets nothing', () => checkFraming(browser, site));
