// <conn-diag>: the diagnoser as a custom element for help portals, in a shadow root so that neither the
// portal's CSS nor ours leaks across. Defined by conndiag-embed.js (one <script> tag).
//
// Attributes: lang ("en" | "fr"), app (app key), kb-src (URL of a knowledge base that extends or replaces
// the built-in one), compact, text (the error to diagnose; also typed by the person), report-to (where
// "Not the right answer?" reports go: a mailto: address or an http(s) URL template, see report.mjs).
// Events (bubbling, composed): conndiag:result (detail: the result), conndiag:error (detail: {message}).
import cardsCss from '../cards.css';
import elementCss from '../element.css';
import { createConnDiag } from './api.mjs';
import { defaultKnowledgeBase, defaultPreparedKnowledgeBase, locateAsset } from './assets.mjs';
import { clear, h } from './dom.mjs';
import { wordsFor } from './i18n.mjs';
import { debouncer, fillAppSelect } from './input.mjs';
import { REPORT_CANDIDATES } from './report.mjs';
import { renderEmpty, renderResult } from './result-view.mjs';
import { warmUpPaste } from './warm-up-paste.mjs';
import { classifyText, workerAt, WorkerClient } from './worker-client.mjs';

/* global ConnDiagModule */
// Resolved against this script, not the host page: the module, the wasm and kb.json live beside it.
const scriptUrl = document.currentScript ? document.currentScript.src : document.baseURI;

// One module instance for every element on the page; each knowledge base loads into it once, and gets
// one worker (started on the first big paste) for texts too long for the main thread.
let modulePromise;
const diagnosers = new Map();

