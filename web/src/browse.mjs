// The browse view (#browse): every error the knowledge base knows, grouped by app, each a link to its card
// (#entry=<id>), with a search that filters as you type. The search lives in the fragment (#browse=<words>),
// so Back from a card returns to the same list. Knowledge-base text is shown as text only.
import { shortCause } from './answer-text.mjs';
import { h } from './dom.mjs';
import { inLanguage } from './i18n.mjs';

/** Characters of an error message shown under its title: its start, enough to recognize it. */
const MESSAGE_CHARS = 110;

/**
 * The search of a browse link ('' for all), or null when `hash` is not one.
 * @param {string} hash  location.hash
 */
export function browseQuery(hash) {
  const params = new URLSearchParams((hash || '').replace(/^#/, ''));
  return params.has('browse') ? params.get('browse') : null;
}

/** The fragment of the browse view showing `query`. */
export function browseFragment(query) {
  return query ? '#' + new URLSearchParams({ browse: query }) : '#browse';
}

/** Text folded for searching: no accents, no case, one kind of apostrophe ("Retourné" finds "retourne"). */
export function fold(text) {
  return String(text || '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[‘’ʼ]/g, "'");
}

/** Whether every word of `query` is somewhere in `haystack` (folded both). */
export function matchesQuery(haystack, query) {
  return fold(query).split(/\s+/).filter(Boolean).every((word) => haystack.includes(word));
}

// The start of a message, cut at a word boundary when there is one near the end.
function messageStart(message) {
  const text = String(message || '').replace(/\s+/g, ' ').trim();
  if (text.length <= MESSAGE_CHARS) return text;
  const space = text.lastIndexOf(' ', MESSAGE_CHARS);
  return text.slice(0, space > MESSAGE_CHARS - 30 ? space : MESSAGE_CHARS) + '…';
}

/**
 * The knowledge base's entries by app in `lang`: apps in alphabetical order of their name, "any app" last;
 * entries in the knowledge base's order. Each entry carries what the search looks in: its message in every
 * language (an error is pasted in the language the app speaks, not the page's), its cause, id and app.
 * @param {{apps: object, entries: object[]}} kb @param {string} lang
 */
export function entriesByApp(kb, lang) {
  const groups = new Map();
  for (const entry of kb.entries || []) {
    const app = entry.apps[0];
    if (!groups.has(app)) {
      const info = kb.apps && Object.hasOwn(kb.apps, app) ? kb.apps[app] : null;
      groups.set(app, { app, name: (info && inLanguage(info.name, lang)) || app, entries: [] });
    }
    const group = groups.get(app);
    const cause = inLanguage(entry.cause, lang);
    const messages = entry.message && typeof entry.message === 'object' ? Object.values(entry.message) : [entry.message];
    group.entries.push({
      id: entry.id, title: shortCause(cause), message: messageStart(inLanguage(entry.message, lang)),
      haystack: fold([...messages, cause, entry.id, app, group.name].join('\n')),
    });
  }
  const last = (g) => (g.app === 'all' ? 1 : 0);
  return [...groups.values()].sort((a, b) => last(a) - last(b) || a.name.localeCompare(b.name, lang));
}

/**
 * The browse view, filtered by `query`. `onQuery(query)` after each change of the search (the page keeps
 * it in the fragment). Its back link goes to #error-text: the page leaves the view on that hash change.
 * @param {{apps: object, entries: object[]}} kb  the parsed knowledge base the page loaded
 * @param {object} words  i18n.mjs's words in `lang`
 * @param {string} lang
 * @param {{query?: string, onQuery: (query: string) => void}} options
 * @returns {HTMLElement} section#browse; its search box is #browse-search
 */
export function browseView(kb, words, lang, { query = '', onQuery }) {
  const groups = entriesByApp(kb, lang);
  const total = groups.reduce((n, g) => n + g.entries.length, 0);
  const count = h('p', { id: 'browse-count', role: 'status', 'aria-live': 'polite' });
  const search = h('input', {
    type: 'search', id: 'browse-search', value: query, autocomplete: 'off', spellcheck: 'false',
    'aria-describedby': 'browse-count',
    oninput: () => {
      filter(search.value);
      onQuery(search.value);
    },
  });
  const sections = groups.map((g) => {
    const items = g.entries.map((e) => ({
      entry: e,
      li: h('li', { dataset: { entryId: e.id } },
        h('a', { href: '#' + new URLSearchParams({ entry: e.id }) },
          h('span', { class: 'browse-title' }, e.title),
          h('span', { class: 'browse-message' }, e.message))),
    }));
    const heading = h('h3', { id: `browse-app-${g.app}` });
    const section = h('section', { class: 'browse-app', dataset: { app: g.app }, 'aria-labelledby': heading.id },
      heading, h('ul', {}, items.map((i) => i.li)));
    return { group: g, items, heading, section };
  });

  // Hides what does not match (the elements stay: focus and scroll survive typing) and says how many remain.
  function filter(text) {
    let shown = 0;
    for (const s of sections) {
      let inApp = 0;
      for (const { entry, li } of s.items) {
        li.hidden = !matchesQuery(entry.haystack, text);
        if (!li.hidden) inApp += 1;
      }
      s.heading.textContent = words.browseApp(s.group.name, inApp);
      s.section.hidden = inApp === 0;
      shown += inApp;
    }
    count.textContent = shown ? words.browseCount(shown, total) : words.browseNone(text.trim());
    count.dataset.shown = String(shown);
  }
  filter(query);

  return h('section', { id: 'browse', 'aria-labelledby': 'browse-title' },
    h('p', {}, h('a', { href: '#error-text', class: 'browse-back' }, words.browseBack)),
    h('h2', { id: 'browse-title' }, words.browseTitle),
    h('p', { class: 'hint' }, words.browseIntro),
    h('label', { for: 'browse-search', class: 'browse-search-label' }, words.browseSearch),
    search,
    count,
    h('div', { class: 'browse-list' }, sections.map((s) => s.section)));
}
