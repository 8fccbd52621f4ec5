// Page benchmark in headless Chromium, in one run: the single file's size, navigation to first
// classification, a log dropped on the offline page (time, and the main thread's long tasks meanwhile),
// 1 KB classify latency and log throughput in wasm, beside the plain-JavaScript RegExp
// baseline (bench/js_baseline.mjs) and the native core (classify_bench) on the very same inputs.
// Usage: node bench/page_bench.mjs [--iterations N] [--log-mb N]   (after the native and wasm builds)
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import { chromium } from 'playwright-core';

import { serve } from '../web/serve.mjs';
import { droppedLog, firstAnswer } from './page_measure.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const iterations = option('--iterations', 2000);
const logMb = option('--log-mb', 20);
const dist = path.join(root, 'build/wasm/dist');
const nativeBench = path.join(root, 'build/native/bin/classify_bench');

const html = readFileSync(path.join(dist, 'conndiag.html'));
const paste = execFileSync(nativeBench, ['--print-paste', '1024'], { encoding: 'utf8' });
const paste10k = execFileSync(nativeBench, ['--print-paste', '10240'], { encoding: 'utf8' });
const log = execFileSync(nativeBench, ['--print-log', String(logMb)], { encoding: 'utf8', maxBuffer: 1 << 30 });
const native = execFileSync(nativeBench, ['--iterations', String(iterations), '--log-mb', String(logMb)], { encoding: 'utf8' });
const nativePaste = /1024 B paste\s+([\d.]+) µs\s+([\d.]+) µs/.exec(native);
const nativePaste10k = /10240 B paste\s+([\d.]+) µs\s+([\d.]+) µs/.exec(native);
const nativeLog = /conndiag --log\s+([\d.]+)/.exec(native);

// A bench folder beside the site: the same module and knowledge base, plus the JS baseline; served
// cross-origin isolated so performance.now() has 5 µs resolution instead of 100 µs.
const benchDir = mkdtempSync(path.join(os.tmpdir(), 'conndiag-bench-'));
for (const f of ['conndiag-core.js', 'conndiag-core.wasm']) copyFileSync(path.join(root, 'build/wasm/module', f), path.join(benchDir, f));
copyFileSync(path.join(root, 'data/kb.json'), path.join(benchDir, 'kb.json'));
copyFileSync(path.join(root, 'web/src/api.mjs'), path.join(benchDir, 'api.mjs'));
copyFileSync(path.join(root, 'bench/js_baseline.mjs'), path.join(benchDir, 'js_baseline.mjs'));
copyFileSync(path.join(root, 'bench/kb_signatures.mjs'), path.join(benchDir, 'kb_signatures.mjs'));
writeFileSync(path.join(benchDir, 'index.html'), '<!doctype html><meta charset="utf-8"><script src="conndiag-core.js"></script><body>bench</body>');
writeFileSync(path.join(benchDir, 'paste.txt'), paste);
writeFileSync(path.join(benchDir, 'paste10k.txt'), paste10k);
writeFileSync(path.join(benchDir, 'log.txt'), log);
// The worst log for the page: 10,000 distinct events of 10 KB (100 MB), nothing to merge. Each crosses
// from the worker to the page once; before deltas, every 4 MB piece re-sent all events found so far.
writeFileSync(path.join(benchDir, 'distinct.txt'),
  execFileSync(nativeBench, ['--print-distinct-events', '10000', '10'], { encoding: 'utf8', maxBuffer: 1 << 30 }));
const isolated = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
const benchSite = await serve(benchDir, { headers: isolated });
const site = await serve(path.join(dist, 'site'));

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});

const offlineFirst = (await firstAnswer(browser, 'file://' + path.join(dist, 'conndiag.html'), 5)).median;
const hostedFirst = (await firstAnswer(browser, site.url, 5)).median;

const offlineUrl = 'file://' + path.join(dist, 'conndiag.html');
const dropped = await droppedLog(browser, offlineUrl, path.join(benchDir, 'log.txt'));
const droppedDistinct = await droppedLog(browser, offlineUrl, path.join(benchDir, 'distinct.txt'));

