// Node entry of the package: a diagnoser over the bundled module and knowledge base, no setup needed.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import { createConnDiag } from './api.mjs';

export * from './api.mjs';

const require = createRequire(import.meta.url);
// Emscripten's glue, typed by its use here, not checked itself: a name, not a literal, keeps tsc out of it.
const CORE_GLUE = './core/conndiag-core.cjs';

/**
 * Typed by node.d.ts (in the package, types/node.d.ts), which tsc checks this against.
 * @type {typeof import('./node.js').createNodeConnDiag}
 */
export function createNodeConnDiag(options = {}) {
  /** @type {import('./node.js').ModuleFactory} */
  const factory = require(CORE_GLUE);
  const wasmBinary = readFileSync(new URL('./core/conndiag-core.wasm', import.meta.url));
  const kb = options.kb ?? readFileSync(new URL('./site/kb.json', import.meta.url), 'utf8');
  // The bundled knowledge base's patterns all compile (its tests check them): each is compiled when first
  // needed. Someone's own knowledge base is checked whole while loading.
  const compilePatternsOnFirstUse = options.kb === undefined || options.kb === null;
  // ... and read from the form the build prepared, instead of parsed (docs: architecture, the prepared
  // knowledge base). A package built without it loads the JSON.
  const manifest = JSON.parse(readFileSync(new URL('./site/asset-manifest.json', import.meta.url), 'utf8'));
  const prepared = compilePatternsOnFirstUse && manifest.prepared
    ? readFileSync(new URL(`./site/${manifest.prepared}`, import.meta.url)) : undefined;
  return createConnDiag(factory, { kb, prepared, overlay: options.overlay, wasmBinary, compilePatternsOnFirstUse });
}
