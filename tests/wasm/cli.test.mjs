// `npx conndiag`: the package's bin (the native command's C++ compiled for Node) run side by side with the
// native command on the same arguments, environment and input; standard output (byte for byte), standard error
// and the exit status must be the same. Needs build/wasm/dist/package (CONNDIAG_DIST) and the native command
// (CONNDIAG_NATIVE_CLI, else build/native/bin/conndiag): a missing one fails, it is not skipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = process.env.CONNDIAG_DIST || path.join(root, 'build/wasm/dist');
const bin = path.join(dist, 'package/bin/conndiag.cjs');
const native = process.env.CONNDIAG_NATIVE_CLI || path.join(root, 'build/native/bin/conndiag');
const inputs = path.join(root, 'tests/cli/inputs');
const kb = JSON.parse(readFileSync(path.join(root, 'data/kb.json'), 'utf8'));
const firstApp = Object.fromEntries(kb.entries.map((e) => [e.id, e.apps[0]]));

// Each run starts from the test's environment without a locale, a report address or NO_COLOR, as the native
// smoke tests do; `env` adds variables.
const baseEnv = { ...process.env };
for (const name of ['LANG', 'LC_ALL', 'LC_MESSAGES', 'CONNDIAG_REPORT_TO', 'NO_COLOR']) delete baseEnv[name];

/**
 * Runs 'native', 'wasm' (the bin under this Node) or, with `direct`, the program `command` itself.
 * `stdin`: a Buffer or string to pipe, or { file } for a file opened as standard input (not a pipe).
 */
function run(command, args, { stdin = '', env = {}, cwd = root, direct = false } = {}) {
  const [file, argv] = direct ? [command, args] : command === 'wasm' ? [process.execPath, [bin, ...args]] : [native, args];
  const fd = stdin.file ? openSync(stdin.file, 'r') : undefined;  // each run its own, read from the start
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, {
      cwd,
      env: { ...baseEnv, ...env },
      stdio: [fd ?? 'pipe', 'pipe', 'pipe'],
    });
    if (fd !== undefined) closeSync(fd);  // the child has its copy
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({
      status, signal, stdout: Buffer.concat(out).toString('latin1'), stderr: Buffer.concat(err).toString('latin1'),
    }));
    if (child.stdin) {
      child.stdin.on('error', () => {});  // a command that exits before reading all of it (usage errors)
      child.stdin.end(stdin);
    }
  });
}

/** Runs both commands and asserts the same output and status; returns the native result. */
async function same(args, options = {}, label = args.join(' ')) {
  const [n, w] = [await run('native', args, options), await run('wasm', args, options)];
  assert.deepEqual(w, n, `npx conndiag ${label}`);
  return n;
}

// At most two commands at a time (the machine's cores), in order of the list.
async function inPairs(jobs) {
  let next = 0;
  const worker = async () => { while (next < jobs.length) await jobs[next++](); };
  await Promise.all([worker(), worker()]);
}

test('the package has the bin, and the native command to compare with is built', () => {
  assert.ok(existsSync(bin), `${bin} is missing: build the wasm preset (cmake --build --preset wasm)`);
  assert.ok(existsSync(native), `${native} is missing: build the native preset, or set CONNDIAG_NATIVE_CLI`);
  const manifest = JSON.parse(readFileSync(path.join(dist, 'package/package.json'), 'utf8'));
  assert.deepEqual(manifest.bin, { conndiag: './bin/conndiag.cjs' });
  assert.match(readFileSync(bin, 'utf8'), /^#!\/usr\/bin\/env node\n/);
});

// The four ways of asking: JSON and text, English and French (by --lang and by the locale), with the app
// where the case names one.
const modes = [
  () => ({ args: ['--json'] }),
  (app) => ({ args: app ? ['--app', app] : [] }),
  (app) => ({ args: ['--lang', 'fr', ...(app ? ['--app', app] : [])] }),
  () => ({ args: ['--json', '--top', '5'], env: { LANG: 'fr_FR.UTF-8' } }),
];
const goldenCases = ['rows.jsonl', 'no_match.jsonl', 'traps.jsonl'].flatMap((file) =>
  readFileSync(path.join(root, 'tests/golden', file), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)));

