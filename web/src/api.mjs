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
/** @typedef {import('../package/index.js').LogProgress} LogProgress */
/** @typedef {import('../package/index.js').LogStream} LogStream */
/** @typedef {import('../package/index.js').Match} Match */
/** @typedef {import('../package/index.js').Result} Result */

/**
 * What the module's embind functions take and return: internal, not the contract. A call's text is first
 * written into the module's input buffer (`inputBuffer(n)`: a view of n bytes of its memory) and passed as
 * its length in bytes; each JSON reply comes back as a view of the module's memory, valid until the next
 * call (see `reply`).
 * @typedef {object} CoreModule
 * @property {(size: number) => Uint8Array} inputBuffer
 * @property {(kbSize: number, overlaySize: number, onFirstUse: boolean) => Uint8Array} load
 * @property {(kbSize: number, preparedSize: number) => Uint8Array} loadPrepared  (the prepared bytes after the JSON)
 * @property {(handle: number, size: number, optionsSize: number) => Uint8Array} classify  (options after the text)
 * @property {(handle: number, row: number, options: string) => Uint8Array} rowText
 * @property {(handle: number, size: number, optionsSize: number) => Uint8Array} classifyLog  (the same)
 * @property {(handle: number, options: string, forLogTable: boolean) => Uint8Array} logBegin
 * @property {(id: number, size: number, last: boolean) => Uint8Array} logFeed
 * @property {(id: number) => void} logEnd
 * @property {(id: number, size: number) => Uint32Array|null} logJudge
 * @property {(id: number, size: number, wordsAt: number, count: number) => Uint8Array} logFeedJudged
 */

// embind converts strings and byte arrays to and from the module one character or byte at a time in
// JavaScript; the platform's encoder and decoder, writing into and reading from the module's memory
// directly, are many times faster (that conversion was most of a paste's time).
const encoder = new TextEncoder();
const decoder = new TextDecoder();

// Each module's input buffer as last handed out, used again while it has room: asking for it at every call
// made a new view each time (a paste's garbage is what sets how often V8 must collect). A view of the
// module's memory is emptied (length 0) when that memory grows, and then a new one is asked for; and
// whoever asks the module for one, the view it gets is the one kept (keepInputViews), since asking may move
// the buffer.
/** @type {WeakMap<CoreModule, Uint8Array>} */
const inputViews = new WeakMap();

/** @param {CoreModule} module */
function keepInputViews(module) {
  const handOut = module.inputBuffer;
  module.inputBuffer = (size) => {
    const view = handOut(size);
    inputViews.set(module, view);
    return view;
  };
}

/** @param {CoreModule} module @param {number} room bytes @returns {Uint8Array} at least `room` bytes */
function inputView(module, room) {
  const view = inputViews.get(module);
  return view && view.length >= Math.max(1, room) ? view : module.inputBuffer(room);
}

/**
 * Writes texts into the module's input buffer, one after the other, as UTF-8: a string through the encoder
 * (which writes each lone surrogate, a cut emoji or a bad escape, as U+FFFD, one UTF-16 unit as the
 * surrogate was, so spans still index the caller's own string), a Uint8Array (raw file bytes) as it is.
 * Returns each one's length in bytes.
 * @param {CoreModule} module
 * @param {Array<string|Uint8Array>} texts
 * @returns {number[]}
 */
function toModule(module, texts) {
  // A UTF-16 unit takes at most 3 bytes of UTF-8 (a surrogate pair, 2 units, takes 4).
  const room = texts.reduce((sum, t) => sum + (typeof t === 'string' ? t.length * 3 : t.length), 0);
  const buffer = inputView(module, room);
  let at = 0;
  return texts.map((t) => {
    let size;
    if (typeof t === 'string') {
      size = encoder.encodeInto(t, at === 0 ? buffer : buffer.subarray(at)).written;
    } else {
      buffer.set(t, at);
      size = t.length;
    }
    at += size;
    return size;
  });
}

/**
 * A module reply, read at once (it is a view of the module's memory that the next call overwrites); a
 * reply that says the call failed becomes an Error with the module's message.
 * @param {Uint8Array} view
 * @returns {any}
 */
