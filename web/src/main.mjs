// The page: paste box, app filter, language toggle, results, log view, shareable link.
import { createConnDiag } from './api.mjs';
import { defaultKnowledgeBase, inlinedWasm, locateAsset } from './assets.mjs';
import { clear, h } from './dom.mjs';
import { startEmbedMode, tellLoadFailure } from './embed-mode.mjs';
import { initialLanguage, isLanguage, rememberLanguage, wordsFor } from './i18n.mjs';
import { debouncer, fillAppSelect } from './input.mjs';
import { groupEvents, logView } from './log-view.mjs';
import { renderEntry } from './permalink.mjs';
import { redact } from './redact.mjs';
import { REPORT_CANDIDATES } from './report.mjs';
import { renderEmpty, renderResult } from './result-view.mjs';
import { fromFragment, toFragment } from './share.mjs';
import { readSiteConfig } from './site-config.mjs';
import { classifyText, pageWorker, pageWorkerUrl, WORKER_CHARS, WorkerClient } from './worker-client.mjs';

const LOG_LINES = 40;  // a paste with more lines than this is treated as a log

/* global ConnDiagModule */
let wasmPromise;
function wasm() {
  if (!wasmPromise) {
    wasmPromise = inlinedWasm();
    wasmPromise.catch(() => (wasmPromise = null));  // not cached when it fails: trying again starts afresh
  }
  return wasmPromise;
}

/**
 * The page's public global: `await ConnDiag.create({kb?})` gives a Diagnoser (api.mjs). The name is a
 * contract with the scripts that use the page; the class it makes is Diagnoser.
 */
const ConnDiag = {
  async create(options = {}) {
    const kb = options.kb ?? defaultKnowledgeBase();  // fetched while the module compiles
    return createConnDiag(ConnDiagModule, { kb, wasmBinary: wasm(), locateFile: locateAsset });
  },
};
globalThis.ConnDiag = ConnDiag;

const $ = (id) => document.getElementById(id);
const state = { lang: 'en', diag: null, runs: 0, kbText: null, logRun: 0, portalRun: 0, entry: null, reportTo: null };
const typing = debouncer(run);

function words() {
  return wordsFor(state.lang);
}

function applyLanguage() {
  const w = words();
  document.documentElement.lang = state.lang;
  document.title = w.title;
  $('tagline').textContent = w.tagline;
  $('error-label').textContent = w.errorLabel;
  $('results-title').textContent = w.resultsTitle;
  $('error-text').placeholder = w.placeholder;
  $('app-label').textContent = w.appLabel;
  $('lang-toggle').textContent = w.language;
  $('lang-toggle').title = w.languageTitle;
  $('lang-toggle').setAttribute('lang', state.lang === 'en' ? 'fr' : 'en');
  $('log-label').textContent = w.openLog;
  $('drop-hint').textContent = w.dropHint;
  $('share').textContent = w.share;
  $('share-tenants-label').textContent = w.shareTenants;
  fillAppSelect($('app'), state.diag && state.diag.kbInfo(), state.lang, w);
  renderFooter();
}

function renderFooter() {
  if (!state.diag) return;
  const info = state.diag.kbInfo();
  $('footer-text').textContent =
    `${words().footer} ${info.version} · conndiag ${info.build.version} (${info.build.git})`;
}

function status(message) {
  $('status').textContent = message;
}

// FNV-1a over UTF-16 units: #results carries the hash of the text it shows (data-text-hash), so
// scripts and tests can tell a fresh result from a stale one.
function textHash(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16);
}

function rendered(text) {
  state.runs += 1;
  $('results').dataset.runs = String(state.runs);
  $('results').dataset.textHash = textHash(text);
}

// Answering "which app" selects it and classifies again.
function chooseApp(app) {
  $('app').value = app;
  run();
}

function showResult(text, result) {
  const app = $('app').value;
  const report = {
    reportTo: state.reportTo,
    lang: state.lang,
    info: state.diag.kbInfo(),
    candidates: async () => (await classifyText(state.diag, background, text, { app, lang: state.lang, top: REPORT_CANDIDATES })).matches,
  };
  status(renderResult($('results'), text, result, words(), { app, chooseApp, report }));
  rendered(text);
}