test('golden, no-match and trap texts piped in give the same answer (JSON or text, English or French)', async () => {
  // Every 5th text, one run each (each is a fresh Node process, about half a second; all of them took minutes
  // on a loaded machine): the modes take turns, so each mode sees every kind of case. Standard input is what
  // this test is about; the next test puts every text through every mode, as files.
  assert.ok(goldenCases.length >= 300, `${goldenCases.length} cases`);
  const sample = goldenCases.filter((_, i) => i % 5 === 0);
  const statuses = new Set();
  await inPairs(sample.map((c, i) => async () => {
    const app = c.app || (c.expect && firstApp[c.expect]);
    const { args, env } = modes[i % modes.length](app);
    const label = `${args.join(' ')}${env ? ' LANG=fr' : ''} < case ${i} (${c.expect ?? c.must_not_be ?? ''}, ${c.variant ?? ''})`;
    statuses.add((await same(args, { stdin: c.text, env }, label)).status);
  }));
  assert.deepEqual([...statuses].sort(), [0, 1], 'both confident and unconfident answers were compared');
});

test('every golden, no-match and trap text as files gives the same answers in every mode', async () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'conndiag-npx-'));
  try {
    const files = goldenCases.map((c, i) => {
      const file = path.join(scratch, `case-${String(i).padStart(3, '0')}.txt`);
      writeFileSync(file, c.text);
      return file;
    });
    await inPairs(modes.map((mode) => async () => {
      const { args, env } = mode(undefined);
      const n = await same([...args, ...files], { env }, `${args.join(' ')} ${files.length} files`);
      assert.ok(n.status === 1 && n.stdout.length > 100000, `${args}: ${n.status}, ${n.stdout.length} bytes`);
    }));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});

test('a log, several files, -- and a file as standard input give the same output', async () => {
  const log = path.join(inputs, 'connector.log');
  for (const lang of ['en', 'fr']) {
    assert.equal((await same(['--log', '--lang', lang, log])).status, 0);
    await same(['--log', '--json', '--lang', lang], { stdin: readFileSync(log) });
  }
  await same(['--log', path.join(inputs, 'mixed_errors.log'), path.join(inputs, 'terminal_escapes.log')]);
  await same(['--json', '--app', 'office365', path.join(inputs, 'aadsts70008.txt'), path.join(inputs, 'box_parse.txt')]);
  await same([path.join(inputs, 'aadsts70008.txt'), path.join(inputs, 'contoso_proxy.txt')]);
  await same(['--', path.join(inputs, 'aadsts70008.txt')]);
  await same(['--kb', path.join(inputs, 'custom_kb.json'), path.join(inputs, 'custom_error.txt')]);
  assert.equal((await same(['--json'], { stdin: { file: path.join(inputs, 'okta_e0000011.json') } }, '--json < a file')).status, 0);
});

test('a big log piped in gives the same events and counts', async () => {
  // Longer than the command's 1 MB reads, so lines are cut between chunks; each event is counted once.
  const big = Buffer.from(readFileSync(path.join(inputs, 'connector.log'), 'utf8').repeat(4000));  // ~1.8 MB
  const n = await same(['--log', '--json'], { stdin: big }, '--log --json < 1.8 MB');
  assert.match(n.stdout, /"last_line":36000,"count":12000,/);
});

test('Windows-1252, UTF-16, invalid UTF-8, binary and empty input are read and refused the same way', async () => {
  for (const name of ['windows1252_fr.txt', 'utf16le.txt', 'invalid_utf8.txt', 'binary.bin', 'empty.txt', 'nginx_502.html']) {
    const bytes = readFileSync(path.join(inputs, name));
    await same(['--json'], { stdin: bytes }, `--json < ${name}`);
    await same([], { stdin: bytes, env: { LC_ALL: 'fr_CA.UTF-8' } }, `LC_ALL=fr < ${name}`);
  }
});

