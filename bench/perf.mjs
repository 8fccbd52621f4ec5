// The performance figures the issue-level targets name, in one run, each beside its reference and target, all
// on the same generated log (bench/realistic_log.mjs): native `conndiag --log` beside grep, the wasm module in
// Node beside native and beside a plain-JavaScript twin (bench/js_twin.mjs), 1 KB and 10 KB pastes (module,
// naive JS baseline, native), peak memory, and the page in Chromium (first answer, a second link in the same tab,
// a first paste, log throughput, size) and, as references, in Firefox ESR (first answer, log throughput).
// Prints figures; asserts nothing. Uses the binaries already built (build/native/bin, build/wasm); builds nothing.
// Usage: node bench/perf.mjs [--mb 100] [--seed 1] [--iterations 2000] [--no-page]
// (internal: node bench/perf.mjs --child wasm-log|twin-log|pastes ..., one measurement in a fresh process)
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import { createConnDiag } from '../web/src/api.mjs';
import { JsClassifier } from './js_baseline.mjs';
import { signaturesOf } from './kb_signatures.mjs';
import { literalWords, readLogFile, wordPattern } from './js_twin.mjs';
import { droppedLog, firstAnswer, firstPaste, secondLink } from './page_measure.mjs';

const here = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(here), '..');
const bin = path.join(root, 'build/native/bin');
const moduleDir = path.join(root, 'build/wasm/module');
const dist = path.join(root, 'build/wasm/dist');
// The knowledge base the wasm build carries, so that the module, the JS baselines and grep read the rows the
// binaries were built with (data/kb.json may have moved on since the build).
const kbPath = existsSync(path.join(dist, 'site/kb.json')) ? path.join(dist, 'site/kb.json') : path.join(root, 'data/kb.json');
const CHUNK_BYTES = 4 << 20;  // the page's worker reads files in pieces of this size (web/src/worker.mjs)
const MB = 1048576;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

async function loadModule() {
  const factory = createRequire(import.meta.url)(path.join(moduleDir, 'conndiag-core.js'));
  const wasmBinary = readFileSync(path.join(moduleDir, 'conndiag-core.wasm'));
  return createConnDiag(factory, { kb: readFileSync(kbPath, 'utf8'), wasmBinary });
}

// ---- Measurements run in a fresh Node process each, so that each peak memory is its own. ----

// The log through the module as the page's worker feeds it: raw bytes in 4 MB pieces, a new buffer each.
async function childWasmLog(file, runs) {
  const diag = await loadModule();
  const seconds = [];
  let result = null;
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    const fd = openSync(file, 'r');
    const stream = diag.beginLog();
    try {
      for (;;) {
        const piece = new Uint8Array(CHUNK_BYTES);
        const n = readSync(fd, piece, 0, CHUNK_BYTES, null);
        if (n === 0) break;
        stream.feed(n === CHUNK_BYTES ? piece : piece.subarray(0, n));
      }
    } finally {
      closeSync(fd);
    }
    result = stream.finish();
    seconds.push((performance.now() - start) / 1000);
  }
  return { seconds, events: result.events.length, lines: result.lines, maxRssKb: process.resourceUsage().maxRSS };
}

function childTwinLog(file) {
  const r = readLogFile(file, JSON.parse(readFileSync(kbPath, 'utf8')));
  return { seconds: [r.seconds], events: r.events.length, classified: r.classified, lines: r.lines, maxRssKb: process.resourceUsage().maxRSS };
}

// Each paste is timed after PASTE_WARM_UP runs, the first PASTE_EARLY of which are timed too and printed
// apart. Right after load V8 compiles the module's functions again, the often-run ones, with its optimizing
// compiler on background threads; on two processors those threads take the processor from the pasting
// thread a scheduler slice at a time, so that single pastes take 4 or 8 ms for the first few hundred (none
// with node --no-liftoff, nor with one compile thread: --wasm-num-compilation-tasks=1). The later pastes
// are the ones that say what the code costs; the first ones say what the engine adds at first.
const PASTE_WARM_UP = 2000;
const PASTE_EARLY = 1000;

