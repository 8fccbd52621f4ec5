// Log results: a summary, one row per problem (same entry, same app) with its total count, first and last
// line, the confidence in words and a "not sure" mark when the answer is ambiguous, most frequent first (each
// row: log-row.mjs); then the error lines nothing recognized (how many, and samples with a way to diagnose
// one alone). Filterable by app.
import { h } from './dom.mjs';
import { firstLine, logRow } from './log-row.mjs';

/** Samples of unrecognized error lines shown. */
const UNRECOGNIZED_SAMPLES = 5;

const byCount = (a, b) => b.count - a.count;

/**
 * Groups the events that matched by their best match (entry id and app), most frequent first.
 * @param {import('./api.mjs').LogEvent[]} events
 */
export function groupEvents(events) {
  const groups = new Map();
  for (const e of events) {
    const m = e.matches[0];
    if (!m) continue;  // unrecognized: see unrecognizedEvents
    const key = `${m.id}\u0000${m.app}`;
    const g = groups.get(key);
    if (g) {
      g.count += e.count;
      g.first = Math.min(g.first, e.line);
      g.last = Math.max(g.last, e.last_line);
      g.variants += 1;
      if (!g.ambiguous && !m.confident) {
        // The row speaks for its first unsure event: its confidence, other answers and "which app" are about it.
        Object.assign(g, { match: m, event: e, example: e.text, ambiguous: true });
      }
    } else {
      groups.set(key, { match: m, event: e, count: e.count, first: e.line, last: e.last_line, example: e.text, variants: 1,
                        ambiguous: !m.confident });
    }
  }
  return [...groups.values()].sort(byCount);
}

/**
 * The error events nothing recognized, most frequent first, and how many lines they are.
 * @param {import('./api.mjs').LogEvent[]} events
 * @param {number} [countedLines]  the reader's count of such lines (LogDelta.unrecognized_lines), when known
 */
export function unrecognizedEvents(events, countedLines = 0) {
  const list = events.filter((e) => e.status === 'unrecognized').sort(byCount);
  // The reader's own count also has the lines of the events past its listing cap (counted, not listed).
  return { list, lines: Math.max(countedLines, list.reduce((n, e) => n + e.count, 0)) };
}

// What the reader hit while reading (caps on distinct events or kept text), in the core's words.
function warningsNote(warnings, words) {
  if (!warnings || !warnings.length) return null;
  return h('div', { class: 'log-warnings', role: 'note' }, h('strong', {}, words.labelled(words.logWarnings, '')), warnings.join('; '));
}

// The error lines not recognized: counted, the most frequent as samples, each one a button away from a full
// diagnosis of its own (where the app can be chosen).
function unrecognizedSection(unrecognized, words, onDiagnose) {
  if (!unrecognized.list.length) return null;
  return h('section', { class: 'log-unrecognized' },
    h('h4', {}, words.logUnrecognized(unrecognized.lines, unrecognized.list.length)),
    h('ul', {}, unrecognized.list.slice(0, UNRECOGNIZED_SAMPLES).map((e) => h('li', { dataset: { status: 'unrecognized' } },
      h('span', { class: 'num' }, `${words.logLine} ${e.line} (×${e.count.toLocaleString()}) `),
      h('code', { class: 'event' }, firstLine(e.text)),
      onDiagnose ? h('button', { type: 'button', class: 'diagnose-line', onclick: () => onDiagnose(e.text) }, words.diagnoseLine)
                 : null))));
}

/**
 * @param {import('./api.mjs').LogEvent[]} events
 * @param {number} lines
 * @param {object} words  i18n.mjs's words
 * @param {string[]} [warnings]  the log reader's warnings (limits reached)
 * @param {{onDiagnose?: (text: string) => void, classifyWithApp?: (text: string, app: string) => object,
 *   apps?: {key: string, name: string}[], unrecognizedLines?: number}} [actions]  onDiagnose: the page puts a
 *   line in its box to diagnose it; classifyWithApp and apps: an unsure row's "which app" (see log-row.mjs);
 *   unrecognizedLines: the reader's count of unrecognized error lines, those past its listing cap included
 */
export function logView(events, lines, words, warnings = [], actions = {}) {
  const { onDiagnose } = actions;
  const groups = groupEvents(events);
  const unrecognized = unrecognizedEvents(events, actions.unrecognizedLines);
  if (!groups.length) {
    return h('div', {}, h('p', { class: 'empty' }, words.logNone), warningsNote(warnings, words),
      unrecognizedSection(unrecognized, words, onDiagnose));
  }
  const apps = [...new Map(groups.map((g) => [g.match.app, g.match.app_name])).entries()];
  const body = h('tbody', {}, groups.map((g, i) => logRow(g, i, words, actions)));
  const filter = h('select', {
    id: 'log-app-filter',
    onchange: (ev) => {
      for (const row of body.rows) row.hidden = ev.target.value !== '' && row.dataset.app !== ev.target.value;
    },
  }, h('option', { value: '' }, words.allApps), apps.map(([key, name]) => h('option', { value: key }, name)));
  return h('section', { class: 'log' },
    h('h3', {}, words.logSummary(groups.length, lines)),
    warningsNote(warnings, words),
    h('label', { for: 'log-app-filter' }, words.filterApp + ' '), filter,
    h('div', { class: 'table-wrap' },
      h('table', {},
        h('thead', {}, h('tr', {}, [words.logCount, words.logLines, words.logApp, words.logDiagnosis, words.logEvent]
          .map((t) => h('th', { scope: 'col' }, t)))),
        body)),
    unrecognizedSection(unrecognized, words, onDiagnose));
}
