// Where the module's wasm and the default knowledge base come from: inlined in the offline file, or
// beside the page when hosted (under content-hashed names that web/build.mjs defines).

import { base64Bytes } from './base64.mjs';
import { lzmaDecoder } from './lzma.mjs';

/* global __CONNDIAG_ASSETS__ */
/** Hosted file names; the unhashed names when running from source (Node tests). */
export const ASSETS =
  typeof __CONNDIAG_ASSETS__ !== 'undefined' ? __CONNDIAG_ASSETS__ : { glue: 'conndiag-core.js', wasm: 'conndiag-core.wasm', kb: 'kb.json' };

/** Emscripten's locateFile: the module asks for "conndiag-core.wasm"; the folder has it under its hashed name. */
export function locateAsset(file, prefix) {
  return prefix + (file === 'conndiag-core.wasm' ? ASSETS.wasm : file);
}

// The offline page's decoder for its packed parts (LZMA, base64), made once. It runs on the page's thread:
// in a worker, starting the worker cost more than the unpacking it moved (docs/benchmarks.md).
let unpacker;
function unpack(id, what) {
  unpacker ||= lzmaDecoder(base64Bytes(document.getElementById('conndiag-lzma-decoder').textContent.trim()));
  return unpacker.then((decode) => decode(base64Bytes(document.getElementById(id).textContent.trim()), what));
}

/** The wasm bytes inlined (LZMA, base64) in the offline page; undefined when hosted (the module fetches it). */
export async function inlinedWasm() {
  if (!document.getElementById('conndiag-wasm')) return undefined;
  return unpack('conndiag-wasm', "the offline page's module");
}

let inlinedKnowledgeBase;
/** The default knowledge base as JSON text: inlined (unpacked once), or kb.json next to `base` (the page or the script). */
export async function defaultKnowledgeBase(base = document.baseURI) {
  if (document.getElementById('conndiag-kb')) {
    inlinedKnowledgeBase ||= unpack('conndiag-kb', "the offline page's knowledge base").then((bytes) => new TextDecoder().decode(bytes));
    return inlinedKnowledgeBase;
  }
  const response = await fetch(new URL(ASSETS.kb, base), { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${ASSETS.kb}: HTTP ${response.status}`);
  return response.text();
}

let preparedKnowledgeBase;
/**
 * The default knowledge base's prepared form (`conndiag kb prepare`, web/build.mjs), beside `base` when
 * hosted; undefined in the offline file (it carries the JSON only: the prepared bytes would not fit its size
 * budget) or when the build had none. A failed fetch is not an error: the JSON is loaded instead, a little
 * slower, and the console says why (a server that refuses .bin files, for one).
 * @returns {Promise<Uint8Array|undefined>}
 */
export function defaultPreparedKnowledgeBase(base = document.baseURI) {
  if (!ASSETS.prepared || document.getElementById('conndiag-kb')) return Promise.resolve(undefined);
  preparedKnowledgeBase ||= fetch(new URL(ASSETS.prepared, base), { credentials: 'same-origin' })
    .then(async (response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    })
    .catch((e) => {
      console.warn(`conndiag: ${ASSETS.prepared}: ${e.message}: the knowledge base is read from its JSON`);
      preparedKnowledgeBase = undefined;  // tried again by the next load
      return undefined;
    });
  return preparedKnowledgeBase;
}