async function childPastes(iterations) {
  const diag = await loadModule();
  const js = new JsClassifier(JSON.parse(readFileSync(kbPath, 'utf8')));
  const timed = (fn, count) => {
    const us = [];
    for (let i = 0; i < count; i += 1) {
      const t = performance.now();
      fn();
      us.push((performance.now() - t) * 1000);
    }
    return us;
  };
  const stats = (us) => {
    us.sort((a, b) => a - b);
    return { median: percentile(us, 0.5), p99: percentile(us, 0.99) };
  };
  const time = (fn) => {
    const early = stats(timed(fn, PASTE_WARM_UP).slice(0, PASTE_EARLY));
    return { ...stats(timed(fn, iterations)), early };
  };
  const out = {};
  for (const bytes of [1024, 10240]) {
    const paste = execFileSync(path.join(bin, 'classify_bench'), ['--print-paste', String(bytes)], { encoding: 'utf8' });
    out[bytes] = {
      module: time(() => diag.classify(paste)),
      js: time(() => js.classify(paste)),
      sameTop: diag.classify(paste).matches[0]?.id === js.classify(paste).matches[0]?.id,
    };
  }
  return out;
}

function runChild(kind, ...args) {
  const r = spawnSync(process.execPath, [here, '--child', kind, ...args.map(String)], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${kind}: ${r.stderr.trim().split('\n').slice(-3).join(' / ')}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

// ---- Native figures. ----

// One run of a command, its output to an ordinary file (returned as text): wall seconds, and peak memory from
// /usr/bin/time -v. Not /dev/null: GNU grep, seeing its output is /dev/null, stops at the first matching line
// (as with -q), which made grep look 25 times faster than it is on the realistic log.
function timed(command, args, env = process.env) {
  const outputFile = path.join(os.tmpdir(), `conndiag-perf-output-${process.pid}`);
  const out = openSync(outputFile, 'w');
  const useTime = existsSync('/usr/bin/time');
  const start = performance.now();
  const r = spawnSync(useTime ? '/usr/bin/time' : command, useTime ? ['-v', command, ...args] : args,
    { stdio: ['ignore', out, 'pipe'], encoding: 'utf8', env, maxBuffer: 64 << 20 });
  const seconds = (performance.now() - start) / 1000;
  closeSync(out);
  const output = readFileSync(outputFile, 'utf8');
  rmSync(outputFile);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr || '');
  return { seconds, status: r.status, output, maxRssKb: rss ? Number(rss[1]) : null };
}

// classify_bench prints its paste figures first and then goes on for a minute (hostile pastes, a 640 MB log):
// its output is read line by line (stdbuf) and it is stopped once the paste lines are out.
function classifyBenchPasteLines(iterations) {
  return new Promise((resolve) => {
    const bench = path.join(bin, 'classify_bench');
    const useStdbuf = existsSync('/usr/bin/stdbuf');
    const child = spawn(useStdbuf ? '/usr/bin/stdbuf' : bench, [...(useStdbuf ? ['-oL', bench] : []), '--iterations', String(iterations), '--log-mb', '1'],
      { stdio: ['ignore', 'pipe', 'ignore'] });
    let text = '';
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const lines = text.split('\n');
      const first = lines.findIndex((l) => l.startsWith('classify (one paste)'));
      const last = lines.findIndex((l) => l.startsWith('1024 B + JSON result'));
      resolve(first >= 0 && last >= first ? lines.slice(first, last + 1).join('\n') : text.trim());
    };
    child.stdout.on('data', (d) => {
      text += d;
      if (/1024 B \+ JSON result[^\n]*\n/.test(text)) {
        child.kill('SIGTERM');  // our own child, by its pid
        finish();
      }
    });
    child.on('close', finish);
  });
}

// ---- The page in Chromium. ----

const offlineUrl = `file://${path.join(dist, 'conndiag.html')}`;

// The log dropped on the offline file three times each way, alternated: with no drag before it 2 s after
// the page was ready (a person who opened the page, then chose a log: the page has had its idle time);
// with no drag at the very moment the page became ready (no person drops that soon: its start-up work is
// still running, see DROPS below); and after a drag of a second (a person's drag starts the workers).
async function alternatedDrops(browser, file) {
  const drops = { later: [], atReady: [], dragged: [] };
  for (let i = 0; i < 3; i += 1) {
    drops.later.push(await droppedLog(browser, offlineUrl, file, { waitMs: 2000 }));
    drops.atReady.push(await droppedLog(browser, offlineUrl, file));
    drops.dragged.push(await droppedLog(browser, offlineUrl, file, { dragMs: 1000 }));
  }
  return drops;
}

