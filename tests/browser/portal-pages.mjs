// Portal pages for the embedding tests (Chromium's hostile.test.mjs, Firefox's page.test.mjs): a help
// portal on another origin than the hosted conndiag folder, with a strict Content-Security-Policy of its
// own, embedding the element or framing the page.
import { writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes `${name}.html` into `dir`: `body` under a CSP that lets scripts come from the portal itself and
 * from the conndiag site (`siteUrl`), and nothing else unless `extraCsp` adds it (e.g. "; worker-src
 * blob:"). `script`: the portal's own script, written beside it as `${name}.js`; `head`: more head markup
 * (a style sheet of the portal's).
 */
export function writePortalPage(dir, siteUrl, name, body, { script, extraCsp = '', head = '' } = {}) {
  const siteOrigin = new URL(siteUrl).origin;
  const csp = `default-src 'none'; script-src 'self' ${siteOrigin} 'wasm-unsafe-eval'; connect-src 'self' ${siteOrigin}; ` +
    `style-src 'self'; img-src data:; frame-src ${siteOrigin}${extraCsp}`;
  writeFileSync(path.join(dir, `${name}.html`), `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="${csp}"><link rel="icon" href="data:,"><title>${name}</title>
    ${head}${script ? `<script src="${name}.js" defer></script>` : ''}</head><body>${body}</body></html>`);
  if (script) writeFileSync(path.join(dir, `${name}.js`), script);
}

/** The script tag that defines the element, from the conndiag site. */
export const embedScript = (siteUrl) => `<script src="${siteUrl}conndiag-embed.js" defer></script>`;

/** The element's script tag and the element, as a portal writes them. */
export const embeddedElement = (siteUrl, attributes = '') => `${embedScript(siteUrl)}<conn-diag${attributes}></conn-diag>`;

/**
 * The page framed in `?embed=1` mode, telling it `parent` as the portal's origin, in a sandbox (by
 * default scripts only: an opaque origin). Pair with FRAME_PORTAL_SCRIPT.
 */
export const framedPage = (siteUrl, parent, sandbox = 'allow-scripts') =>
  `<iframe id="f" title="diagnoser" sandbox="${sandbox}" src="${siteUrl}index.html?embed=1&parent=${encodeURIComponent(parent)}"></iframe>`;

/** The portal side of the iframe protocol: records what the frame sends, posts what the test asks. */
export const FRAME_PORTAL_SCRIPT = `
  window.received = [];
  const frame = document.getElementById('f');
  window.addEventListener('message', (e) => { if (e.source === frame.contentWindow) window.received.push(e.data); });
  window.send = (msg) => frame.contentWindow.postMessage(msg, '*');`;
