// The local server (web/serve.mjs) answers hostile and odd requests correctly and never stops serving.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { serve } from '../../web/serve.mjs';

let dir;
let site;
let port;
before(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'conndiag-serve-'));
  mkdirSync(path.join(dir, 'site'));
  writeFileSync(path.join(dir, 'site', 'index.html'), '<!doctype html><title>ok</title>');
  writeFileSync(path.join(dir, 'site', 'core.wasm'), Buffer.from('0123456789abcdefghij'));
  writeFileSync(path.join(dir, 'secret.txt'), 'outside the served folder');
  site = await serve(path.join(dir, 'site'), { prefix: '/tools/conndiag/', headersTimeout: 300 });
  port = Number(new URL(site.url).port);
});
after(async () => {
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

// One raw HTTP exchange: what the server sends back until it closes (or until the response is complete).
function raw(request) {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.on('data', (chunk) => { data += chunk.toString('latin1'); });
    socket.on('close', () => resolve(data));
    socket.on('error', reject);
    socket.write(request);
  });
}
const status = (response) => Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1]);
const get = (target, extra = '') => raw(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n${extra}\r\n`);

test('a normal request gets the file with its type and CORS header', async () => {
  const r = await get('/tools/conndiag/core.wasm');
  assert.equal(status(r), 200);
  assert.match(r, /content-type: application\/wasm/i);
  assert.match(r, /access-control-allow-origin: \*/i);
});

test('malformed escapes, overlong UTF-8, NUL and traversal are refused, and nothing outside the folder is served', async () => {
  for (const target of ['/tools/conndiag/%E0%A4%A', '/tools/conndiag/%c0%ae%c0%ae/secret.txt', '/tools/conndiag/a%00b',
    '/tools/conndiag/%2e%2e%2fsecret.txt', '/tools/conndiag/..%5csecret.txt', '/tools/conndiag/../secret.txt',
    '/tools/conndiag/%2e%2e/secret.txt']) {
    const r = await get(target);
    assert.ok([400, 403, 404].includes(status(r)), `${target}: ${r.slice(0, 40)}`);
    assert.ok(!r.includes('outside the served folder'), target);
  }
  assert.equal(status(await get('/tools/conndiag/index.html')), 200, 'still serving');
});

test('other methods get 405 with Allow; HEAD works', async () => {
  for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'TRACE', 'BREW']) {
    const r = await raw(`${method} /tools/conndiag/index.html HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    assert.ok([405, 400].includes(status(r)), `${method}: ${r.slice(0, 40)}`);
    if (status(r) === 405) assert.match(r, /allow: GET, HEAD/i);
  }
  const head = await raw('HEAD /tools/conndiag/index.html HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  assert.equal(status(head), 200);
  assert.ok(!head.includes('<title>'), 'no body for HEAD');
});

test('a huge URL or header is refused with 431 or 414, not a crash', async () => {
  assert.ok([414, 431, 400].includes(status(await get('/tools/conndiag/' + 'a'.repeat(100_000)))));
  assert.ok([431, 400].includes(status(await get('/tools/conndiag/index.html', `X-Big: ${'b'.repeat(100_000)}\r\n`))));
  assert.equal(status(await get('/tools/conndiag/index.html')), 200, 'still serving');
});

test('ranges: a satisfiable one gets 206 and the bytes, an unsatisfiable one 416', async () => {
  const partial = await get('/tools/conndiag/core.wasm', 'Range: bytes=2-5\r\n');
  assert.equal(status(partial), 206);
  assert.ok(partial.endsWith('2345'), partial.slice(-20));
  assert.equal(status(await get('/tools/conndiag/core.wasm', 'Range: bytes=999-\r\n')), 416);
});

test('a client that never finishes its headers is cut off by the server, which keeps serving', async () => {
  const closedWith = await new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.on('data', (chunk) => { data += chunk; });
    socket.on('close', () => resolve(data));
    socket.write('GET /tools/conndiag/index.html HTTP/1.1\r\nHost: x\r\n');  // and nothing more
  });
  assert.ok(closedWith === '' || /^HTTP\/1\.1 (408|400)/.test(closedWith), closedWith.slice(0, 40));
  assert.equal(status(await get('/tools/conndiag/index.html')), 200, 'still serving');
});
