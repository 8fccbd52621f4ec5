// A made-up log that the page's log workers read while a file is dragged over the page, before it is
// dropped. A worker's module has not yet run its log code when the drop comes: V8 compiles each function
// with its baseline compiler on first call, then recompiles the busy ones with its optimizing compiler on
// background threads. During a 100 MB drop that was about half a second of compiling (a trace of the
// offline page on 2 cores), on the cores the two workers and the page were sharing, and the first pieces
// ran in baseline code. Read during the drag, the made-up log moves that compiling before the drop.

const LINES = 24000;         // about 2 MB: enough for V8 to optimize the log code's busy functions
const ERROR_EVERY = 40;      // one line in 40 is an error: the events, their classifying and their JSON
const SLICE_BYTES = 256 << 10;  // read a slice at a time, so that a real request waits for one slice at most

// The texts the knowledge base itself says it recognizes: its signatures' examples, or, when it has none,
// its entries' messages.
function errorTexts(kb) {
  const entries = (typeof kb === 'string' ? JSON.parse(kb) : kb).entries || [];
  const examples = entries.flatMap((e) => (e.signatures || []).flatMap((s) => s.examples || []));
  const texts = examples.length > 0 ? examples : entries.flatMap((e) => Object.values(e.message || {}));
  return texts.map((t) => String(t).replace(/[\r\n]+/g, ' '));
}

/**
 * The made-up log, as UTF-8 bytes: timestamped lines like a connector's, varied ids, and now and then an
 * error taken from the knowledge base (the same knowledge base gives the same log).
 * @param {string|object} kb  the knowledge base the worker loaded (JSON text or object)
 * @returns {Uint8Array}
 */
export function warmUpLog(kb) {
  const errors = errorTexts(kb);
  const lines = [];
  for (let i = 0; i < LINES; i++) {
    const time = `2026-01-01T10:${String(Math.floor(i / 400) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.${String(i % 1000).padStart(3, '0')}Z`;
    lines.push(i % ERROR_EVERY === 0 && errors.length > 0
      ? `${time} ERROR [connector-${i % 8}] ${errors[(i / ERROR_EVERY) % errors.length]}`
      : `${time} INFO [poller-${i % 8}] GET /api/v2/activities?page=${(i * 7919) % 100003} 200 in ${i % 97} ms tenant=${(i * 31) % 977}`);
  }
  return new TextEncoder().encode(lines.join('\n'));
}

/**
 * Reads the made-up log as a big log is read by the log worker and its helper (worker.mjs): each slice
 * judged, then read with its verdicts; the events are thrown away. Stops between slices as soon as
 * `keepGoing()` is false (a real request came). Resolves to the number of slices read.
 * @param {import('./api.mjs').Diagnoser} diag
 * @param {string|object} kb
 * @param {() => boolean} keepGoing
 * @param {() => Promise<void>} pause  lets the worker's other messages in between slices
 */
export async function warmUp(diag, kb, keepGoing, pause) {
  await pause();  // a request already waiting goes first, before the made-up log is even made
  if (!keepGoing()) return 0;
  const log = warmUpLog(kb);
  const judged = diag._beginLog({});
  const read = diag._beginLog({}, { forLogTable: true });  // as the log worker reads a dropped log
  let slices = 0;
  try {
    for (let at = 0; at < log.length && keepGoing(); at += SLICE_BYTES) {
      const slice = log.subarray(at, Math.min(log.length, at + SLICE_BYTES));
      read.feedDeltaBytes(slice, judged.judge(slice));
      slices += 1;
      await pause();
    }
    if (keepGoing()) read.finishDeltaBytes();
  } finally {
    judged.cancel();
    read.cancel();
  }
  return slices;
}
