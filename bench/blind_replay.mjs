// Replays every blind part of the real-world corpus against the knowledge base it was frozen with, using
// today's engine: an estimate, on text the knowledge base of the day had not seen, of what a change to the
// engine (ranking, normalization, the similarity tier) does for unseen text. Wordings added to the knowledge
// base since do not count, because each part gets the knowledge base of its own freeze.
// Usage: node bench/blind_replay.mjs [path/to/accuracy]   (default build/native/bin/accuracy; needs the git
// history, so a full clone, not a shallow one).
//
// A part is found in git: each commit that changed tests/real/blind.jsonl to a new, non-empty set of ids
// froze one, and data/kb.json at that commit is what it was measured against. A part whose knowledge base
// today's engine cannot load (an older format) is listed and left out of the sums.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const accuracy = path.resolve(process.argv[2] || path.join(root, 'build/native/bin/accuracy'));
const git = (...args) => execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });

const commits = git('log', '--reverse', '--format=%H', '--', 'tests/real/blind.jsonl').split('\n').filter(Boolean);
const parts = [];
let previousIds = '';
for (const commit of commits) {
  const blind = git('show', `${commit}:tests/real/blind.jsonl`);
  const ids = blind.split('\n').filter(Boolean).map((line) => JSON.parse(line).id).sort().join(' ');
  if (ids !== '' && ids !== previousIds) parts.push({ commit, blind });
  if (ids !== '') previousIds = ids;
}

// The figures accuracy prints for the blind part: "  top-1, app given   83.3% (20/24)".
const measures = ['top-1, app given', 'top-3, app unknown', 'negatives not confident, app given',
  'confident answers that are right'];
function blindFigures(output) {
  const section = output.split('\nblind part')[1]?.split('\nwhole corpus')[0] ?? '';
  return measures.map((name) => {
    const m = section.match(new RegExp(`${name}\\s+[\\d.]+% \\((\\d+)/(\\d+)\\)`));
    return m ? [Number(m[1]), Number(m[2])] : [0, 0];
  });
}

const work = mkdtempSync(path.join(tmpdir(), 'conndiag-replay-'));
const sums = measures.map(() => [0, 0]);
const pct = ([a, b]) => (b === 0 ? '   -  ' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);
console.log(`blind parts replayed with the knowledge base each was frozen against (engine: ${accuracy})\n`);
console.log(`${'frozen at'.padEnd(14)}${measures.map((m) => m.split(',')[0].padEnd(26)).join('')}`);
try {
  for (const [i, part] of parts.entries()) {
    const dir = path.join(work, String(i));
    mkdirSync(path.join(dir, 'corpus'), { recursive: true });
    writeFileSync(path.join(dir, 'corpus/blind.jsonl'), part.blind);
    writeFileSync(path.join(dir, 'corpus/tuning.jsonl'), '');
    writeFileSync(path.join(dir, 'kb.json'), git('show', `${part.commit}:data/kb.json`));
    let output;
    try {
      output = execFileSync(accuracy, ['--corpus', path.join(dir, 'corpus'), '--kb', path.join(dir, 'kb.json')],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      console.log(`${part.commit.slice(0, 12).padEnd(14)}left out: ${String(e.stderr || e.message).split('\n')[0]}`);
      continue;
    }
    const figures = blindFigures(output);
    figures.forEach(([a, b], k) => { sums[k][0] += a; sums[k][1] += b; });
    console.log(`${part.commit.slice(0, 12).padEnd(14)}${figures.map((f) => `${pct(f)} (${f[0]}/${f[1]})`.padEnd(26)).join('')}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`${'all parts'.padEnd(14)}${sums.map((f) => `${pct(f)} (${f[0]}/${f[1]})`.padEnd(26)).join('')}`);
