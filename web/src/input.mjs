// What the page and the element share about their inputs: the app choice and the pause after typing.
import { clear, h } from './dom.mjs';
import { inLanguage } from './i18n.mjs';

/** Typing classifies once the person pauses this long (milliseconds): not on every keystroke. */
export const DEBOUNCE_MS = 150;

/**
 * Runs `run` once typing pauses for DEBOUNCE_MS. `schedule()` on each keystroke; `cancel()` when the
 * text is classified by other means first (a paste, a changed app), so it does not run twice.
 * @param {() => void} run
 */
export function debouncer(run) {
  let timer = 0;
  return {
    schedule() {
      clearTimeout(timer);
      timer = setTimeout(run, DEBOUNCE_MS);
    },
    cancel() {
      clearTimeout(timer);
    },
  };
}

/**
 * Fills the app <select>: "not sure" (value "") first, then the knowledge base's apps with their keys as
 * option values and their names in `lang`; keeps the app chosen before when it is still there.
 * @param {HTMLSelectElement} select
 * @param {import('./api.mjs').KbInfo|null} info  null while the diagnoser loads: only "not sure"
 * @param {string} lang
 * @param {object} words  i18n.mjs's words in `lang`
 */
export function fillAppSelect(select, info, lang, words) {
  const current = select.value;
  clear(select);
  select.append(h('option', { value: '' }, words.anyApp));
  for (const app of info ? info.apps : []) {
    if (app.key !== 'all') select.append(h('option', { value: app.key }, inLanguage(app.name, lang) || app.key));
  }
  select.value = current;
}
