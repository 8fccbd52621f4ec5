// The page's User Timing marks, seen in the browser's performance panel and read by bench/page_measure.mjs
// and the tests: when the diagnoser was ready, when the first diagnosis of a text (a paste, a #text= link)
// was on the page (what loading took, and what answering), when the idle-time warm-up before a first
// paste was over (warm-up-paste.mjs), and when the page's idle-time log warm-up was over, or found not
// needed (warm-up-log-code.mjs). Each is set once per page.

export const MARK_READY = 'conndiag:ready';
export const MARK_FIRST_ANSWER = 'conndiag:first-answer';
export const MARK_WARM = 'conndiag:warm';
export const MARK_LOG_WARM = 'conndiag:log-warm';

/** Sets the mark `name` unless the page has it already. @param {string} name */
export function markOnce(name) {
  if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
}
