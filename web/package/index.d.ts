// The JavaScript contract of conndiag (the package's "conndiag" entry, web/src/api.mjs). This file is the
// reference: api.mjs takes its types from here and tsc checks it against them (tests/wasm/typecheck.test.mjs),
// and real results must have exactly the keys declared here (tests/wasm/contract.test.mjs).

export interface ClassifyOptions {
  /** App key the error came from (office365, box, okta, ...); other apps' rows drop out. */
  app?: string;
  /** Output language: "en" (default) or "fr". */
  lang?: string;
  /** At most this many matches, a whole number from 1 to 1000 (default 3). */
  top?: number;
}

/** The known wording that recognized the text, with where that wording was seen. */
export interface Signature {
  id: string;
  name: string | null;
  /** Vendor docs, SDK source, public issues. */
  sources: string[];
}

/** Where a row of Microsoft's troubleshooting table comes from, and when it was last compared with that page. */
export interface Reference {
  /** Microsoft's page (https:// only; the loader refuses any other scheme). */
  url: string;
  /** YYYY-MM-DD: the row's error text was on the page that day; null when `missing` is set. */
  checked: string | null;
  /** YYYY-MM-DD: the row's error text was not on the page that day (removed or reworded); null when `checked` is set. */
  missing: string | null;
  /** The commit of the page's source it was compared with, or null. */
  revision: string | null;
}

/** The code-table entry found in the text when the matched row is the same event. */
export interface CodeEntry {
  id: string;
  message: string;
  /** The code's own reason, in the asked language. */
  reason: string;
  link: string | null;
}

export interface Match {
  /** Knowledge-base entry id (stable). */
  id: string;
  /** App key of this match ("all" for rows of every app). */
  app: string;
  /** Display name in the asked language. */
  app_name: string;
  /** 0..1. */
  score: number;
  /** False when the text fits several apps or matches weakly. */
  confident: boolean;
  cause: string;
  /** Steps, in order. */
  fix: string[];
  /** Matched ranges of the text as JS string indices [begin, end). */
  spans: Array<[begin: number, end: number]>;
  /** Why it matched. */
  evidence: string[];
  /** authentication, license, permission, transient, internal, quota, configuration. */
  kind: string;
  /** reconnect, test-now, contact-support, ... */
  action: string;
  /** "connector" (Microsoft's table), "vendor", "code-table" or "custom". */
  source: 'connector' | 'vendor' | 'code-table' | 'custom';
  /** Row of the troubleshooting table. */
  row: number | null;
  /** The error text as the product prints it. */
  message: string;
  /** The vendor's page for this code. */
  link: string | null;
  /** Rows of Microsoft's table: the page and the day the row was last checked against it; else null. */
  reference: Reference | null;
  /** The signature that recognized the text; null for a similarity proposal. */
  signature: Signature | null;
  /** The code-table entry found in the text when this row is the same event. */
  code: CodeEntry | null;
  /** Proposed because the text resembles a known one (no signature matched): never confident. */
  similar: boolean;
  /** When similar: distinctive words the text shares with the known one. */
  shared: string[];
  /** When similar: distinctive words it lacks. */
  missing: string[];
}

/** What was extracted from the text. */
export interface Fields {
  http_status: number | null;
  http_reason: string | null;
  aadsts: string[];
  af_code: string | null;
  af_codes: string[];
  okta_codes: string[];
  exception: string | null;
  exceptions: string[];
  oauth_error: string | null;
  oauth_error_description: string | null;
  error_code: string | null;
  error_message: string | null;
  tenant_id: string | null;
  guids: string[];
  urls: string[];
  hosts: string[];
}

export interface Result {
  /** Best first. */
  matches: Match[];
  /** The app the text names, if any. */
  app_guess: string | null;
  fields: Fields;
  /** What the text says, in plain sentences in the asked language (app, status, codes, exception). */
  understood: string[];
  /** E.g. a pattern skipped for excessive regular-expression work. */
  warnings: string[];
}

/** One distinct error event of a log: the first occurrence's result, with how often it came. */
export interface LogEvent extends Result {
  /** First line (1-based). */
  line: number;
  last_line: number;
  count: number;
  /**
   * recognized: the best match is confident; ambiguous: it matched, not confidently (a message several apps
   * share, or a weak wording); unrecognized: it reads as an error and nothing matched (no matches).
   */
  status: 'recognized' | 'ambiguous' | 'unrecognized';
  /** The event's text (its first occurrence). */
  text: string;
}

/** An event already told whose count grew: its position among all events so far, new count and last line. */
export type LogEventUpdate = [index: number, count: number, last_line: number];

/** What changed in a log since the previous piece. */
export interface LogDelta {
  /** Lines read so far. */
  lines: number;
  /** New events, in order of first occurrence. */
  added: LogEvent[];
  updated: LogEventUpdate[];
  /** New warnings of the reader (limits reached). */
  warnings: string[];
  /**
   * Lines so far of error events nothing recognized: the listed events' lines and those of the events past
   * the listing cap (1,000 distinct), which are counted but not listed.
   */
  unrecognized_lines: number;
}

