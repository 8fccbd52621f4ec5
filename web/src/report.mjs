// The "Not the right answer?" report: its text (the redacted paste, the extracted fields, the top candidates,
// the app, the language, the knowledge-base version and build, and nothing else) and, where a portal set a
// report address, the link that opens it (a mailto: message or an http(s) URL template). Pure: no DOM, no
// request; nothing leaves the page until the person clicks the link built here.
import { redact } from './redact.mjs';

/** The longest link "Open report" builds: mail clients and browsers cut or refuse longer mailto: URLs. */
export const REPORT_URL_CHARS = 1900;

/** At most this many candidates are listed. */
export const REPORT_CANDIDATES = 5;

// The order in which the redaction summary lists kinds of secrets (redact.mjs's kind names).
const KIND_ORDER = ['email address', 'token', 'password', 'key', 'private key', 'secret', 'id'];

/**
 * Reads a configured report address. Only mailto:, https: and http: are taken: a javascript: or data: URL
 * in a link someone sent, or a typo, must never become something the page opens.
 * @param {string|null|undefined} value  the report-to attribute, query parameter or config value
 * @returns {null | {refused: true, value: string}
 *   | {refused: false, kind: 'mailto'|'url', value: string, destination: string}}
 *   null when nothing is configured; destination: the address or host, to show the person where it goes.
 */
export function parseReportTo(value) {
  if (value === null || value === undefined || String(value).trim() === '') return null;
  const raw = String(value).trim();
  let url;
  try {
    url = new URL(raw);
  } catch {
    return { refused: true, value: raw };
  }
  if (url.protocol === 'mailto:') {
    let address = '';
    try {
      address = decodeURIComponent(url.pathname);
    } catch {
      // A malformed escape: refused below as an address without a recipient.
    }
    if (!address.trim()) return { refused: true, value: raw };
    return { refused: false, kind: 'mailto', value: raw, destination: address };
  }
  if (url.protocol === 'https:' || url.protocol === 'http:') {
    return { refused: false, kind: 'url', value: raw, destination: url.host };
  }
  return { refused: true, value: raw };
}

/** "1 email address, 2 tokens" in the shown language, or '' when nothing was redacted. */
export function redactionSummary(kinds, words) {
  const known = KIND_ORDER.filter((kind) => kinds[kind]);
  const other = Object.keys(kinds).filter((kind) => !KIND_ORDER.includes(kind));
  return [...known, ...other].map((kind) => {
    const n = kinds[kind];
    const [one, many] = words.reportKinds[kind] || words.reportKinds.secret;
    return `${n} ${n === 1 ? one : many}`;
  }).join(', ');
}

