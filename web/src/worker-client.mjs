// Talks to the diagnoser in a Web Worker (worker.mjs): big logs and big pastes are classified there, so
// the page or the element never freezes. The page and the element each own one client.
//
// Every request carries an id and only the current one's replies are listened to: a log opened while
// another is read cancels the first, and nothing of the first shows afterwards. A worker that failed to
// start is forgotten, so the next request starts a new one (fixing a file and trying again works without
// reloading).
import { applyLogDelta } from './api.mjs';

const deltaDecoder = new TextDecoder();

/**
 * A log delta as the worker sends it, its JSON bytes (see worker.mjs), read.
 * @param {Uint8Array} bytes
 * @returns {import('./api.mjs').LogDelta}
 */
function deltaOf(bytes) {
  return JSON.parse(deltaDecoder.decode(bytes));
}

/** A paste this long (UTF-16 units) is classified in the worker, not on the main thread. */
export const WORKER_CHARS = 1_000_000;

/**
 * A log file this big is read by two workers where the machine has two processors or more (worker.mjs,
 * "Two workers on one log"): the helper's start (a second module and knowledge base) is then small beside
 * what it saves.
 */
export const HELPER_BYTES = 16 << 20;

// Marks an error of the worker itself (it could not start or it crashed), as opposed to an answer of the
// diagnoser inside it: callers may then do the work without a worker.
function workerFailure(error) {
  return Object.assign(error, { workerFailed: true });
}

export class WorkerClient {
  /**
   * @param {() => Worker} createWorker  starts the worker (throws when the browser refuses, e.g. a
   *   cross-origin script URL)
   * @param {() => Promise<{kb: string, prepared?: Uint8Array, overlay?: string, wasmBinary?: Uint8Array, base?: string, compilePatternsOnFirstUse?: boolean}>} assets
   *   what it loads (base: where conndiag-worker.js is, when the worker is a bootstrap blob)
   */
  constructor(createWorker, assets) {
    this._createWorker = createWorker;
    this._assets = assets;
    this._worker = null;
    this._ready = null;
    this._helper = null;   // the second worker big logs are read with: {worker, ready: Promise<boolean>, reading}
    this._nextId = 1;
    this._pending = new Map();  // id -> {onMessage(msg), fail(error)}
    this._logs = 0;        // logs started so far: each one's number is new
    this._currentLog = 0;  // the number of the log being read, 0 when none
    this._idleWarmUp = null;  // the worker warmUpAndStop started, while it may still end: {worker, done(ended)}
  }

  _forget(error) {
    this._keepWorker();
    if (this._worker) this._worker.terminate();
    this._worker = null;
    this._ready = null;
    this._forgetHelper();
    for (const { fail } of this._pending.values()) fail(error);
    this._pending.clear();
  }

  _forgetHelper() {
    if (this._helper) this._helper.worker.terminate();
    this._helper = null;
  }

  // Starts a worker and sends it what it loads; `ready` settles when it has loaded (or failed to). `warmUp`:
  // it then reads a made-up log until a request comes (worker.mjs), for a log about to be dropped.
  // A compiled WebAssembly.Module in the assets is posted instead of the wasm bytes: the worker only
  // instantiates it. Where the browser cannot pass a module to a worker, the load goes again with the bytes.
  _launch(onMessage, onError, warmUp = false) {
    const w = this._createWorker();
    let load = null;
    let bytes;  // the assets' wasm bytes, posted only without a module
    const withBytes = (message) => ({ ...message, wasmModule: undefined, wasmBinary: bytes });
    const post = (message) => {
      try {
        w.postMessage(message);
      } catch (e) {
        if (!message.wasmModule) throw e;
        w.postMessage(withBytes(message));  // refused to copy the module
      }
    };
    const ready = new Promise((resolve, reject) => {
      w.onmessage = (e) => {
        const msg = e.data;
        if (msg.type === 'warmed') return this._warmed(w);
        if (msg.type === 'relay') return this._relay(w, msg);
        if (msg.type === 'ready') resolve();
        else if (msg.type === 'unreadable-load' && load?.wasmModule) post(load = withBytes(load));
        else if (msg.id === undefined) reject(new Error(msg.message));
        else onMessage(msg);
      };
      w.onerror = (e) => {
        // Before it is ready, or later (then the requests in flight fail instead of waiting forever).
        const error = workerFailure(new Error(e.message || 'the worker failed'));
        reject(error);
        onError(error);
      };
      this._assets().then((a) => {
        bytes = a.wasmBinary;
        post(load = { type: 'load', kb: a.kb, prepared: a.prepared, overlay: a.overlay, wasmModule: a.wasmModule, wasmBinary: a.wasmModule ? undefined : bytes,
                      base: a.base, compilePatternsOnFirstUse: a.compilePatternsOnFirstUse, warmUp });
      }).catch(reject);
    });
    return { w, ready };
  }

