// The IIS and Apache snippets of docs/hosting.md, read as they are, hold the same policy as the nginx one
// (which nginx.test.mjs runs): the web.config is well-formed XML (parsed by Chromium's XML parser) with the
// same Content-Security-Policy, nosniff and CORS headers and the wasm and JSON types; the Apache lines say
// the same (apache.test.mjs also runs them in Apache). (No IIS runs here: its syntax beyond this is not
// exercised.)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { launch, root } from './harness.mjs';

const hosting = readFileSync(path.join(root, 'docs/hosting.md'), 'utf8');
const block = (lang) => {
  const found = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(hosting);
  assert.ok(found, `docs/hosting.md has a ${lang} block`);
  return found[1];
};
const nginxHeader = (name) => new RegExp(`add_header ${name} "([^"]*)" always;`).exec(block('nginx'))[1];

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('the IIS web.config is well-formed XML with the nginx snippet\'s headers and the wasm, JSON and prepared types', async () => {
  const page = await browser.newPage();
  const parsed = await page.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    const error = doc.querySelector('parsererror');
    const headers = Object.fromEntries([...doc.querySelectorAll('httpProtocol > customHeaders > add')]
      .map((e) => [e.getAttribute('name'), e.getAttribute('value')]));
    const types = Object.fromEntries([...doc.querySelectorAll('staticContent > mimeMap')]
      .map((e) => [e.getAttribute('fileExtension'), e.getAttribute('mimeType')]));
    return { error: error && error.textContent, root: doc.documentElement.nodeName, headers, types,
             compression: doc.querySelector('urlCompression')?.getAttribute('doStaticCompression') };
  }, block('xml'));
  await page.close();
  assert.equal(parsed.error, null, 'the web.config parses');
  assert.equal(parsed.root, 'configuration');
  assert.deepEqual(parsed.headers, {
    'Content-Security-Policy': nginxHeader('Content-Security-Policy'),
    'X-Content-Type-Options': 'nosniff',
    'Access-Control-Allow-Origin': '*',
  });
  assert.deepEqual(parsed.types, { '.wasm': 'application/wasm', '.json': 'application/json', '.bin': 'application/octet-stream' });
  assert.equal(parsed.compression, 'true');
});

test('the Apache snippet sets the nginx snippet\'s headers and types', () => {
  const apache = block('apache');
  const header = (name) => new RegExp(`Header always set ${name} "([^"]*)"`).exec(apache)?.[1];
  assert.equal(header('Content-Security-Policy'), nginxHeader('Content-Security-Policy'));
  assert.equal(header('X-Content-Type-Options'), 'nosniff');
  assert.equal(header('Access-Control-Allow-Origin'), '*');
  assert.match(apache, /^AddType application\/wasm \.wasm$/m);
  assert.match(apache, /^AddType application\/octet-stream \.bin$/m);
  assert.match(apache, /Cache-Control "public, max-age=31536000, immutable"/);
});
