// The built module the Node tests load: its Emscripten factory and wasm bytes (CONNDIAG_WASM_MODULE_DIR, or
// build/wasm/module), and the built-in knowledge base beside them.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const moduleDir = process.env.CONNDIAG_WASM_MODULE_DIR || path.join(root, 'build/wasm/module');
export const factory = createRequire(import.meta.url)(path.join(moduleDir, 'conndiag-core.js'));
export const wasmBinary = readFileSync(path.join(moduleDir, 'conndiag-core.wasm'));
export const kbText = readFileSync(path.join(root, 'data/kb.json'), 'utf8');
// A module reply, or a log delta handed on as bytes, read as JSON.
export const fromJsonBytes = (bytes) => JSON.parse(new TextDecoder().decode(bytes));