  _start(warmUp = false) {
    const { w, ready } = this._launch((msg) => {
      if (this._pending.has(msg.id)) this._pending.get(msg.id).onMessage(msg);
      // Replies to a request that was cancelled or superseded are dropped here.
    }, (error) => {
      if (this._worker === w) this._forget(error);
    }, warmUp);
    this._worker = w;
    this._ready = ready;
    // A failure is not cached: the next request starts a new worker.
    this._ready.catch((e) => {
      if (this._worker === w) this._forget(e);
    });
  }

  // Starts the helper (the second worker big logs are read with) if it is not running and the machine has
  // two processors or more; false when it cannot run.
  _startHelper(warmUp = false) {
    const processors = (globalThis.navigator && navigator.hardwareConcurrency) || 1;
    if (processors < 2) return false;
    if (this._helper) return true;
    try {
      const { w, ready } = this._launch(() => {}, (error) => {
        if (this._helper?.worker !== w) return;
        // A helper that fails while it reads fails the log (the log worker waits for its pieces);
        // otherwise it is only forgotten.
        if (this._helper.reading) this._forget(error);
        else this._forgetHelper();
      }, warmUp);
      this._helper = { worker: w, ready: ready.then(() => true, () => false), reading: false };
      return true;
    } catch {
      return false;  // refused by the browser: logs are read by one worker
    }
  }

  // The helper for a log of `bytes`, once it has loaded; null when the log is small or the helper cannot
  // run (the log worker then reads alone).
  async _helperFor(bytes) {
    if (bytes < HELPER_BYTES || !this._startHelper()) return null;
    const helper = this._helper;
    if (await helper.ready) return helper.worker;
    if (this._helper === helper) this._forgetHelper();
    return null;
  }

  /**
   * Starts the worker now, if it is not running, so that it has compiled the module and loaded the
   * knowledge base (0.3-0.5 s) by the time a request comes; and the helper a big log is read with, where
   * it can run. Both then warm up their log code (worker.mjs) until the request comes. A worker that
   * cannot start is not reported here: the next request starts one again and reports why it fails.
   */
  warm() {
    this._startQuietly(true);
    this._startHelper(true);
  }

  /**
   * Runs the log code once in a worker that then ends, unless something needs the worker meanwhile. V8 keeps
   * the code it optimized with the compiled module, which the page's later workers share (Chromium: the
   * same module, or the same bytes, in one process), so a log opened later is read by optimized code from
   * its first piece instead of the baseline code of a first run (worker.mjs, warm-up-log.mjs). Resolves to
   * true once that worker ended; to false when it did not start (a worker runs already, or none can), or
   * when it was kept: a request, warm() or a log came first, and the worker serves them.
   * @returns {Promise<boolean>}
   */
  warmUpAndStop() {
    if (this._worker) return Promise.resolve(false);
    this._startQuietly(true);
    if (!this._worker) return Promise.resolve(false);  // refused by the browser: a log would be read without a worker
    return new Promise((done) => (this._idleWarmUp = { worker: this._worker, done }));
  }

