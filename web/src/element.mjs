// <conn-diag>: the diagnoser as a custom element for help portals, in a shadow root so that neither the
// portal's CSS nor ours leaks across. Defined by conndiag-embed.js (one <script> tag).
//
// Attributes: lang ("en" | "fr"), app (app key), kb-src (URL of a knowledge base that extends or replaces
// the built-in one), compact, text (the error to diagnose; also typed by the person).
// Events (bubbling, composed): conndiag:result (detail: the result), conndiag:error (detail: {message}).
import cardsCss from '../cards.css';
import elementCss from '../element.css';
import { createConnDiag } from './api.mjs';
import { defaultKnowledgeBase, locateAsset } from './assets.mjs';
import { clear, h } from './dom.mjs';
import { fieldsView } from './fields-view.mjs';
import { STRINGS, wordsFor } from './i18n.mjs';
import { resultCard } from './result-view.mjs';

/* global ConnDiagModule */
// Resolved against this script, not the host page: the module, the wasm and kb.json live beside it.
const scriptUrl = document.currentScript ? document.currentScript.src : document.baseURI;
const DEBOUNCE_MS = 150;

// One module instance for every element on the page; each knowledge base loads into it once.
let modulePromise;
const diagnosers = new Map();
function diagnoserFor(kbSrc) {
  if (!diagnosers.has(kbSrc)) {
    modulePromise ||= ConnDiagModule({ locateFile: locateAsset });
    diagnosers.set(kbSrc, (async () => {
      const kb = await defaultKnowledgeBase(scriptUrl);
      if (!kbSrc) return createConnDiag(() => modulePromise, { kb });
      const url = new URL(kbSrc, document.baseURI).href;
      let overlay;
      try {
        const response = await fetch(url, { credentials: 'same-origin' });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        overlay = await response.text();
        JSON.parse(overlay);
      } catch (e) {
        throw new Error(`${url}: cannot load the knowledge base (${e.message})`);
      }
      // Merged and validated in the core, like the CLI's --kb: errors name the portal file's own path.
      try {
        return await createConnDiag(() => modulePromise, { kb, overlay });
      } catch (e) {
        throw new Error(`${url}: ${e.message}`);
      }
    })());
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
    return ['lang', 'app', 'kb-src', 'compact', 'text'];
  }

  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).adoptedStyleSheets = [styles()];
    this._id = `cd${(counter += 1)}`;
    this._timer = 0;
    this._diag = null;
  }

  get words() {
    const lang = this.getAttribute('lang') || document.documentElement.lang || navigator.language || 'en';
    return wordsFor(lang.toLowerCase().startsWith('fr') ? 'fr' : 'en');
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
    this._input.addEventListener('input', () => {
      clearTimeout(this._timer);
      this._timer = setTimeout(() => this._classify(), DEBOUNCE_MS);
    });
    this._select = h('select', { id: `${this._id}-app`, part: 'app-select', onchange: () => this._classify() },
      h('option', { value: '' }, w.anyApp));
    this._status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite', part: 'status' });
    this._results = h('div', { class: 'results', part: 'results' });
    root.append(h('div', { class: 'frame', part: 'frame' },
      h('label', { for: `${this._id}-text` }, w.errorLabel), this._input,
      h('div', { class: 'row' }, h('label', { for: `${this._id}-app` }, w.appLabel), this._select),
      this._status, this._results));
    this._fillApps();
  }

  _fillApps() {
    if (!this._diag) return;
    const w = this.words;
    const lang = w === STRINGS.fr ? 'fr' : 'en';
    for (const app of this._diag.kbInfo().apps) {
      if (app.key !== 'all') this._select.append(h('option', { value: app.key }, (Object.hasOwn(app.name, lang) && app.name[lang]) || app.name.en || app.key));
    }
    this._select.value = this.getAttribute('app') || '';
  }

  async _load() {
    const kbSrc = this.getAttribute('kb-src') || '';
    this._diag = null;
    this._status.textContent = this.words.loading;
    try {
      const diag = await diagnoserFor(kbSrc);
      if ((this.getAttribute('kb-src') || '') !== kbSrc) return;  // changed while loading
      this._diag = diag;
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
    this._results.append(h('p', { class: 'error', role: 'alert', part: 'error' }, `${this.words.errorLoading}: ${message}`));
    this.dispatchEvent(new CustomEvent('conndiag:error', { detail: { message }, bubbles: true, composed: true }));
  }

  _classify() {
    clearTimeout(this._timer);
    if (!this._diag) return;
    const w = this.words;
    const text = this._input.value;
    clear(this._results);
    if (!text.trim()) {
      this._results.append(h('p', { class: 'empty' }, w.empty));
      this._status.textContent = '';
      return;
    }
    let result;
    try {
      result = this._diag.classify(text, { app: this._select.value, lang: w === STRINGS.fr ? 'fr' : 'en', top: this.hasAttribute('compact') ? 1 : 3 });
    } catch (e) {
      this._fail(e.message);
      return;
    }
    this._result = result;
    if (!result.matches.length) {
      this._status.textContent = w.noMatch;
      this._results.append(h('p', { class: 'empty' }, w.noMatchNext));
    } else {
      const top = result.matches[0];
      this._status.textContent = `${w.results(result.matches.length)}. ${top.app_name}: ${top.confident ? w.likely : w.possible}.`;
      result.matches.forEach((m, i) => {
        const card = resultCard(m, i + 1, text, w, `${this._id}-card`);
        card.setAttribute('part', 'card');
        this._results.append(card);
      });
    }
    const fields = fieldsView(result, w);
    if (fields) this._results.append(fields);
    this.dispatchEvent(new CustomEvent('conndiag:result', { detail: result, bubbles: true, composed: true }));
  }
}

if (!customElements.get('conn-diag')) customElements.define('conn-diag', ConnDiagElement);