test('usage and input errors: the same message on standard error, nothing on standard output, exit 2', async () => {
  for (const args of [['--bogus'], ['--app', 'nosuchapp'], ['--top'], ['--lang', 'xx'],
    [path.join(inputs, 'no-such-file.txt')], [inputs], ['--kb', inputs], ['--kb', path.join(inputs, 'no-such-kb.json')], ['--kb', path.join(inputs, 'bad_pattern_kb.json')],
    ['kb'], ['kb', 'frobnicate'], ['kb', 'check'], ['kb', 'check', path.join(inputs, 'bad_extends_kb.json')],
    ['kb', 'check', path.join(inputs, 'bad_pattern_kb.json')], ['kb', 'check', path.join(inputs, 'no-such-kb.json')],
    ['kb', 'check', path.join(inputs, 'unrecognized_example_kb.json')], ['kb', 'explain', '--kb', path.join(inputs, 'bad_pattern_kb.json'), 'x']]) {
    const n = await same(args, { stdin: 'AADSTS70008' });
    assert.equal(n.status, 2, args.join(' '));
    assert.ok(n.stderr.length > 0 && n.stdout === '', args.join(' '));
  }
  const n = await same([], { stdin: '' }, '< nothing');
  assert.equal(n.status, 2);
});

test('-V, --version, -h, --help, kb --help, kb check and kb explain print the same', async () => {
  for (const args of [['-V'], ['--version'], ['-h'], ['--help'], ['kb', '--help'],
    ['--kb', path.join(inputs, 'custom_kb.json'), '--version'],
    ['kb', 'check', path.join(root, 'data/kb.json')], ['kb', 'check', path.join(root, 'web/examples/portal-kb.json')],
    ['kb', 'explain', '--kb', path.join(inputs, 'explain_kb.json'), 'BoxAPIException: invalid_grant: Invalid refresh token'],
    ['kb', 'explain', '-']]) {
    assert.equal((await same(args, { stdin: readFileSync(path.join(inputs, 'aadsts70008.txt')) })).status, 0, args.join(' '));
  }
  await same(['--help'], { env: { LANG: 'fr_FR.UTF-8' } });
});

test('CONNDIAG_REPORT_TO and --report-to add the same hint to an answer that is not confident', async () => {
  const text = readFileSync(path.join(inputs, 'contoso_proxy.txt'));
  const n = await same([], { stdin: text, env: { CONNDIAG_REPORT_TO: 'it-help@contoso.example', LANG: 'fr_FR.UTF-8' } });
  assert.equal(n.status, 1);
  assert.match(n.stderr, /it-help@contoso\.example/);
  await same(['--report-to', 'https://help.contoso.example/conndiag'], { stdin: text });
});

test('on a terminal both colour the answer the same way, and NO_COLOR turns it off in both', async () => {
  // script(1) runs the command line on a pseudo-terminal (standard output and error) and copies what it shows.
  const file = path.join(inputs, 'aadsts70008.txt');
  const onTerminal = (command, env) =>
    run('/usr/bin/script', ['-qec', `${command} --app office365 '${file}'`, '/dev/null'], { env, direct: true });
  const nativeLine = `'${native}'`;
  const wasmLine = `'${process.execPath}' '${bin}'`;
  const coloured = await onTerminal(nativeLine, {});
  assert.match(coloured.stdout, /\x1b\[/, 'the native command colours on a terminal');
  assert.deepEqual(await onTerminal(wasmLine, {}), coloured);
  const plain = await onTerminal(nativeLine, { NO_COLOR: '1' });
  assert.doesNotMatch(plain.stdout, /\x1b\[/);
  assert.match(plain.stdout, /o365-aadsts70008-token-expired/);
  assert.deepEqual(await onTerminal(wasmLine, { NO_COLOR: '1' }), plain);
});

test('a reader that stops early stops both: the status a shell shows for SIGPIPE (141)', async () => {
  // Far more output than a pipe holds (400 answers), read by `head` for 100 bytes only.
  const files = Array(400).fill(path.join(inputs, 'aadsts70008.txt'));
  const script = '"$@" | head -c 100 >/dev/null; echo "${PIPESTATUS[0]}"';
  for (const command of [[native], [process.execPath, bin]]) {
    const r = await run('/bin/bash', ['-c', script, 'bash', ...command, '--json', ...files], { direct: true });
    assert.deepEqual([r.stdout, r.stderr], ['141\n', ''], command.join(' '));
  }
});

test('a file named on the command line is read from the real file system, relative to the working folder', async () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'conndiag-npx-'));
  try {
    writeFileSync(path.join(scratch, 'pasted error.txt'), 'AADSTS70008: The provided authorization code or refresh token has expired');
    const n = await same(['--json', 'pasted error.txt'], { cwd: scratch });
    assert.equal(n.status, 0);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
