// The JavaScript API over the WebAssembly module: createConnDiag, which makes a Diagnoser.
// Works in the page, in a Worker and in Node: the caller hands in the Emscripten factory and, where the
// module cannot fetch its .wasm itself (file://, Node), the wasm bytes.

// The types are declared in web/package/index.d.ts (the package's types/index.d.ts), the one contract:
// this file takes them from there and tsc checks it against them (tests/wasm/typecheck.test.mjs).
/** @typedef {import('../package/index.js').ClassifyOptions} ClassifyOptions */
/** @typedef {import('../package/index.js').Diagnoser} DiagnoserContract */
/** @typedef {import('../package/index.js').CreateOptions} CreateOptions */
/** @typedef {import('../package/index.js').KbInfo} KbInfo */
/** @typedef {import('../package/index.js').LogDelta} LogDelta */
/** @typedef {import('../package/index.js').LogEvent} LogEvent */
/** @typedef {import('../package/index.js').LogStream} LogStream */
/** @typedef {import('../package/index.js').Match} Match */
/** @typedef {import('../package/index.js').Result} Result */

/**
 * What the module's embind functions take and return: internal, not the contract. Text goes in as UTF-8
 * bytes and each JSON reply comes back as a view of the module's memory, valid until the next call (see
 * `reply`).
 * @typedef {object} CoreModule
 * @property {(kb: Uint8Array, overlay: Uint8Array) => Uint8Array} load
 * @property {(handle: number, text: Uint8Array, options: Uint8Array) => Uint8Array} classify
 * @property {(handle: number, text: Uint8Array, options: Uint8Array) => Uint8Array} classifyLog
 * @property {(handle: number, options: Uint8Array) => Uint8Array} logBegin
 * @property {(id: number, piece: Uint8Array, last: boolean) => Uint8Array} logFeed
 * @property {(id: number) => void} logEnd
 */

// embind converts JS strings to and from UTF-8 one character at a time in JavaScript; the platform's
// encoder and decoder do it natively, many times faster (most of a paste's time went there).
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The UTF-8 bytes of a text. The encoder writes each lone surrogate (a cut emoji, a bad escape) as U+FFFD,
 * one UTF-16 unit as the surrogate was, so spans still index the caller's own string.
 * @param {string} text
 */
const utf8 = (text) => encoder.encode(text);

/**
 * A module reply, read at once: it is a view of the module's memory that the next call overwrites.
 * @param {Uint8Array} view
 * @returns {any}
 */
const reply = (view) => JSON.parse(decoder.decode(view));

/**
 * Applies a log delta to the events told so far, in place: the page merges what its worker sends.
 * @type {typeof import('../package/index.js').applyLogDelta}
 */
export function applyLogDelta(events, delta) {
  for (const [index, count, lastLine] of delta.updated) {
    events[index].count = count;
    events[index].last_line = lastLine;
  }
  for (const e of delta.added) events.push(e);
  return events;
}

// Named Diagnoser, not ConnDiag: ConnDiag is the page's global (`await ConnDiag.create()`), which makes one.
/**
 * A loaded diagnoser. Plain data in, plain data out; nothing to free. Members starting with "_" are
 * internal (not declared in the contract).
 * @implements {DiagnoserContract}
 */
export class Diagnoser {
  /** @param {CoreModule} module @param {number} handle @param {KbInfo} info */
  constructor(module, handle, info) {
    this._module = module;
    this._handle = handle;
    this._info = info;
  }

  /**
   * Classifies one pasted error.
   * @param {string} text
   * @param {ClassifyOptions} [options]
   * @returns {Result}
   */
  classify(text, options = {}) {
    return this._call('classify', text, options);
  }

  /**
   * Classifies a log: each distinct error event once, with its count and first line.
   * @param {string} text
   * @param {ClassifyOptions} [options]
   * @returns {LogEvent[]}
   */
  classifyLog(text, options = {}) {
    return this._call('classifyLog', text, options);
  }

  /**
   * Starts a log read in pieces (a big file, chunk by chunk): events merge across pieces.
   * @param {ClassifyOptions} [options]
   * @returns {LogStream}
   */
  beginLog(options = {}) {
    const module = this._module;
    const begun = reply(module.logBegin(this._handle, utf8(Diagnoser._options(options))));
    if (!begun.ok) throw new Error(begun.error);
    /** @type {number} */
    const id = begun.value;
    /** @type {LogEvent[]} */
    const events = [];
    /** @param {string|Uint8Array} piece @param {boolean} last */
    const feed = (piece, last) => {
      // embind copies a Uint8Array's bytes straight into the module; a string is encoded to UTF-8 first.
      const answer = reply(module.logFeed(id, typeof piece === 'string' ? utf8(piece) : piece, last));
      if (!answer.ok) throw new Error(answer.error);
      /** @type {LogDelta} */
      const delta = answer.value;
      applyLogDelta(events, delta);
      return { ...delta, events };
    };
    return {
      feed: (piece) => feed(piece, false),
      finish: () => feed('', true),
      cancel: () => module.logEnd(id),
    };
  }

  /** @returns {KbInfo} */
  kbInfo() {
    return this._info;
  }

  /** @param {ClassifyOptions} options @returns {string} the options as the module reads them */
  static _options(options) {
    const { top = 3 } = options;
    if (!Number.isInteger(top) || top < 1 || top > 1000) {
      throw new RangeError(`top must be a whole number from 1 to 1000, not ${String(top).slice(0, 40)}`);
    }
    return JSON.stringify({ app: options.app || '', lang: options.lang || 'en', top });
  }

  /** @param {'classify'|'classifyLog'} method @param {string} text @param {ClassifyOptions} options */
  _call(method, text, options) {
    if (typeof text !== 'string') throw new TypeError(`${method}: text must be a string`);
    const answer = reply(this._module[method](this._handle, utf8(text), utf8(Diagnoser._options(options))));
    if (!answer.ok) throw new Error(answer.error);
    return answer.value;
  }
}

/** @deprecated The old name of Diagnoser, kept so that existing imports work. */
export const ConnDiag = Diagnoser;

/**
 * Instantiates the module and loads a knowledge base. Rejects with an Error naming the JSON path of the
 * first problem when the knowledge base is invalid. `kb` and `wasmBinary` may also be promises: they are
 * awaited while the module compiles, so fetching the knowledge base and compiling the wasm overlap.
 * @type {typeof import('../package/index.js').createConnDiag}
 */
export async function createConnDiag(factory, options) {
  const { locateFile } = options || {};
  const wasmBinary = await (options || {}).wasmBinary;
  /** @type {{wasmBinary?: Uint8Array|ArrayBuffer, locateFile?: (path: string, prefix: string) => string}} */
  const moduleArg = {};
  if (wasmBinary) moduleArg.wasmBinary = wasmBinary;
  if (locateFile) moduleArg.locateFile = locateFile;
  const [module, kb, overlay] = await Promise.all([factory(moduleArg), (options || {}).kb, (options || {}).overlay]);
  if (kb === undefined || kb === null) throw new Error('a knowledge base is required');
  const core = /** @type {CoreModule} */ (module);
  /** @param {object|string} x */
  const asText = (x) => (typeof x === 'string' ? x : JSON.stringify(x));
  const loaded = reply(core.load(utf8(asText(kb)), utf8(overlay === undefined || overlay === null ? '' : asText(overlay))));
  if (!loaded.ok) throw new Error(loaded.error);
  return new Diagnoser(core, loaded.handle, loaded.info);
}
