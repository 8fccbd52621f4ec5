// Types of the conndiag package (the JSDoc of api.mjs is the reference; this mirrors it).

export interface ClassifyOptions {
  /** App key the error came from (office365, box, okta, ...); other apps' rows drop out. */
  app?: string;
  /** Output language: "en" (default) or "fr". */
  lang?: string;
  /** At most this many matches (default 3). */
  top?: number;
}

export interface Match {
  id: string;
  app: string;
  app_name: string;
  score: number;
  confident: boolean;
  cause: string;
  fix: string[];
  /** Matched ranges of the text as JS string indices [begin, end). */
  spans: Array<[number, number]>;
  evidence: string[];
  kind: string;
  action: string;
  source: 'connector' | 'vendor' | 'code-table' | 'custom';
  row: number | null;
  message: string;
  link: string | null;
  /** The signature (known wording) that recognized the text; null for a similarity proposal. */
  signature: { id: string; name: string | null; sources: string[] } | null;
  /** The code-table entry found in the text when this row is the same event (its own reason). */
  code: { id: string; message: string; reason: string; link: string | null } | null;
  /** Proposed because the text resembles a known one (no signature matched): never confident. */
  similar: boolean;
  /** When similar: distinctive words the text shares with the known one, and those it lacks. */
  shared: string[];
  missing: string[];
}

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
  matches: Match[];
  app_guess: string | null;
  fields: Fields;
  /** What the text says, in plain sentences in the asked language (app, status, codes, exception). */
  understood: string[];
  warnings: string[];
}

export interface LogEvent extends Result {
  line: number;
  last_line: number;
  count: number;
  text: string;
}

export interface KbInfo {
  version: string;
  entries: number;
  apps: Array<{ key: string; name: Record<string, string> }>;
  languages: string[];
  build: { version: string; git: string };
}

export declare class ConnDiag {
  classify(text: string, options?: ClassifyOptions): Result;
  classifyLog(text: string, options?: ClassifyOptions): LogEvent[];
  kbInfo(): KbInfo;
}

export interface CreateOptions {
  kb: object | string | Promise<object | string>;
  /** A knowledge base with "extends": "conndiag" (adds and overrides rows of `kb`), or one that replaces it. */
  overlay?: object | string | Promise<object | string>;
  wasmBinary?: Uint8Array | ArrayBuffer | Promise<Uint8Array | ArrayBuffer | undefined>;
  locateFile?: (path: string, prefix: string) => string;
}

/** Instantiates the module (the Emscripten factory) and loads a knowledge base; rejects naming the JSON path of a problem. */
export declare function createConnDiag(factory: (moduleArg: object) => Promise<unknown>, options: CreateOptions): Promise<ConnDiag>;

/** Node: a diagnoser over the package's own module and knowledge base. */
export declare function createNodeConnDiag(options?: { kb?: object | string; overlay?: object | string }): Promise<ConnDiag>;