async function loadDiagnoser(kbSrc) {
  // The built-in knowledge base's prepared form, fetched beside its JSON; an overlay is merged with the JSON.
  const prepared = kbSrc ? undefined : defaultPreparedKnowledgeBase(scriptUrl);
  const kb = await defaultKnowledgeBase(scriptUrl);
  let overlay;
  const url = kbSrc ? new URL(kbSrc, document.baseURI).href : '';
  if (kbSrc) {
    try {
      const response = await fetch(url, { credentials: 'same-origin' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      overlay = await response.text();
      JSON.parse(overlay);
    } catch (e) {
      throw new Error(`${url}: cannot load the knowledge base (${e.message})`);
    }
  }
  let diag;
  try {
    // Merged and validated in the core, like the CLI's --kb: errors name the portal file's own path.
    // The built-in knowledge base's patterns compile when first needed (its tests check them all); the
    // portal's overlay is checked whole while loading.
    diag = await createConnDiag(() => modulePromise, { kb, prepared, overlay, compilePatternsOnFirstUse: true });
  } catch (e) {
    throw new Error(kbSrc ? `${url}: ${e.message}` : e.message);
  }
  warmUpPaste(diag, 'en');  // shared by every element with this kb-src
  const workerUrl = new URL('conndiag-worker.js', scriptUrl).href;
  const background = new WorkerClient(() => workerAt(workerUrl), async () => ({ kb, prepared: await prepared, overlay, base: workerUrl, compilePatternsOnFirstUse: true }));
  return { diag, background };
}

function diagnoserFor(kbSrc) {
  if (!diagnosers.has(kbSrc)) {
    if (!modulePromise) {
      modulePromise = ConnDiagModule({ locateFile: locateAsset });
      modulePromise.catch(() => (modulePromise = null));
    }
    const loading = loadDiagnoser(kbSrc);
    // A failure is not kept: the next element, a changed kb-src or "Try again" loads afresh.
    loading.catch(() => diagnosers.delete(kbSrc));
    diagnosers.set(kbSrc, loading);
  }
  return diagnosers.get(kbSrc);
}

let sheet;
function styles() {
  // Constructed style sheets are not inline <style>: a host page's strict style-src still allows them.
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(elementCss + cardsCss);
  }
  return sheet;
}

let counter = 0;

class ConnDiagElement extends HTMLElement {
  static get observedAttributes() {
    return ['lang', 'app', 'kb-src', 'compact', 'text', 'report-to'];
  }

  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).adoptedStyleSheets = [styles()];
    this._id = `cd${(counter += 1)}`;
    this._typing = debouncer(() => this._classify());
    this._diag = null;
    this._background = null;
    this._run = 0;
  }

  /** The language shown: the lang attribute, else the host page's, else the browser's; French or English. */
  get lang() {
    const lang = this.getAttribute('lang') || document.documentElement.lang || navigator.language || 'en';
    return lang.toLowerCase().startsWith('fr') ? 'fr' : 'en';
  }

  get words() {
    return wordsFor(this.lang);
  }

  connectedCallback() {
    this._render();
    this._load();
  }

  attributeChangedCallback(name, oldValue, value) {
    // Initial attributes arrive before connectedCallback has rendered: it reads them itself.
    if (!this._input || oldValue === value) return;
    if (name === 'kb-src') this._load();
    else if (name === 'text') {
      this._input.value = value || '';
      this._classify();
    } else if (name === 'lang') {
      this._render();
      this._classify();
    } else {
      if (name === 'app') this._select.value = value || '';
      this._classify();
    }
  }

  /** The last result, or null. */
  get result() {
    return this._result || null;
  }

  _render() {
    const w = this.words;
    const root = this.shadowRoot;
    const text = this._input ? this._input.value : this.getAttribute('text') || '';
    clear(root);
    this._input = h('textarea', { id: `${this._id}-text`, part: 'input', rows: 4, spellcheck: 'false', placeholder: w.placeholder });
    this._input.value = text;
    this._input.addEventListener('input', () => this._typing.schedule());
    this._select = h('select', { id: `${this._id}-app`, part: 'app-select', onchange: () => this._classify() });
    this._status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite', part: 'status' });
    this._results = h('div', { class: 'results', part: 'results' });
    root.append(h('div', { class: 'frame', part: 'frame' },
      h('label', { for: `${this._id}-text` }, w.errorLabel), this._input,
      h('div', { class: 'row' }, h('label', { for: `${this._id}-app` }, w.appLabel), this._select),
      this._status, this._results));
    this._fillApps();
  }

  _fillApps() {
    fillAppSelect(this._select, this._diag && this._diag.kbInfo(), this.lang, this.words);
    // The app attribute picks the app once the knowledge base's apps are there.
    if (this._diag) this._select.value = this.getAttribute('app') || '';
  }

  async _load() {
    const kbSrc = this.getAttribute('kb-src') || '';
    this._diag = null;
    this._status.textContent = this.words.loading;
    try {
      const { diag, background } = await diagnoserFor(kbSrc);
      if ((this.getAttribute('kb-src') || '') !== kbSrc) return;  // changed while loading
      this._diag = diag;
      this._background = background;
      this._fillApps();
      this._status.textContent = '';
      this._classify();
    } catch (e) {
      this._fail(e.message);
    }
  }

  _fail(message) {
    clear(this._results);
    this._status.textContent = '';
    this._results.append(h('p', { class: 'error', role: 'alert', part: 'error' }, this.words.labelled(this.words.errorLoading, message)));
    if (!this._diag) this._results.append(h('button', { type: 'button', part: 'retry', onclick: () => this._load() }, this.words.tryAgain));
    this.dispatchEvent(new CustomEvent('conndiag:error', { detail: { message }, bubbles: true, composed: true }));
  }

  async _classify() {
    this._typing.cancel();
    if (!this._diag) return;
    const mine = ++this._run;  // a result that arrives after a newer request is not shown
    const w = this.words;
    const text = this._input.value;
    if (!text.trim()) {
      this._status.textContent = renderEmpty(this._results, w);
      return;
    }
    const options = { app: this._select.value, lang: this.lang, top: this.hasAttribute('compact') ? 1 : 3 };
    let result;
    try {
      // Long texts go to the worker (the status says it waits), short ones are answered here.
      result = await classifyText(this._diag, this._background, text, options, () => (this._status.textContent = w.loading));
    } catch (e) {
      if (mine === this._run) this._fail(e.message);
      return;
    }
    if (mine !== this._run) return;
    this._result = result;
    const diag = this._diag;
    const background = this._background;
    this._status.textContent = renderResult(this._results, text, result, w, {
      idPrefix: `${this._id}-`,
      cardPart: 'card',
      app: this._select.value,
      chooseApp: (app) => {
        this._select.value = app;
        this._classify();
      },
      report: {
        reportTo: this.getAttribute('report-to'),
        lang: options.lang,
        info: diag.kbInfo(),
        candidates: async () => (await classifyText(diag, background, text, { ...options, top: REPORT_CANDIDATES })).matches,
      },
    });
    this.dispatchEvent(new CustomEvent('conndiag:result', { detail: result, bubbles: true, composed: true }));
  }
}

if (!customElements.get('conn-diag')) customElements.define('conn-diag', ConnDiagElement);
