// A log dropped with no drag seen before it (the drag itself starts the log workers, main.mjs) used to be
// read by code running for the first time: V8's baseline code, its optimizing compiler busy meanwhile on
// the cores the workers share. Once the page is idle, a worker reads the made-up log once and ends
// (WorkerClient.warmUpAndStop); the code V8 optimized stays with the page's compiled module for the
// workers a later log starts. A 100 MB log dropped 0.5-4 s after the offline page was ready, no drag:
// 654-670 ms before, 569-612 ms with it (Chromium, 2 cores; docs/benchmarks.md).

import { MARK_LOG_WARM, markOnce } from './marks.mjs';

/**
 * Warms the page's log code once, in the idle time after the page is ready and visible, then sets
 * MARK_LOG_WARM. Not where it costs more than it gives: one processor (the worker would take the one the
 * page answers on) or a browser asked to save data; MARK_LOG_WARM is then set at once.
 * @param {{warmUpAndStop: () => Promise<boolean>}} background  the page's WorkerClient
 */
export function warmUpLogCode(background) {
  if ((navigator.hardwareConcurrency || 1) < 2 || /** @type {any} */ (navigator).connection?.saveData) {
    markOnce(MARK_LOG_WARM);
    return;
  }
  const idle = globalThis.requestIdleCallback ?? ((/** @type {() => void} */ fn) => setTimeout(fn, 0));
  const start = () => idle(() => background.warmUpAndStop().then(() => markOnce(MARK_LOG_WARM)));
  if (document.visibilityState === 'visible') {
    start();
    return;
  }
  // A tab opened in the background warms up when it is first looked at, not before.
  const whenShown = () => {
    if (document.visibilityState !== 'visible') return;
    document.removeEventListener('visibilitychange', whenShown);
    start();
  };
  document.addEventListener('visibilitychange', whenShown);
}
