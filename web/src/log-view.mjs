// Log results: a summary and one row per distinct event (count, first line, best diagnosis), filterable by app.
import { h } from './dom.mjs';

/**
 * @param {import('./api.mjs').LogEvent[]} events
 * @param {number} lines
 */
export function logView(events, lines, words) {
  if (!events.length) return h('p', { class: 'empty' }, words.logNone);
  const apps = [...new Set(events.map((e) => e.matches[0].app))];
  const body = h('tbody', {}, events.map((e) => {
    const m = e.matches[0];
    return h('tr', { dataset: { entryId: m.id, app: m.app } },
      h('td', { class: 'num' }, String(e.count)),
      h('td', { class: 'num' }, String(e.line)),
      h('td', {}, m.app_name),
      h('td', {}, h('details', {}, h('summary', {}, m.cause), h('ol', {}, m.fix.map((s) => h('li', {}, s))))),
      h('td', {}, h('code', { class: 'event' }, e.text.split('\n')[0].slice(0, 200))));
  }));
  const filter = h('select', {
    id: 'log-app-filter',
    onchange: (ev) => {
      for (const row of body.rows) row.hidden = ev.target.value !== '' && row.dataset.app !== ev.target.value;
    },
  }, h('option', { value: '' }, words.allApps), apps.map((a) => h('option', { value: a }, events.find((e) => e.matches[0].app === a).matches[0].app_name)));
  return h('section', { class: 'log' },
    h('h3', {}, words.logSummary(events.length, lines)),
    h('label', { for: 'log-app-filter' }, words.filterApp + ' '), filter,
    h('div', { class: 'table-wrap' },
      h('table', {},
        h('thead', {}, h('tr', {}, [words.logCount, words.logLine, words.logApp, words.logDiagnosis, words.logEvent].map((t) => h('th', { scope: 'col' }, t)))),
        body)));
}
