// Where the module's wasm and the default knowledge base come from: inlined in the offline file, or
// beside the page when hosted (under content-hashed names that web/build.mjs defines).

/* global __CONNDIAG_ASSETS__ */
/** Hosted file names; the unhashed names when running from source (Node tests). */
export const ASSETS =
  typeof __CONNDIAG_ASSETS__ !== 'undefined' ? __CONNDIAG_ASSETS__ : { glue: 'conndiag-core.js', wasm: 'conndiag-core.wasm', kb: 'kb.json' };

/** Emscripten's locateFile: the module asks for "conndiag-core.wasm"; the folder has it under its hashed name. */
export function locateAsset(file, prefix) {
  return prefix + (file === 'conndiag-core.wasm' ? ASSETS.wasm : file);
}

/**
 * The bytes of a base64 text. The platform's decoder where there is one (0.2 ms for the offline page's
 * module, before its first answer); else atob and a copy byte by byte (4-9 ms there).
 * @param {string} text
 * @returns {Uint8Array}
 */
export function base64Bytes(text) {
  // @ts-ignore: newer than the TypeScript library this is checked against
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The wasm bytes inlined (gzip, base64) in the offline page; undefined when hosted (the module fetches it). */
export async function inlinedWasm() {
  const el = document.getElementById('conndiag-wasm');
  if (!el) return undefined;
  const bytes = base64Bytes(el.textContent.trim());
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The default knowledge base as JSON text: inlined, or kb.json next to `base` (the page or the script). */
export async function defaultKnowledgeBase(base = document.baseURI) {
  const el = document.getElementById('conndiag-kb');
  if (el) return el.textContent;
  const response = await fetch(new URL(ASSETS.kb, base), { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${ASSETS.kb}: HTTP ${response.status}`);
  return response.text();
}
