// The page: paste box, app filter, language toggle, results, log view, shareable link.
import { createConnDiag } from './api.mjs';
import { defaultKnowledgeBase, defaultPreparedKnowledgeBase, inlinedWasm, locateAsset } from './assets.mjs';
import { browseFragment, browseQuery, browseView } from './browse.mjs';
import { clear, h } from './dom.mjs';
import { startEmbedMode, tellLoadFailure } from './embed-mode.mjs';
import { examples, SAMPLE_LOG_LINES } from './examples.mjs';
import { initialLanguage, inLanguage, isLanguage, rememberLanguage, wordsFor } from './i18n.mjs';
import { debouncer, fillAppSelect } from './input.mjs';
import { logFileBar } from './log-file-bar.mjs';
import { groupEvents, logView } from './log-view.mjs';
import { MARK_FIRST_ANSWER, MARK_READY, markOnce } from './marks.mjs';
import { renderEntry } from './permalink.mjs';
import { redact } from './redact.mjs';
import { redactionSummary, REPORT_CANDIDATES } from './report.mjs';
import { renderEmpty, renderResult } from './result-view.mjs';
import { fromFragment, toFragment } from './share.mjs';
import { readSiteConfig } from './site-config.mjs';
import { warmUpLogCode } from './warm-up-log-code.mjs';
import { warmUpPaste } from './warm-up-paste.mjs';
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

// The offline page's module, compiled once on this thread: the page's diagnoser and its log workers all
// instantiate this one (posted to them), so its code is compiled once for all three (Chromium shares the code
// of identical bytes anyway; Firefox compiled it again in each worker). Undefined when hosted: the module
// then fetches and compiles its wasm itself (streamed, and kept by the browser's code cache).
let compiledPromise;
function compiledWasm() {
  if (!compiledPromise) {
    compiledPromise = wasm().then((bytes) => bytes && WebAssembly.compile(bytes));
    compiledPromise.catch(() => (compiledPromise = null));
  }
  return compiledPromise;
}

/**
 * The page's public global: `await ConnDiag.create({kb?})` gives a Diagnoser (api.mjs). The name is a
 * contract with the scripts that use the page; the class it makes is Diagnoser.
 */
const ConnDiag = {
  async create(options = {}) {
    // The module first: in the offline file both are unpacked on this thread, the module's bytes first so
    // that they are ready soonest.
    const wasmModule = compiledWasm();
    const kb = options.kb ?? defaultKnowledgeBase();  // fetched (or unpacked) while the module compiles
    // The built-in knowledge base as the build prepared it (hosted), read back instead of parsed.
    const prepared = options.kb === undefined || options.kb === null ? defaultPreparedKnowledgeBase() : undefined;
    // The built-in knowledge base's patterns all compile (its tests check them): compiling each when first
    // needed brings the first answer sooner. Someone's own knowledge base is checked whole at load.
    const compilePatternsOnFirstUse = options.kb === undefined || options.kb === null;
    return createConnDiag(ConnDiagModule, { kb, prepared, wasmModule, locateFile: locateAsset, compilePatternsOnFirstUse });
  },
};
globalThis.ConnDiag = ConnDiag;

const $ = (id) => document.getElementById(id);
// appFromPrompt: the app filter was set by answering "which app" (not by the person choosing it): a new paste
// resets it. logShown: the results are a log's (a link carries one paste, so sharing is off). logFile: the log
// file shown (opened or dropped), read again in another language or for another app. browse: the browse
// view's search while it is shown (#browse=<words>), else null. reportTo: where a report opens (validated), or
// null, once the hosted page's config file has been read (a promise).
const state = { lang: 'en', diag: null, runs: 0, kbText: null, logRun: 0, portalRun: 0, entry: null, appFromPrompt: false,
                logShown: false, shareRun: 0, logFile: null, browse: null,
                reportTo: null };
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
  $('filter-reset').textContent = w.showAllApps;
  $('skip-link').textContent = w.skipLink;
  $('browse-link').textContent = w.browseLink;
  fillAppSelect($('app'), state.diag && state.diag.kbInfo(), state.lang, w);
  renderFooter();
}

