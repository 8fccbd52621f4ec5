// Firefox-test harness: Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi (Playwright
// drives only its own patched Firefox), web/serve.mjs on 127.0.0.1, and a page wrapper that records
// console errors, page errors and every request that is not the page's own.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import puppeteer from 'puppeteer-core';

import { recordMainThreadCalls, showsResultOf } from '../browser/in-page.mjs';

export { serve } from '../../web/serve.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const dist = process.env.CONNDIAG_DIST || path.join(root, 'build/wasm/dist');
export const offlineUrl = 'file://' + path.join(dist, 'conndiag.html');

// Every wait in these tests is for a condition, never for a time; this only turns a hang into a failure.
const HANG_GUARD_MS = 5 * 60 * 1000;

/** Firefox ESR; `dark`: its pages told that the system prefers a dark theme (BiDi cannot emulate it). */
export async function launch({ dark = false } = {}) {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX || '/usr/bin/firefox-esr',
    headless: true,
    timeout: HANG_GUARD_MS,
    // No update checks, telemetry or first-run pages: the browser itself must not make requests either.
    extraPrefsFirefox: { 'app.update.enabled': false, 'datareporting.policy.dataSubmissionEnabled': false,
                         'browser.shell.checkDefaultBrowser': false,
                         ...(dark ? { 'layout.css.prefers-color-scheme.content-override': 0 } : {}) },
  });
}

const axeSource = readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** Runs axe-core in the page and returns its violations, each as "rule: targets". */
export async function axeViolations(page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => (await window.axe.run()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`));
}

/**
 * Opens `url` in a fresh browser context. `allowedOrigin` (URL prefixes): requests there are the page's
 * own; any other request that is not file:, data: or blob: is listed in foreignRequests. `waitReady`: wait
 * for the conndiag page to say it is ready. `initScripts`: more functions to run in the page (and its
 * frames) before its own scripts.
 */
export async function openPage(browser, url, { allowedOrigin = [], waitReady = true, initScripts = [] } = {}) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  page.setDefaultTimeout(HANG_GUARD_MS);
  for (const script of [recordMainThreadCalls, ...initScripts]) await page.evaluateOnNewDocument(script);
  const problems = [];
  const foreignRequests = [];
  page.on('console', (m) => {
    if (['error', 'warn', 'warning'].includes(m.type())) problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (request) => {
    const u = request.url();
    if (!/^(file|data|blob):/.test(u) && ![allowedOrigin].flat().some((o) => u.startsWith(o))) foreignRequests.push(u);
  });
  await page.goto(url);
  if (waitReady) await page.waitForSelector('body[data-ready=true]');
  return { page, context, problems, foreignRequests };
}

/** Closes a page opened by openPage and fails on any console error, page error or request outside the page. */
export async function checkClean({ context, problems, foreignRequests }) {
  await context.close();
  assert.deepEqual(problems, [], 'console or page errors');
  assert.deepEqual(foreignRequests, [], 'requests outside the page');
}

/**
 * Types `text` into the error box (as an input event, the way a paste arrives), waits until the page shows
 * the result of that very text with `app` chosen, and returns the first card's entry id.
 */
export async function diagnose(page, text, app = '') {
  await page.select('#app', app);
  await page.$eval('#error-text', (box, value) => {
    box.value = value;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await page.waitForFunction(showsResultOf, {}, [text, app]);
  return page.evaluate(() => document.querySelector('#results article.card')?.dataset.entryId ?? null);
}
