// One problem row of the log table: its count, lines, app with the confidence in words, the diagnosis (cause
// and fix, copy buttons, the other answers, "open as full diagnosis") and its example. A row whose answer is
// not sure asks which app, and shows the answer for the chosen app in the row itself: the page's app filter
// and the other rows are left alone. Text only: nothing here reaches innerHTML.
import { shortCause } from './answer-text.mjs';
import { clear, h } from './dom.mjs';
import { confidenceWord, copy, fixAsMarkdown, fixAsText } from './result-view.mjs';

/** The first line of an event, cut to what a table cell shows. */
export const firstLine = (text) => text.split('\n')[0].slice(0, 160);

const level = (match) => (match.confident ? 'likely' : match.score >= 0.5 ? 'possible' : 'weak');

// The apps to ask about: those of the event's answers (first-seen order); when they are fewer than two, or
// one answer is for every app, the knowledge base's other apps follow, since the line may come from any.
function candidateApps(matches, allApps) {
  const apps = [];
  for (const m of matches) {
    if (m.app !== 'all' && !apps.some((a) => a.key === m.app)) apps.push({ key: m.app, name: m.app_name });
  }
  if (apps.length < 2 || matches.some((m) => m.app === 'all')) {
    for (const a of allApps) if (!apps.some((x) => x.key === a.key)) apps.push(a);
  }
  return apps;
}

// The event's other answers, folded: app, cause in brief, confidence and match strength.
function alternatives(matches, words) {
  const others = matches.slice(1);
  if (!others.length) return null;
  return h('details', { class: 'log-alternatives' },
    h('summary', {}, words.logAlternatives(others.length)),
    h('ul', {}, others.map((m) => h('li', { dataset: { entryId: m.id, app: m.app } },
      h('strong', {}, m.app_name), ` — ${shortCause(m.cause)} `,
      h('span', { class: `confidence ${level(m)}` }, `(${confidenceWord(m, words)} · ${words.strength(Math.round(m.score * 100))})`)))));
}

// The answer for the app chosen in the row, or why there is none, in `out` (empty).
function showAnswer(out, result, words) {
  const top = result.matches[0];
  if (!top) {
    out.append(h('p', {}, words.noMatch));
    return null;
  }
  out.dataset.entryId = top.id;
  out.append(
    h('p', { class: 'row-answer-head' }, h('strong', {}, words.logAnswerFor(top.app_name)), ' ',
      h('span', { class: `confidence ${level(top)}` }, confidenceWord(top, words))),
    h('p', { class: 'cause' }, h('strong', {}, `${words.cause} `), top.cause),
    h('ol', { class: 'fix' }, top.fix.map((step) => h('li', {}, step))));
  return top;
}

// An unsure row's "Which app?": choosing an app classifies the row's line again for it and shows that answer
// under the question; `onAnswer` is told the answer shown (null for none).
function appPrompt(group, index, words, { classifyWithApp, apps }, onAnswer) {
  const answer = h('div', { class: 'row-answer', 'aria-live': 'polite' });
  const choose = (app) => {
    clear(answer);
    delete answer.dataset.entryId;
    if (!app) {
      onAnswer(null);
      return;
    }
    try {
      onAnswer(showAnswer(answer, classifyWithApp(group.example, app), words));
    } catch (e) {
      answer.append(h('p', {}, `${words.errorLoading}: ${e.message}`));
      onAnswer(null);
    }
  };
  const id = `log-row-${index}-app`;
  return h('div', { class: 'row-app' },
    h('label', { for: id }, words.logWhichApp), ' ',
    h('select', { id, onchange: (ev) => choose(ev.target.value) },
      h('option', { value: '' }, words.logChooseApp),
      candidateApps(group.event.matches, apps).map((a) => h('option', { value: a.key }, a.name))),
    answer);
}

/**
 * @param {{match: import('./api.mjs').Match, event: import('./api.mjs').LogEvent, count: number, first: number,
 *   last: number, example: string, ambiguous: boolean}} group  log-view.mjs's groupEvents: `event` is the
 *   event the row speaks for (its first unsure one, if any), `match` that event's best answer
 * @param {number} index  the row's position (unique ids)
 * @param {object} words  i18n.mjs's words
 * @param {{onDiagnose?: (text: string) => void, classifyWithApp?: (text: string, app: string) => import('./api.mjs').Result,
 *   apps?: {key: string, name: string}[]}} actions  onDiagnose: the page diagnoses a line alone; classifyWithApp:
 *   the row's line classified again for one app; apps: every app of the knowledge base, in the shown language
 */
export function logRow(group, index, words, { onDiagnose, classifyWithApp, apps = [] } = {}) {
  const m = group.match;
  let shown = m;  // what the copy buttons copy: the row's answer, or the one for the app chosen in the row
  const prompt = group.ambiguous && classifyWithApp
    ? appPrompt(group, index, words, { classifyWithApp, apps }, (chosen) => (shown = chosen || m)) : null;
  const cell = (label, attrs, ...children) => h('td', { ...attrs, dataset: { label } }, ...children);
  return h('tr', { dataset: { entryId: m.id, app: m.app, status: group.ambiguous ? 'ambiguous' : 'recognized' } },
    cell(words.logCount, { class: 'num' }, group.count.toLocaleString()),
    cell(words.logLines, { class: 'num' }, group.first === group.last ? String(group.first) : `${group.first}–${group.last}`),
    cell(words.logApp, {}, m.app_name, ' ',
      h('span', { class: `confidence ${level(m)}` }, confidenceWord(m, words)),
      group.ambiguous ? h('span', { class: 'not-sure', title: words.logNotSureTitle }, ` ${words.logNotSure}`) : null),
    cell(words.logDiagnosis, { class: 'diagnosis' },
      h('details', { class: 'log-cause' }, h('summary', {}, m.cause), h('ol', {}, m.fix.map((s) => h('li', {}, s)))),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'copy-fix', onclick: (e) => copy(e.currentTarget, fixAsText(shown, words), words) }, words.copyText),
        h('button', { type: 'button', class: 'copy-markdown', onclick: (e) => copy(e.currentTarget, fixAsMarkdown(shown, words), words) }, words.copyMarkdown),
        onDiagnose ? h('button', { type: 'button', class: 'open-full', onclick: () => onDiagnose(group.example) }, words.logOpenFull) : null),
      alternatives(group.event.matches, words),
      prompt),
    cell(words.logEvent, { class: 'event-cell' }, h('details', {}, h('summary', {}, h('code', { class: 'event' }, firstLine(group.example))),
      // Focusable: a long example scrolls, and a keyboard must reach it (axe: scrollable-region-focusable).
      h('pre', { class: 'matched-text', tabindex: '0' }, group.example))));
}
