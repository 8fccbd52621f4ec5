// The JavaScript API over the WebAssembly module (interfaces.md): create, classify, classifyLog, kbInfo.
// Works in the page, in a Worker and in Node: the caller hands in the Emscripten factory and, where the
// module cannot fetch its .wasm itself (file://, Node), the wasm bytes.

/**
 * @typedef {object} CreateOptions
 * @property {object|string} kb  The knowledge base (data/kb.json's format), as an object or JSON text.
 * @property {object|string} [overlay]  A knowledge base that extends `kb` ("extends": "conndiag": it adds
 *   rows and overrides fields of existing ones) or, without "extends", replaces it. Validated by the same
 *   rules; errors name its own JSON path.
 * @property {Uint8Array|ArrayBuffer} [wasmBinary]  The module's wasm, when it must not be fetched.
 * @property {(path: string, prefix: string) => string} [locateFile]  Where to fetch conndiag-core.wasm.
 */

/**
 * @typedef {object} ClassifyOptions
 * @property {string} [app]   App key the error came from (office365, box, okta, ...); others' rows drop out.
 * @property {string} [lang]  Output language: "en" (default) or "fr".
 * @property {number} [top]   At most this many matches (default 3).
 */

/**
 * @typedef {object} Match
 * @property {string} id            Knowledge-base entry id (stable).
 * @property {string} app           App key of this match ("all" for rows of every app).
 * @property {string} app_name      Display name in the asked language.
 * @property {number} score         0..1.
 * @property {boolean} confident    False when the text fits several apps or matches weakly.
 * @property {string} cause
 * @property {string[]} fix         Steps, in order.
 * @property {Array<[number, number]>} spans  Matched ranges of the text, as JS string indices [begin, end).
 * @property {string[]} evidence    Why it matched.
 * @property {string} kind          authentication, license, permission, transient, internal, quota, configuration.
 * @property {string} action        reconnect, test-now, contact-support, ...
 * @property {string} source        "connector" (Microsoft's table), "vendor", "code-table" or "custom".
 * @property {number|null} row      Row of the troubleshooting table.
 * @property {string} message       The error text as the product prints it.
 * @property {string|null} link     The vendor's page for this code.
 * @property {{id: string, name: string|null, sources: string[]}|null} signature  The known wording that
 *   recognized the text (null for a similarity proposal), with where that wording was seen.
 * @property {{id: string, message: string, reason: string, link: string|null}|null} code  The code-table
 *   entry found in the text when this row is the same event, with the code's own reason.
 * @property {boolean} similar      Proposed because the text resembles a known one: never confident.
 * @property {string[]} shared      When similar: distinctive words shared with the known text.
 * @property {string[]} missing     When similar: distinctive words it lacks.
 */

/**
 * @typedef {object} Result
 * @property {Match[]} matches        Best first.
 * @property {string|null} app_guess  The app the text names, if any.
 * @property {object} fields          http_status, http_reason, aadsts, af_code, okta_codes, exception,
 *                                    oauth_error, tenant_id, urls, hosts, ...
 * @property {string[]} understood    What the text says, in plain sentences (app, status, codes, exception).
 * @property {string[]} warnings
 */

/**
 * @typedef {Result & {line: number, last_line: number, count: number, text: string}} LogEvent
 */

/**
 * What changed in a log since the previous piece: new events, and [index, count, last_line] of events
 * already told whose count grew (index: position among all events so far, in order of first occurrence).
 * @typedef {{lines: number, added: LogEvent[], updated: Array<[number, number, number]>, warnings: string[]}} LogDelta
 */

/**
 * @typedef {object} LogStream  A log read in pieces.
 * @property {(piece: string|Uint8Array) => LogDelta & {events: LogEvent[]}} feed  The next piece, cut
 *   anywhere: text, or raw UTF-8 bytes (faster: no conversion in JavaScript; a character may be split
 *   between pieces). Returns what changed, and the events found so far (the same array each time, kept
 *   up to date: only the change crosses from the module).
 * @property {() => LogDelta & {events: LogEvent[]}} finish  Ends the log: the last change and all its events.
 * @property {() => void} cancel  Drops the log.
 */

/**
 * Applies a log delta to the events told so far (in place): the page merges what its worker sends.
 * @param {LogEvent[]} events
 * @param {LogDelta} delta
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
 * @typedef {object} KbInfo
 * @property {string} version
 * @property {number} entries
 * @property {Array<{key: string, name: Object<string, string>}>} apps
 * @property {string[]} languages
 * @property {{version: string, git: string}} build
 */

/** A loaded diagnoser. Plain data in, plain data out; nothing to free. */
export class ConnDiag {
  /** @param {any} module @param {number} handle @param {KbInfo} info */
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
    const begun = JSON.parse(module.logBegin(this._handle, ConnDiag._options(options)));
    if (!begun.ok) throw new Error(begun.error);
    const id = begun.value;
    const events = [];
    const feed = (piece, last) => {
      // embind copies a Uint8Array's bytes straight into the module; a string is encoded to UTF-8 first.
      const reply = JSON.parse(module.logFeed(id, piece, last));
      if (!reply.ok) throw new Error(reply.error);
      applyLogDelta(events, reply.value);
      return { ...reply.value, events };
    };
    return {
      feed: (text) => feed(text, false),
      finish: () => feed('', true),
      cancel: () => module.logEnd(id),
    };
  }

  /** @returns {KbInfo} */
  kbInfo() {
    return this._info;
  }

  static _options(options) {
    const { top = 3 } = options;
    if (!Number.isInteger(top) || top < 1 || top > 1000) {
      throw new RangeError(`top must be a whole number from 1 to 1000, not ${String(top).slice(0, 40)}`);
    }
    return JSON.stringify({ app: options.app || '', lang: options.lang || 'en', top });
  }

  _call(method, text, options) {
    if (typeof text !== 'string') throw new TypeError(`${method}: text must be a string`);
    const reply = JSON.parse(this._module[method](this._handle, text, ConnDiag._options(options)));
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  }
}

/**
 * Instantiates the module and loads a knowledge base. Rejects with an Error naming the JSON path of the
 * first problem when the knowledge base is invalid.
 * @param {(moduleArg: object) => Promise<any>} factory  The Emscripten factory (ConnDiagModule).
 * @param {CreateOptions} options  `kb` and `wasmBinary` may also be promises: they are awaited while the
 *   module compiles, so fetching the knowledge base and compiling the wasm overlap.
 * @returns {Promise<ConnDiag>}
 */
export async function createConnDiag(factory, options) {
  const { locateFile } = options || {};
  const wasmBinary = await (options || {}).wasmBinary;
  const moduleArg = {};
  if (wasmBinary) moduleArg.wasmBinary = wasmBinary;
  if (locateFile) moduleArg.locateFile = locateFile;
  const [module, kb, overlay] = await Promise.all([factory(moduleArg), (options || {}).kb, (options || {}).overlay]);
  if (kb === undefined || kb === null) throw new Error('a knowledge base is required');
  const asText = (x) => (typeof x === 'string' ? x : JSON.stringify(x));
  const reply = JSON.parse(module.load(asText(kb), overlay === undefined || overlay === null ? '' : asText(overlay)));
  if (!reply.ok) throw new Error(reply.error);
  return new ConnDiag(module, reply.handle, reply.info);
}
