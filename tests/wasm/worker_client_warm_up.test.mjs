// WorkerClient.warmUpAndStop (web/src/worker-client.mjs): the page's idle-time log warm-up starts a worker
// that ends once its made-up log is read, unless something needed the worker meanwhile. Driven with
// stand-in workers whose replies the test sends, so that every order of events is tried exactly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkerClient } from '../../web/src/worker-client.mjs';

// A stand-in for the browser's Worker: records what the page posts, and whether it was ended; `reply`
// delivers a message from the worker.
class StandInWorker {
  constructor() {
    this.posted = [];
    this.ended = false;
    this.onmessage = null;
    this.onerror = null;
  }
  postMessage(message) {
    this.posted.push(message);
  }
  terminate() {
    this.ended = true;
  }
  reply(data) {
    this.onmessage({ data });
  }
}

// A client whose workers are stand-ins (listed in `workers`), on a machine with `processors` processors.
function client(t, processors = 2) {
  const workers = [];
  const navigatorBefore = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
  Object.defineProperty(globalThis, 'navigator', { value: { hardwareConcurrency: processors }, configurable: true });
  t.after(() => (navigatorBefore ? Object.defineProperty(globalThis, 'navigator', navigatorBefore) : delete globalThis.navigator));
  const background = new WorkerClient(() => {
    const w = new StandInWorker();
    workers.push(w);
    return w;
  }, async () => ({ kb: '{}' }));
  return { background, workers };
}

// Lets the client's pending promises (its assets, a worker's "ready") run.
const settle = () => new Promise((resolve) => setImmediate(resolve));

test('a worker started at idle loads to warm up, and ends once its made-up log is read', async (t) => {
  const { background, workers } = client(t);
  const over = background.warmUpAndStop();
  await settle();
  assert.equal(workers.length, 1);
  const [w] = workers;
  assert.deepEqual(w.posted.map((m) => [m.type, m.warmUp]), [['load', true]]);
  w.reply({ type: 'ready', info: {} });
  assert.equal(w.ended, false, 'not before its warm-up is over');
  w.reply({ type: 'warmed', slices: 10 });
  assert.equal(await over, true);
  assert.equal(w.ended, true);
  // The next request starts a worker of its own.
  const answer = background.classify('classify', 'text', {});
  await settle();
  assert.equal(workers.length, 2);
  workers[1].reply({ type: 'ready', info: {} });
  await settle();
  const request = workers[1].posted.find((m) => m.type === 'classify');
  workers[1].reply({ id: request.id, type: 'result', value: 'answered' });
  assert.equal(await answer, 'answered');
});

test('a request during the warm-up keeps the worker: it answers, and the warm-up\'s end does not end it', async (t) => {
  const { background, workers } = client(t);
  const over = background.warmUpAndStop();
  await settle();
  const [w] = workers;
  w.reply({ type: 'ready', info: {} });
  const answer = background.classify('classify', 'text', {});
  assert.equal(await over, false, 'kept');
  await settle();
  w.reply({ type: 'warmed', slices: 3 });  // the warm-up stopped at the request
  assert.equal(w.ended, false);
  const request = w.posted.find((m) => m.type === 'classify');
  w.reply({ id: request.id, type: 'result', value: 'answered' });
  assert.equal(await answer, 'answered');
  assert.equal(workers.length, 1, 'no second worker');
});

test('a file dragged in during the warm-up (warm) keeps the worker and adds the helper', async (t) => {
  const { background, workers } = client(t);
  const over = background.warmUpAndStop();
  await settle();
  background.warm();
  assert.equal(await over, false);
  await settle();
  assert.equal(workers.length, 2, 'the log worker (the warm-up\'s) and the helper');
  workers[0].reply({ type: 'ready', info: {} });
  workers[0].reply({ type: 'warmed', slices: 10 });
  assert.deepEqual(workers.map((w) => w.ended), [false, false]);
});

test('no second worker when one runs already, and false when the warm-up\'s worker fails to load', async (t) => {
  const { background, workers } = client(t);
  background.warm();
  assert.equal(await background.warmUpAndStop(), false);
  assert.equal(workers.length, 2, 'only warm()\'s two');

  const other = client(t);
  const over = other.background.warmUpAndStop();
  await settle();
  other.workers[0].reply({ type: 'error', message: 'the knowledge base is damaged' });
  assert.equal(await over, false);
  assert.equal(other.workers[0].ended, true, 'a worker that failed is ended');
});

test('a worker the browser refuses leaves the warm-up undone, not failed', async () => {
  const background = new WorkerClient(() => {
    throw new DOMException('refused', 'SecurityError');
  }, async () => ({ kb: '{}' }));
  assert.equal(await background.warmUpAndStop(), false);
});