function reply(view) {
  const answer = JSON.parse(decoder.decode(view));
  if (!answer.ok) throw new Error(answer.error);
  return answer;
}

// How every reply that succeeded begins (bindings.cpp); the value follows, then the closing brace.
const OK_VALUE = encoder.encode('{"ok":true,"value":');

/**
 * A module reply's value as JSON bytes (a copy), not parsed: for a reader that hands it on (the page's log
 * worker posts each log delta to the page, which parses it there; parsing it in the worker too, and copying
 * the objects into a message, was work taken from the worker that reads the log). A reply that says the
 * call failed becomes an Error with the module's message, as `reply` makes it.
 * @param {Uint8Array} view
 * @returns {Uint8Array}
 */
function replyValueBytes(view) {
  if (view.length <= OK_VALUE.length || OK_VALUE.some((byte, i) => view[i] !== byte)) {
    reply(view);  // throws the module's error
    throw new Error('the module replied in an unknown form');
  }
  return view.slice(OK_VALUE.length, view.length - 1);
}

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

/**
 * A row's text as the module gives it once (RowTextJson in result_json.h): the part of a match that is the
 * same whatever was pasted, and the row's signatures.
 * @typedef {Pick<Match, 'cause'|'fix'|'kind'|'action'|'source'|'row'|'message'|'link'|'reference'> &
 *   {signatures: NonNullable<Match['signature']>[]}} RowText
 * A match as classify's reply gives it: without its row's text, which is at `row_index`; its signature is
 * `signature_at` [row index, signature index] (a code-table row's, when the match was linked to a code).
 * @typedef {Omit<Match, keyof RowText|'signature'> & {row_index: number, signature_at: [number, number]|null}} MatchByIndex
 */

/**
 * A match made whole with its row's text: the keys in the order the module writes a whole match (the CLI's
 * --json), every object and array its own, since a caller may change what it was given.
 * @param {MatchByIndex} m
 * @param {(row: number) => RowText} rowText
 * @returns {Match}
 */
function wholeMatch(m, rowText) {
  const row = rowText(m.row_index);
  const signature = m.signature_at && rowText(m.signature_at[0]).signatures[m.signature_at[1]];
  return {
    id: m.id,
    app: m.app,
    app_name: m.app_name,
    score: m.score,
    confident: m.confident,
    cause: row.cause,
    fix: [...row.fix],
    spans: m.spans,
    evidence: m.evidence,
    kind: row.kind,
    action: row.action,
    source: row.source,
    row: row.row,
    message: row.message,
    link: row.link,
    reference: row.reference && { ...row.reference },
    signature: signature ? { id: signature.id, name: signature.name, sources: [...signature.sources] } : null,
    code: m.code,
    similar: m.similar,
    shared: m.shared,
    missing: m.missing,
  };
}

// Named Diagnoser, not ConnDiag: ConnDiag is the page's global (`await ConnDiag.create()`), which makes one.
/**
 * A loaded diagnoser. Plain data in, plain data out; nothing to free. Members starting with "_" are
 * internal (not declared in the contract).
 * @implements {DiagnoserContract}
 */
export class Diagnoser {
  /** @type {{app: unknown, lang: unknown, top: unknown, text: string}|null} the last options, see _options */
  static _lastOptions = null;

  /** @param {CoreModule} module @param {number} handle @param {KbInfo} info */
  constructor(module, handle, info) {
    this._module = module;
    this._handle = handle;
    this._info = info;
    /** @type {Map<string, RowText[]>} each row's text by language, as it was first needed */
    this._rowTexts = new Map();
  }

  /**
   * Classifies one pasted error.
   * @param {string} text
   * @param {ClassifyOptions} [options]
   * @returns {Result}
   */
  classify(text, options = {}) {
    // The module leaves each match's row text out (RowText::kByIndex in result_json.h): it is the same at
    // every paste, and was most of the reply to write and parse again.
    const result = this._call('classify', text, options);
    const lang = options.lang || 'en';
    let texts = this._rowTexts.get(lang);
    if (!texts) this._rowTexts.set(lang, (texts = []));
    /** @param {number} row */
    const rowText = (row) => texts[row] || (texts[row] = this._rowText(row, options));
    result.matches = result.matches.map((/** @type {MatchByIndex} */ m) => wholeMatch(m, rowText));
    return result;
  }

