// Functions that run inside the page under test, shared by the Chromium and the Firefox harnesses: each
// driver serializes them into the page, so they use nothing from this module's scope.

// Runs in the page before its own scripts: wraps the diagnoser the page creates so that every call it
// makes into the module on the main thread is recorded in window.__mainThreadCalls. (The worker loads
// its own copy of the module, which this does not see.) The page keeps a reference to the same API
// object it publishes as globalThis.ConnDiag, so wrapping that object's create() is enough.
export function recordMainThreadCalls() {
  window.__mainThreadCalls = [];
  let api;
  Object.defineProperty(window, 'ConnDiag', {
    configurable: true,
    get: () => api,
    set(value) {
      const create = value.create.bind(value);
      value.create = async (...args) => {
        const diag = await create(...args);
        for (const name of ['classify', 'classifyLog', 'beginLog']) {
          const call = diag[name].bind(diag);
          diag[name] = (...a) => {
            window.__mainThreadCalls.push(name);
            return call(...a);
          };
        }
        return diag;
      };
      api = value;
    },
  });
}

// True once #results shows the classification of `text` with `app` selected: the page marks its results
// with the text's FNV-1a hash when they are complete.
export function showsResultOf([text, app]) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return document.querySelector('#results').dataset.textHash === hash.toString(16) && document.querySelector('#app').value === app;
}

// Runs in the page before its scripts: every call into a module instantiated on this thread is recorded
// with the length of the text it was given (the element's module; a worker's module is not seen).
export function recordModuleCalls() {
  window.__moduleCalls = [];
  let factory;
  Object.defineProperty(window, 'ConnDiagModule', {
    configurable: true,
    get: () => factory,
    set(value) {
      factory = (...args) => value(...args).then((module) => {
        for (const name of ['classify', 'classifyLog', 'logFeed']) {
          const call = module[name];
          module[name] = (...a) => {
            window.__moduleCalls.push([name, a[1].length]);
            return call(...a);
          };
        }
        return module;
      });
    },
  });
}

// Three error lines of two known problems (Box, AWS), for the logs makeLogFile builds.
export const BOX_AND_AWS = '2026-11-25T10:00:01.000Z ERROR BoxRestException: Failed to parse response.\n' +
  '2026-11-25T10:00:02.000Z ERROR java.lang.NullPointerException\n\tat com.amazonaws.services.Client.call(Client.java:1)\n';

// Builds a log of `size` MB in the page from repeated parts (no giant string): every 1000 noise lines come
// `errorLines`. Leaves it in window.__file, and its line count in window.__expectedLines.
export function makeLogFile([size, errorLines]) {
  const noise = '2026-11-25T10:00:00.000Z INFO  [poller-3] fetched 120 events for tenant in 41 ms, queue depth 2\n';
  let block = '';
  for (let i = 0; i < 1000; i += 1) block += noise;
  block += errorLines;
  const parts = [];
  for (let bytes = 0; bytes < size * 1048576; bytes += block.length) parts.push(block);
  window.__expectedLines = parts.length * (1000 + errorLines.split('\n').length - 1);
  window.__file = new File(parts, 'big.log', { type: 'text/plain' });
}

// True once a log's summary is shown and its progress hidden.
export function logDone() {
  return /distinct problems? in/.test(document.getElementById('status').textContent) && document.getElementById('log-progress').hidden;
}
