// Node entry of the package: a diagnoser over the bundled module and knowledge base, no setup needed.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import { createConnDiag } from './api.mjs';

const require = createRequire(import.meta.url);

/**
 * @param {{kb?: object|string, overlay?: object|string}} [options]  kb: your own knowledge base instead of the
 *   built-in one; overlay: a portal file that extends it ("extends": "conndiag").
 * @returns {Promise<import('./api.mjs').ConnDiag>}
 */
export function createNodeConnDiag(options = {}) {
  const factory = require('./core/conndiag-core.cjs');
  const wasmBinary = readFileSync(new URL('./core/conndiag-core.wasm', import.meta.url));
  const kb = options.kb ?? readFileSync(new URL('./site/kb.json', import.meta.url), 'utf8');
  return createConnDiag(factory, { kb, overlay: options.overlay, wasmBinary });
}

export { createConnDiag };
