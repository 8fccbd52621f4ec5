// The diagnoser in a Web Worker (conndiag-worker.js): big logs are read and classified here, chunk by
// chunk, so the page never freezes. Messages in:
//   {type: "load", kb, overlay?, wasmBinary?, base?, compilePatternsOnFirstUse?}   (overlay: a knowledge
//     base that extends kb; base: the URL this script was loaded from, when a bootstrap blob imported it:
//     the glue and the wasm are beside it, not beside the blob; compilePatternsOnFirstUse: as createConnDiag's)
//   {id, type: "classify" | "classifyLog", text, options}
//   {id, type: "log", file: Blob, options}      -> progress messages, then the result
// Messages out: {type: "ready", info} | {id, type: "progress", bytes, total, lines, added, updated, warnings,
// unrecognized_lines}
//             | {id, type: "result", value} | {id?, type: "error", message}.
// A log's progress and result carry only what changed since the previous message (api.mjs LogDelta: new
// events, grown counts): 10,000 distinct events cross to the page once each, not once per piece.
import { createConnDiag } from './api.mjs';
import { ASSETS, locateAsset } from './assets.mjs';

/* global ConnDiagModule, importScripts */
// The module's glue: the offline page starts this worker from a blob that already holds it; otherwise it
// is beside this script.
function loadGlue(base) {
  if (typeof ConnDiagModule === 'undefined') importScripts(new URL(ASSETS.glue, base || self.location.href).href);
}

const CHUNK_BYTES = 4 << 20;
let diag = null;

// UTF-16 logs (Windows tools write them): by BOM, or by the NUL pattern of ASCII text without one.
function utf16Encoding(head) {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (head.length >= 4 && head[0] && !head[1] && head[2] && !head[3]) return 'utf-16le';
  if (head.length >= 4 && !head[0] && head[1] && !head[2] && head[3]) return 'utf-16be';
  return null;
}

async function streamLog(id, file, options) {
  const stream = diag.beginLog(options);
  try {
    return await readLog(id, file, stream);
  } catch (e) {
    stream.cancel();  // the module forgets the log: nothing is kept after a failed read
    throw e;
  }
}

// What a piece changed, without the events so far (the page keeps its own copy, merged from these deltas).
function logDelta({ lines, added, updated, warnings, unrecognized_lines }) {
  return { lines, added, updated, warnings, unrecognized_lines };
}

// The file's bytes in pieces of CHUNK_BYTES (the last one shorter), read as one stream: reading a slice
// per piece took longer (100 MB read alone in a worker: 197-309 ms against 109-161 ms). Each piece is a
// view of one buffer, valid until the next is asked for (feed copies it into the module at once).
async function* pieces(file) {
  const reader = file.stream().getReader();
  const piece = new Uint8Array(CHUNK_BYTES);
  let filled = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      for (let used = 0; used < value.length;) {
        const take = Math.min(value.length - used, CHUNK_BYTES - filled);
        piece.set(value.subarray(used, used + take), filled);
        filled += take;
        used += take;
        if (filled === CHUNK_BYTES) {
          yield piece;
          filled = 0;
        }
      }
    }
    if (filled > 0) yield piece.subarray(0, filled);
  } finally {
    reader.releaseLock();
  }
}

async function readLog(id, file, stream) {
  let decoder = null;
  let bytes = 0;
  for await (const piece of pieces(file)) {
    // UTF-16 is known from the first piece's first bytes, and decoded here (the decoder drops the BOM and
    // keeps a character split between pieces). UTF-8 bytes go straight into the module (decoding to a JS
    // string and back cost a quarter of the time); the core decodes UTF-8 itself, invalid bytes included.
    if (bytes === 0) {
      const encoding = utf16Encoding(piece.subarray(0, 4));
      decoder = encoding ? new TextDecoder(encoding) : null;
    }
    bytes += piece.length;
    const delta = stream.feed(decoder ? decoder.decode(piece, { stream: true }) : piece);
    self.postMessage({ id, type: 'progress', bytes, total: file.size, ...logDelta(delta) });
  }
  if (decoder) {
    // The decoder's last characters, as one more progress message: deltas apply in order.
    const delta = stream.feed(decoder.decode());
    self.postMessage({ id, type: 'progress', bytes: file.size, total: file.size, ...logDelta(delta) });
  }
  return logDelta(stream.finish());
}

self.onmessage = async (event) => {
  const { id, type, text, options, kb, overlay, wasmBinary, file, base, compilePatternsOnFirstUse } = event.data || {};
  try {
    if (type === 'load') {
      loadGlue(base);
      const locateFile = base ? (file) => new URL(locateAsset(file, ''), base).href : locateAsset;
      diag = await createConnDiag(ConnDiagModule, { kb, overlay, wasmBinary, locateFile, compilePatternsOnFirstUse });
      self.postMessage({ type: 'ready', info: diag.kbInfo() });
    } else if (!diag) {
      throw new Error('send {type: "load", kb} first');
    } else if (type === 'classify' || type === 'classifyLog') {
      self.postMessage({ id, type: 'result', value: diag[type](text, options || {}) });
    } else if (type === 'log') {
      self.postMessage({ id, type: 'result', value: await streamLog(id, file, options || {}) });
    } else {
      throw new Error(`unknown message type ${JSON.stringify(type)}`);
    }
  } catch (e) {
    self.postMessage({ id, type: 'error', message: e.message });
  }
};
