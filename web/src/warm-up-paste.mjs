// A person's first paste after the page opened ran the classifying code for the first time: V8 compiles
// each of the module's functions at its first call, and a text that no row matches also builds the index of
// known texts (the "similar to" proposals). On the 2-core test machine, a paste 1.5 s after the page was
// ready took 12 ms to its card for a known error and 36 ms for an unknown one, the next paste 1.5 ms.
// Classifying one of each while the page is idle, once, moves that work before the person pastes.

import { TOKEN_EXPIRED, UNKNOWN_ERROR } from './examples.mjs';
import { MARK_WARM, markOnce } from './marks.mjs';

/**
 * Classifies a known and an unknown error with `diag`, each in an idle callback of its own (short tasks:
 * a paste that comes meanwhile is not held up by both), then sets MARK_WARM (once per page).
 * @param {{classify: (text: string, options?: {lang?: string}) => unknown}} diag
 * @param {string} lang  the row texts' language (the code run is the same in every language)
 * @returns {Promise<void>} settles once MARK_WARM is set
 */
export function warmUpPaste(diag, lang) {
  const idle = globalThis.requestIdleCallback ?? ((/** @type {() => void} */ fn) => setTimeout(fn, 0));
  const texts = [TOKEN_EXPIRED[lang] ?? TOKEN_EXPIRED.en, UNKNOWN_ERROR];
  return new Promise((resolve) => {
    /** @param {number} i */
    const step = (i) => idle(() => {
      try {
        diag.classify(texts[i], { lang });
      } catch {
        // Only a head start: a diagnoser closed meanwhile (an element removed) has nothing left to warm.
      }
      if (i + 1 < texts.length) {
        step(i + 1);
      } else {
        markOnce(MARK_WARM);
        resolve();
      }
    });
    step(0);
  });
}