const page = await browser.newPage();
await page.goto(benchSite.url);
const inPage = await page.evaluate(async (n) => {
  const { createConnDiag } = await import('./api.mjs');
  const { JsClassifier } = await import('./js_baseline.mjs');
  const kbText = await (await fetch('kb.json')).text();
  const paste = await (await fetch('paste.txt')).text();
  const paste10k = await (await fetch('paste10k.txt')).text();
  const logBytes = new Uint8Array(await (await fetch('log.txt')).arrayBuffer());
  const log = new TextDecoder().decode(logBytes);
  const diag = await createConnDiag(window.ConnDiagModule, { kb: kbText });
  const js = new JsClassifier(JSON.parse(kbText));
  const time = (fn) => {
    for (let i = 0; i < 50; i += 1) fn();
    const us = [];
    for (let i = 0; i < n; i += 1) {
      const t = performance.now();
      fn();
      us.push((performance.now() - t) * 1000);
    }
    us.sort((a, b) => a - b);
    return { median: us[Math.floor(us.length / 2)], p99: us[Math.floor(us.length * 0.99)] };
  };
  const wasm = time(() => diag.classify(paste));
  const base = time(() => js.classify(paste));
  const wasm10k = time(() => diag.classify(paste10k));
  const base10k = time(() => js.classify(paste10k));
  // As the page reads a dropped log: raw bytes in 4 MB pieces into a streamed log.
  let t = performance.now();
  const stream = diag.beginLog();
  for (let at = 0; at < logBytes.length; at += 4 << 20) stream.feed(logBytes.subarray(at, at + (4 << 20)));
  const events = stream.finish().events.length;
  const wasmLogS = (performance.now() - t) / 1000;
  t = performance.now();
  const seen = new Map();
  for (const line of log.split('\n')) {
    const r = js.classify(line);
    if (r.matches.length && r.matches[0].score > 0.5) seen.set(r.matches[0].id, (seen.get(r.matches[0].id) || 0) + 1);
  }
  const jsLogS = (performance.now() - t) / 1000;
  return { isolated: crossOriginIsolated, wasm, base, wasm10k, base10k, wasmLogS, jsLogS, events, jsEvents: seen.size, sameTop: diag.classify(paste).matches[0].id === js.classify(paste).matches[0].id };
}, iterations);
const version = browser.version();
await browser.close();
await benchSite.close();
await site.close();
rmSync(benchDir, { recursive: true, force: true });

const mb = Buffer.byteLength(log) / (1 << 20);
const f1 = (x) => x.toFixed(1).padStart(9);
console.log(`conndiag page benchmark (headless Chromium ${version}; timers ${inPage.isolated ? '5 µs (cross-origin isolated)' : 'coarse'})\n`);
console.log(`single file conndiag.html: ${(html.length / 1024).toFixed(0)} KB raw, ${(gzipSync(html, { level: 9 }).length / 1024).toFixed(0)} KB gzip (target ≤ 250 KB gzip)`);
console.log(`navigation → first classification (median of 5): offline file ${offlineFirst.toFixed(0)} ms, hosted ${hostedFirst.toFixed(0)} ms (target ≤ 300 ms)\n`);
console.log(`classify, 1 KB paste         median        p99`);
console.log(`wasm (conndiag)           ${f1(inPage.wasm.median)} µs ${f1(inPage.wasm.p99)} µs`);
console.log(`JS RegExp baseline        ${f1(inPage.base.median)} µs ${f1(inPage.base.p99)} µs   (same top answer: ${inPage.sameTop})`);
if (nativePaste) console.log(`native (classify_bench)   ${f1(Number(nativePaste[1]))} µs ${f1(Number(nativePaste[2]))} µs`);
console.log(`\nclassify, 10 KB paste        median        p99`);
console.log(`wasm (conndiag)           ${f1(inPage.wasm10k.median)} µs ${f1(inPage.wasm10k.p99)} µs`);
console.log(`JS RegExp baseline        ${f1(inPage.base10k.median)} µs ${f1(inPage.base10k.p99)} µs`);
if (nativePaste10k) console.log(`native (classify_bench)   ${f1(Number(nativePaste10k[1]))} µs ${f1(Number(nativePaste10k[2]))} µs`);
for (const [what, d] of [['log', dropped], ['10,000 distinct events', droppedDistinct]]) {
  const longest = d.longTasks.length ? Math.max(...d.longTasks).toFixed(0) : 0;
  const over100 = d.longTasks.filter((x) => x > 100).length;
  console.log(`${what === 'log' ? '\n' : ''}${what} (${(d.size / 1048576).toFixed(0)} MB) dropped on the offline page: ${d.seconds.toFixed(2)} s ` +
    `(${(d.size / 1048576 / d.seconds).toFixed(1)} MB/s; "${d.status}"); main thread meanwhile: ${d.longTasks.length} tasks over 50 ms, ` +
    `${over100} over 100 ms, longest ${longest} ms`);
}
console.log(`\nlog throughput, ${mb.toFixed(1)} MB log        MB/s`);
console.log(`wasm (conndiag)           ${f1(mb / inPage.wasmLogS)}   (${inPage.events} distinct events; bytes in 4 MB pieces, as the page reads files)`);
console.log(`JS RegExp baseline        ${f1(mb / inPage.jsLogS)}   (line by line)`);
if (nativeLog) console.log(`native (classify_bench)   ${f1(Number(nativeLog[1]))}`);
console.log('\nratios (one run):');
console.log(`  1 KB paste median: wasm / native = ${nativePaste ? (inPage.wasm.median / Number(nativePaste[1])).toFixed(2) : 'n/a'}, JS baseline / wasm = ${(inPage.base.median / inPage.wasm.median).toFixed(2)}`);
console.log(`  log throughput: native / wasm = ${nativeLog ? (Number(nativeLog[1]) / (mb / inPage.wasmLogS)).toFixed(2) : 'n/a'}, wasm / JS baseline = ${((mb / inPage.wasmLogS) / (mb / inPage.jsLogS)).toFixed(2)}`);