  // The warm-up of worker `w` is over: a worker warmUpAndStop started, and nobody needed since, ends (no
  // request is waiting on it, nor a helper beside it: either would have kept it).
  _warmed(w) {
    if (this._idleWarmUp?.worker !== w) return;
    const { done } = this._idleWarmUp;
    this._idleWarmUp = null;
    this._forget(new Error('the warm-up is over'));
    done(true);
  }

  // The worker is wanted (or gone): the warm-up that warmUpAndStop started no longer ends it.
  _keepWorker() {
    if (!this._idleWarmUp) return;
    this._idleWarmUp.done(false);
    this._idleWarmUp = null;
  }

  _startQuietly(warmUp = false) {
    this._keepWorker();
    if (this._worker) return;
    try {
      this._start(warmUp);
    } catch {
      // refused by the browser: the request will say so
    }
  }

  // `prepare`, run once the worker is ready, may add to the message and returns what it transfers.
  async _request(message, onProgress, prepare = () => []) {
    this._keepWorker();
    if (!this._worker) {
      try {
        this._start();
      } catch (e) {
        throw workerFailure(e);  // refused by the browser (cross-origin script URL, policy)
      }
    }
    await this._ready;
    const transfer = prepare();
    const id = this._nextId++;
    return new Promise((resolve, reject) => {
      this._pending.set(id, {
        onMessage: (msg) => {
          if (msg.type === 'progress') {
            onProgress(msg);
            return;
          }
          this._pending.delete(id);
          if (msg.type === 'result') resolve(msg.value);
          else reject(Object.assign(new Error(msg.message), { unreadable: Boolean(msg.unreadable) }));
        },
        fail: reject,
      });
      this._worker.postMessage({ ...message, id }, transfer);
    });
  }

  /**
   * Classifies a log file in the worker (a big one with the helper's help, see HELPER_BYTES). A log
   * already being read is cancelled first.
   * @param {Blob} file
   * @param {object} options  classify options
   * @param {(progress: {bytes: number, total: number, lines: number, changed: boolean, events: object[], warnings: string[], unrecognizedLines: number}) => void} onProgress
   *   called with the events so far (one array, updated in place from the worker's deltas)
   * @returns {Promise<{lines: number, events: object[], warnings: string[], unrecognizedLines: number, readers: number}>}
   *   rejects with {cancelled: true} when cancelled; `readers`: how many workers read the log
   */
  async classifyLogFile(file, options, onProgress) {
    this.cancelLog();
    const mine = ++this._logs;
    this._currentLog = mine;
    const events = [];
    const warnings = [];
    let unrecognizedLines = 0;
    const merge = (delta) => {
      applyLogDelta(events, delta);
      warnings.push(...delta.warnings);
      unrecognizedLines = delta.unrecognized_lines;
      return { lines: delta.lines, events, warnings, unrecognizedLines };
    };
    try {
      this._startQuietly();  // loads while the helper does
      const helper = await this._helperFor(file.size);
      if (mine !== this._currentLog) throw Object.assign(new Error('cancelled'), { cancelled: true });
      const message = { type: 'log', file, options };
      // The helper is told to read only once the log worker is there to take its pieces; the two talk
      // through this page (_relay), their messages numbered with the log's.
      const connect = () => {
        if (!helper || this._helper?.worker !== helper) return [];
        helper.postMessage({ type: 'readAhead', file, options, relay: mine });
        this._helper.reading = true;
        Object.assign(message, { relay: mine });
        return [];
      };
      const last = await this._request(message, (msg) => {
        if (mine !== this._currentLog) return;
        const delta = deltaOf(msg.delta);
        const changed = delta.added.length > 0 || delta.updated.length > 0 || delta.warnings.length > 0 ||
          delta.unrecognized_lines !== unrecognizedLines;
        onProgress({ bytes: msg.bytes, total: msg.total, changed, ...merge(delta) });
      }, connect);
      return { ...merge(deltaOf(last.delta)), readers: last.readers };
    } finally {
      if (mine === this._currentLog) {
        this._currentLog = 0;
        if (this._helper) this._helper.reading = false;
      }
    }
  }

