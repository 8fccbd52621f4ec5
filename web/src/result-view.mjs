// A classification as the page and the element show it: the no-match advice, or one card per match (short
// cause and app as title, confidence and match strength, cause, numbered fix steps, why, matched text, copy
// buttons) with the "close answers" note and the "which app" question when no answer is sure; then what the
// text says, and "Not the right answer?" (report-view.mjs). Text only: nothing here reaches innerHTML.
import { answersAreClose, provenance, shortCause } from './answer-text.mjs';
import { append, clear, h } from './dom.mjs';
import { fieldsView } from './fields-view.mjs';
import { segments } from './highlight.mjs';
import { noMatchView } from './no-match.mjs';
import { referenceLine } from './reference-line.mjs';
import { reportView } from './report-view.mjs';
import { cardLinks } from './safe-link.mjs';

/** The fix as plain text and as Markdown, for the copy buttons. */
export function fixAsText(match, words) {
  const steps = match.fix.map((s, i) => `${i + 1}. ${s}`).join('\n');
  return `${match.app_name} — ${match.cause}\n\n${words.fix}:\n${steps}\n`;
}

export function fixAsMarkdown(match, words) {
  const steps = match.fix.map((s, i) => `${i + 1}. ${s}`).join('\n');
  return `### ${match.app_name}: ${match.cause}\n\n**${words.fix}**\n\n${steps}\n\n_conndiag: \`${match.id}\`_\n`;
}

/** The confidence in words: likely (confident), possible (match strength at least 0.5) or weak. */
export function confidenceWord(match, words) {
  if (match.confident) return words.likely;
  return match.score >= 0.5 ? words.possible : words.weak;
}

/** Copies `text` and says so on `button` for a moment (the log rows use it too). */
export async function copy(button, text, words) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Clipboard API refused (file://, permissions): fall back to a selection the person can copy.
    const area = h('textarea', { class: 'copy-fallback', 'aria-hidden': 'true' }, text);
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
  const label = button.textContent;
  button.textContent = words.copied;
  setTimeout(() => (button.textContent = label), 1500);
}

/** The pasted text with the match's spans marked (as text nodes and <mark>, never HTML). */
export function highlighted(text, spans) {
  return h('pre', { class: 'matched-text' },
    segments(text, spans).map((s) => (s.matched ? h('mark', {}, s.text) : s.text)));
}

// Where the wording that recognized the text was seen (vendor docs, SDK source, public issue): the https
// addresses cardLinks keeps, as links that open only when clicked.
function sourcesLine(sources, words) {
  if (!sources.length) return null;
  return h('p', { class: 'sources' }, `${words.seenIn} `,
    sources.map((url, i) => [i ? ', ' : '', h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, new URL(url).hostname)]));
}

// The score in words and as "match strength", explained on hover: it is not a probability.
function strengthBadge(match, level, words) {
  return h('span', { class: `badge ${level}`, title: words.strengthTitle },
    `${confidenceWord(match, words)} · ${words.strength(Math.round(match.score * 100))}`);
}

/**
 * One card per match, in rank order, with the page hooks data-entry-id and data-app. Its title is the cause
 * in brief and the app. A permalink card (`rank` 0) has no number, no strength badge and no matched text.
 * @param {import('./api.mjs').Match} match
 */
export function resultCard(match, rank, text, words, idPrefix = 'card') {
  const level = !rank || match.confident ? 'likely' : match.score >= 0.5 ? 'possible' : 'weak';
  const title = `${shortCause(match.cause)} — ${match.app_name}`;
  const { vendor, sources } = cardLinks(match);
  return h('article', { class: `card ${level}`, dataset: { entryId: match.id, app: match.app }, 'aria-labelledby': `${idPrefix}-${rank}` },
    h('header', {},
      h('h3', { id: `${idPrefix}-${rank}` }, rank ? `${rank}. ${title}` : title),
      rank ? strengthBadge(match, level, words) : null,
      match.source === 'code-table' ? h('span', { class: 'badge source' }, words.fromCodeTable) : null,
      match.similar ? h('span', { class: 'badge source' }, words.similarBadge) : null),
    match.similar ? h('p', { class: 'similar-note' }, words.similarNote) : null,
    h('p', { class: 'cause' }, h('strong', {}, `${words.cause} `), match.cause),
    match.code ? h('p', { class: 'code-reason' }, h('strong', {}, `${match.code.message} `), match.code.reason) : null,
    h('h4', {}, words.fix),
    h('ol', { class: 'fix' }, match.fix.map((step) => h('li', {}, step))),
    h('div', { class: 'actions' },
      h('button', { type: 'button', onclick: (e) => copy(e.currentTarget, fixAsText(match, words), words) }, words.copyText),
      h('button', { type: 'button', onclick: (e) => copy(e.currentTarget, fixAsMarkdown(match, words), words) }, words.copyMarkdown),
      vendor ? h('a', { href: vendor, target: '_blank', rel: 'noopener noreferrer' }, words.vendorPage) : null),
    referenceLine(match, words),
    h('details', { class: 'why' },
      h('summary', {}, words.why),
      h('p', { class: 'provenance' }, provenance(match, words)),
      match.evidence.length ? h('ul', {}, match.evidence.map((e) => h('li', {}, e))) : null,
      sourcesLine(sources, words),
      h('p', { class: 'id' }, `${words.supportRef} `, h('code', {}, match.id)),
      text ? h('div', {}, h('p', {}, words.matchedText), highlighted(text, match.spans)) : null));
}

