// The offline page's LZMA decoder (wasm/lzma_decoder.c through web/src/lzma.mjs) against xz, the packer
// web/build.mjs uses: whatever xz packs comes back byte for byte, and damaged data is refused by name.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import test from 'node:test';

import fc from 'fast-check';

import { packLzma } from '../../web/lzma-pack.mjs';
import { lzmaDecoder } from '../../web/src/lzma.mjs';
import { kbText, moduleDir, wasmBinary } from './built-module.mjs';

const decode = await lzmaDecoder(readFileSync(path.join(moduleDir, 'lzma-decoder.wasm')));
const DAMAGED = { message: /^the test data is damaged \(LZMA: .+\)$/ };

test('the module and the knowledge base, packed as the offline page packs them, unpack byte for byte', () => {
  for (const bytes of [new Uint8Array(wasmBinary), new TextEncoder().encode(kbText)]) {
    const packed = packLzma(bytes);
    assert.ok(packed.length < bytes.length / 2, 'packed');
    assert.deepEqual(decode(packed, 'the test data'), bytes);
  }
});

// Text-like and binary-like data, short and long repeats, the empty array, and every literal and position
// context setting xz offers (lc + lp ≤ 4), so each of the decoder's paths runs.
const pieces = fc.oneof(
  fc.uint8Array({ maxLength: 64 }),
  fc.string({ unit: fc.constantFrom('a', 'b', 'é', ' ', '\n', '{"code":'), maxLength: 40 }).map((s) => new TextEncoder().encode(s)),
  fc.tuple(fc.uint8Array({ minLength: 1, maxLength: 8 }), fc.integer({ min: 2, max: 400 })).map(([unit, times]) => {
    const out = new Uint8Array(unit.length * times);
    for (let i = 0; i < times; i += 1) out.set(unit, i * unit.length);
    return out;
  }),
);
const data = fc.array(pieces, { maxLength: 30 }).map((parts) => Uint8Array.from(parts.flatMap((p) => [...p])));
const settings = fc.record({ lc: fc.integer({ min: 0, max: 4 }), lp: fc.integer({ min: 0, max: 4 }), pb: fc.integer({ min: 0, max: 4 }) })
  .filter(({ lc, lp }) => lc + lp <= 4);

test('whatever xz packs, with any literal and position setting, unpacks byte for byte', () => {
  fc.assert(fc.property(data, settings, (bytes, { lc, lp, pb }) => {
    assert.deepEqual(decode(packLzma(bytes, `preset=6,lc=${lc},lp=${lp},pb=${pb}`), 'the test data'), bytes);
  }), { numRuns: 150 });
});

test('a packed stream cut short, or missing its size or end marker, is refused by name', () => {
  const bytes = new TextEncoder().encode(kbText.slice(0, 20000));
  const packed = packLzma(bytes);
  for (const cut of [0, 12, 13, 20, packed.length >> 1, packed.length - 6, packed.length - 1]) {
    assert.throws(() => decode(packed.subarray(0, cut), 'the test data'), DAMAGED, `cut at ${cut}`);
  }
  const unknownSize = Buffer.from(packed);
  unknownSize.fill(0xff, 5, 13);
  assert.throws(() => decode(unknownSize, 'the test data'), /no size/);
  // A size one short: the end marker does not come where the header says the data ends.
  const shorter = Buffer.from(packed);
  shorter.writeUInt32LE(bytes.length - 1, 5);
  assert.throws(() => decode(shorter, 'the test data'), DAMAGED);
  const badProperties = Buffer.from(packed);
  badProperties[0] = 225;
  assert.throws(() => decode(badProperties, 'the test data'), /bad header/);
});

test('damage anywhere in a packed stream gives an error naming the data, or bytes of the stated size: never a crash', () => {
  const bytes = new TextEncoder().encode(kbText.slice(0, 6000));
  const packed = packLzma(bytes);
  let refused = 0;
  fc.assert(fc.property(fc.array(fc.tuple(fc.nat(packed.length - 1), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 4 }), (flips) => {
    const damaged = Buffer.from(packed);
    for (const [at, mask] of flips) damaged[at] ^= mask;
    try {
      assert.equal(decode(damaged, 'the test data').length, damaged.readUInt32LE(5));
    } catch (error) {
      assert.match(error.message, DAMAGED.message);
      refused += 1;
    }
  }), { numRuns: 300 });
  assert.ok(refused > 0, 'some damage is refused');
});