// Where "Open report" goes: IT's config file first (a link someone sent cannot redirect reports away from
// the address IT set), else the page's ?report-to= parameter.
function reportAddress(config, params) {
  return config.reportTo ?? params.get('report-to');
}

// The summary announced in the status region: problems counted as the log view groups them.
function logStatus(events, lines) {
  return events.length ? words().logSummary(groupEvents(events).length, lines) : words().logNone;
}

// "Diagnose this line" in a log: the line alone in the box, classified as a single paste (where the app can be
// chosen), the log's results replaced.
function diagnoseLine(line) {
  $('error-text').value = line;
  $('error-text').focus();
  run();
}

function renderLog(text, events) {
  const out = $('results');
  clear(out);
  const lines = text.split(/\r\n|\r|\n/).length;
  status(logStatus(events, lines));
  out.append(logView(events, lines, words(), [], { onDiagnose: diagnoseLine }));
  rendered(text);
}

function run() {
  typing.cancel();
  if (!state.diag) return;
  const text = $('error-text').value;
  const options = { app: $('app').value, lang: state.lang };
  if (!text.trim() && state.entry) {
    showEntry();
    return;
  }
  if (!text.trim()) {
    status(renderEmpty($('results'), words()));
    rendered(text);
    return;
  }
  if (text.length > WORKER_CHARS) {
    openLog(new Blob([text], { type: 'text/plain' }), { keepText: true });
    return;
  }
  try {
    if (text.split('\n', LOG_LINES + 1).length > LOG_LINES) renderLog(text, state.diag.classifyLog(text, options));
    else showResult(text, state.diag.classify(text, options));
  } catch (e) {
    status(`${words().errorLoading}: ${e.message}`);
  }
}

// A link to one answer (#entry=<id>): its card from the knowledge base the page loaded, in the shown language.
async function showEntry() {
  const id = state.entry;
  state.kbText ||= await defaultKnowledgeBase();
  if (id !== state.entry || $('error-text').value.trim()) return;  // another link or a paste came meanwhile
  try {
    status(renderEntry($('results'), state.kbText, id, words(), state.lang));
  } catch (e) {
    status(`${words().errorLoading}: ${e.message}`);
  }
  rendered(`entry:${id}`);
}

// A link's content: an answer (#entry=) or a paste (#text=, with its app and language).
function applyLink(fromLink) {
  if (isLanguage(fromLink.lang) && fromLink.lang !== state.lang) {
    state.lang = fromLink.lang;
    applyLanguage();
  }
  state.entry = fromLink.entry || null;
  if (fromLink.entry) $('error-text').value = '';
  else if (fromLink.text !== undefined) $('error-text').value = fromLink.text;
  if (fromLink.app !== undefined) $('app').value = fromLink.app;
}