// The text with each lone surrogate (a cut emoji in the paste) replaced by U+FFFD: encodeURIComponent throws
// on one, and the link must always be built.
function wellFormed(text) {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

// A Markdown code fence longer than any run of backticks in the text, so the paste cannot close it.
function fence(text) {
  const longest = Math.max(0, ...(text.match(/`+/g) || []).map((run) => run.length));
  return '`'.repeat(Math.max(3, longest + 1));
}

// The extracted fields as "- key: value" lines, each value redacted like the paste (tenant ids too) and kept
// only when the redacted paste shows it: a host taken from an email address that was removed, say, must
// not bring the address's domain back.
function fieldLines(fields, pasted) {
  const shown = pasted.toLowerCase();
  const visible = (value) => {
    if (typeof value !== 'string') return value === null || value === undefined ? null : String(value);
    const redacted = redact(value.replace(/\s+/g, ' ').trim(), { tenantIds: true }).text;
    return redacted && shown.includes(redacted.toLowerCase()) ? redacted : null;
  };
  const lines = [];
  for (const [key, value] of Object.entries(fields || {})) {
    const kept = (Array.isArray(value) ? value : [value]).map(visible).filter((v) => v !== null);
    if (kept.length) lines.push(`- ${key}: ${kept.join(', ')}`);
  }
  return lines;
}

/**
 * The report as plain text that reads as Markdown.
 * @param {{
 *   text: string,
 *   fields: import('./api.mjs').Result['fields'],
 *   candidates: import('./api.mjs').Match[],
 *   app: string,
 *   lang: string,
 *   info: import('./api.mjs').KbInfo,
 * }} facts  text: the paste as classified; candidates: best first; app: the app chosen ('' for none)
 * @param {object} words  i18n.mjs's words in the shown language
 * @returns {{subject: string, body: string, redacted: string}}  redacted: what was removed, in words
 */
export function buildReport({ text, fields, candidates, app, lang, info }, words) {
  const { text: pasted, kinds } = redact(wellFormed(text), { tenantIds: true });
  const redacted = redactionSummary(kinds, words);
  const top = candidates.slice(0, REPORT_CANDIDATES);
  const fieldsShown = fieldLines(fields, pasted);
  const candidateLines = top.map((m, i) =>
    `${i + 1}. ${m.id} · ${m.app} · ${words.strength(Math.round(m.score * 100))} · ${m.confident ? words.reportConfident : words.reportNotConfident}`);
  const mark = fence(pasted);
  const body = [
    `## ${words.reportTitle}`,
    '',
    `**${words.reportPasted}**`,
    '',
    redacted ? words.reportRedacted(redacted) : words.reportNothingRedacted,
    '',
    mark, pasted.replace(/\r\n?/g, '\n'), mark,
    '',
    `**${words.reportFields}**`,
    '',
    ...(fieldsShown.length ? fieldsShown : [words.reportNone]),
    '',
    `**${words.reportCandidates}**`,
    '',
    ...(candidateLines.length ? candidateLines : [words.reportNone]),
    '',
    `- ${words.reportApp} ${app || words.reportAppNone}`,
    `- ${words.reportLanguage} ${lang}`,
    `- ${words.reportKb} ${info.version}`,
    `- ${words.reportBuild} conndiag ${info.build.version} (${info.build.git})`,
    '',
  ].join('\n');
  const subject = top.length ? words.reportSubject(top[0].id) : words.reportSubjectNoMatch;
  return { subject, body, redacted };
}

// The longest prefix of `text` at most `n` units long that does not split a surrogate pair (a lone half
// cannot be URL-encoded).
function prefix(text, n) {
  const code = text.charCodeAt(n - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? n - 1 : n);
}

/**
 * The link "Open report" follows: a mailto: message with the subject and body, or the URL template with
 * {subject} and {body} replaced (URL-encoded). When it would be longer than REPORT_URL_CHARS, the body is
 * cut and ends with words.reportTruncatedNote (the full report stays on the page, to copy).
 * @param {{kind: 'mailto'|'url', value: string}} target  a parseReportTo result that was not refused
 * @param {{subject: string, body: string}} report
 * @param {object} words
 * @returns {{href: string, truncated: boolean}}
 */
export function reportLink(target, { subject, body }, words) {
  const encode = (s) => encodeURIComponent(target.kind === 'mailto' ? s.replace(/\r?\n/g, '\r\n') : s);
  const make = (b) => {
    if (target.kind === 'mailto') {
      return `${target.value}${target.value.includes('?') ? '&' : '?'}subject=${encode(subject)}&body=${encode(b)}`;
    }
    return target.value.replaceAll('{subject}', encode(subject)).replaceAll('{body}', encode(b));
  };
  const whole = make(body);
  if (whole.length <= REPORT_URL_CHARS || whole === make('')) return { href: whole, truncated: false };
  // The longest beginning of the body that fits with the note: encoded lengths grow with the prefix.
  const note = `\n\n${words.reportTruncatedNote}`;
  let low = 0;
  let high = body.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (make(prefix(body, mid) + note).length <= REPORT_URL_CHARS) low = mid;
    else high = mid - 1;
  }
  return { href: make(prefix(body, low).replace(/\s+$/, '') + note), truncated: true };
}