function renderFooter() {
  if (!state.diag) return;
  const info = state.diag.kbInfo();
  $('footer-text').textContent =
    `${words().footer} ${info.version} · conndiag ${info.build.version} (${info.build.git})`;
}

// `repeatsHeading`: the message is the log's summary, which the log view shows as its heading: then it is
// only announced, not shown twice.
function status(message, { repeatsHeading = false } = {}) {
  $('status').textContent = message;
  $('status').classList.toggle('sr-only', repeatsHeading);
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
  showFilter();
  updateShare();
}

// The app filter says when it narrows what is shown, with a way back to every app.
function showFilter() {
  const select = $('app');
  const showsResults = state.logShown || $('error-text').value.trim() !== '';  // not the empty state, a card link or browse
  const narrowing = Boolean(select.value) && showsResults && !state.entry && state.browse === null;
  $('filter-note').hidden = !narrowing;
  if (narrowing) $('filter-text').textContent = words().filteredTo(select.selectedOptions[0].textContent);
}

function showAllApps() {
  $('app').value = '';
  state.appFromPrompt = false;
  run();
  $('error-text').focus();
}

// Answering "which app" selects it and classifies again; focus goes to the answer it asked for (the prompt's
// buttons are gone with the old result, and focus would otherwise fall to the top of the page).
function chooseApp(app) {
  $('app').value = app;
  state.appFromPrompt = true;
  run();
  const answer = $('results').querySelector('article.card h3');
  if (answer) {
    answer.tabIndex = -1;
    answer.focus();
  }
}

function showResult(text, result) {
  state.logShown = false;
  $('share-controls').hidden = false;  // shown from the first result on: before it there is nothing to share
  const app = $('app').value;
  const report = {
    reportTo: state.reportTo,
    lang: state.lang,
    info: state.diag.kbInfo(),
    candidates: async () => (await classifyText(state.diag, background, text, { app, lang: state.lang, top: REPORT_CANDIDATES })).matches,
  };
  status(renderResult($('results'), text, result, words(), { app, chooseApp, report }));
  rendered(text);
  markOnce(MARK_FIRST_ANSWER);
}

