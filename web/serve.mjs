// A static file server for the hosted folder, on 127.0.0.1 only, with the right MIME types (application/wasm
// for streamed compilation). Used by scripts/start and the browser tests.
// node web/serve.mjs [FOLDER] [--port N] [--prefix /tools/conndiag/]
//
// Files go out through `send` (the static-file engine of Express): it answers malformed or overlong-UTF-8
// escapes, NUL bytes and traversal ("..", "%2e%2e%2f", "..%5c") with 400/403, and serves ranges and
// conditional requests. Around it: only GET and HEAD (405 otherwise), timeouts for slow clients, and no
// request — however broken — can stop the server.
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import send from 'send';

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.wasm': 'application/wasm', '.png': 'image/png',
  '.svg': 'image/svg+xml', '.bin': 'application/octet-stream',
};

// A client that sends its headers this slowly, or its whole request, is cut off.
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 30_000;

function answer(res, status, extra = {}) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...extra });
  res.end(`${status}\n`);
}

/**
 * Serves `folder` under URL `prefix` on 127.0.0.1:`port` (0: any free port). `headersTimeout` (ms): how long
 * a client may take to send its headers.
 * @returns {Promise<{url: string, close: () => Promise<void>}>}
 */
export async function serve(folder, { prefix = '/', port = 0, headers = {}, headersTimeout = HEADERS_TIMEOUT_MS } = {}) {
  const root = path.resolve(folder);
  // Node checks the timeouts every connectionsCheckingInterval: often enough for the limits to mean something.
  const server = createServer({ connectionsCheckingInterval: Math.min(1000, headersTimeout) }, (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        answer(res, 405, { Allow: 'GET, HEAD' });
        return;
      }
      // The raw path, undecoded: send decodes it and refuses what does not decode.
      const raw = (req.url || '').split(/[?#]/, 1)[0];
      if (!raw.startsWith(prefix)) {
        answer(res, 404);
        return;
      }
      let rel = '/' + raw.slice(prefix.length);
      if (rel.endsWith('/')) rel += 'index.html';
      send(req, rel, { root, dotfiles: 'deny', index: false, etag: true, lastModified: true })
        .on('headers', (response, file) => {
          const type = MIME[path.extname(file)];
          if (type) response.setHeader('Content-Type', type);
          // Public static files: readable cross-origin, which the sandboxed-iframe mode needs (opaque origin).
          response.setHeader('Access-Control-Allow-Origin', '*');
          for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
        })
        .on('error', (err) => answer(res, err.status || err.statusCode || 500))
        .pipe(res);
    } catch {
      answer(res, 500);
    }
  });
  server.headersTimeout = headersTimeout;
  server.requestTimeout = Math.max(REQUEST_TIMEOUT_MS, headersTimeout);
  // A request the HTTP parser refuses (a header too large, a malformed request line): answered, never fatal.
  server.on('clientError', (err, socket) => {
    if (socket.writable && !socket.destroyed) {
      const status = err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large'
        : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    } else {
      socket.destroy();
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${server.address().port}${prefix}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
  const folder = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) || 'build/wasm/dist/site';
  const { url } = await serve(folder, { port: Number(option('--port', 8080)), prefix: option('--prefix', '/') });
  console.log(`Serving ${folder} at ${url} (Ctrl-C to stop)`);
}
