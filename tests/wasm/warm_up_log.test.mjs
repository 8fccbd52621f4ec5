// The made-up log the page's log workers read during a drag (web/src/warm-up-log.mjs): it must run the log
// code a real log runs (judging, reading with verdicts, classifying events, their JSON), stop when asked,
// and leave nothing behind that could change a real log's events.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createConnDiag } from '../../web/src/api.mjs';
import { warmUp, warmUpLog } from '../../web/src/warm-up-log.mjs';
import { factory, fromJsonBytes, kbText, wasmBinary } from './built-module.mjs';

const kb = JSON.parse(kbText);
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
const SLICE = 256 << 10;

// A real log's events, read by `diag` in two pieces.
function eventsOf(diag, text) {
  const bytes = new TextEncoder().encode(text);
  const stream = diag.beginLog({});
  stream.feed(bytes.subarray(0, bytes.length >> 1));
  stream.feed(bytes.subarray(bytes.length >> 1));
  return stream.finish().events;
}
const REAL_LOG = [
  '2026-11-25T10:00:01.000Z INFO fetched 12 events',
  '2026-11-25T10:00:02.000Z ERROR BoxRestException: Failed to parse response.',
  '2026-11-25T10:00:03.000Z ERROR java.lang.NullPointerException',
  '\tat com.amazonaws.services.Client.call(Client.java:1)',
  '2026-11-25T10:00:04.000Z ERROR BoxRestException: Failed to parse response.',
].join('\n');

test('the made-up log runs the log code a real log runs: judged lines, errors classified into many events', async () => {
  const diag = await createConnDiag(factory, { kb: kbText, wasmBinary });
  const log = warmUpLog(kbText);
  assert.ok(log.length > 4 * SLICE, `several slices (${log.length} bytes)`);
  assert.deepEqual(warmUpLog(kbText), log, 'the same knowledge base gives the same log');
  // As the warm-up reads it: each slice judged by one log, read with those verdicts by another.
  const judged = diag._beginLog({});
  const read = diag._beginLog({});
  let verdictSlices = 0;
  const added = [];
  for (let at = 0; at < log.length; at += SLICE) {
    const slice = log.subarray(at, at + SLICE);
    const verdicts = judged.judge(slice);
    if (verdicts && verdicts.length > 0) verdictSlices += 1;
    added.push(...fromJsonBytes(read.feedDeltaBytes(slice, verdicts)).added);
  }
  added.push(...fromJsonBytes(read.finishDeltaBytes()).added);
  judged.cancel();
  assert.ok(verdictSlices >= Math.floor(log.length / SLICE) - 1, `the lines of nearly every slice were judged (${verdictSlices})`);
  const entries = new Set(added.map((e) => e.matches[0]?.id).filter(Boolean));
  const withExamples = kb.entries.filter((e) => e.signatures.some((s) => (s.examples || []).length > 0)).length;
  assert.ok(entries.size >= (withExamples * 3) / 4, `events of many entries were classified (${entries.size} of ${withExamples})`);
});

test('a knowledge base without examples still gives error lines: its messages', () => {
  const bare = { ...kb, entries: kb.entries.map(({ signatures, ...e }) => ({ ...e, signatures: signatures.map(({ examples, ...s }) => s) })) };
  const text = new TextDecoder().decode(warmUpLog(bare));
  assert.ok(text.includes(kb.entries[0].message.en.replace(/[\r\n]+/g, ' ')), 'the first entry\'s message is in it');
});

test('a warm-up reads the whole made-up log, leaves a real log\'s events as they were, and stops when asked', async () => {
  const fresh = await createConnDiag(factory, { kb: kbText, wasmBinary });
  const warmed = await createConnDiag(factory, { kb: kbText, wasmBinary });
  const slices = await warmUp(warmed, kbText, () => true, nextTurn);
  assert.equal(slices, Math.ceil(warmUpLog(kbText).length / SLICE), 'every slice read');
  assert.deepEqual(eventsOf(warmed, REAL_LOG), eventsOf(fresh, REAL_LOG));
  assert.equal(eventsOf(fresh, REAL_LOG).length, 2, 'the real log has its two events');

  // Asked to stop after two slices (a request came): it stops there, and the real log still reads the same.
  let asked = 0;
  assert.equal(await warmUp(warmed, kbText, () => ++asked <= 3, nextTurn), 2);
  assert.deepEqual(eventsOf(warmed, REAL_LOG), eventsOf(fresh, REAL_LOG));
  // A request already waiting when the worker is ready: nothing is read.
  assert.equal(await warmUp(warmed, kbText, () => false, nextTurn), 0);
});
