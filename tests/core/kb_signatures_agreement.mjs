// The JavaScript benchmarks (bench/kb_signatures.mjs) read a knowledge base's signatures as the core does:
// the same patterns and hints for every signature, a "status" signature's made from "http_statuses".
// Usage: node kb_signatures_agreement.mjs PATH/TO/kb_signatures_dump KB.json
import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { signaturesOf } from '../../bench/kb_signatures.mjs';

const [dump, kbPath] = process.argv.slice(2);
const kb = JSON.parse(readFileSync(kbPath, 'utf8'));
const core = execFileSync(dump, [kbPath], { maxBuffer: 1 << 28 }).toString().trimEnd().split('\n').map((l) => JSON.parse(l));
const js = kb.entries.flatMap((entry) => signaturesOf(kb, entry).map((s) => ({ entry: entry.id, ...s })));

assert.equal(js.length, core.length, 'as many signatures');
let statusSignatures = 0;
for (let i = 0; i < core.length; i += 1) {
  const where = `${core[i].entry} / ${core[i].signature}`;
  assert.equal(js[i].entry, core[i].entry, where);
  assert.equal(js[i].id, core[i].signature, where);
  assert.deepEqual(js[i].patterns, core[i].patterns, `${where}: patterns`);
  assert.deepEqual(js[i].hints, core[i].hints, `${where}: hints`);
  if (js[i].patterns.some((p) => p.includes('status[ -]code'))) statusSignatures += 1;
}
// The check is only worth something if the file has status signatures to expand.
assert.ok(statusSignatures >= 10, `status signatures checked: ${statusSignatures}`);
console.log(`${core.length} signatures agree, ${statusSignatures} of them with a status pattern`);
