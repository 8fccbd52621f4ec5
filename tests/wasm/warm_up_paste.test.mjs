// The idle-time warm-up before a first paste (web/src/warm-up-paste.mjs): one known and one unknown error,
// each in an idle callback of its own, with the real module, then its mark; a diagnoser that fails
// meanwhile stops nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createConnDiag } from '../../web/src/api.mjs';
import { TOKEN_EXPIRED, UNKNOWN_ERROR } from '../../web/src/examples.mjs';
import { MARK_WARM } from '../../web/src/marks.mjs';
import { warmUpPaste } from '../../web/src/warm-up-paste.mjs';
import { factory, kbText, wasmBinary } from './built-module.mjs';

// requestIdleCallback as the page has it, run by hand: each queued callback is one idle period.
function idleQueue(t) {
  const queued = [];
  globalThis.requestIdleCallback = (fn) => queued.push(fn);
  performance.clearMarks(MARK_WARM);
  t.after(() => {
    delete globalThis.requestIdleCallback;
    performance.clearMarks(MARK_WARM);
  });
  return { queued, runOne: () => queued.shift()({ didTimeout: false, timeRemaining: () => 50 }) };
}
const warmMarks = () => performance.getEntriesByName(MARK_WARM, 'mark').length;

test('one classification per idle period, the known error then the unknown one, then the mark', async (t) => {
  const diag = await createConnDiag(factory, { kb: kbText, wasmBinary });
  const calls = [];
  const watched = { classify: (text, options) => (calls.push([text, options.lang]), diag.classify(text, options)) };
  const idle = idleQueue(t);
  let settled = false;
  const over = warmUpPaste(watched, 'fr').then(() => (settled = true));  // what the page's log warm-up waits for
  assert.deepEqual(calls, [], 'nothing before the first idle period');
  idle.runOne();
  assert.deepEqual(calls, [[TOKEN_EXPIRED.fr, 'fr']]);
  assert.equal(warmMarks(), 0);
  await Promise.resolve();
  assert.equal(settled, false, 'not over after one step');
  idle.runOne();
  assert.deepEqual(calls, [[TOKEN_EXPIRED.fr, 'fr'], [UNKNOWN_ERROR, 'fr']]);
  assert.equal(warmMarks(), 1);
  await over;
  assert.equal(idle.queued.length, 0, 'nothing more is queued');
  // A second warm-up (another element's diagnoser) does not mark again: once per page.
  warmUpPaste(watched, 'en');
  idle.runOne();
  idle.runOne();
  assert.equal(warmMarks(), 1);
  // What the two texts are for: the known one is answered by its row, the unknown one by no row.
  assert.equal(diag.classify(TOKEN_EXPIRED.en).matches[0]?.id, 'o365-aadsts70008-token-expired');
  assert.deepEqual(diag.classify(UNKNOWN_ERROR).matches.filter((m) => !m.similar), []);
});

test('a language without its own example warms with the English one; a failing diagnoser still ends it', (t) => {
  const idle = idleQueue(t);
  const texts = [];
  warmUpPaste({ classify: (text) => { texts.push(text); throw new Error('closed'); } }, 'de');
  idle.runOne();
  idle.runOne();
  assert.deepEqual(texts, [TOKEN_EXPIRED.en, UNKNOWN_ERROR]);
  assert.equal(warmMarks(), 1);
});

test('without requestIdleCallback (Safari) the steps go through setTimeout', async (t) => {
  assert.equal(globalThis.requestIdleCallback, undefined);
  performance.clearMarks(MARK_WARM);
  t.after(() => performance.clearMarks(MARK_WARM));
  const texts = [];
  warmUpPaste({ classify: (text) => texts.push(text) }, 'en');
  assert.deepEqual(texts, []);
  // Timers run in the order they were set: a few turns of ours let both steps run (a bound, not a clock).
  for (let turn = 0; turn < 100 && warmMarks() === 0; turn += 1) await new Promise((resolve) => setTimeout(resolve, 0));
  assert.deepEqual(texts, [TOKEN_EXPIRED.en, UNKNOWN_ERROR]);
  assert.equal(warmMarks(), 1);
});