// "/" jumps to the error box, as on many sites, unless the person is typing somewhere.
function slashFocus(e) {
  if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
  const target = e.target;
  if (target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
  e.preventDefault();
  $('error-text').focus();
}

// What the worker loads: the knowledge base text and the wasm (fetched or inlined once, again after a failure).
async function workerAssets() {
  state.kbText ||= await defaultKnowledgeBase();
  return { kb: state.kbText, wasmBinary: await wasm(), base: pageWorkerUrl() || undefined };
}

const background = new WorkerClient(pageWorker, workerAssets);

// Logs are read and classified in a Web Worker, chunk by chunk: the page stays responsive, shows
// progress and the problems found so far, and can cancel.
async function openLog(file, { keepText = false } = {}) {
  // A log opened while another is read replaces it: the first one's results and status never show.
  const mine = ++state.logRun;
  const current = () => mine === state.logRun;
  const w = words();
  if (!keepText) $('error-text').value = '';
  const options = { app: $('app').value, lang: state.lang };
  const show = (events, lines, warnings) => {
    clear($('results'));
    $('results').append(logView(events, lines, words(), warnings, { onDiagnose: diagnoseLine }));
  };
  $('log-progress').hidden = false;
  $('log-progress-bar').value = 0;
  $('log-cancel').textContent = w.logCancel;
  $('log-progress-text').textContent = w.logProgress('0', (file.size / 1048576).toFixed(1), 0);
  clear($('results'));
  try {
    const result = await background.classifyLogFile(file, options, (p) => {
      if (!current()) return;
      $('log-progress-bar').value = p.total ? p.bytes / p.total : 1;
      $('log-progress-text').textContent = words().logProgress((p.bytes / 1048576).toFixed(1), (p.total / 1048576).toFixed(1), p.lines);
      // Redrawn only when what it shows changed: the table groups events by problem, so new events or
      // counts change it, and a piece with nothing new leaves it alone.
      if (p.changed) show(p.events, p.lines, p.warnings);
    });
    if (!current()) return;
    show(result.events, result.lines, result.warnings);
    status(logStatus(result.events, result.lines));
    rendered(keepText ? $('error-text').value : `log:${file.name}:${file.size}`);
  } catch (e) {
    if (current()) status(e.cancelled ? words().logCancelled : `${words().errorLoading}: ${e.message}`);
  } finally {
    if (current()) $('log-progress').hidden = true;
  }
}

async function share() {
  const { text, count } = redact($('error-text').value, { tenantIds: $('share-tenants').checked });
  const fragment = toFragment({ text, app: $('app').value, lang: state.lang });
  history.replaceState(null, '', fragment);
  const url = location.href;
  try {
    await navigator.clipboard.writeText(url);
  } catch {
    // The address bar now holds the link: the person can copy it from there.
  }
  status(words().shareDone(count));
}

// Iframe mode: the portal's classify requests, shown as if typed; big texts go to the worker.
async function classifyForPortal(text, app, lang) {
  if (lang !== state.lang && isLanguage(lang)) {
    state.lang = lang;
    applyLanguage();
  }
  const mine = ++state.portalRun;
  $('error-text').value = text;
  $('app').value = app;
  const result = await classifyText(state.diag, background, text, { app, lang: state.lang });
  if (mine === state.portalRun) showResult(text, result);  // an older request answered late is not shown
  return result;
}

function linkBlocked(url) {
  status(words().linkBlocked(url));
}

// Loads the diagnoser; on failure says why and offers to try again (nothing failed is kept).
async function load(params) {
  status(words().loading);
  clear($('results'));
  try {
    state.diag = await ConnDiag.create();
    return true;
  } catch (e) {
    status(`${words().errorLoading}: ${e.message}`);
    $('results').append(h('button', { type: 'button', id: 'retry', onclick: () => start() }, words().tryAgain));
    tellLoadFailure(params, e.message);
    return false;
  }
}

let started = false;

async function start() {
  const params = new URLSearchParams(location.search);
  const fromLink = fromFragment(location.hash);
  state.lang = initialLanguage(fromLink.lang);
  applyLanguage();
  const config = readSiteConfig();  // read while the module loads
  if (!(await load(params))) return;
  state.reportTo = reportAddress(await config, params);
  applyLanguage();
  applyLink(fromLink);
  if (started) {
    run();
    return;
  }
  started = true;
  $('error-text').addEventListener('input', () => {
    state.entry = null;  // a paste replaces the answer a link showed
    typing.schedule();
  });
  $('error-text').addEventListener('paste', () => setTimeout(run, 0));
  $('app').addEventListener('change', run);
  $('lang-toggle').addEventListener('click', () => {
    state.lang = state.lang === 'en' ? 'fr' : 'en';
    rememberLanguage(state.lang);
    applyLanguage();
    run();
  });
  $('log-file').addEventListener('change', (e) => e.target.files[0] && openLog(e.target.files[0]));
  const drop = $('drop-zone');
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('dragging');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('dragging'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('dragging');
    if (e.dataTransfer.files[0]) openLog(e.dataTransfer.files[0]);
  });
  $('share').addEventListener('click', share);
  $('log-cancel').addEventListener('click', () => background.cancelLog());
  // A second shared link opened in the same tab changes only the fragment: show its content.
  window.addEventListener('hashchange', () => {
    applyLink(fromFragment(location.hash));
    run();
  });
  document.addEventListener('keydown', slashFocus);
  document.body.dataset.ready = 'true';
  run();
  startEmbedMode(params, { info: () => state.diag.kbInfo(), classify: classifyForPortal, linkBlocked });
}

start();
