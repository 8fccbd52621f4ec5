// Property test: the core's reading of arbitrary bytes agrees with the browser's TextDecoder — the same
// character boundaries, the same UTF-16 offset at each of them, the same replacement characters in JSON.
// (The page highlights spans by the core's UTF-16 offsets in text that TextDecoder decoded.)
// Usage: node utf8_agreement.mjs PATH/TO/utf8_dump
import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';
import fc from 'fast-check';

const dump = process.argv[2];
const decoder = new TextDecoder('utf-8');  // fatal: false, the page's default: bad bytes become U+FFFD
const decode = (bytes) => decoder.decode(bytes);

// Bytes that sit on UTF-8's edges (lead bytes and the continuation ranges E0/ED/F0/F4 restrict), mixed
// with any byte and with well-formed text, so that most strings hold both good and bad sequences.
const edgeByte = fc.constantFrom(0x00, 0x0a, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2,
                                 0xdf, 0xe0, 0xe1, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf4, 0xf5, 0xff);
const piece = fc.oneof(
  fc.array(fc.oneof(edgeByte, fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 4 }).map((s) => [...new TextEncoder().encode(s)]),
);
const byteStrings = fc.array(piece, { maxLength: 6 }).map((pieces) => Uint8Array.from(pieces.flat()));

const cases = fc.sample(byteStrings, { numRuns: 3000, seed: 20261126 });
cases.push(Uint8Array.of(0xed, 0xa0, 0x80, 0x78), Uint8Array.of(0xf0, 0x9f, 0x98, 0x61), Uint8Array.of());
const hex = (bytes) => Buffer.from(bytes).toString('hex');
const output = execFileSync(dump, { input: cases.map(hex).join('\n') + '\n', maxBuffer: 1 << 28 }).toString();
const lines = output.trimEnd().split('\n').map((l) => JSON.parse(l));
assert.equal(lines.length, cases.length, 'one answer per byte string');

let checkedOffsets = 0;
cases.forEach((bytes, n) => {
  const core = lines[n];
  const whole = decode(bytes);
  // A position is a character boundary for TextDecoder when decoding the two halves apart gives the
  // same text as decoding the whole.
  const boundaries = [];
  for (let k = 0; k <= bytes.length; k++) {
    if (decode(bytes.subarray(0, k)) + decode(bytes.subarray(k)) === whole) boundaries.push(k);
  }
  const where = `bytes ${hex(bytes)}`;
  assert.deepEqual(core.boundaries, boundaries, `character boundaries differ for ${where}`);
  for (const k of boundaries) {
    assert.equal(core.offsets[k], decode(bytes.subarray(0, k)).length, `UTF-16 offset of byte ${k} for ${where}`);
    checkedOffsets++;
  }
  assert.equal(core.json, whole, `JSON string differs from TextDecoder's for ${where}`);
});
console.log(`${cases.length} byte strings, ${checkedOffsets} offsets: the core and TextDecoder agree`);
