// A static file server for the hosted folder, on 127.0.0.1 only, with the right MIME types (application/wasm
// for streamed compilation). Used by scripts/start and the browser tests.
// node web/serve.mjs [FOLDER] [--port N] [--prefix /tools/conndiag/]
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.wasm': 'application/wasm', '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * Serves `folder` under URL `prefix` on 127.0.0.1:`port` (0: any free port).
 * @returns {Promise<{url: string, close: () => Promise<void>}>}
 */
export async function serve(folder, { prefix = '/', port = 0, headers = {} } = {}) {
  const base = path.resolve(folder);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404).end();
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(base, rel);
    if (!file.startsWith(base + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      // Public static files: readable cross-origin, which the sandboxed-iframe mode needs (opaque origin).
      res.writeHead(200, {
        'Content-Type': MIME[path.extname(file)] || 'application/octet-stream',
        'Access-Control-Allow-Origin': '*',
        ...headers,
      }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${server.address().port}${prefix}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
  const folder = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) || 'build/wasm/dist/site';
  const { url } = await serve(folder, { port: Number(option('--port', 8080)), prefix: option('--prefix', '/') });
  console.log(`Serving ${folder} at ${url} (Ctrl-C to stop)`);
}
