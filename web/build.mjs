// Builds the page from web/ and the wasm module: the hosted folder dist/site/ and the offline dist/conndiag.html.
// node web/build.mjs --module DIR --kb data/kb.json --out DIR --version V --git REV [--cli DIR]
// (--cli: the folder of the command compiled for Node, build/wasm/cli; the package then has `npx conndiag`)
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import { build, transformSync } from 'esbuild';

import { packLzma } from './lzma-pack.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
for (const required of ['module', 'kb', 'out']) {
  if (!args[required]) throw new Error(`web/build.mjs: --${required} is required`);
}

const read = (file) => readFileSync(file, 'utf8');

// `conndiag kb prepare` of the knowledge base text `kb`, by the command built for Node in --cli: its bytes.
function prepareKnowledgeBase(kb) {
  const dir = mkdtempSync(path.join(tmpdir(), 'conndiag-prepare-'));
  try {
    writeFileSync(path.join(dir, 'kb.json'), kb);
    execFileSync(process.execPath, [path.join(args.cli, 'conndiag-cli.js'), 'kb', 'prepare', path.join(dir, 'kb.json'),
      path.join(dir, 'kb.prepared')], { stdio: ['ignore', 'ignore', 'inherit'] });
    return readFileSync(path.join(dir, 'kb.prepared'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
// Inline scripts must not close their own element early.
const inlineSafe = (js) => js.replace(/<\/(script)/gi, '<\\/$1');

// The module's Emscripten glue, minified (2.6 KB gzip less in every page; names that other scripts use, such
// as the ConnDiagModule global, stay).
const glueJs = transformSync(read(path.join(args.module, 'conndiag-core.js')), { minify: true, target: 'es2020', legalComments: 'none' }).code;
const wasm = readFileSync(path.join(args.module, 'conndiag-core.wasm'));
const css = read(path.join(here, 'page.css')) + read(path.join(here, 'cards.css'));
const kb = JSON.stringify(JSON.parse(read(args.kb)));  // compact: the page carries it
const template = read(path.join(here, 'index.html'));

// Content-hashed names for everything index.html and the embed script load, so servers can cache them
// forever ("immutable"); only index.html, conndiag-embed.js, conndiag-worker.js, kb.json and conndiag-config.json
// keep stable names.
const hashed = (name, content) => {
  const digest = createHash('sha256').update(content).digest('hex').slice(0, 12);
  const ext = path.extname(name);
  return `${name.slice(0, -ext.length)}.${digest}${ext}`;
};
const assets = {
  glue: hashed('conndiag-core.js', glueJs),
  wasm: hashed('conndiag-core.wasm', wasm),
  kb: hashed('kb.json', kb),
};
// The knowledge base prepared for the hosted page (`conndiag kb prepare`, run with the command built for
// Node): the page reads it back instead of parsing the JSON at start. Made from this very text (`kb`): it
// refers to its strings. A .bin file: every server snippet and server default serves it as bytes. Not in
// the offline file, whose size budget it would break. Without --cli (a quick build of the page alone) the
// page loads the JSON.
const prepared = args.cli ? prepareKnowledgeBase(kb) : undefined;
if (prepared) assets.prepared = hashed('kb-prepared.bin', prepared);

// Each entry point becomes one minified classic script (IIFE): file:// pages cannot load ES modules.
async function bundle(entry) {
  const result = await build({
    entryPoints: [path.join(here, entry)],
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2020',
    write: false,
    legalComments: 'none',
    loader: { '.css': 'text' },
    define: { __CONNDIAG_ASSETS__: JSON.stringify(assets) },
  });
  return result.outputFiles[0].text;
}
const appJs = await bundle('src/main.mjs');
const workerJs = await bundle('src/worker.mjs');
const elementJs = await bundle('src/element.mjs');
assets.app = hashed('conndiag.js', appJs);
assets.css = hashed('conndiag.css', css);

const fill = (values) => template.replace(/\{\{(\w+)\}\}/g, (_, key) => values[key]);

// Hosted folder: separate files, the wasm compiled while it streams in.
const site = path.join(args.out, 'site');
rmSync(site, { recursive: true, force: true });  // no stale hashed files
mkdirSync(site, { recursive: true });
writeFileSync(path.join(site, assets.glue), glueJs);
writeFileSync(path.join(site, assets.wasm), wasm);
writeFileSync(path.join(site, assets.kb), kb);
writeFileSync(path.join(site, assets.app), appJs);
writeFileSync(path.join(site, assets.css), css);
writeFileSync(path.join(site, 'kb.json'), kb);  // a stable copy for people and scripts
if (prepared) writeFileSync(path.join(site, assets.prepared), prepared);
writeFileSync(path.join(site, 'conndiag-worker.js'), workerJs);
// The embed script: the module's glue and the element in one file, so one <script> tag is enough.
writeFileSync(path.join(site, 'conndiag-embed.js'), `${glueJs}\n${elementJs}`);
writeFileSync(path.join(site, 'asset-manifest.json'), JSON.stringify(assets, null, 2));
// IT's settings for the hosted page, edited in place after deploying (docs/hosting.md); the offline file has none.
writeFileSync(path.join(site, 'conndiag-config.json'), JSON.stringify({ reportTo: null }, null, 2) + '\n');
// Portal examples and the schema (so "$schema" in portal knowledge bases resolves for editors).
cpSync(path.join(here, 'examples'), path.join(site, 'examples'), { recursive: true });
copyFileSync(path.join(path.dirname(args.kb), 'kb.schema.json'), path.join(site, 'kb.schema.json'));
const siteCsp = [
  "default-src 'none'", "script-src 'self' 'wasm-unsafe-eval'", "worker-src 'self' blob:", "style-src 'self'", "connect-src 'self'",
  "img-src 'self' data:", "base-uri 'none'", "form-action 'none'",
].join('; ');
writeFileSync(path.join(site, 'index.html'), fill({
  CSP: siteCsp,
  // Preloads start the module and the knowledge base at once instead of one after the other.
  STYLE: [`<link rel="stylesheet" href="${assets.css}">`,
    `<link rel="preload" href="${assets.wasm}" as="fetch" type="application/wasm" crossorigin>`,
    `<link rel="preload" href="${assets.kb}" as="fetch" type="application/json" crossorigin>`,
    ...(prepared ? [`<link rel="preload" href="${assets.prepared}" as="fetch" crossorigin>`] : [])].join('\n'),
  // Plain scripts at the end of the body, as the offline file has them: they run as soon as they have
  // arrived. Deferred, they waited for the page's first layout (about 25 ms on a 2-core machine) before
  // starting the module, and a #text= link's first answer came later (medians of 20 and 24 alternated
  // fresh contexts: 278 -> 257 and 272 -> 259 ms).
  SCRIPTS: `<script src="${assets.glue}"></script>\n<script src="${assets.app}"></script>`,
}));

// Offline single file: everything inline; the module and the knowledge base LZMA-compressed, in base64,
// unpacked by the small decoder wasm beside them (web/src/lzma.mjs). No request leaves the file.
const glue = inlineSafe(glueJs);
const app = inlineSafe(appJs);
const lzmaDecoderWasm = readFileSync(path.join(args.module, 'lzma-decoder.wasm'));
const wasmBlock = packLzma(wasm).toString('base64');
const kbBlock = packLzma(Buffer.from(kb)).toString('base64');
const offlineCsp = [
  "default-src 'none'", `script-src ${sha256(glue)} ${sha256(app)} 'wasm-unsafe-eval'`, "worker-src blob:",
  `style-src ${sha256(css)}`,
  "img-src data:", "connect-src 'none'", "base-uri 'none'", "form-action 'none'",
].join('; ');
const offline = fill({
  CSP: offlineCsp,
  STYLE: `<style>${css}</style>`,
  SCRIPTS: [
    `<script type="application/octet-stream" id="conndiag-lzma-decoder">${lzmaDecoderWasm.toString('base64')}</script>`,
    `<script type="application/octet-stream" id="conndiag-kb">${kbBlock}</script>`,
    `<script type="application/octet-stream" id="conndiag-wasm">${wasmBlock}</script>`,
    // The big-log worker's code: started from a blob, since file:// pages cannot load worker files.
    // (The worker's blob is this block preceded by the module's glue, read from the script below.)
    `<script type="text/plain" id="conndiag-worker-src">${inlineSafe(workerJs)}</script>`,
    `<script id="conndiag-glue">${glue}</script>`,
    `<script>${app}</script>`,
  ].join('\n'),
});
writeFileSync(path.join(args.out, 'conndiag.html'), offline);

// npm-style package: the site, the offline file, the API with types, and the module for Node.
const pkg = path.join(args.out, 'package');
rmSync(pkg, { recursive: true, force: true });
mkdirSync(path.join(pkg, 'core'), { recursive: true });
mkdirSync(path.join(pkg, 'types'), { recursive: true });
cpSync(site, path.join(pkg, 'site'), { recursive: true });
copyFileSync(path.join(args.out, 'conndiag.html'), path.join(pkg, 'conndiag.html'));
// api.mjs and node.mjs take their JSDoc types from the declarations (import('…/index.js')); in the package
// those sit in types/, so the specifiers are pointed there (tsc checks the package as shipped).
const retarget = (file, from, to) => {
  const text = read(path.join(here, file));
  if (!text.includes(from)) throw new Error(`web/build.mjs: ${file} no longer imports its types from ${from}`);
  return text.replaceAll(from, to);
};
writeFileSync(path.join(pkg, 'api.mjs'), retarget('src/api.mjs', "import('../package/index.js')", "import('./types/index.js')"));
writeFileSync(path.join(pkg, 'node.mjs'), retarget('package/node.mjs', "import('./node.js')", "import('./types/node.js')"));
copyFileSync(path.join(here, 'package/index.d.ts'), path.join(pkg, 'types/index.d.ts'));
copyFileSync(path.join(here, 'package/node.d.ts'), path.join(pkg, 'types/node.d.ts'));
copyFileSync(path.join(here, 'package/README.md'), path.join(pkg, 'README.md'));
copyFileSync(path.join(here, '../LICENSE'), path.join(pkg, 'LICENSE'));
writeFileSync(path.join(pkg, 'core/conndiag-core.cjs'), glueJs);  // .cjs: CommonJS inside a "type": "module" package
// A file copied into the package with the mode it needs: the linker marks .wasm executable, but it is data.
function copyWithMode(from, to, mode) {
  copyFileSync(from, to);
  chmodSync(to, mode);
}
copyWithMode(path.join(args.module, 'conndiag-core.wasm'), path.join(pkg, 'core/conndiag-core.wasm'), 0o644);
// `npx conndiag`: the command compiled for Node behind a small launcher (the wasm build always gives --cli;
// a page-only build from a prebuilt module has no command to package).
if (args.cli) {
  mkdirSync(path.join(pkg, 'cli'));
  mkdirSync(path.join(pkg, 'bin'));
  copyFileSync(path.join(args.cli, 'conndiag-cli.js'), path.join(pkg, 'cli/conndiag-cli.cjs'));
  copyWithMode(path.join(args.cli, 'conndiag-cli.wasm'), path.join(pkg, 'cli/conndiag-cli.wasm'), 0o644);
  copyWithMode(path.join(here, 'package/conndiag.cjs'), path.join(pkg, 'bin/conndiag.cjs'), 0o755);
} else {
  console.log('web/build.mjs: no --cli given: the package has no conndiag command');
}
writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({
  name: 'conndiag',
  version: args.version || '0.0.0',
  description: 'Diagnoses Microsoft Defender for Cloud Apps app-connector errors, locally: a page, an element, a JS API and a command, in WebAssembly; nothing is sent anywhere.',
  license: 'MIT',
  type: 'module',
  main: './api.mjs',
  types: './types/index.d.ts',
  exports: {
    '.': { types: './types/index.d.ts', default: './api.mjs' },
    './node': { types: './types/node.d.ts', default: './node.mjs' },
    './embed': './site/conndiag-embed.js',
    './worker': './site/conndiag-worker.js',
    './offline': './conndiag.html',
    './kb.json': './site/kb.json',
    './kb.schema.json': './site/kb.schema.json',
    './site/*': './site/*',
    './package.json': './package.json',
  },
  ...(args.cli ? { bin: { conndiag: './bin/conndiag.cjs' } } : {}),
  files: ['api.mjs', 'node.mjs', 'types/', 'core/', ...(args.cli ? ['bin/', 'cli/'] : []), 'site/', 'conndiag.html', 'README.md', 'LICENSE'],
  engines: { node: '>=18' },
}, null, 2) + '\n');

const gz = gzipSync(Buffer.from(offline), { level: 9 }).length;
console.log(`conndiag.html: ${(offline.length / 1024).toFixed(0)} KB (${(gz / 1024).toFixed(0)} KB gzip); site/ written`);
