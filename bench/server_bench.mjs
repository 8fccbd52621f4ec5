// The local server (web/serve.mjs) under a bounded loopback load: 200 clients, 20 of them slow (they
// dribble their headers a byte at a time), for a fixed number of requests. Prints requests/s and latency
// percentiles of the others, and what became of the slow ones. The server runs in its own process.
// Usage: node bench/server_bench.mjs [--requests N]   (after the wasm build: it serves build/wasm/dist/site)
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const total = Number(args.includes('--requests') ? args[args.indexOf('--requests') + 1] : 20000);
const CLIENTS = 200;
const SLOW = 20;

const server = spawn(process.execPath, [path.join(root, 'web/serve.mjs'), path.join(root, 'build/wasm/dist/site'), '--port', '0'],
  { stdio: ['ignore', 'pipe', 'inherit'] });
const [line] = await once(server.stdout, 'data');
const base = /at (http:\S+)/.exec(String(line))[1];
const { port } = new URL(base);

// Slow clients: one header byte every 200 ms; the server's header timeout should cut them off.
let slowCut = 0;
const slow = Array.from({ length: SLOW }, () => new Promise((resolve) => {
  const socket = connect(Number(port), '127.0.0.1');
  const text = 'GET /index.html HTTP/1.1\r\nHost: x\r\nX-Slow: ' + 'z'.repeat(200) + '\r\n\r\n';
  let i = 0;
  const timer = setInterval(() => {
    if (i < text.length && !socket.destroyed) socket.write(text[i++]);
  }, 200);
  socket.on('error', () => {});
  socket.resume();  // read the server's 408, or 'close' never comes
  socket.on('close', () => {
    clearInterval(timer);
    if (i < text.length) slowCut += 1;
    resolve();
  });
}));

// Fast clients: keep-alive GETs of the page and the module until `total` requests are done.
const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS - SLOW });
const latencies = [];
let started = 0;
let failed = 0;
const files = ['index.html', 'kb.json', 'conndiag-embed.js'];
function one() {
  return new Promise((resolve) => {
    const t = process.hrtime.bigint();
    const req = request(`${base}${files[started % files.length]}`, { agent }, (res) => {
      res.resume();
      res.on('end', () => {
        if (res.statusCode !== 200) failed += 1;
        latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
        resolve();
      });
    });
    req.on('error', () => { failed += 1; resolve(); });
    req.end();
  });
}
const begin = process.hrtime.bigint();
await Promise.all(Array.from({ length: CLIENTS - SLOW }, async () => {
  while (started < total) {
    started += 1;
    await one();
  }
}));
const seconds = Number(process.hrtime.bigint() - begin) / 1e9;
agent.destroy();
await Promise.all(slow);
server.kill();

latencies.sort((a, b) => a - b);
const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))].toFixed(1);
console.log(`web/serve.mjs on loopback: ${CLIENTS} clients (${CLIENTS - SLOW} keep-alive, ${SLOW} sending headers a byte every 200 ms)`);
console.log(`  ${latencies.length} requests in ${seconds.toFixed(2)} s: ${(latencies.length / seconds).toFixed(0)} requests/s, ${failed} failed`);
console.log(`  latency: p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms, max ${latencies[latencies.length - 1].toFixed(1)} ms`);
console.log(`  slow clients cut off by the server before finishing their headers: ${slowCut} of ${SLOW}`);