// The drops' rows: label, which runs, and whether the row is held to the target.
const DROPS = [
  ['no drag, 2 s after the page was ready', 'later', true],
  ['no drag, as the page became ready', 'atReady', false],
  ['dropped after a 1 s drag', 'dragged', true],
];

// The median of three drops.
const middleDrop = (runs) => [...runs].sort((a, b) => a.seconds - b.seconds)[1];

// Runs `measure(browser, site)` with a browser `launch()` started and the hosted folder served, and
// closes both after.
async function withBrowserAndSite(launch, measure) {
  const { serve } = await import('../web/serve.mjs');
  const browser = await launch();
  const site = await serve(path.join(dist, 'site'));
  try {
    return await measure(browser, site);
  } finally {
    await browser.close();
    await site.close();
  }
}

async function pageFigures(file) {
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    return { error: 'playwright-core is not installed' };
  }
  if (!existsSync('/usr/bin/chromium')) return { error: '/usr/bin/chromium is missing' };
  const launch = () => chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  return withBrowserAndSite(launch, async (browser, site) => {
    const offline = await firstAnswer(browser, offlineUrl, 8);
    const hosted = await firstAnswer(browser, site.url, 8);
    const second = {
      offline: await secondLink(browser, offlineUrl, 4),
      hosted: await secondLink(browser, site.url, 4),
    };
    const pastes = await firstPaste(browser, offlineUrl, 6);
    return { version: browser.version(), offline, hosted, second, pastes, drops: await alternatedDrops(browser, file) };
  });
}

// ---- The page in Firefox ESR: the same measurements, as references. ----

async function firefoxFigures(file) {
  let launchFirefox;
  let FIREFOX;
  try {
    ({ launchFirefox, FIREFOX } = await import('./firefox.mjs'));
  } catch {
    return { error: 'puppeteer-core is not installed' };
  }
  if (!existsSync(FIREFOX)) return { error: `${FIREFOX} is missing` };
  return withBrowserAndSite(launchFirefox, async (browser, site) => {
    const offline = await firstAnswer(browser, offlineUrl, 8);
    const hosted = await firstAnswer(browser, site.url, 8);
    return { version: browser.version(), offline, hosted, drops: await alternatedDrops(browser, file) };
  });
}

// ---- The run. ----

function option(args, name, fallback) {
  return args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback;
}

