// The diagnoser in a Web Worker (conndiag-worker.js): big logs are read and classified here, chunk by
// chunk, so the page never freezes. Messages in:
//   {type: "load", kb, prepared?, overlay?, wasmBinary?, base?, compilePatternsOnFirstUse?, warmUp?}
//     (prepared: kb's prepared form; overlay: a knowledge base that extends kb; base: the URL this script
//     was loaded from, when a bootstrap blob imported it: the glue and the wasm are beside it, not beside the
//     blob; prepared and compilePatternsOnFirstUse: as createConnDiag's; warmUp: once loaded, read a made-up
//     log until the next message, see warm-up-log.mjs)
//   {id, type: "classify" | "classifyLog", text, options}
//   {id, type: "log", file: Blob, options, relay?}  -> progress messages, then the result
//   {type: "readAhead", file: Blob, options, relay}  (a helper: see "Two workers on one log" below)
//   {type: "relay", log, message}  (from the other worker of a two-worker log, through the page)
// Messages out: {type: "ready", info} | {type: "warmed", slices} (the warm-up ended, stopped or not)
//             | {id, type: "progress", bytes, total, delta}
//             | {id, type: "result", value} | {id?, type: "error", message, unreadable} (unreadable: the
//               browser could not read the file, e.g. changed since it was chosen)
//             | {type: "relay", log, message} (for the other worker of a two-worker log: the page hands it on).
// A log's progress and result carry only what changed since the previous message (api.mjs LogDelta: new
// events, grown counts): 10,000 distinct events cross to the page once each, not once per piece. The delta
// comes as its JSON bytes (`delta`, UTF-8), parsed once, by the page (worker-client.mjs): this worker
// is what a log waits for, and parsing each delta here and copying its objects into a message was a part
// of its work. A log's result is {delta, readers}: how many workers read it (1, or 2 with a helper).
import { createConnDiag } from './api.mjs';
import { ASSETS, locateAsset } from './assets.mjs';
import { filePieces } from './file-pieces.mjs';
import { warmUp } from './warm-up-log.mjs';

/* global ConnDiagModule, importScripts */
// The module's glue: the offline page starts this worker from a blob that already holds it; otherwise it
// is beside this script.
function loadGlue(base) {
  if (typeof ConnDiagModule === 'undefined') importScripts(new URL(ASSETS.glue, base || self.location.href).href);
}

const CHUNK_BYTES = 4 << 20;
let diag = null;
let requests = 0;  // messages after "load": a warm-up stops at the next one

// Lets the messages waiting for this worker run, then resumes: a message to itself (a timer would be
// clamped to 4 ms after a few).
const selfChannel = new MessageChannel();
let resume = () => {};
selfChannel.port1.onmessage = () => resume();
const letOthersRun = () => new Promise((resolve) => {
  resume = resolve;
  selfChannel.port2.postMessage(null);
});

// UTF-16 logs (Windows tools write them): by BOM, or by the NUL pattern of ASCII text without one.
function utf16Encoding(head) {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (head.length >= 4 && head[0] && !head[1] && head[2] && !head[3]) return 'utf-16le';
  if (head.length >= 4 && !head[0] && head[1] && !head[2] && head[3]) return 'utf-16be';
  return null;
}

async function streamLog(id, file, options, relay) {
  const stream = diag._beginLog(options, { forLogTable: true });  // the page shows its events in its log table
  try {
    const pieces = relay === undefined ? decodedPieces(file) : helperPieces(relay);
    return { delta: await readLog(id, file.size, pieces, stream), readers: relay === undefined ? 1 : 2 };
  } catch (e) {
    stream.cancel();  // the module forgets the log: nothing is kept after a failed read
    throw e;
  }
}

// The file's pieces as the module reads them, each with the file's bytes read so far: raw UTF-8 bytes
// (decoding to a JS string and back cost a quarter of the time; the core decodes UTF-8 itself, invalid
// bytes included), or text for UTF-16, known from the first piece's first bytes and decoded here (the
// decoder drops the BOM and keeps a character split between pieces).
async function* decodedPieces(file) {
  let decoder = null;
  let bytes = 0;
  for await (const raw of filePieces(file, CHUNK_BYTES)) {
    if (bytes === 0) {
      const encoding = utf16Encoding(raw.subarray(0, 4));
      decoder = encoding ? new TextDecoder(encoding) : null;
    }
    bytes += raw.length;
    yield { piece: decoder ? decoder.decode(raw, { stream: true }) : raw, bytes };
  }
  if (decoder) yield { piece: decoder.decode(), bytes };  // the decoder's last characters
}

// Reads the pieces (with their verdicts when the helper sends them, else none); each delta, as JSON bytes,
// goes to the page as it is. Returns the last one.
async function readLog(id, total, pieces, stream) {
  for await (const { piece, bytes, verdicts } of pieces) {
    const delta = stream.feedDeltaBytes(piece, verdicts);
    self.postMessage({ id, type: 'progress', bytes, total, delta }, [delta.buffer]);
  }
  return stream.finishDeltaBytes();
}

