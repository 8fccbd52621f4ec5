// A link to one answer (#entry=<id>): the knowledge-base entry shown as a card, with no paste. Built from
// the knowledge base JSON the page already loads, in the shown language, by the same card code as a result
// (rank 0: no number, no match strength, no matched text: nothing was matched).
import { clear, h } from './dom.mjs';
import { inLanguage } from './i18n.mjs';
import { resultCard } from './result-view.mjs';

/**
 * The entry `id` of the knowledge base as a match (the shape result-view.mjs draws), or null when unknown.
 * @param {{apps: object, entries: object[]}} kb  the parsed knowledge base
 * @param {string} id @param {string} lang
 */
export function entryAsMatch(kb, id, lang) {
  const entry = (kb.entries || []).find((e) => e.id === id);
  if (!entry) return null;
  const app = entry.apps[0];
  const appInfo = kb.apps && Object.hasOwn(kb.apps, app) ? kb.apps[app] : null;
  const sources = entry.sources || entry.signatures.flatMap((s) => s.sources || []);
  return {
    id: entry.id, app, app_name: appInfo ? inLanguage(appInfo.name, lang) : app, score: 1, confident: true,
    cause: inLanguage(entry.cause, lang), fix: inLanguage(entry.fix, lang) || [], spans: [], evidence: [], kind: entry.kind,
    action: entry.action, source: entry.source, row: entry.row || null, message: inLanguage(entry.message, lang),
    link: entry.link || null, signature: { id: 'entry', name: null, sources: [...new Set(sources)] }, code: null,
    similar: false, shared: [], missing: [],
  };
}

/**
 * Shows the entry's card in `out` (emptied first), or a message when no entry has that id.
 * @param {HTMLElement} out @param {string} kbText the knowledge base JSON @param {string} id
 * @param {object} words @param {string} lang
 * @returns {string} the status line to announce
 */
export function renderEntry(out, kbText, id, words, lang) {
  clear(out);
  const match = entryAsMatch(JSON.parse(kbText), id, lang);
  // The way on to the other answers, whether this one exists or not.
  const browseAll = h('p', { class: 'browse-all' }, h('a', { href: '#browse' }, words.browseAll));
  if (!match) {
    out.append(h('p', { class: 'entry-unknown' }, words.entryUnknown(id)), browseAll);
    return words.entryUnknown(id);
  }
  out.append(resultCard(match, 0, '', words, 'entry'), browseAll);
  return words.entryShown;
}
