// Two modules on one log, as the page's two log workers share a big one (web/src/worker.mjs): one judges each
// piece's lines (`judge`), the other reads the pieces with those verdicts (`feed(piece, verdicts)`). The
// events must be those of one module reading alone; verdicts must really be used (else nothing is gained),
// and verdicts that do not belong to the piece must not change anything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createConnDiag } from '../../web/src/api.mjs';
import { factory, fromJsonBytes, kbText, wasmBinary } from './built-module.mjs';

const kb = JSON.parse(kbText);
// Two instances of the module, as two workers have.
const reader = await createConnDiag(factory, { kb: kbText, wasmBinary });
const judge = await createConnDiag(factory, { kb: kbText, wasmBinary });

// A small deterministic generator (xorshift), so that a failure can be replayed by its seed.
function random(seed) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

// A log of about `bytes` with what real ones hold: noise with varied ids, the knowledge base's own
// example errors, errors nothing knows, stack traces, JSON bodies, French and accented lines, blank lines,
// CRLF and LF, one very long line.
function variedLog(seed, bytes) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const examples = kb.entries.flatMap((e) => e.signatures.flatMap((s) => s.examples || [])).filter((x) => !x.includes('\n'));
  const id = () => Math.floor(next() * 1e9).toString(16);
  const makers = [
    () => `2026-11-25T10:${id().slice(0, 2)}Z INFO [poller-${id().slice(0, 1)}] fetched ${id().length} events for tenant ${id()} in 41 ms`,
    () => `2026-11-25T10:00:00Z DEBUG request ${id()} {"status":200,"items":[${id()},${id()}]}`,
    () => `2026-11-25T10:00:01Z ERROR ${pick(examples)}`,
    () => `2026-11-25T10:00:02Z ERROR widget ${id()} broke: unexpected state`,
    () => `2026-11-25T10:00:03Z WARN connexion réinitialisée par l’hôte distant (tentative ${id()})`,
    () => `2026-11-25T10:00:04Z ERROR java.lang.IllegalStateException: ${id()}\n\tat com.example.Poller.run(Poller.java:42)\n\tat java.lang.Thread.run(Thread.java:750)`,
    () => '',
    () => `2026-11-25T10:00:05Z INFO ${'x'.repeat(Math.floor(next() * 3000))}`,
  ];
  let text = '';
  while (text.length < bytes) text += pick(makers)() + (next() < 0.3 ? '\r\n' : '\n');
  return new TextEncoder().encode(text);
}

// The pieces of `bytes`, cut at varied sizes from `sizes`.
function cut(bytes, sizes, seed) {
  const next = random(seed);
  const pieces = [];
  for (let at = 0; at < bytes.length;) {
    const size = sizes[Math.floor(next() * sizes.length)];
    pieces.push(bytes.subarray(at, at + size));
    at += size;
  }
  return pieces;
}

const outcome = (progress) => JSON.stringify([progress.events, progress.lines, progress.warnings, progress.unrecognized_lines]);

function alone(pieces) {
  const stream = reader.beginLog();
  for (const piece of pieces) stream.feed(piece);
  return stream.finish();
}

// The log read by `reader` with verdicts `judge` worked out; `alter` may change each piece's verdicts.
function together(pieces, alter = (v) => v) {
  const judging = judge._beginLog({});
  const reading = reader._beginLog({});
  let judged = 0;
  for (const piece of pieces) {
    // As the page's helper: it judges every piece, and reads none.
    const verdicts = judging.judge(piece);
    judged += verdicts ? 1 : 0;
    reading.feed(piece, verdicts && alter(verdicts));
  }
  judging.cancel();
  return { done: reading.finish(), judged };
}

test('a log read with verdicts from another module lists the same events as one module alone', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    const bytes = variedLog(seed, 600_000);
    const pieces = cut(bytes, [70_000, 150_000, 1, 4096, 300_000], seed);
    const { done, judged } = together(pieces);
    assert.ok(judged >= 2, `seed ${seed}: pieces were judged (${judged} of ${pieces.length})`);
    assert.ok(done.events.length > 10, `seed ${seed}: the log has events (${done.events.length})`);
    assert.equal(outcome(done), outcome(alone(pieces)), `seed ${seed}`);
  }
});

test('text pieces (a UTF-16 log, decoded) are judged and read the same way', () => {
  const text = new TextDecoder().decode(variedLog(9, 500_000));
  const pieces = [];
  for (let at = 0; at < text.length; at += 90_000) pieces.push(text.slice(at, at + 90_000));
  const { done, judged } = together(pieces);
  assert.ok(judged >= 2);
  assert.equal(outcome(done), outcome(alone(pieces)));
});

test('the verdicts are used: lines all said to be passable are passed by', () => {
  const line = '2026-11-25T10:00:01Z ERROR IgniteException: the cache is not available\n';
  const head = new TextEncoder().encode(`${'2026-11-25T10:00:00Z INFO nothing to see here\n'.repeat(2000)}`);
  const errors = new TextEncoder().encode(line.repeat(100));
  const pieces = [head, errors];
  assert.equal(alone(pieces).events.length, 1, 'read alone, the error line is listed');
  const { done, judged } = together(pieces, (v) => v.map((word) => word | 1));
  assert.equal(judged, 2);
  assert.equal(done.events.length, 0, 'said passable, the error lines were passed by');
});

