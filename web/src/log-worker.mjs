// Runs big logs in a Web Worker: started from conndiag-worker.js when hosted, from a blob of the inlined
// sources in the offline file. One log at a time; cancelling ends the worker.

let worker = null;
let ready = null;

function start(kb, wasmBinary) {
  const inline = document.getElementById('conndiag-worker-src');
  const glue = document.getElementById('conndiag-glue');
  worker = inline && glue
    ? new Worker(URL.createObjectURL(new Blob([glue.textContent, '\n', inline.textContent], { type: 'text/javascript' })))
    : new Worker(new URL('conndiag-worker.js', document.baseURI));
  ready = new Promise((resolve, reject) => {
    worker.onmessage = (e) => (e.data.type === 'ready' ? resolve() : reject(new Error(e.data.message)));
    worker.onerror = (e) => reject(new Error(e.message || 'the worker failed to start'));
  });
  worker.postMessage({ type: 'load', kb, wasmBinary });
}

/**
 * Classifies a log file in the worker.
 * @param {Blob} file
 * @param {object} options  classify options
 * @param {{kb: string, wasmBinary?: Uint8Array}} assets  what the worker loads (once)
 * @param {(progress: {bytes: number, total: number, lines: number, events: object[]}) => void} onProgress
 * @returns {Promise<{lines: number, events: object[]}>}  rejects with {cancelled: true} when cancelled
 */
export async function classifyLogFile(file, options, assets, onProgress) {
  if (!worker) start(assets.kb, assets.wasmBinary);
  await ready;
  return new Promise((resolve, reject) => {
    worker.onmessage = (e) => {
      const msg = e.data;
      if (msg.type === 'progress') onProgress(msg);
      else if (msg.type === 'result') resolve(msg.value);
      else if (msg.type === 'error') reject(new Error(msg.message));
    };
    worker.onerror = (e) => reject(new Error(e.message || 'the worker failed'));
    cancelCurrent = () => {
      worker.terminate();
      worker = null;
      reject(Object.assign(new Error('cancelled'), { cancelled: true }));
    };
    worker.postMessage({ id: 1, type: 'log', file, options });
  });
}

let cancelCurrent = () => {};

/** Stops the log being classified (its promise rejects with {cancelled: true}). */
export function cancelLog() {
  cancelCurrent();
  cancelCurrent = () => {};
}
