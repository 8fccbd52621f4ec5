// A plain-JavaScript twin of `conndiag --log`, the baseline the wasm module's log reading is compared with:
// written as a good web developer would, with no WebAssembly. It splits the log into lines, joins continuation
// lines (stack frames, indented lines, "Caused by:") into events, lets through only the events that ONE
// combined case-insensitive RegExp finds a word in (a literal word of every knowledge-base signature, and
// the words that say something went wrong), merges repeats by a key with timestamps, GUIDs and ids masked,
// and classifies each new event once with bench/js_baseline.mjs's JsClassifier. Like `--log`, it lists every
// event that matched an entry and every event whose level says error or warning.
// Usage: node bench/js_twin.mjs LOG [--kb data/kb.json]   (prints a summary; perf.mjs imports it)
import { openSync, readFileSync, readSync, closeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { JsClassifier } from './js_baseline.mjs';
import { signaturesOf } from './kb_signatures.mjs';

/**
 * The literal runs of a pattern: for each alternative, its longest run of letters, digits, spaces and plain
 * punctuation that the pattern cannot match without, or null when none can be shown. Such a run survives
 * normalization but for case, accents and spacing (spaces collapsed, none around ':'): wordPattern() looks for
 * it in the raw text with spacing left free, ignoring case.
 * Understands literals, escapes, classes, groups, alternation and quantifiers; a class, a '.', an optional
 * part or a repeat ends a run.
 * @param {string} pattern a knowledge-base pattern (on normalized text)
 * @returns {string[]|null} one of these occurs in every match
 */
export function requiredWords(pattern) {
  let at = 0;
  const strength = (set) => (set ? Math.min(...set.map((s) => s.length)) : 0);
  const alternation = () => {
    const branches = [sequence()];
    while (pattern[at] === '|') {
      at += 1;
      branches.push(sequence());
    }
    if (branches.some((b) => !b)) return null;
    return branches.flat();
  };
  const quantifier = () => {
    const c = pattern[at];
    let min = 1;
    if (c === '?' || c === '*') min = 0;
    else if (c === '+') min = 2;  // at least once: the atom is there, what follows is not next to it
    else if (c === '{' && /^\{\d+(,\d*)?\}/.test(pattern.slice(at))) {
      const [all, n] = /^\{(\d+)(?:,\d*)?\}/.exec(pattern.slice(at));
      at += all.length;
      if (pattern[at] === '?' || pattern[at] === '+') at += 1;
      return Number(n) === 0 ? 0 : 2;
    } else return 1;
    at += 1;
    if (pattern[at] === '?' || pattern[at] === '+') at += 1;
    return min;
  };
  const sequence = () => {
    let best = null;
    let run = '';
    const endRun = () => {
      for (const piece of run.split(/[^a-z0-9_ :.,()[\]{}/=\u0001-]+/)) {
        const word = piece.replace(/^[ :.,-]+|[ :.,-]+$/g, '');
        if (word.length > strength(best)) best = [word];
      }
      run = '';
    };
    while (at < pattern.length && pattern[at] !== '|' && pattern[at] !== ')') {
      const c = pattern[at];
      at += 1;
      let literal = null;
      let group = null;
      let zeroWidth = false;
      if (c === '\\') {
        const e = pattern[at];
        at += 1;
        if ('bBAzZG'.includes(e)) zeroWidth = true;
        else if (!/[a-zA-Z0-9]/.test(e)) literal = e;
      } else if (c === '^' || c === '$') {
        zeroWidth = true;
      } else if (c === '[') {
        const from = at;
        while (at < pattern.length && pattern[at] !== ']') at += pattern[at] === '\\' ? 2 : 1;
        at += 1;
        if (/^(?:\\?["'])+$/.test(pattern.slice(from, at - 1))) literal = QUOTE;  // ["']: any quote
      } else if (c === '(') {
        let look = false;
        const m = /^\?(?::|=|!|<=|<!|<[A-Za-z]\w*>)/.exec(pattern.slice(at));
        if (m) {
          look = !m[0].startsWith('?:') && !m[0].startsWith('?<') || m[0] === '?<=' || m[0] === '?<!';
          at += m[0].length;
        }
        const inner = alternation();
        at += 1;  // ')'
        if (look) zeroWidth = true;
        else group = inner;
      } else if (c !== '.') {
        literal = c;
      }
      const times = quantifier();
      if (zeroWidth) continue;
      if (literal !== null && times > 0) {
        run += literal;
        if (times === 2) endRun();
        continue;
      }
      endRun();
      if (group && times > 0 && strength(group) > strength(best)) best = group;
    }
    endRun();
    return best;
  };
  const set = alternation();
  return set && strength(set) >= 3 ? set : null;
}

/**
 * The literal words of a knowledge base: for each signature, the words of its pattern with the longest
 * shortest word (all of a signature's patterns must match, so one of them is enough to let an event through).
 * A signature none of whose patterns yields a word is looked for by its first pattern (`patterns`: there is one,
 * an AF code, `\\baf(?:[1-5]\\d{4}|429)\\b`).
 * @param {object} kb the knowledge base (data/kb.json, parsed)
 */
export function literalWords(kb) {
  const words = new Set();
  const unfiltered = [];
  for (const entry of kb.entries) {
    for (const signature of signaturesOf(kb, entry)) {
      let best = null;
      for (const p of signature.patterns) {
        const set = requiredWords(p);
        if (set && (!best || Math.min(...set.map((s) => s.length)) > Math.min(...best.map((s) => s.length)))) best = set;
      }
      if (best) best.forEach((w) => words.add(w));
      else unfiltered.push(`(?:${signature.patterns[0]})`);  // its first pattern itself, run on the raw text
    }
  }
  return { words: [...words].sort(), unfiltered: unfiltered.length, patterns: unfiltered };
}

// The words conndiag's log reader takes as a sign of trouble when a line gives no level (core/src/log_lines.cpp).
const ERROR_WORDS = ['error', 'exception', 'fail', 'fatal', 'critical', 'severe', 'warn', 'denied', 'unauthorized',
  'forbidden', 'refused', 'timed out', 'timeout', 'invalid', 'unable to', 'could not', 'cannot', 'erreur', 'echec',
  'refuse', 'non autorise', 'interdit', 'impossible', 'expired'];

// A quote in a word: the patterns' ["'] class. The text may have it escaped (\"error\":) or curly.
const QUOTE = '\u0001';
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A literal word as a RegExp source (JavaScript or POSIX ERE) on raw text: spaces may be any run of white
 * space, and ':' may have white space around it (the text the knowledge base's patterns see has neither).
 * @param {string} word from literalWords()
 * @param {'js'|'ere'} [flavour]
 */
export function wordPattern(word, flavour = 'js') {
  const space = flavour === 'js' ? '\\s' : '[[:space:]]';
  const quote = flavour === 'js' ? '\\\\*["\'\u2018\u2019\u201c\u201d]' : '\\\\*["\']';
  return word.split(/( |:|\u0001)/).map((part) => (part === ' ' ? `${space}+` : part === ':' ? `${space}*:${space}*`
    : part === QUOTE ? quote : escape(part))).join('');
}
const CONTINUATION = /^(?:[ \t]+\S|Caused by:|Suppressed:|at |\.\.\. )/;
// The log prefix: timestamp (ISO, log4j, syslog, clock), level, bracketed names; what the repeat key drops.
const PREFIX = /^\[?(?:\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:[.,]\d+)?)?(?:Z|[+-]\d\d:?\d\d)?|[A-Z][a-z]{2} +\d{1,2} \d\d:\d\d:\d\d|\d\d:\d\d:\d\d(?:[.,]\d+)?)\]? ?(?:\[?(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|FATAL|CRITICAL|SEVERE)\]?:? ?)?(?:\[[^\]]{0,80}\] ?)*/i;
const QUIET_LEVEL = /^\S+(?: \S+)?\s+\[?(?:TRACE|DEBUG|INFO|NOTICE)\b/i;
const ERROR_LEVEL = /^\S+(?: \S+)?\s+\[?(?:WARN|WARNING|ERROR|ERR|FATAL|CRITICAL|SEVERE)\b/i;
const VOLATILE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:[.,]\d+)?)?Z?)?|\b(?=[0-9a-f]*\d)[0-9a-f]{8,}\b|\b[0-9a-f]{12,}\b|\b\d{6,}\b/gi;

/** Reads a log event by event; feed it text in pieces, then finish(). */
export class JsLogTwin {
  /** @param {object} kb the knowledge base (data/kb.json, parsed) */
  constructor(kb) {
    this.classifier = new JsClassifier(kb);
    const { words, unfiltered, patterns } = literalWords(kb);
    this.unfiltered = unfiltered;
    this.words = words;
    // ONE RegExp for the prefilter: the knowledge base's words and the error words, longest first.
    const all = [...new Set([...words, ...ERROR_WORDS])].sort((a, b) => b.length - a.length);
    this.prefilter = new RegExp([...all.map((w) => wordPattern(w)), ...patterns].join('|'), 'i');
    this.partial = '';
    this.current = [];
    this.currentLine = 0;
    this.lines = 0;
    this.seen = new Map();  // repeat key -> the listed event, or null (classified, nothing to list)
    this.events = [];
    this.classified = 0;
  }

  /** @param {string} text the next piece of the log, cut anywhere */
  feed(text) {
    const lines = (this.partial + text).split(/\r\n|\n|\r/);
    this.partial = lines.pop();
    for (const line of lines) this.line(line);
  }

  finish() {
    if (this.partial) this.line(this.partial);
    this.partial = '';
    this.flush();
    return this.events;
  }

  line(line) {
    this.lines += 1;
    if (this.current.length && CONTINUATION.test(line)) {
      this.current.push(line);
      return;
    }
    this.flush();
    if (line.trim()) {
      this.current = [line];
      this.currentLine = this.lines;
    }
  }

  flush() {
    if (!this.current.length) return;
    const event = this.current.join('\n');
    this.current = [];
    // Accented letters folded first, as the knowledge base's words are ("retourné" holds "retourne").
    const plain = /[^\x00-\x7f]/.test(event) ? event.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : event;
    if (!this.prefilter.test(plain)) return;
    const key = event.replace(PREFIX, '').replace(VOLATILE, '#');
    if (this.seen.has(key)) {
      const seen = this.seen.get(key);
      if (seen) {
        seen.count += 1;
        seen.last_line = this.currentLine;
      }
      return;
    }
    this.classified += 1;
    const result = this.classifier.classify(event);
    const matched = result.matches.length > 0;
    const looksLikeError = !QUIET_LEVEL.test(event) && (ERROR_LEVEL.test(event) || /error|exception|fail|denied|refused|timed out|invalid|erreur|echec|impossible/i.test(plain));
    if (!matched && !looksLikeError) {
      this.seen.set(key, null);
      return;
    }
    const listed = { line: this.currentLine, last_line: this.currentLine, count: 1, status: matched ? 'matched' : 'unrecognized', text: event, result };
    this.seen.set(key, listed);
    this.events.push(listed);
  }
}

/**
 * Reads a log file in 4 MB pieces of UTF-8, as the page does, through a JsLogTwin.
 * @returns {{events: object[], lines: number, classified: number, seconds: number, bytes: number}}
 */
export function readLogFile(file, kb) {
  const start = performance.now();
  const twin = new JsLogTwin(kb);
  const decoder = new TextDecoder();
  const fd = openSync(file, 'r');
  const piece = Buffer.allocUnsafe(4 << 20);
  let bytes = 0;
  try {
    for (;;) {
      const n = readSync(fd, piece, 0, piece.length, null);
      if (n === 0) break;
      bytes += n;
      twin.feed(decoder.decode(piece.subarray(0, n), { stream: true }));
    }
    twin.feed(decoder.decode());
  } finally {
    closeSync(fd);
  }
  const events = twin.finish();
  return { events, lines: twin.lines, classified: twin.classified, seconds: (performance.now() - start) / 1000, bytes, unfiltered: twin.unfiltered, words: twin.words.length };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const args = process.argv.slice(2);
  const kbPath = args.includes('--kb') ? args[args.indexOf('--kb') + 1] : path.join(root, 'data/kb.json');
  const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--kb');
  if (!file) {
    process.stderr.write('usage: node bench/js_twin.mjs LOG [--kb data/kb.json]\n');
    process.exit(2);
  }
  const r = readLogFile(file, JSON.parse(readFileSync(kbPath, 'utf8')));
  const matched = r.events.filter((e) => e.status === 'matched').length;
  console.log(`${file}: ${(r.bytes / 1048576).toFixed(1)} MB, ${r.lines} lines in ${r.seconds.toFixed(2)} s ` +
    `(${(r.bytes / 1048576 / r.seconds).toFixed(1)} MB/s); ${r.events.length} events listed (${matched} matched an entry), ` +
    `${r.classified} distinct events classified; prefilter of ${r.words} knowledge-base words (${r.unfiltered} signatures without one)`);
}