test('verdicts that cannot belong to the piece are ignored, all of them', () => {
  const bytes = variedLog(7, 400_000);
  const pieces = cut(bytes, [100_000], 7);
  const expected = outcome(alone(pieces));
  const wrong = [
    (v) => v.map((word) => word | 1).reverse(),                    // not ascending
    (v) => Uint32Array.from([...v.map((word) => word | 1), 2 * 100_000 + 1]),  // one past the piece
    (v) => Uint32Array.from([1, 1, ...v.slice(1).map((word) => word | 1)]),  // a line twice
  ];
  for (const [i, alter] of wrong.entries()) {
    assert.equal(outcome(together(pieces, alter).done), expected, `alteration ${i}`);
  }
});

test('judge has no verdicts for pieces too small to make a line filter from, and none for an ended log', () => {
  const judging = judge._beginLog({});
  const log = variedLog(8, 100_000);
  assert.equal(judging.judge(log.subarray(0, 1000)), null, 'no line filter from a small first piece');
  assert.ok(judging.judge(log.subarray(1000)) instanceof Uint32Array, 'the filter made from the first big piece');
  judging.cancel();
  assert.equal(judging.judge(log), null, 'an ended log judges nothing');
});

test('a feed whose verdict words would lie outside the input buffer is refused, and the log goes on', () => {
  const module = reader._module;
  const id = fromJsonBytes(module.logBegin(reader._handle, JSON.stringify({ app: '', lang: 'en', top: 3 }), false)).value;
  const line = new TextEncoder().encode('2026-11-25T10:00:01Z ERROR IgniteException\n');
  module.inputBuffer(line.length + 16).set(line);
  const aligned = (line.length + 3) & ~3;  // room for 3 words after it
  for (const [wordsAt, count, why] of [
    [aligned + 1, 1, 'not a multiple of 4'],
    [aligned - 4, 1, 'inside the piece'],
    [aligned, 2 ** 30, 'a count whose bytes overflow'],
    [aligned, 4, 'past the buffer'],
  ]) {
    const reply = fromJsonBytes(module.logFeedJudged(id, line.length, wordsAt, count));
    assert.deepEqual(reply, { ok: false, error: 'the verdicts lie outside the input' }, why);
  }
  module.inputBuffer(line.length).set(line);
  const done = fromJsonBytes(module.logFeed(id, line.length, true));
  assert.equal(done.value.added.length, 1, 'the log was not harmed: its one error line is listed');
});

test('the log worker\'s deltas as JSON bytes are the deltas feed gives, and a failed call still throws', () => {
  // worker.mjs posts each delta unparsed (feedDeltaBytes, finishDeltaBytes); the page parses it. Read with
  // verdicts and without, in varied pieces: the bytes must say exactly what the parsed deltas say.
  const log = variedLog(21, 600_000);
  const pieces = cut(log, [1, 700, 64_000, 300_000], 22);
  const parsed = reader._beginLog({});
  const asBytes = reader._beginLog({});
  const judging = judge._beginLog({});
  const decode = (bytes) => {
    assert.ok(bytes instanceof Uint8Array, 'bytes, not a parsed object');
    return fromJsonBytes(bytes);
  };
  const withoutEvents = ({ events, ...delta }) => delta;
  let added = 0;
  for (const [k, piece] of pieces.entries()) {
    const judged = judging.judge(piece);  // the judge sees every piece, as the helper does
    const verdicts = k % 2 ? judged : null;
    const fromBytes = decode(asBytes.feedDeltaBytes(piece, verdicts));
    assert.deepEqual(fromBytes, withoutEvents(parsed.feed(piece, verdicts)), `piece ${k}`);
    added += fromBytes.added.length;
  }
  assert.deepEqual(decode(asBytes.finishDeltaBytes()), withoutEvents(parsed.finish()));
  assert.ok(added > 10, 'the log had events to tell');
  judging.cancel();
  // A log the module no longer knows: its error, as feed would throw it.
  const ended = reader._beginLog({});
  ended.cancel();
  assert.throws(() => ended.feedDeltaBytes(log.subarray(0, 100)), { message: 'this log was ended' });
});

test('a log read for the page\'s log table tells each event as the table shows it: the same values, a third of the JSON', () => {
  const log = variedLog(7, 600_000);
  const full = reader._beginLog({});
  const forTable = reader._beginLog({}, { forLogTable: true });
  // The log in two pieces, then its end: each stream's deltas, as bytes.
  const deltas = (stream) => [stream.feedDeltaBytes(log.subarray(0, 300_000)), stream.feedDeltaBytes(log.subarray(300_000)),
    stream.finishDeltaBytes()];
  const [fullParts, tableParts] = [deltas(full), deltas(forTable)];
  const merged = (parts) => parts.map(fromJsonBytes).reduce((all, d) => ({ ...d, added: [...all.added, ...d.added] }), { added: [] });
  const [fullDelta, tableDelta] = [merged(fullParts), merged(tableParts)];
  const [fullBytes, tableBytes] = [fullParts, tableParts].map((parts) => ({ length: parts.reduce((n, p) => n + p.length, 0) }));
  assert.ok(fullDelta.added.length > 20, `the log has events (${fullDelta.added.length})`);
  const pick = (o, keys) => Object.fromEntries(keys.map((k) => [k, o[k]]));
  const asTable = (e) => ({
    ...pick(e, ['line', 'last_line', 'count', 'status', 'text']),
    matches: e.matches.map((m) => pick(m, ['id', 'app', 'app_name', 'score', 'confident', 'cause', 'fix'])),
  });
  assert.deepEqual(tableDelta.added, fullDelta.added.map(asTable));
  assert.deepEqual({ ...tableDelta, added: [] }, { ...fullDelta, added: [] }, 'the rest of the last delta is the same');
  assert.ok(tableBytes.length * 2 < fullBytes.length, `under half the bytes (${tableBytes.length} of ${fullBytes.length})`);
});
