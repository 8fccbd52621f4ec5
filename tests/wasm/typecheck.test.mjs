// tsc over the package as shipped: api.mjs and node.mjs (their JSDoc takes its types from types/*.d.ts)
// must type-check against the declarations, the declarations must be sound, and a TypeScript program that
// uses the package through its exports map must compile. Any type error fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = path.join(process.env.CONNDIAG_DIST || path.join(root, 'build/wasm/dist'), 'package');
const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
// --skipLibCheck: not re-checking @types/node saves 5 s; the package's own .d.ts files are still checked, by
// the consumer test below (where they are a dependency's declarations, as for any user).
const checkJs = ['--noEmit', '--strict', '--allowJs', '--checkJs', '--module', 'nodenext', '--moduleResolution', 'nodenext',
  '--target', 'es2022', '--types', 'node', '--typeRoots', path.join(root, 'node_modules/@types'), '--skipLibCheck'];
const contract = ['api.mjs', 'node.mjs', 'types/index.d.ts', 'types/node.d.ts'];

function run(args, cwd) {
  const r = spawnSync(process.execPath, [tsc, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

test('api.mjs and node.mjs type-check against the declarations they ship with (tsc --checkJs --strict --noEmit)', () => {
  const { status, output } = run([...checkJs, ...contract.map((f) => path.join(pkg, f))], root);
  assert.equal(output, '');
  assert.equal(status, 0);
});

test('tsc fails when the declarations and the code part ways', () => {
  // A copy whose declarations promise what the code does not do: proves the JSDoc is tied to them.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'conndiag-drift-'));
  try {
    for (const f of contract) cpSync(path.join(pkg, f), path.join(dir, f));
    const file = path.join(dir, 'types/index.d.ts');
    const drifted = readFileSync(file, 'utf8')
      .replace('  kbInfo(): KbInfo;', '  kbInfo(): KbInfo;\n  release(): void;')
      .replace('  cancel(): void;', '  cancel(): void;\n  pause(): void;')
      .replace('delta: LogDelta): LogEvent[];', 'delta: LogDelta): number;');
    writeFileSync(file, drifted);
    const { status, output } = run([...checkJs, ...contract.map((f) => path.join(dir, f))], root);
    assert.notEqual(status, 0);
    for (const drift of [/'release' is missing/, /'pause' is missing/, /api\.mjs\(\d+,\d+\): error TS2322: Type 'LogEvent\[\]' is not assignable to type 'number'/]) {
      assert.match(output, drift);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a TypeScript program using "conndiag" and "conndiag/node" through the exports map compiles', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'conndiag-consumer-'));
  try {
    mkdirSync(path.join(dir, 'node_modules'));
    symlinkSync(pkg, path.join(dir, 'node_modules/conndiag'), 'dir');
    writeFileSync(path.join(dir, 'consumer.mts'), `
      import { applyLogDelta, createConnDiag, Diagnoser, type LogEvent, type Result } from 'conndiag';
      import { createNodeConnDiag } from 'conndiag/node';
      // @ts-expect-error: the Node function is only in "conndiag/node"
      import { createNodeConnDiag as notHere } from 'conndiag';
      const diag: Diagnoser = await createNodeConnDiag({ overlay: { extends: 'conndiag' } });
      const result: Result = diag.classify('IgniteException', { app: 'office365', top: 1 });
      const id: string | undefined = result.matches[0]?.code?.id;
      const stream = diag.beginLog();
      const events: LogEvent[] = applyLogDelta([], stream.feed(new Uint8Array([0x41, 0x0a])));
      stream.cancel();
      // @ts-expect-error: a Diagnoser is made by createConnDiag, not constructed
      new Diagnoser();
      export const used = [createConnDiag, notHere, id, events];
    `);
    const { status, output } = run(['--noEmit', '--strict', '--module', 'nodenext', '--target', 'es2022', 'consumer.mts'], dir);
    assert.equal(output, '');
    assert.equal(status, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