// The generated log, made once per size and seed and kept in build/bench/ (with what the generator said).
function ensureLog(mb, seed) {
  const dir = path.join(root, 'build/bench');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `realistic-${mb}mb-seed${seed}.log`);
  const summary = `${file}.summary`;
  if (!existsSync(file) || !existsSync(summary)) {
    process.stderr.write(`generating ${path.relative(root, file)} (${mb} MB)...\n`);
    const fd = openSync(file, 'w');
    const r = spawnSync(process.execPath, [path.join(root, 'bench/realistic_log.mjs'), '--mb', String(mb), '--seed', String(seed)],
      { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
    closeSync(fd);
    if (r.status !== 0) throw new Error(`realistic_log.mjs failed: ${r.stderr}`);
    writeFileSync(summary, r.stderr.trim());
  }
  return { file, summary: readFileSync(summary, 'utf8').trim() };
}

function grepPatternFile(kb) {
  const { words, patterns } = literalWords(kb);
  // grep's ERE has no (?:...) or \d: the few patterns kept whole are rewritten for it.
  const ere = patterns.map((p) => p.replaceAll('(?:', '(').replaceAll('\\d', '[0-9]'));
  const file = path.join(root, 'build/bench/kb-literals.ere');
  writeFileSync(file, [...words.map((w) => wordPattern(w, 'ere')), ...ere].join('\n') + '\n');
  return { file, count: words.length + ere.length };
}

// The knowledge base's patterns themselves, as classify_bench gives them to grep (those with look-arounds left out).
function grepFullPatternFile(kb) {
  const lines = [];
  for (const entry of kb.entries) {
    for (const signature of signaturesOf(kb, entry)) {
      for (const p of signature.patterns) if (!/\(\?<?[=!]/.test(p)) lines.push(p.replaceAll('(?:', '(').replaceAll('\\d', '[0-9]'));
    }
  }
  const file = path.join(root, 'build/bench/kb-patterns.ere');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    const [, kind, a, b] = args;
    const out = kind === 'wasm-log' ? await childWasmLog(a, Number(b)) : kind === 'twin-log' ? childTwinLog(a) : await childPastes(Number(a));
    process.stdout.write(`${JSON.stringify(out)}\n`);
    return;
  }
  const mb = option(args, '--mb', 100);
  const seed = option(args, '--seed', 1);
  const iterations = option(args, '--iterations', 2000);
  const conndiag = path.join(bin, 'conndiag');
  const missing = [conndiag, path.join(bin, 'classify_bench'), path.join(moduleDir, 'conndiag-core.js'), path.join(moduleDir, 'conndiag-core.wasm'),
    path.join(dist, 'conndiag.html'), path.join(dist, 'site')].filter((f) => !existsSync(f));
  if (missing.length) {
    console.error(`missing (build the native and wasm presets first): ${missing.map((f) => path.relative(root, f)).join(', ')}`);
    process.exit(2);
  }
  const kb = JSON.parse(readFileSync(kbPath, 'utf8'));
  const { file, summary } = ensureLog(mb, seed);
  const size = statSync(file).size / MB;
  const rows = [];
  const notes = [];
  const row = (name, value, reference, target, met) => rows.push({ name, value, reference, target, met });
  const f1 = (x) => x.toFixed(1);
  const step = (what) => process.stderr.write(`measuring ${what}...\n`);

  // Native --log, median of 3, output to a file, as run by default (two threads on this machine) and on one
  // thread (--threads 1: the same resources as the module, which has one); grep with the knowledge base's
  // literal words, the same way.
  step('native --log and grep');
  const nativeRuns = [0, 1, 2].map(() => timed(conndiag, ['--log', '--json', file]));
  const nativeS = median(nativeRuns.map((r) => r.seconds));
  const oneThreadRuns = [0, 1, 2].map(() => timed(conndiag, ['--log', '--json', '--threads', '1', file]));
  const oneThreadS = median(oneThreadRuns.map((r) => r.seconds));
  const nativeEvents = nativeRuns[0].output.split('\n').filter(Boolean).length;
  const patterns = grepPatternFile(kb);
  const grepEnv = { ...process.env, LC_ALL: 'C' };
  const grepRuns = [0, 1, 2].map(() => timed('grep', ['-E', '-i', '-c', '-f', patterns.file, file], grepEnv));
  const grepS = median(grepRuns.map((r) => r.seconds));
  // Every run must have counted the same lines: a run that stopped early (see timed) would be a false reference.
  const grepCounts = new Set(grepRuns.map((r) => `${r.status}:${r.output.trim()}`));
  if (grepCounts.size !== 1 || grepRuns[0].status !== 0) throw new Error(`grep runs disagree or failed: ${[...grepCounts].join(', ')}`);
  const grepCount = grepRuns[0].output.trim();
  // What every run pays before reading: starting the process and compiling the knowledge base.
  const emptyLog = path.join(os.tmpdir(), `conndiag-perf-empty-${process.pid}.log`);
  writeFileSync(emptyLog, '');
  const startupS = median([0, 1, 2].map(() => timed(conndiag, ['--log', '--json', emptyLog]).seconds));
  rmSync(emptyLog);
  notes.push(`native start-up (process and knowledge-base compile, empty log): ${(startupS * 1000).toFixed(0)} ms of each --log run`);
  const nativeMBs = size / nativeS;
  const oneThreadMBs = size / oneThreadS;
  const grepMBs = size / grepS;
  row('native --log --json, throughput', `${f1(nativeMBs)} MB/s`, `grep ${f1(grepMBs)} MB/s; ${os.availableParallelism()} hardware threads`, '≥ 300 MB/s', nativeMBs >= 300);
  row('native --log --json --threads 1, throughput', `${f1(oneThreadMBs)} MB/s`, `two threads ${f1(nativeMBs)} MB/s`, '(reference)', null);
  row('native --log time / grep time', `${(nativeS / grepS).toFixed(2)}×`, `grep ${grepS.toFixed(2)} s, native ${nativeS.toFixed(2)} s (one thread ${(oneThreadS / grepS).toFixed(2)}×)`, '≤ 2×', nativeS / grepS <= 2);
  // The reference classify_bench uses: grep with the knowledge base's whole patterns, not only their literals.
  // One run: it takes about 40 s on the 100 MB log.
  const fullPatterns = grepFullPatternFile(kb);
  const grepFullS = timed('grep', ['-E', '-i', '-c', '-f', fullPatterns, file], grepEnv).seconds;
  row('grep -E -i -c, whole kb patterns', `${f1(size / grepFullS)} MB/s`, `native ${f1(nativeMBs)} MB/s (${(nativeS / grepFullS).toFixed(2)}× its time)`, '(reference)', null);

  // The module in Node, and the JS twin, on the same file.
  step('the wasm module (Node) on the log');
  const wasm = runChild('wasm-log', file, 3);
  const wasmMBs = size / median(wasm.seconds);
  // Judged against native on one thread, as the module runs on one; beside native as run by default.
  row('wasm module (Node), log in 4 MB pieces', `${f1(wasmMBs)} MB/s`,
    `native one thread ${f1(oneThreadMBs)} MB/s (${(wasmMBs / oneThreadMBs).toFixed(2)}×), two ${f1(nativeMBs)} MB/s (${(wasmMBs / nativeMBs).toFixed(2)}×)`,
    '≥ 0.5× native (one thread)', wasmMBs >= 0.5 * oneThreadMBs);
  step('the JS twin on the log');
  const twin = runChild('twin-log', file);
  const twinMBs = size / twin.seconds[0];
  row('JS twin (Node), same file, one run', `${f1(twinMBs)} MB/s`, `wasm module ${f1(wasmMBs)} MB/s`, 'module faster', wasmMBs > twinMBs);

  // Pastes.
  step('pastes (module, JS baseline, native)');
  const pastes = runChild('pastes', iterations);
  const nativeLines = await classifyBenchPasteLines(3000);
  const nativeOf = (label) => {
    const m = new RegExp(`${label}\\s+([\\d.]+) µs\\s+([\\d.]+) µs`).exec(nativeLines);
    return m ? { median: Number(m[1]), p99: Number(m[2]) } : null;
  };
  const native1k = nativeOf('1024 B \\+ JSON result');
  const native1kBare = nativeOf('1024 B paste');
  const native10k = nativeOf('10240 B paste');
  const us = (x) => `${x.toFixed(1)} µs`;
  const p1 = pastes[1024];
  const p10 = pastes[10240];
  row('1 KB paste, module (Node), median', us(p1.module.median), `JS baseline ${us(p1.js.median)}, native+JSON ${native1k ? us(native1k.median) : 'n/a'}`,
    '≤ 50 µs and < JS baseline', p1.module.median <= 50 && p1.module.median < p1.js.median);
  row('1 KB paste, module (Node), p99', us(p1.module.p99), `JS baseline ${us(p1.js.p99)}, native+JSON ${native1k ? us(native1k.p99) : 'n/a'}`,
    '≤ 150 µs and < JS baseline', p1.module.p99 <= 150 && p1.module.p99 < p1.js.p99);
  row(`1 KB paste, module, first ${PASTE_EARLY} after load`, `${us(p1.module.early.median)} / ${us(p1.module.early.p99)}`,
    `median / p99; JS baseline ${us(p1.js.early.median)} / ${us(p1.js.early.p99)}`, '(reference)', null);
  if (native1kBare) {
    row('1 KB paste, native (classify_bench), median', us(native1kBare.median), `with JSON result ${native1k ? us(native1k.median) : 'n/a'}`, '≤ 50 µs', native1kBare.median <= 50);
    row('1 KB paste, native (classify_bench), p99', us(native1kBare.p99), `with JSON result ${native1k ? us(native1k.p99) : 'n/a'}`, '≤ 150 µs', native1kBare.p99 <= 150);
  }
  row('10 KB paste, module (Node), median', us(p10.module.median), `JS baseline ${us(p10.js.median)}, native ${native10k ? us(native10k.median) : 'n/a'}`, '< JS baseline', p10.module.median < p10.js.median);
  row('10 KB paste, module (Node), p99', us(p10.module.p99), `JS baseline ${us(p10.js.p99)}, native ${native10k ? us(native10k.p99) : 'n/a'}`, '< JS baseline', p10.module.p99 < p10.js.p99);

  // Memory.
  const nativeRss = Math.max(...nativeRuns.map((r) => r.maxRssKb || 0)) / 1024;
  row('native --log peak memory (max RSS)', nativeRss ? `${f1(nativeRss)} MB` : 'n/a', `log ${f1(size)} MB`, '(none)', null);
  row('Node peak memory, module reading the log', `${f1(wasm.maxRssKb / 1024)} MB`, `native ${f1(nativeRss)} MB`, '(none)', null);
  row('Node peak memory, JS twin reading the log', `${f1(twin.maxRssKb / 1024)} MB`, `module ${f1(wasm.maxRssKb / 1024)} MB`, '(none)', null);

  // The page.
  let chromiumVersion = 'not run';
  let firefoxVersion = 'not run';
  if (!args.includes('--no-page')) {
    step('the page in Chromium');
    const page = await pageFigures(file);
    if (page.error) {
      notes.push(`page not measured: ${page.error}`);
    } else {
      chromiumVersion = page.version;
      for (const [where, figure] of [['offline file', page.offline], ['hosted', page.hosted]]) {
        row(`first answer, ${where}, median of 8`, `${figure.median.toFixed(0)} ms`,
          `runs ${figure.all.map((t) => t.toFixed(0)).join(' ')}`, '≤ 250 ms', figure.median <= 250);
        const ms = (xs) => (xs.some((x) => x === null) ? 'not marked' : `${median(xs).toFixed(0)} ms`);
        notes.push(`first answer, ${where}: medians of the same 8, files in ${ms(figure.filesIn)}, diagnoser ready ${ms(figure.ready)}, answer ${ms(figure.all)} after navigation`);
      }
      row('a second link in the same tab, offline / hosted', `${page.second.offline.median.toFixed(0)} / ${page.second.hosted.median.toFixed(0)} ms`,
        `median of 4 each, 3 s after the first link's answer; runs ${page.second.offline.all.map((t) => t.toFixed(0)).join(' ')} / ${page.second.hosted.all.map((t) => t.toFixed(0)).join(' ')}`,
        '(reference)', null);
      const { known, unknown } = page.pastes;
      row('first paste 1.5 s after load, offline', `${known.firstMedian.toFixed(1)} / ${unknown.firstMedian.toFixed(1)} ms`,
        `a known / an unknown error, median of 6; the next paste ${known.nextMedian.toFixed(1)} / ${unknown.nextMedian.toFixed(1)} ms`, '(reference)', null);
      // Judged against native with as many threads as the page had workers on the log (two where the
      // browser has two processors or more, worker.mjs), beside both.
      for (const [label, which, held] of DROPS) {
        const runs = page.drops[which];
        const dropped = middleDrop(runs);
        const pageMBs = size / dropped.seconds;
        const same = dropped.readers >= 2 ? nativeMBs : oneThreadMBs;
        const longest = dropped.longTasks.length ? Math.max(...dropped.longTasks).toFixed(0) : 0;
        row(`page log, ${label}`, `${f1(pageMBs)} MB/s`,
          `${dropped.readers} worker(s); native one thread ${f1(oneThreadMBs)} MB/s (${(pageMBs / oneThreadMBs).toFixed(2)}×), two ${f1(nativeMBs)} MB/s (${(pageMBs / nativeMBs).toFixed(2)}×)`,
          held ? `≥ 0.5× native (${dropped.readers >= 2 ? 'two threads' : 'one thread'})` : '(reference)', held ? pageMBs >= 0.5 * same : null);
        notes.push(`page log, ${label}: ${dropped.seconds.toFixed(2)} s (runs ${runs.map((d) => d.seconds.toFixed(2)).join(' / ')}), "${dropped.status}"; main thread meanwhile ${dropped.longTasks.length} tasks over 50 ms, longest ${longest} ms`);
      }
    }
    step('the page in Firefox ESR');
    const firefox = await firefoxFigures(file);
    if (firefox.error) {
      notes.push(`page in Firefox not measured: ${firefox.error}`);
    } else {
      firefoxVersion = firefox.version;
      row('Firefox: first answer, offline / hosted, median of 8', `${firefox.offline.median.toFixed(0)} / ${firefox.hosted.median.toFixed(0)} ms`,
        `runs ${firefox.offline.all.map((t) => t.toFixed(0)).join(' ')} / ${firefox.hosted.all.map((t) => t.toFixed(0)).join(' ')}`, '(reference)', null);
      for (const [label, which] of DROPS) {
        const runs = firefox.drops[which];
        const dropped = middleDrop(runs);
        const pageMBs = size / dropped.seconds;
        row(`Firefox: page log, ${label}`, `${f1(pageMBs)} MB/s`,
          `${dropped.readers} worker(s); native two threads ${f1(nativeMBs)} MB/s (${(pageMBs / nativeMBs).toFixed(2)}×); runs ${runs.map((d) => d.seconds.toFixed(2)).join(' / ')} s`,
          '(reference)', null);
      }
    }
  } else {
    notes.push('page not measured (--no-page)');
  }
  const html = readFileSync(path.join(dist, 'conndiag.html'));
  const gz = gzipSync(html, { level: 9 }).length / 1024;
  row('single file conndiag.html, gzip -9', `${gz.toFixed(0)} KB`, `raw ${(html.length / 1024).toFixed(0)} KB`, '≤ 250 KB gzip', gz <= 250);

  // The report.
  console.log(`conndiag perf, ${new Date().toISOString().slice(0, 16)}Z: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}; Node ${process.version}; Chromium ${chromiumVersion}; Firefox ${firefoxVersion}`);
  console.log(`log: ${path.relative(root, file)}, ${f1(size)} MB: ${summary.replace(/^realistic_log: /, '')}`);
  console.log(`events listed: native ${nativeEvents}, wasm module ${wasm.events}, JS twin ${twin.events} (the twin classified ${twin.classified} distinct events); grep: ${grepCount} matching lines, ${patterns.count} patterns (${path.relative(root, patterns.file)})`);
  const built = (f) => statSync(f).mtime.toISOString().slice(0, 16).replace('T', ' ');
  const version = spawnSync(conndiag, ['--version'], { encoding: 'utf8' }).stdout.trim().split('\n')[0];
  console.log(`binaries (as found, not rebuilt): ${version}; built ${built(conndiag)} (conndiag), ${built(path.join(bin, 'classify_bench'))} (classify_bench), ` +
    `${built(path.join(moduleDir, 'conndiag-core.wasm'))} (module), ${built(path.join(dist, 'conndiag.html'))} (page) UTC`);
  console.log(`knowledge base: ${path.relative(root, kbPath)}; native runs ${nativeRuns.map((r) => r.seconds.toFixed(2)).join(' / ')} s (one thread ${oneThreadRuns.map((r) => r.seconds.toFixed(2)).join(' / ')} s), grep runs ${grepRuns.map((r) => r.seconds.toFixed(2)).join(' / ')} s, module runs ${wasm.seconds.map((s) => s.toFixed(2)).join(' / ')} s\n`);
  const widths = [44, 12, 52, 26];
  console.log(['figure', 'value', 'reference', 'target'].map((h, i) => h.padEnd(widths[i])).join(' ') + ' status');
  for (const r of rows) {
    console.log([r.name, r.value, r.reference, r.target].map((c, i) => c.padEnd(widths[i])).join(' ') + ` ${r.met === null ? '-' : r.met ? 'met' : 'not met'}`);
  }
  console.log(`\nnative paste figures, as classify_bench --iterations 3000 printed them (in-process; stopped after these lines):\n${nativeLines}`);
  for (const n of notes) console.log(n);
}

await main();