  /** @param {number} row @param {ClassifyOptions} options @returns {RowText} */
  _rowText(row, options) {
    return reply(this._module.rowText(this._handle, row, Diagnoser._options(options))).value;
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
    const { feed, finish, cancel } = this._beginLog(options);
    return { feed: (piece) => feed(piece), finish, cancel };
  }

  /**
   * beginLog's stream with the two calls by which two readers of one log, each with its own module, share
   * the work (the page's log workers, worker.mjs): one judges each piece's lines (`judge`: verdict words,
   * or null while the pieces so far are too small to make a line filter from), the other reads the piece
   * with them (`feed(piece, verdicts)`). Both must be given the log's pieces from its start, the same ones.
   * Internal: not part of the contract. `forLogTable`: each event as the page's log table shows it (its
   * line, lines, count, status, text, and of each match only id, app, app_name, score, confident, cause and
   * fix: a third of the JSON; result_json.h EventDetail), for the page's log worker.
   * @param {ClassifyOptions} options
   * @param {{forLogTable?: boolean}} [how]
   */
  _beginLog(options, { forLogTable = false } = {}) {
    const module = this._module;
    const begun = reply(module.logBegin(this._handle, Diagnoser._options(options), forLogTable));
    /** @type {number} */
    const id = begun.value;
    /** @type {LogEvent[]} */
    const events = [];
    /** @param {Uint8Array} view @returns {LogProgress} */
    const progress = (view) => {
      /** @type {LogDelta} */
      const delta = reply(view).value;
      applyLogDelta(events, delta);
      return { ...delta, events };
    };
    /** @param {string|Uint8Array} piece @param {Uint32Array|null} [verdicts] @returns {Uint8Array} the reply */
    const fed = (piece, verdicts) => {
      if (!verdicts) return module.logFeed(id, toModule(module, [piece])[0], false);
      const bytes = new Uint8Array(verdicts.buffer, verdicts.byteOffset, verdicts.byteLength);
      // The words after the piece, moved back to the first multiple of 4 within the 3 bytes left for it.
      const [size] = toModule(module, [piece, new Uint8Array(3), bytes]);
      const wordsAt = (size + 3) & ~3;
      inputView(module, size + 3 + bytes.length).copyWithin(wordsAt, size + 3);
      return module.logFeedJudged(id, size, wordsAt, verdicts.length);
    };
    const finished = () => module.logFeed(id, toModule(module, [''])[0], true);
    return {
      /** @param {string|Uint8Array} piece @param {Uint32Array|null} [verdicts] */
      feed: (piece, verdicts) => progress(fed(piece, verdicts)),
      finish: () => progress(finished()),
      // The same two, each giving its LogDelta as JSON bytes (UTF-8), the events so far not kept: for the
      // page's log worker, which hands each delta on to the page.
      /** @param {string|Uint8Array} piece @param {Uint32Array|null} [verdicts] */
      feedDeltaBytes: (piece, verdicts) => replyValueBytes(fed(piece, verdicts)),
      finishDeltaBytes: () => replyValueBytes(finished()),
      cancel: () => module.logEnd(id),
      /** @param {string|Uint8Array} piece @returns {Uint32Array|null} */
      judge: (piece) => {
        const words = module.logJudge(id, toModule(module, [piece])[0]);
        return words && words.slice();
      },
    };
  }

  /** @returns {KbInfo} */
  kbInfo() {
    return this._info;
  }

  /** @param {ClassifyOptions} options @returns {string} the options as the module reads them */
  static _options(options) {
    const { top = 3 } = options;
    const app = options.app || '';
    const lang = options.lang || 'en';
    // Pastes come one after another with the same options: the last ones' text is kept.
    const last = Diagnoser._lastOptions;
    if (last && last.top === top && last.app === app && last.lang === lang) return last.text;
    if (!Number.isInteger(top) || top < 1 || top > 1000) {
      throw new RangeError(`top must be a whole number from 1 to 1000, not ${String(top).slice(0, 40)}`);
    }
    const text = JSON.stringify({ app, lang, top });
    Diagnoser._lastOptions = { app, lang, top, text };
    return text;
  }