// The apps among the matches (first-seen order, "all" left out); asked about only when there are two or more.
function whichApp(matches, words, idPrefix, chooseApp) {
  const apps = [];
  for (const m of matches) {
    if (m.app !== 'all' && !apps.some((a) => a.app === m.app)) apps.push(m);
  }
  if (apps.length < 2) return null;
  const label = `${idPrefix}which-app-label`;
  return h('div', { class: 'which-app', role: 'group', 'aria-labelledby': label },
    h('p', { id: label }, words.whichApp),
    apps.map((m) => h('button', { type: 'button', dataset: { app: m.app }, onclick: () => chooseApp(m.app) }, m.app_name)));
}

/**
 * Shows a classification in `out` (emptied first): the no-match advice, or the cards in rank order
 * (data-entry-id, data-app) after the "not sure" note and "which app" question; then what the text says.
 * @param {HTMLElement} out
 * @param {string} text  the classified text, highlighted in the cards
 * @param {import('./api.mjs').Result} result
 * @param {object} words  i18n.mjs's words in the shown language
 * @param {{idPrefix?: string, cardPart?: string, app?: string, chooseApp: (app: string) => void,
 *   report?: import('./report-view.mjs').ReportSource}} options
 *   idPrefix: makes ids unique where several results share a document (each element's shadow root has
 *   its own); cardPart: the cards' `part` attribute (the element's styling hook); app: the app already
 *   chosen ('' for none: then, and only then, the reader is told to choose one); chooseApp: what
 *   answering "which app" does (select the app and classify again); report: what the "Not the right
 *   answer?" report needs (no such button without it)
 * @returns {string} the status line to announce
 */
export function renderResult(out, text, result, words, { idPrefix = '', cardPart, app = '', chooseApp, report }) {
  clear(out);
  // Once, under everything else: it is about the whole answer, not about one card.
  const reportButton = () => (report ? out.append(reportView(text, result, words, app, report, idPrefix)) : null);
  if (!result.matches.length) {
    out.append(noMatchView(result, words, app));  // what the text says is part of the no-match block
    reportButton();
    return words.noMatch;
  }
  const top = result.matches[0];
  if (answersAreClose(result.matches)) {
    const one = result.matches.length === 1;
    const note = one ? (app ? words.closeAnswerOneApp : words.closeAnswerOne) : (app ? words.closeAnswersApp : words.closeAnswers);
    append(out, [h('p', { class: 'not-confident' }, note),
      app ? null : whichApp(result.matches, words, idPrefix, chooseApp)]);
  }
  result.matches.forEach((m, i) => {
    const card = resultCard(m, i + 1, text, words, `${idPrefix}card`);
    if (cardPart) card.setAttribute('part', cardPart);
    out.append(card);
  });
  const fields = fieldsView(result, words);
  if (fields) out.append(fields);
  reportButton();
  return `${words.results(result.matches.length)}. ${words.labelled(top.app_name, top.confident ? words.likely : words.possible)}.`;
}

/**
 * Shows the invitation to paste (nothing to classify) in `out`, emptied first. With `firstVisit` (the page),
 * also examples to try, one button each, and what the knowledge base knows with a link to browse it.
 * @param {HTMLElement} out @param {object} words
 * @param {{examples: {key: string, label: string}[], tryExample: (key: string) => void,
 *   entries: number, appNames: string[]}} [firstVisit]
 * @returns {string} the status line: none
 */
export function renderEmpty(out, words, firstVisit) {
  clear(out);
  out.append(h('p', { class: 'empty' }, words.empty));
  if (!firstVisit) return '';
  const { examples, tryExample, entries, appNames } = firstVisit;
  out.append(
    h('div', { class: 'examples', role: 'group', 'aria-labelledby': 'examples-label' },
      h('span', { id: 'examples-label' }, words.tryExample),
      examples.map((e) => h('button', { type: 'button', dataset: { example: e.key }, onclick: () => tryExample(e.key) }, e.label))),
    h('p', { class: 'kb-summary' }, words.knows(entries, appNames.length, appNames.join(', ')), ' ',
      h('a', { href: '#browse' }, words.browseAll)));
  return '';
}
