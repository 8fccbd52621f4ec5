// "Not the right answer?" under a single paste's answers (and under the no-match advice), on the page and in
// <conn-diag>: it shows the report (report.mjs) in a read-only box for review, says what was redacted, and
// offers "Copy report" and, where a report address is configured, "Open report". Nothing is sent by the
// page: the person copies the report, or follows the link and sends it themselves.
import { append, h } from './dom.mjs';
import { buildReport, parseReportTo, reportLink } from './report.mjs';

/**
 * What the report needs beyond the result.
 * @typedef {object} ReportSource
 * @property {string|null|Promise<string|null>} reportTo  the configured report address (attribute, query
 *   parameter or config file); a promise while the page's config file is still being read
 * @property {string} lang  the language shown
 * @property {import('./api.mjs').KbInfo} info
 * @property {() => Promise<import('./api.mjs').Match[]>} [candidates]  the text classified again with room for
 *   more candidates than the cards show (the report lists up to 5); the shown matches when absent or failing
 */

async function copyReport(button, area, words) {
  try {
    await navigator.clipboard.writeText(area.value);
  } catch {
    // Clipboard API refused (file://, permissions): the box itself is selected and copied.
    area.select();
    document.execCommand('copy');
  }
  const label = button.textContent;
  button.textContent = words.copied;
  setTimeout(() => (button.textContent = label), 1500);
}

// Where the report can go: the "Open report" link and what it says about its destination; or, for an address
// that is refused, the notice that it was ignored (shown above the box, where the missing link would be).
function destinationParts(target, report, words) {
  if (!target) return { notice: null, link: null, notes: [] };
  if (target.refused) return { notice: h('p', { class: 'report-refused', role: 'note' }, words.reportRefused(target.value)), link: null, notes: [] };
  const { href, truncated } = reportLink(target, report, words);
  // A mail client opens from the same tab; a web form opens in a new one, like the page's other links.
  const link = target.kind === 'mailto'
    ? h('a', { class: 'report-open', href }, words.reportOpen)
    : h('a', { class: 'report-open', href, target: '_blank', rel: 'noopener noreferrer' }, words.reportOpen);
  const notes = [h('p', { class: 'report-destination' }, words.reportGoesTo(target.destination))];
  if (truncated) notes.push(h('p', { class: 'report-truncated' }, words.reportTruncated));
  return { notice: null, link, notes };
}

/**
 * The button and its panel, filled on the first click (the report is built only when asked for).
 * @param {string} text  the classified paste
 * @param {import('./api.mjs').Result} result
 * @param {object} words  i18n.mjs's words in the shown language
 * @param {string} app  the app chosen ('' for none)
 * @param {ReportSource} source
 * @param {string} idPrefix  keeps ids unique where several results share a document
 */
export function reportView(text, result, words, app, source, idPrefix = '') {
  const panelId = `${idPrefix}report-panel`;
  const areaId = `${idPrefix}report-text`;
  const toggle = h('button', { type: 'button', class: 'report-toggle', 'aria-expanded': 'false', 'aria-controls': panelId },
    words.reportButton);
  const panel = h('div', { id: panelId, class: 'report-panel', hidden: true });
  let filling = null;
  const fill = async () => {
    let candidates = result.matches;
    if (source.candidates) {
      try {
        candidates = await source.candidates();
      } catch {
        // The cards' own matches still make a report.
      }
    }
    const report = buildReport({ text, fields: result.fields, candidates, app, lang: source.lang, info: source.info }, words);
    const area = h('textarea', { id: areaId, class: 'report-text', readonly: true, rows: 14, spellcheck: 'false' });
    area.value = report.body;
    const copy = h('button', { type: 'button', class: 'report-copy', onclick: () => copyReport(copy, area, words) }, words.reportCopy);
    const { notice, link, notes } = destinationParts(parseReportTo(await source.reportTo), report, words);
    append(panel, [
      h('p', { class: 'report-intro' }, words.reportIntro),
      h('p', { class: 'report-redacted' }, report.redacted ? words.reportRedacted(report.redacted) : words.reportNothingRedacted),
      notice,
      h('label', { for: areaId }, words.reportLabel),
      area,
      h('div', { class: 'actions' }, copy, link),
      notes]);
  };
  toggle.addEventListener('click', async () => {
    const opening = toggle.getAttribute('aria-expanded') !== 'true';
    if (opening) await (filling ||= fill());
    panel.hidden = !opening;
    toggle.setAttribute('aria-expanded', String(opening));
  });
  return h('div', { class: 'report' }, toggle, panel);
}
