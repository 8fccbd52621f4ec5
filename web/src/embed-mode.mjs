// Iframe mode (index.html?embed=1&parent=ORIGIN[,ORIGIN]): a portal puts the page in
// <iframe sandbox="allow-scripts ..."> and talks to it with postMessage. Only the listed parent origins
// are answered; every other message is ignored.

/**
 * The parent origins as browsers write `event.origin` (scheme://host[:port], lower case, no path):
 * "https://Help.Contoso.com/" and "https://help.contoso.com" are the same origin. Entries that are not
 * URLs, and "null" (an opaque origin anyone can have), are dropped: trusting them would trust everyone.
 * @param {string|null} param  the `parent=` value, comma-separated
 * @returns {string[]}
 */
export function parentOrigins(param) {
  const origins = new Set();
  for (const raw of (param || '').split(',')) {
    let origin;
    try {
      origin = new URL(raw.trim()).origin;
    } catch {
      continue;
    }
    if (origin !== 'null') origins.add(origin);
  }
  return [...origins];
}

/** Sends a message to every trusted parent origin. */
export function tellParents(origins, message) {
  if (window.parent === window) return;
  for (const origin of origins) window.parent.postMessage(message, origin);
}

/** Whether the page runs in iframe mode (?embed=1). */
function isEmbedded(params) {
  return params.get('embed') === '1';
}

/** In iframe mode, tells the trusted parents that the diagnoser could not start (they may show their own help). */
export function tellLoadFailure(params, message) {
  if (isEmbedded(params)) tellParents(parentOrigins(params.get('parent')), { type: 'error', message });
}

/**
 * Starts answering the portal; does nothing outside iframe mode.
 * @param {URLSearchParams} params
 * @param {{
 *   info: () => object,
 *   classify: (text: string, app: string, lang: string|undefined) => Promise<object>,
 *   linkBlocked: (url: string) => void,
 * }} page  what the page does for the portal: classify (and show) a text, say that a link was blocked
 */
export function startEmbedMode(params, page) {
  if (!isEmbedded(params)) return;
  const trusted = parentOrigins(params.get('parent'));
  const tell = (message) => tellParents(trusted, message);
  document.body.classList.add('embedded');
  let ignored = 0;
  window.addEventListener('message', async (event) => {
    if (event.source !== window.parent || !trusted.includes(event.origin)) {
      // Counted where scripts and tests can see that a message was refused (nothing else shows it).
      document.body.dataset.ignoredMessages = String((ignored += 1));
      return;
    }
    const msg = event.data;
    if (!msg || msg.type !== 'classify') return;
    try {
      if (typeof msg.text !== 'string') throw new Error('classify needs a string "text"');
      const result = await page.classify(msg.text, typeof msg.app === 'string' ? msg.app : '', msg.lang);
      event.source.postMessage({ type: 'result', id: msg.id, result }, event.origin);
    } catch (e) {
      event.source.postMessage({ type: 'error', id: msg.id, message: e.message }, event.origin);
    }
  });

  // Links (vendor pages, sources) open in a new tab; a sandbox without allow-popups blocks that silently.
  // Tried here so that, when blocked, the person reads the address and the portal is told and may open it.
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[target="_blank"]') : null;
    if (!link) return;
    event.preventDefault();
    const opened = window.open(link.href, '_blank');
    if (opened) {
      opened.opener = null;
      return;
    }
    page.linkBlocked(link.href);
    tell({ type: 'link', url: link.href });
  });

  // The portal sizes the iframe from this.
  let last = 0;
  new ResizeObserver(() => {
    const height = Math.ceil(document.documentElement.scrollHeight);
    if (height !== last) tell({ type: 'height', height: (last = height) });
  }).observe(document.body);
  tell({ type: 'ready', info: page.info() });
}
