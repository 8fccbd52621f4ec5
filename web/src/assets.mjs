// Where the module's wasm and the default knowledge base come from: inlined in the offline file, or
// beside the page when hosted.

/** The wasm bytes inlined (gzip, base64) in the offline page; undefined when hosted (the module fetches it). */
export async function inlinedWasm() {
  const el = document.getElementById('conndiag-wasm');
  if (!el) return undefined;
  const binary = atob(el.textContent.trim());
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The default knowledge base as JSON text: inlined, or kb.json next to `base` (the page or the script). */
export async function defaultKnowledgeBase(base = document.baseURI) {
  const el = document.getElementById('conndiag-kb');
  if (el) return el.textContent;
  const response = await fetch(new URL('kb.json', base), { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`kb.json: HTTP ${response.status}`);
  return response.text();
}