// Where "Open report" goes on a hosted page: IT's config file first (a link someone sent cannot redirect
// reports away from the address IT set), else the page's ?report-to= parameter. The offline file only copies:
// nothing it is opened with makes it open an address.
function reportAddress(config, params) {
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return null;
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

// What a log's rows can do: diagnose a line alone, and answer an unsure row's "which app" in the row (its
// line classified again on the main thread for that app; the page's app filter is left alone).
function logActions(unrecognizedLines = 0) {
  return {
    unrecognizedLines,
    onDiagnose: diagnoseLine,
    classifyWithApp: (text, app) => state.diag.classify(text, { app, lang: state.lang }),
    apps: [...$('app').options].filter((o) => o.value).map((o) => ({ key: o.value, name: o.textContent })),
  };
}

// A pasted log, read on the main thread in one piece (as a stream, so that the reader's counts and warnings
// come with the events, as they do for a file).
function renderLog(text, options) {
  state.logShown = true;
  const stream = state.diag.beginLog(options);
  let read;
  let last;
  try {
    read = stream.feed(text);
    last = stream.finish();  // also ends the stream
  } catch (e) {
    stream.cancel();
    throw e;
  }
  const { events, unrecognized_lines: unrecognizedLines } = last;
  const warnings = [...read.warnings, ...last.warnings];
  const out = $('results');
  clear(out);
  const lines = text.split(/\r\n|\r|\n/).length;
  status(logStatus(events, lines), { repeatsHeading: true });
  out.append(logView(events, lines, words(), warnings, logActions(unrecognizedLines)));
  rendered(text);
}

function run() {
  typing.cancel();
  if (!state.diag) return;
  const text = $('error-text').value;
  const options = { app: $('app').value, lang: state.lang };
  if (state.browse !== null) {
    showBrowse();
    return;
  }
  if (!text.trim() && state.entry) {
    showEntry();
    return;
  }
  if (!text.trim() && state.logFile) {
    openLog(state.logFile);  // in the language or for the app now chosen
    return;
  }
  if (!text.trim()) {
    state.logShown = false;
    status(renderEmpty($('results'), words(), firstVisit()));
    rendered(text);
    return;
  }
  if (text.length > WORKER_CHARS) {
    openLog(new Blob([text], { type: 'text/plain' }), { keepText: true });
    return;
  }
  try {
    if (text.split('\n', LOG_LINES + 1).length > LOG_LINES) renderLog(text, options);
    else showResult(text, state.diag.classify(text, options));
  } catch (e) {
    status(words().labelled(words().errorLoading, e.message));
  }
}

// An empty box: examples to try and what the knowledge base the page loaded knows (counted, not written down).
function firstVisit() {
  const info = state.diag.kbInfo();
  const appNames = info.apps.filter((a) => a.key !== 'all').map((a) => inLanguage(a.name, state.lang) || a.key)
    .sort((a, b) => a.localeCompare(b, state.lang));
  const w = words();
  const labels = { 'token-expired': w.exampleTokenExpired, 'bare-401': w.exampleBare401, log: w.exampleLog(SAMPLE_LOG_LINES) };
  return { examples: examples(state.lang).map((e) => ({ key: e.key, label: labels[e.key] })), tryExample, entries: info.entries, appNames };
}

// An example tried: in the box and diagnosed as if pasted (the log one is read as a pasted log).
function tryExample(key) {
  $('error-text').value = examples(state.lang).find((e) => e.key === key).text;
  state.entry = null;
  $('error-text').focus();  // the button goes away with the empty state
  run();
}

// The browse view (#browse) takes the paste view's place until Escape, its back link or another link.
async function showBrowse() {
  state.kbText ||= await defaultKnowledgeBase();
  if (state.browse === null) return;  // left while the knowledge base loaded
  const opening = !$('browse');
  const view = browseView(JSON.parse(state.kbText), words(), state.lang, {
    query: state.browse,
    onQuery: (query) => {
      state.browse = query;
      history.replaceState(null, '', browseFragment(query));  // Back from a card finds the same search
    },
  });
  if (opening) document.querySelector('main').append(view);
  else $('browse').replaceWith(view);
  document.body.classList.add('browsing');
  if (opening) $('browse-search').focus();
}

// Another link than #browse: the paste view again, focus on the card a result opened, else on the box.
function leaveBrowse(link) {
  if (!$('browse')) return;
  $('browse').remove();
  document.body.classList.remove('browsing');
  if (link.entry) {
    $('results').tabIndex = -1;
    $('results').focus();
  } else {
    $('error-text').focus();
  }
}

// Escape leaves the browse view for the error box, as its back link does (and the search box keeps its text).
function escapeBrowse(e) {
  if (e.key !== 'Escape' || e.defaultPrevented || !$('browse')) return;
  e.preventDefault();
  location.hash = 'error-text';
}

// A link to one answer (#entry=<id>): its card from the knowledge base the page loaded, in the shown language.
async function showEntry() {
  const id = state.entry;
  state.kbText ||= await defaultKnowledgeBase();
  if (id !== state.entry || $('error-text').value.trim()) return;  // another link or a paste came meanwhile
  try {
    status(renderEntry($('results'), state.kbText, id, words(), state.lang));
  } catch (e) {
    status(words().labelled(words().errorLoading, e.message));
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
  if (fromLink.entry || fromLink.text !== undefined) state.logFile = null;  // the link's content replaces it
  if (fromLink.entry) $('error-text').value = '';
  else if (fromLink.text !== undefined) $('error-text').value = fromLink.text;
  if (fromLink.app !== undefined) $('app').value = fromLink.app;
}

// "/" jumps to the error box (to the search while browsing), as on many sites, unless the person is typing somewhere.
function slashFocus(e) {
  if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
  const target = e.target;
  if (target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
  e.preventDefault();
  ($('browse-search') || $('error-text')).focus();
}

// What the worker loads: the knowledge base text (and its prepared form, hosted) and the wasm (fetched or
// inlined once, again after a failure): the offline page's compiled module, and its bytes for a worker that
// cannot take the module.
async function workerAssets() {
  state.kbText ||= await defaultKnowledgeBase();
  const [wasmModule, wasmBinary, prepared] = await Promise.all([compiledWasm(), wasm(), defaultPreparedKnowledgeBase()]);
  return { kb: state.kbText, prepared, wasmModule, wasmBinary, base: pageWorkerUrl() || undefined, compilePatternsOnFirstUse: true };
}

const background = new WorkerClient(pageWorker, workerAssets);

// How often a log's table is redrawn while it is read: every second, the first time a second after the
// read began (the progress line moves meanwhile; a log read sooner shows its table once, at the end). Each
// redraw rebuilds and lays out the whole table on the page's thread, which shares the cores with the log
// workers: a 100 MB log dropped after a drag took 0.706 s redrawn every 250 ms from the first problems on,
// 0.636 s every second (medians of five alternated, bench/page_ab.mjs), and 0.620 -> 0.585 s without the
// redraw at the first problems.
const LOG_REDRAW_MS = 1000;

// Calls `draw` with the latest value given to soon() at most every `ms`, the first time `ms` after it was
// made: a burst of updates draws once. cancel() drops a pending draw.
function throttled(draw, ms) {
  let last = performance.now();
  let timer = 0;
  let latest = null;
  const run = () => {
    timer = 0;
    last = performance.now();
    draw(latest);
  };
  return {
    soon(value) {
      latest = value;
      if (!timer) timer = setTimeout(run, Math.max(0, last + ms - performance.now()));
    },
    cancel() {
      clearTimeout(timer);
      timer = 0;
    },
  };
}

// Logs are read and classified in a Web Worker, chunk by chunk: the page stays responsive, shows
// progress and the problems found so far, and can cancel.
async function openLog(file, { keepText = false } = {}) {
  // A log opened while another is read replaces it: the first one's results and status never show.
  const mine = ++state.logRun;
  const current = () => mine === state.logRun;
  state.logShown = true;
  $('share-controls').hidden = false;
  const w = words();
  if (!keepText) {
    $('error-text').value = '';
    state.logFile = file;
    state.entry = null;
  }
  const options = { app: $('app').value, lang: state.lang };
  // The file's bar stays while the rows under it are redrawn (its Close button keeps the focus).
  const rows = h('div', { class: 'log-rows' });
  const show = ({ events, lines, warnings, unrecognizedLines }) => {
    clear(rows);
    rows.append(logView(events, lines, words(), warnings, logActions(unrecognizedLines)));
  };
  const redraw = throttled((p) => { if (current()) show(p); }, LOG_REDRAW_MS);
  $('log-progress').hidden = false;
  $('log-progress-bar').value = 0;
  $('log-cancel').textContent = w.logCancel;
  $('log-progress-text').textContent = w.logProgress('0', (file.size / 1048576).toFixed(1), 0);
  clear($('results'));
  if (!keepText) $('results').append(logFileBar(file, w, closeLog));
  $('results').append(rows);
  try {
    const result = await background.classifyLogFile(file, options, (p) => {
      if (!current()) return;
      $('log-progress-bar').value = p.total ? p.bytes / p.total : 1;
      $('log-progress-text').textContent = words().logProgress((p.bytes / 1048576).toFixed(1), (p.total / 1048576).toFixed(1), p.lines);
      // Redrawn only when what it shows changed: the table groups events by problem, so new events or
      // counts change it, and a piece with nothing new leaves it alone. At most every LOG_REDRAW_MS:
      // the worker can send pieces faster than a whole table is worth redrawing on the main thread.
      if (p.changed) redraw.soon(p);
    });
    redraw.cancel();
    if (!current()) return;
    show(result);
    rows.dataset.readers = String(result.readers);  // how many workers read it (a hook for tests and benchmarks)
    status(logStatus(result.events, result.lines), { repeatsHeading: true });
    rendered(keepText ? $('error-text').value : `log:${file.name}:${file.size}`);
  } catch (e) {
    redraw.cancel();
    if (current()) status(logFailure(e));
  } finally {
    if (current()) $('log-progress').hidden = true;
  }
}

// Why a log's reading stopped, in words.
function logFailure(e) {
  if (e.cancelled) return words().logCancelled;
  return words().labelled(e.unreadable ? words().logUnreadable : words().errorLoading, e.message);
}

// Why the link cannot be shared now ('' when it can): nothing pasted, or a log shown (a link carries one paste).
function shareBlocked() {
  if (state.logShown) return words().shareNoLog;
  if (!$('error-text').value.trim()) return words().shareNothing;
  return '';
}

function updateShare() {
  const reason = shareBlocked();
  $('share').disabled = Boolean(reason);
  if (reason || $('share-feedback').dataset.kind === 'blocked') shareFeedback(reason, 'blocked');
}

const SHARE_FEEDBACK_MS = 6000;

// Feedback beside the button: the reason it is off stays as long as it is off; "link copied" fades.
function shareFeedback(message, kind) {
  const mine = ++state.shareRun;
  $('share-feedback').textContent = message;
  $('share-feedback').dataset.kind = message ? kind : '';
  if (kind === 'done') {
    setTimeout(() => {
      if (mine === state.shareRun) shareFeedback('', '');
    }, SHARE_FEEDBACK_MS);
  }
}

// "Close" on the file's bar: the file, its results and its progress are gone; back to the empty box.
function closeLog() {
  state.logRun += 1;  // a read still under way shows nothing more
  background.cancelLog();
  state.logFile = null;
  state.logShown = false;
  $('log-file').value = '';
  $('log-progress').hidden = true;
  status(renderEmpty($('results'), words()));
  rendered('');
  $('error-text').focus();
}

async function share() {
  if (shareBlocked()) return;
  const { text, kinds } = redact($('error-text').value, { tenantIds: $('share-tenants').checked });
  const fragment = toFragment({ text, app: $('app').value, lang: state.lang });
  history.replaceState(null, '', fragment);
  const url = location.href;
  let copied = true;
  try {
    await navigator.clipboard.writeText(url);
  } catch {
    copied = false;  // the address bar now holds the link: the person can copy it from there
  }
  shareFeedback(words().shareDone(copied, redactionSummary(kinds, words())), 'done');
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
    markOnce(MARK_READY);
    return true;
  } catch (e) {
    status(words().labelled(words().errorLoading, e.message));
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
  // Only "Open report" needs IT's file: the first answer does not wait for it, and a report waits for it
  // (it never falls back to ?report-to= before the file has been read).
  state.reportTo = config.then((c) => reportAddress(c, params));
  applyLanguage();
  applyLink(fromLink);
  state.browse = browseQuery(location.hash);
  if (started) {
    run();
    return;
  }
  started = true;
  $('error-text').addEventListener('input', () => {
    state.entry = null;  // a paste replaces the answer a link showed, or the log file shown
    state.logFile = null;
    updateShare();
    typing.schedule();
  });
  $('error-text').addEventListener('paste', () => {
    // A new paste is a new question: an app chosen only to answer the last one's "which app" would silently
    // narrow it, so it goes; an app the person chose stays, and the filter note offers to show all.
    if (state.appFromPrompt) {
      $('app').value = '';
      state.appFromPrompt = false;
    }
    setTimeout(run, 0);
  });
  $('app').addEventListener('change', () => {
    state.appFromPrompt = false;
    run();
  });
  $('filter-reset').addEventListener('click', showAllApps);
  $('lang-toggle').addEventListener('click', () => {
    state.lang = state.lang === 'en' ? 'fr' : 'en';
    rememberLanguage(state.lang);
    applyLanguage();
    run();
  });
  $('log-file').addEventListener('change', (e) => e.target.files[0] && openLog(e.target.files[0]));
  // A file dragged into the window, or the file chooser about to open: the worker starts now and is ready
  // (its module compiled, the knowledge base loaded) by the time the log is dropped or chosen.
  window.addEventListener('dragenter', (e) => {
    if (e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files')) background.warm();
  });
  $('log-file').addEventListener('click', () => background.warm());
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
    state.browse = browseQuery(location.hash);
    if (state.browse === null) {
      const link = fromFragment(location.hash);
      leaveBrowse(link);
      applyLink(link);
    }
    run();
  });
  document.addEventListener('keydown', slashFocus);
  document.addEventListener('keydown', escapeBrowse);
  document.body.dataset.ready = 'true';
  run();
  // After the link's answer, if any (it is never the first answer); the log code after the paste's.
  warmUpPaste(state.diag, state.lang).then(() => warmUpLogCode(background));
  startEmbedMode(params, { info: () => state.diag.kbInfo(), classify: classifyForPortal, linkBlocked });
}

start();
