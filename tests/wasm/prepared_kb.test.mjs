// Node tests of the knowledge base prepared at build time (`conndiag kb prepare`, web/build.mjs) as the module
// loads it: the hosted site's prepared file answers as its JSON does; one made from another text, a corrupt
// one, or one beside an overlay is not used, and the JSON is loaded instead. Needs build/wasm/dist (CONNDIAG_DIST).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { createConnDiag } from '../../web/src/api.mjs';
import { factory, root, wasmBinary } from './built-module.mjs';

const site = path.join(process.env.CONNDIAG_DIST || path.join(root, 'build/wasm/dist'), 'site');
const manifest = JSON.parse(readFileSync(path.join(site, 'asset-manifest.json'), 'utf8'));
const kb = readFileSync(path.join(site, 'kb.json'), 'utf8');
const prepared = readFileSync(path.join(site, manifest.prepared));
const wasmModule = await WebAssembly.compile(wasmBinary);
const fromJson = await createConnDiag(factory, { kb, wasmModule, compilePatternsOnFirstUse: true });

// Runs `load` with console.warn recorded: what it resolved to, and the warnings.
async function warned(load) {
  const warnings = [];
  const warn = console.warn;
  console.warn = (...args) => warnings.push(args.join(' '));
  try {
    return { diag: await load(), warnings };
  } finally {
    console.warn = warn;
  }
}

const golden = readFileSync(path.join(root, 'tests/golden/rows.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

test('the site has the prepared knowledge base, and its page preloads it', () => {
  assert.match(manifest.prepared, /^kb-prepared\.[0-9a-f]{12}\.bin$/);
  assert.equal(prepared.subarray(0, 4).toString(), 'CDKB');
  const index = readFileSync(path.join(site, 'index.html'), 'utf8');
  assert.ok(index.includes(`<link rel="preload" href="${manifest.prepared}" as="fetch" crossorigin>`));
});

test('the prepared knowledge base is read back, and answers every golden case, in both languages, as its JSON does', async () => {
  const { diag, warnings } = await warned(() => createConnDiag(factory, { kb, prepared, wasmModule, compilePatternsOnFirstUse: true }));
  assert.deepEqual(warnings, []);
  assert.equal(diag.kbInfo().prepared, true);
  assert.equal(fromJson.kbInfo().prepared, false);
  assert.equal(diag.kbInfo().patternsCompiled, 'on first use');
  const { prepared: _a, ...info } = diag.kbInfo();
  const { prepared: _b, ...jsonInfo } = fromJson.kbInfo();
  assert.deepEqual(info, jsonInfo);
  assert.ok(golden.length >= 200);
  for (const c of golden) {
    for (const lang of ['en', 'fr']) {
      assert.deepEqual(diag.classify(c.text, { lang }), fromJson.classify(c.text, { lang }), `${c.expect} (${c.variant}, ${lang})`);
    }
  }
  assert.deepEqual(diag.classifyLog(golden.map((c) => c.text).join('\n')), fromJson.classifyLog(golden.map((c) => c.text).join('\n')));
});

test('a prepared knowledge base made from another text is not used: the text given is loaded, with a warning', async () => {
  // The site's kb.json edited after the build: one entry's English cause changed.
  const edited = JSON.parse(kb);
  const entry = edited.entries.find((e) => e.id === 'o365-aadsts70008-token-expired');
  entry.cause.en = 'Edited on the server after the build.';
  const { diag, warnings } = await warned(() => createConnDiag(factory, { kb: JSON.stringify(edited), prepared, wasmModule, compilePatternsOnFirstUse: true }));
  assert.equal(diag.kbInfo().prepared, false);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /made from another knowledge base.*read from its JSON/);
  // Loaded whole, every pattern compiled: the text is no longer the one the build vouched for.
  assert.equal(diag.kbInfo().patternsCompiled, 'at load');
  const r = diag.classify('AADSTS70008: The provided authorization code or refresh token has expired due to inactivity.');
  assert.equal(r.matches[0].cause, 'Edited on the server after the build.');
});

test('corrupt or cut prepared bytes are not used either: the JSON is loaded, with a warning', async () => {
  for (const bytes of [prepared.subarray(0, prepared.length >> 1), Buffer.from('not prepared at all'), new Uint8Array(prepared).fill(7, 100, 200)]) {
    const { diag, warnings } = await warned(() => createConnDiag(factory, { kb, prepared: bytes, wasmModule, compilePatternsOnFirstUse: true }));
    assert.equal(diag.kbInfo().prepared, false);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /^conndiag: the prepared knowledge base cannot be used: /);
    assert.equal(diag.classify('AADSTS70008 expired').matches[0].id, 'o365-aadsts70008-token-expired');
  }
});

test('with an overlay the prepared knowledge base is left aside: the overlay is merged with the JSON', async () => {
  const overlay = readFileSync(path.join(root, 'web/examples/portal-kb.json'), 'utf8');
  const { diag, warnings } = await warned(() => createConnDiag(factory, { kb, prepared, overlay, wasmModule }));
  assert.deepEqual(warnings, []);
  assert.equal(diag.kbInfo().prepared, false);
  assert.ok(diag.kbInfo().entries > fromJson.kbInfo().entries);
});

test('the prepared knowledge base may come as an ArrayBuffer, or a promise of one', async () => {
  const buffer = prepared.buffer.slice(prepared.byteOffset, prepared.byteOffset + prepared.length);
  for (const given of [buffer, Promise.resolve(buffer)]) {
    const diag = await createConnDiag(factory, { kb, prepared: given, wasmModule });
    assert.equal(diag.kbInfo().prepared, true);
  }
});