  /**
   * Classifies one big paste (type "classify") or a pasted log ("classifyLog") in the worker.
   * @param {'classify'|'classifyLog'} type
   * @param {string} text
   * @param {object} options
   */
  classify(type, text, options) {
    return this._request({ type, text, options }, () => {});
  }

  // Hands a message of one of a log's two workers to the other, moving its buffers (a piece, verdicts):
  // see worker.mjs, "Two workers on one log". A message of a log that is no longer read is dropped.
  _relay(from, msg) {
    if (msg.log !== this._currentLog || !this._helper) return;
    const to = from === this._helper.worker ? this._worker : this._helper.worker;
    const { piece, verdicts } = msg.message || {};
    const buffers = [piece, verdicts].filter((part) => ArrayBuffer.isView(part)).map((part) => part.buffer);
    to?.postMessage(msg, buffers);
  }

  /** Stops the log being classified (its promise rejects with {cancelled: true}). */
  cancelLog() {
    if (!this._currentLog) return;
    this._currentLog = 0;
    // The worker is busy with the log until it ends: ending the worker is the immediate way to stop it.
    this._forget(Object.assign(new Error('cancelled'), { cancelled: true }));
  }
}

/**
 * Classifies one pasted text where it suits its size: on the main thread, or, past WORKER_CHARS, in the
 * worker. Where no worker can run (a host page that loads the script from another origin, or whose policy
 * forbids workers), the big text is classified on the main thread after all: a slower answer beats none,
 * and the classifier is linear in the text's length.
 * @param {import('./api.mjs').Diagnoser} diag  the main thread's diagnoser
 * @param {WorkerClient} background
 * @param {string} text
 * @param {import('./api.mjs').ClassifyOptions} options
 * @param {() => void} [offMainThread]  called when the text goes to the worker (the caller may say it waits)
 * @returns {Promise<import('./api.mjs').Result>}
 */
export async function classifyText(diag, background, text, options, offMainThread = () => {}) {
  if (text.length <= WORKER_CHARS) return diag.classify(text, options);
  offMainThread();
  try {
    return await background.classify('classify', text, options);
  } catch (e) {
    if (e.workerFailed) return diag.classify(text, options);
    throw e;
  }
}

/** Where the hosted page's worker script is; null in the offline file (its sources are inlined). */
export function pageWorkerUrl() {
  return document.getElementById('conndiag-worker-src') ? null : new URL('conndiag-worker.js', document.baseURI).href;
}

/** The page's worker: from the sources inlined in the offline file, or conndiag-worker.js beside the page. */
export function pageWorker() {
  const url = pageWorkerUrl();
  if (url) return workerAt(url);
  const glue = document.getElementById('conndiag-glue');
  const inline = document.getElementById('conndiag-worker-src');
  return new Worker(URL.createObjectURL(new Blob([glue.textContent, '\n', inline.textContent], { type: 'text/javascript' })));
}

/**
 * A worker running conndiag-worker.js from `url`. From another origin (a portal loading the embed script
 * from the intranet host, or the page in a sandboxed iframe, whose origin is opaque), browsers refuse
 * `new Worker(url)`: a blob of this document then imports the script (the page's policy must allow blob:
 * workers). Such a worker is told `base` (the script's URL) in its load message.
 */
export function workerAt(url) {
  const absolute = new URL(url, document.baseURI);
  if (absolute.origin === self.origin) return new Worker(absolute);
  const bootstrap = new Blob([`importScripts(${JSON.stringify(absolute.href)});`], { type: 'text/javascript' });
  return new Worker(URL.createObjectURL(bootstrap));
}
