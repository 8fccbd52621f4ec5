// The shareable link: the paste, app and language in the URL fragment (never sent to any server); or a link
// to one answer, #entry=<id>.

/**
 * @param {{text: string, app?: string, lang?: string}} state
 * @returns {string} A fragment starting with '#'.
 */
export function toFragment({ text, app, lang }) {
  const params = new URLSearchParams();
  params.set('text', text);
  if (app) params.set('app', app);
  if (lang) params.set('lang', lang);
  return '#' + params.toString();
}

/**
 * @param {string} hash  location.hash
 * @returns {{text?: string, app?: string, lang?: string, entry?: string}}
 */
export function fromFragment(hash) {
  const params = new URLSearchParams((hash || '').replace(/^#/, ''));
  const state = {};
  for (const key of ['text', 'app', 'lang', 'entry']) {
    const value = params.get(key);
    if (value !== null && value.length <= 1_000_000) state[key] = value;
  }
  return state;
}
