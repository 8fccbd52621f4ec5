// The diagnoser in a Web Worker (conndiag-worker.js): the same API, off the page's main thread.
// Messages in: {type: "load", kb} then {id, type: "classify" | "classifyLog", text, options};
// out: {type: "ready", info} | {id, type: "result", value} | {id?, type: "error", message}.
import { createConnDiag } from './api.mjs';
import { ASSETS, locateAsset } from './assets.mjs';

/* global ConnDiagModule, importScripts */
importScripts(ASSETS.glue);

let diag = null;

self.onmessage = async (event) => {
  const { id, type, text, options, kb } = event.data || {};
  try {
    if (type === 'load') {
      diag = await createConnDiag(ConnDiagModule, { kb, locateFile: locateAsset });
      self.postMessage({ type: 'ready', info: diag.kbInfo() });
    } else if (type === 'classify' || type === 'classifyLog') {
      if (!diag) throw new Error('send {type: "load", kb} first');
      self.postMessage({ id, type: 'result', value: diag[type](text, options || {}) });
    } else {
      throw new Error(`unknown message type ${JSON.stringify(type)}`);
    }
  } catch (e) {
    self.postMessage({ id, type: 'error', message: e.message });
  }
};