/** A delta with all the events so far (the same array each time, kept up to date in place). */
export interface LogProgress extends LogDelta {
  events: LogEvent[];
}

/** A log read in pieces. */
export interface LogStream {
  /**
   * The next piece, cut anywhere: text, or raw UTF-8 bytes (faster: no conversion in JavaScript; a
   * character may be split between pieces).
   */
  feed(piece: string | Uint8Array): LogProgress;
  /** Ends the log: the last change and all its events. */
  finish(): LogProgress;
  /** Drops the log. */
  cancel(): void;
}

export interface AppInfo {
  key: string;
  /** By language code. */
  name: Record<string, string>;
}

export interface BuildInfo {
  version: string;
  git: string;
}

export interface KbInfo {
  version: string;
  entries: number;
  apps: AppInfo[];
  languages: string[];
  build: BuildInfo;
  /** What loading found that is not an error, e.g. a declared language conndiag has no words for. */
  warnings: string[];
  /** When the patterns' regular expressions are compiled (see CreateOptions.compilePatternsOnFirstUse). */
  patternsCompiled: 'at load' | 'on first use';
  /** Whether the knowledge base was read from its prepared form (CreateOptions.prepared), not parsed. */
  prepared: boolean;
}

/** A loaded diagnoser (made by createConnDiag). Plain data in, plain data out; nothing to free. */
export declare class Diagnoser {
  private constructor();
  /** Classifies one pasted error. */
  classify(text: string, options?: ClassifyOptions): Result;
  /** Classifies a log: each distinct error event once, with its count and first line. */
  classifyLog(text: string, options?: ClassifyOptions): LogEvent[];
  /** Starts a log read in pieces (a big file, chunk by chunk): events merge across pieces. */
  beginLog(options?: ClassifyOptions): LogStream;
  kbInfo(): KbInfo;
}

/** @deprecated The diagnoser class is Diagnoser (ConnDiag is the page's global, `ConnDiag.create`). */
export declare const ConnDiag: typeof Diagnoser;
/** @deprecated Use Diagnoser. */
export type ConnDiag = Diagnoser;

/** A knowledge base (data/kb.json's format) as an object or JSON text. */
export type KnowledgeBase = object | string;

export interface CreateOptions {
  /** The knowledge base; may be a promise, awaited while the module compiles. */
  kb: KnowledgeBase | Promise<KnowledgeBase>;
  /**
   * A knowledge base with "extends": "conndiag" (adds rows to `kb` and overrides fields of existing
   * ones) or, without it, one that replaces `kb`. Validated by the same rules; errors name its own JSON path.
   */
  overlay?: KnowledgeBase | Promise<KnowledgeBase>;
  /** The module's wasm, when it must not be fetched (file://, Node). */
  wasmBinary?: Uint8Array | ArrayBuffer | Promise<Uint8Array | ArrayBuffer | undefined>;
  /**
   * The module's wasm compiled already (e.g. posted by a page to its worker): instantiated instead of
   * compiling `wasmBinary` or fetching the wasm; several diagnosers may share one. Anything else rejects
   * with a TypeError, and a module whose imports are not the glue's rejects with the browser's error.
   */
  wasmModule?: WebAssembly.Module | Promise<WebAssembly.Module | undefined>;
  /** Where to fetch conndiag-core.wasm. */
  locateFile?: (path: string, prefix: string) => string;
  /**
   * Compile each pattern of `kb` when a text first needs it instead of all while loading: a quicker
   * first answer. Only for a knowledge base whose patterns all compile (the built-in one, which its tests
   * check): a pattern that does not is then skipped with a warning instead of refusing the load. An
   * overlay's patterns are always compiled while loading. Default false.
   */
  compilePatternsOnFirstUse?: boolean;
  /**
   * What `conndiag kb prepare` made of `kb`, whose JSON text must be the very text prepared: loaded by
   * reading it back instead of parsing, checking and analysing the JSON (a quicker start). Prepared from
   * another text (the JSON edited since) or by another version, it is not used: `kb` is loaded, every
   * pattern compiled at load, with a console warning saying why. Ignored when there is an `overlay`.
   */
  prepared?: Uint8Array | ArrayBuffer | Promise<Uint8Array | ArrayBuffer | undefined>;
}

/** The Emscripten factory of the module (ConnDiagModule, or the package's core/conndiag-core.cjs). */
export type ModuleFactory = (moduleArg: object) => Promise<unknown>;

/**
 * Instantiates the module and loads a knowledge base. Rejects with an Error naming the JSON path of the
 * first problem when the knowledge base is invalid.
 */
export declare function createConnDiag(factory: ModuleFactory, options: CreateOptions): Promise<Diagnoser>;

/** Applies a log delta to the events told so far, in place (the page merges what its worker sends). */
export declare function applyLogDelta(events: LogEvent[], delta: LogDelta): LogEvent[];
