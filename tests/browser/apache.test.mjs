// The hosted folder behind Debian's Apache httpd, configured with the documented snippet (the first
// ```apache block of docs/hosting.md, read as it is, inside the folder's <Directory>) under a sub-path:
// the same checks as nginx.test.mjs (headers, the page in Chromium with no request outside its origin,
// framing). The server config loads only the modules docs/hosting.md names, and an empty types file, so
// a directive or a type the snippet relies on without saying fails here.
import { after, before, test } from 'node:test';
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { launch } from './harness.mjs';
import { checkFraming, checkHeaders, checkPageWorks, documentedSnippet, prepareHostedSite, waitUntilServing } from './hosted-checks.mjs';

// The modules docs/hosting.md says the snippet needs, plus the ones any static site has (the MPM, access
// control, the index file).
const MODULES = ['mpm_event', 'authz_core', 'dir', 'mime', 'headers', 'filter', 'deflate'];
const MODULE_DIR = '/usr/lib/apache2/modules';

let browser;
let apache;
let site;

before(async () => {
  site = await prepareHostedSite('apache');
  const { prefix, www } = site;
  // Run as root, Apache serves from its unprivileged user: it must read the temporary folder.
  chmodSync(prefix, 0o755);
  mkdirSync(path.join(prefix, 'run'));
  writeFileSync(path.join(prefix, 'mime.types'), '');
  const conf = `
ServerRoot ${prefix}
ServerName 127.0.0.1
Listen 127.0.0.1:${site.port}
PidFile ${prefix}/run/apache2.pid
DefaultRuntimeDir ${prefix}/run
Mutex file:${prefix}/run default
ErrorLog ${prefix}/error.log
LogLevel warn
${MODULES.map((m) => `LoadModule ${m}_module ${MODULE_DIR}/mod_${m}.so`).join('\n')}
User www-data
Group www-data
StartServers 1
ServerLimit 1
ThreadsPerChild 16
MaxRequestWorkers 16
TypesConfig ${prefix}/mime.types
DocumentRoot ${www}
<Directory />
    AllowOverride None
    Require all denied
</Directory>
<Directory ${www}/tools/conndiag>
    Require all granted
${site.localize(documentedSnippet('apache'))}
</Directory>
`;
  writeFileSync(path.join(prefix, 'apache2.conf'), conf);
  apache = spawn('apache2', ['-f', path.join(prefix, 'apache2.conf'), '-DFOREGROUND'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, APACHE_RUN_DIR: path.join(prefix, 'run'), APACHE_LOCK_DIR: path.join(prefix, 'run'), APACHE_LOG_DIR: prefix },
  });
  await waitUntilServing(site.base, apache, 'apache2');
  browser = await launch();
});

after(async () => {
  await browser?.close();
  if (apache && apache.exitCode === null) {
    const exited = new Promise((resolve) => apache.once('exit', resolve));
    apache.kill('SIGTERM');
    await exited;
  }
  await site?.close();
});

test('Apache with the docs/hosting.md snippet serves the right types, compression, cache headers and CSP', () => checkHeaders(site));

test('the page deployed under /tools/conndiag/ on Apache works with zero requests outside its origin', () => checkPageWorks(browser, site));

test('frame-ancestors from the Apache snippet: the listed portal frames the page, another site gets nothing', () => checkFraming(browser, site));