  /** @param {'classify'|'classifyLog'} method @param {string} text @param {ClassifyOptions} options */
  _call(method, text, options) {
    if (typeof text !== 'string') throw new TypeError(`${method}: text must be a string`);
    const settings = Diagnoser._options(options);  // before writing the text: it may throw
    const [size, settingsSize] = toModule(this._module, [text, settings]);
    return reply(this._module[method](this._handle, size, settingsSize)).value;
  }
}

/** @deprecated The old name of Diagnoser, kept so that existing imports work. */
export const ConnDiag = Diagnoser;

/**
 * Instantiates the module and loads a knowledge base. Rejects with an Error naming the JSON path of the
 * first problem when the knowledge base is invalid. `kb` and `wasmBinary` may also be promises: they are
 * awaited while the module compiles, so fetching the knowledge base and compiling the wasm overlap.
 * `wasmModule` (a WebAssembly.Module, or a promise of one) is instantiated instead of compiling the wasm.
 * @type {typeof import('../package/index.js').createConnDiag}
 */
export async function createConnDiag(factory, options) {
  const { locateFile } = options || {};
  // Awaited with the module below; a knowledge base that fails first is not an unhandled rejection meanwhile.
  const texts = Promise.all([(options || {}).kb, (options || {}).overlay, (options || {}).prepared]);
  texts.catch(() => {});
  const [wasmModule, wasmBinary] = await Promise.all([(options || {}).wasmModule, (options || {}).wasmBinary]);
  if (wasmModule !== undefined && wasmModule !== null && !(wasmModule instanceof WebAssembly.Module)) {
    throw new TypeError('wasmModule must be a WebAssembly.Module');
  }
  /** @type {{wasmBinary?: Uint8Array|ArrayBuffer, locateFile?: (path: string, prefix: string) => string, instantiateWasm?: Function}} */
  const moduleArg = {};
  if (wasmBinary) moduleArg.wasmBinary = wasmBinary;
  if (locateFile) moduleArg.locateFile = locateFile;
  // A module compiled already (the offline page's, posted to its workers) is only instantiated: its code is
  // not compiled again. Emscripten's hook has no way to report a failure: one rejects `refused` instead.
  let refuse = () => {};
  const refused = new Promise((_, reject) => (refuse = reject));
  if (wasmModule) {
    /** @param {WebAssembly.Imports} imports @param {(instance: WebAssembly.Instance, module: WebAssembly.Module) => void} receiveInstance */
    moduleArg.instantiateWasm = (imports, receiveInstance) => {
      WebAssembly.instantiate(wasmModule, imports).then((instance) => receiveInstance(instance, wasmModule)).catch(refuse);
      return {};  // the exports come later, through receiveInstance
    };
  }
  const made = Promise.race([factory(moduleArg), refused]);
  const [module, [kb, overlay, prepared]] = await Promise.all([made, texts]);
  if (kb === undefined || kb === null) throw new Error('a knowledge base is required');
  const core = /** @type {CoreModule} */ (module);
  keepInputViews(core);
  /** @param {object|string} x */
  const asText = (x) => (typeof x === 'string' ? x : JSON.stringify(x));
  const hasOverlay = overlay !== undefined && overlay !== null;
  let loaded;
  if (prepared && !hasOverlay) {
    // Read back, not parsed; made from another text (kb.json edited since), the module loads the JSON instead.
    const bytes = prepared instanceof Uint8Array ? prepared : new Uint8Array(prepared);
    const [kbSize, preparedSize] = toModule(core, [asText(kb), bytes]);
    loaded = reply(core.loadPrepared(kbSize, preparedSize));
    if (loaded.prepared_refused) console.warn(`conndiag: ${loaded.prepared_refused}: the knowledge base was read from its JSON`);
  } else {
    const [kbSize, overlaySize] = toModule(core, [asText(kb), hasOverlay ? asText(overlay) : '']);
    loaded = reply(core.load(kbSize, overlaySize, Boolean((options || {}).compilePatternsOnFirstUse)));
  }
  loaded.info.prepared = loaded.prepared === true;
  return new Diagnoser(core, loaded.handle, loaded.info);
}