// ---- Two workers on one log ----
// Judging each line of a log (can it be passed by?) is about half of reading it, and needs only the
// knowledge base and the log's first piece. So for a big log the page starts a helper, a second worker with
// its own module: it reads the file, judges each piece's lines and hands the piece over with its verdicts
// (api.mjs _beginLog: judge, feed), at most AHEAD pieces ahead; the log worker reads the pieces with them.
// The events are the same as one worker's (the verdicts only spare work).
//
// The two talk through the page (worker-client.mjs hands each message on), not through a MessageChannel of
// their own: Firefox copies what goes through a MessagePort, even what is listed to transfer (4 MB pieces,
// about 12 ms each, so that two workers read a log no sooner than one), while a worker's own messages to and
// from the page move their buffers in every browser.
const AHEAD = 3;

// A two-worker log's link to the other worker, by the log's number (a late message of another log is
// dropped): what postMessage sends, the page hands on; what the page hands on from the other worker is
// given to `receive`. The page posts the helper's "readAhead" and the log worker's "log" before it hands
// either anything of the other, so each link is made before its first message comes.
const relays = new Map();  // log number -> receive(message)
function pageRelay(log, receive) {
  relays.set(log, receive);
  return {
    postMessage: (message, transfer = []) => self.postMessage({ type: 'relay', log, message }, transfer),
    close: () => relays.delete(log),
  };
}

// In the helper, which only judges: it makes its line filter from the pieces as the log worker does.
async function readAhead(file, options, relay) {
  let credits = AHEAD;
  let stopped = false;
  let wake = () => {};
  const port = pageRelay(relay, (message) => {
    if (message === 'next') credits += 1;
    else stopped = true;  // 'stop': the log worker ended the log early (an error)
    wake();
  });
  const stream = diag._beginLog(options);
  try {
    for await (const { piece, bytes } of decodedPieces(file)) {
      while (credits === 0 && !stopped) await new Promise((resolve) => { wake = resolve; });
      if (stopped) return;
      credits -= 1;
      const verdicts = stream.judge(piece);
      const transfer = [...(typeof piece === 'string' ? [] : [piece.buffer]), ...(verdicts ? [verdicts.buffer] : [])];
      port.postMessage({ piece, bytes, verdicts }, transfer);
    }
    port.postMessage({ done: true });
  } catch (e) {
    port.postMessage({ error: e.message, unreadable: Boolean(e.unreadable) });
  } finally {
    stream.cancel();
    port.close();
  }
}

// In the log worker: the helper's pieces, in order; each one taken asks the helper for one more.
async function* helperPieces(relay) {
  const arrived = [];
  let wake = () => {};
  const port = pageRelay(relay, (message) => {
    arrived.push(message);
    wake();
  });
  let finished = false;
  try {
    for (;;) {
      while (arrived.length === 0) await new Promise((resolve) => { wake = resolve; });
      const message = arrived.shift();
      if (message.error) throw Object.assign(new Error(message.error), { unreadable: message.unreadable });
      if (message.done) {
        finished = true;
        return;
      }
      yield message;
      port.postMessage('next');
    }
  } finally {
    if (!finished) port.postMessage('stop');
    port.close();
  }
}

self.onmessage = async (event) => {
  const { id, type, text, options, kb, prepared, overlay, wasmModule, wasmBinary, file, base, compilePatternsOnFirstUse, relay, warmUp: warm } = event.data || {};
  if (type === 'relay') {
    relays.get(event.data.log)?.(event.data.message);
    return;
  }
  if (type !== 'load') requests += 1;
  try {
    if (type === 'load') {
      loadGlue(base);
      const locateFile = base ? (file) => new URL(locateAsset(file, ''), base).href : locateAsset;
      diag = await createConnDiag(ConnDiagModule, { kb, prepared, overlay, wasmModule, wasmBinary, locateFile, compilePatternsOnFirstUse });
      self.postMessage({ type: 'ready', info: diag.kbInfo() });
      if (warm) {
        const at = requests;
        // A warm-up that fails only leaves the code cold: the request after it reports its own errors.
        const slices = await warmUp(diag, kb, () => requests === at, letOthersRun).catch(() => 0);
        self.postMessage({ type: 'warmed', slices });
      }
    } else if (!diag) {
      throw new Error('send {type: "load", kb} first');
    } else if (type === 'classify' || type === 'classifyLog') {
      self.postMessage({ id, type: 'result', value: diag[type](text, options || {}) });
    } else if (type === 'log') {
      self.postMessage({ id, type: 'result', value: await streamLog(id, file, options || {}, relay) });
    } else if (type === 'readAhead') {
      await readAhead(file, options || {}, relay);
    } else {
      throw new Error(`unknown message type ${JSON.stringify(type)}`);
    }
  } catch (e) {
    self.postMessage({ id, type: 'error', message: e.message, unreadable: Boolean(e.unreadable) });
  }
};

// Only a load can carry what a browser may refuse to pass (a compiled module): the page then sends it again.
self.onmessageerror = () => self.postMessage({ type: 'unreadable-load' });
