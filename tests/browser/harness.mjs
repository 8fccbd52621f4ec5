// Browser-test harness: Debian's Chromium via playwright-core, web/serve.mjs on 127.0.0.1, and a page
// wrapper that records console errors, page errors and every request that is not the page's own.
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import AxeBuilder from '@axe-core/playwright';
import { chromium } from 'playwright-core';

import { recordMainThreadCalls, showsResultOf } from './in-page.mjs';

export { serve } from '../../web/serve.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const dist = process.env.CONNDIAG_DIST || path.join(root, 'build/wasm/dist');
export const offlineUrl = 'file://' + path.join(dist, 'conndiag.html');

// Every wait in these tests is for a condition (a result rendered, a status shown), never for a time.
// This is only a guard against a hang, so that a broken build fails instead of stalling CI: no
// condition here takes more than a few seconds even on a busy 2-core machine.
export const HANG_GUARD_MS = 5 * 60 * 1000;

// The two widths every new behaviour is tested at.
export const LAPTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };
export const WIDTHS = [['laptop', LAPTOP], ['phone', PHONE]];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
           '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}

/**
 * Opens a page that records problems. `allowedOrigin` (a URL prefix, or a list of them): requests to it
 * pass; every other non-file request is aborted and counted. `waitReady`: wait for the conndiag page.
 * The page's main-thread calls into the module are listed in window.__mainThreadCalls. `prepare(context)`
 * runs before the page opens (routes of its own, storage).
 */
export async function openPage(browser, url, { allowedOrigin = null, viewport, colorScheme, locale = 'en-US', waitReady = true, prepare } = {}) {
  const context = await browser.newContext({ viewport: viewport || { width: 1100, height: 900 }, colorScheme, locale });
  context.setDefaultTimeout(HANG_GUARD_MS);
  await context.addInitScript(recordMainThreadCalls);
  const page = await context.newPage();
  const problems = [];
  const foreignRequests = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await context.route('**/*', (route) => {
    const u = route.request().url();
    const allowed = [allowedOrigin || []].flat();
    if (u.startsWith('file:') || u.startsWith('data:') || u.startsWith('blob:') || allowed.some((o) => u.startsWith(o))) {
      return route.continue();
    }
    foreignRequests.push(u);
    return route.abort();
  });
  if (prepare) await prepare(context);
  await page.goto(url);
  if (waitReady) await page.waitForSelector('body[data-ready=true]');
  return { page, context, problems, foreignRequests };
}

/**
 * Waits until the page's idle-time warm-up is over (its own two classifications, web/src/warm-up-paste.mjs,
 * marked `conndiag:warm`): a test that then empties window.__mainThreadCalls sees only what it causes.
 * @param {import('playwright-core').Page|import('playwright-core').Frame} page
 */
export async function warmedUp(page) {
  await page.waitForFunction(() => performance.getEntriesByName('conndiag:warm').length > 0);
}

/**
 * Waits until the page's idle-time log warm-up is over (a worker read a made-up log and ended, or the
 * page found it not needed: web/src/warm-up-log-code.mjs, marked `conndiag:log-warm`): the workers a test
 * then sees started are its own. Only the page has it, not the element.
 * @param {import('playwright-core').Page|import('playwright-core').Frame} page
 */
export async function logWarmedUp(page) {
  await page.waitForFunction(() => performance.getEntriesByName('conndiag:log-warm').length > 0);
}

/** Waits until #results shows the classification of `text` with `app` selected. */
export async function waitForResultOf(page, text, app = '') {
  await page.waitForFunction(showsResultOf, [text, app]);
}

/**
 * Fills the error box, waits until the page shows the result of that very text, and checks that the
 * first card is `expect` (when given). The result is complete once #results carries the text's hash.
 */
export async function diagnose(page, text, { app = '', expect } = {}) {
  await page.selectOption('#app', app);
  await page.getByLabel(/^(Error message|Message d'erreur)$/).fill(text);
  await waitForResultOf(page, text, app);
  if (expect) {
    const got = await page.evaluate(() => [...document.querySelectorAll('#results article.card')].map((c) => c.dataset.entryId));
    if (got[0] !== expect) throw new Error(`expected ${expect} first, got ${JSON.stringify(got)} for ${JSON.stringify(text.slice(0, 80))}`);
  }
}

/** Runs axe-core on the page (or only on the `include` selector) and fails on any violation, named with its nodes. */
export async function noAxeViolations(page, label, { include } = {}) {
  const builder = new AxeBuilder({ page });
  const results = await (include ? builder.include(include) : builder).analyze();
  assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), [], label);
}

/** Closes a page opened by openPage and fails on any console error, page error or request outside the page. */
export async function checkClean({ context, problems, foreignRequests }) {
  await context.close();
  assert.deepEqual(problems, [], 'console or page errors');
  assert.deepEqual(foreignRequests, [], 'requests outside the page');
}
