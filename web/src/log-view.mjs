// Log results: a summary, then one row per problem (same entry, same app) with its total count, first and
// last line, and one expandable example; filterable by app.
import { h } from './dom.mjs';

/**
 * Groups log events by their best match (entry id and app), keeping first-seen order.
 * @param {import('./api.mjs').LogEvent[]} events
 */
export function groupEvents(events) {
  const groups = new Map();
  for (const e of events) {
    const m = e.matches[0];
    const key = `${m.id}\u0000${m.app}`;
    const g = groups.get(key);
    if (g) {
      g.count += e.count;
      g.first = Math.min(g.first, e.line);
      g.last = Math.max(g.last, e.last_line);
      g.variants += 1;
    } else {
      groups.set(key, { match: m, count: e.count, first: e.line, last: e.last_line, example: e.text, variants: 1 });
    }
  }
  return [...groups.values()];
}

// What the reader hit while reading (caps on distinct events or kept text), in the core's words.
function warningsNote(warnings, words) {
  if (!warnings || !warnings.length) return null;
  return h('div', { class: 'log-warnings', role: 'note' }, h('strong', {}, `${words.logWarnings}: `), warnings.join('; '));
}

/**
 * @param {import('./api.mjs').LogEvent[]} events
 * @param {number} lines
 * @param {string[]} [warnings]  the log reader's warnings (limits reached)
 */
export function logView(events, lines, words, warnings = []) {
  const groups = groupEvents(events);
  if (!groups.length) return h('div', {}, h('p', { class: 'empty' }, words.logNone), warningsNote(warnings, words));
  const apps = [...new Map(groups.map((g) => [g.match.app, g.match.app_name])).entries()];
  const body = h('tbody', {}, groups.map((g) => h('tr', { dataset: { entryId: g.match.id, app: g.match.app } },
    h('td', { class: 'num' }, g.count.toLocaleString()),
    h('td', { class: 'num' }, g.first === g.last ? String(g.first) : `${g.first}–${g.last}`),
    h('td', {}, g.match.app_name),
    h('td', {}, h('details', {}, h('summary', {}, g.match.cause), h('ol', {}, g.match.fix.map((s) => h('li', {}, s))))),
    h('td', {}, h('details', {}, h('summary', {}, h('code', { class: 'event' }, g.example.split('\n')[0].slice(0, 160))),
      h('pre', { class: 'matched-text' }, g.example))))));
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
        body)));
}
