// What unpacking the offline file's parts costs in Chromium, beside the gzip they replaced: the packed
// module and knowledge base taken from the built conndiag.html, unpacked by the page's own code
// (web/src/lzma.mjs with the decoder wasm the file carries), and the same bytes gzip-compressed and
// inflated by the browser's DecompressionStream. Each fresh context times a first (cold) unpacking, as a
// page's first answer meets it, then warm repeats. Prints figures; asserts nothing.
// Usage: node bench/unpack_bench.mjs [--contexts 8] [--repeats 5]   (after the wasm build)
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import { chromium } from 'playwright-core';

import { base64Bytes } from '../web/src/base64.mjs';
import { lzmaDecoder } from '../web/src/lzma.mjs';
import { serve } from '../web/serve.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const contexts = option('--contexts', 8);
const repeats = option('--repeats', 5);

const html = readFileSync(path.join(root, 'build/wasm/dist/conndiag.html'), 'utf8');
const block = (id) => {
  const found = html.match(new RegExp(`id="${id}">([^<]*)<`));
  if (!found) throw new Error(`build/wasm/dist/conndiag.html has no ${id} block: build the wasm preset first`);
  return found[1].trim();
};
const packed = { decoder: block('conndiag-lzma-decoder'), module: block('conndiag-wasm'), kb: block('conndiag-kb') };
// The gzip baseline: the same unpacked bytes, at zlib's best.
const decode = await lzmaDecoder(base64Bytes(packed.decoder));
const unpacked = { module: decode(base64Bytes(packed.module), 'module'), kb: decode(base64Bytes(packed.kb), 'kb') };
const gzipped = { module: gzipSync(unpacked.module, { level: 9 }), kb: gzipSync(unpacked.kb, { level: 9 }) };

const dir = mkdtempSync(path.join(os.tmpdir(), 'conndiag-unpack-'));
for (const file of ['lzma.mjs', 'base64.mjs']) copyFileSync(path.join(root, 'web/src', file), path.join(dir, file));
writeFileSync(path.join(dir, 'parts.json'), JSON.stringify({
  ...packed, gzModule: gzipped.module.toString('base64'), gzKb: gzipped.kb.toString('base64'),
}));
writeFileSync(path.join(dir, 'index.html'), `<!doctype html><meta charset="utf-8"><title>unpack</title>
<script type="module">
import { base64Bytes } from './base64.mjs';
import { lzmaDecoder } from './lzma.mjs';
const parts = await (await fetch('parts.json')).json();
const inflate = (b64) => new Response(new Blob([base64Bytes(b64)]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
const time = async (fn) => { const t = performance.now(); await fn(); return performance.now() - t; };
const decode = await lzmaDecoder(base64Bytes(parts.decoder));
const rounds = [];
for (let i = 0; i < ${repeats + 1}; i += 1) {
  rounds.push({
    lzmaModule: await time(() => decode(base64Bytes(parts.module), 'module')),
    lzmaKb: await time(() => decode(base64Bytes(parts.kb), 'kb')),
    gzipModule: await time(() => inflate(parts.gzModule)),
    gzipKb: await time(() => inflate(parts.gzKb)),
  });
}
window.rounds = rounds;
</script>`);

const site = await serve(dir);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
const first = {};
const warm = {};
try {
  for (let c = 0; c < contexts; c += 1) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(site.url);
    await page.waitForFunction(() => window.rounds !== undefined);
    const rounds = await page.evaluate(() => window.rounds);
    for (const key of Object.keys(rounds[0])) {
      (first[key] ||= []).push(rounds[0][key]);
      (warm[key] ||= []).push(...rounds.slice(1).map((r) => r[key]));
    }
    await context.close();
  }
} finally {
  await browser.close();
  await site.close();
  rmSync(dir, { recursive: true, force: true });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const gz = (b64) => gzipSync(Buffer.from(b64), { level: 9 }).length;  // what the text weighs served gzip-compressed
console.log(`unpacking the offline file's parts in Chromium, ${contexts} fresh contexts, ${repeats} warm repeats each (${new Date().toISOString().slice(0, 16)}Z, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')})`);
console.log(`module ${kb(unpacked.module.length)}: as gzip -9 weighs its base64 block: LZMA ${kb(gz(packed.module))}, gzip ${kb(gz(gzipped.module.toString('base64')))}`);
console.log(`knowledge base ${kb(unpacked.kb.length)}: LZMA ${kb(gz(packed.kb))}, gzip ${kb(gz(gzipped.kb.toString('base64')))}; decoder wasm ${kb(gz(packed.decoder))}`);
console.log('part              first (median)   warm (median)');
for (const [key, label] of [['lzmaModule', 'module, LZMA'], ['gzipModule', 'module, gzip'], ['lzmaKb', 'kb, LZMA'], ['gzipKb', 'kb, gzip']]) {
  console.log(`${label.padEnd(16)}  ${median(first[key]).toFixed(1).padStart(8)} ms      ${median(warm[key]).toFixed(1).padStart(8)} ms`);
}
