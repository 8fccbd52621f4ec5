// Browser-test harness: Debian's Chromium via playwright-core, web/serve.mjs on 127.0.0.1, and a page
// wrapper that records console errors, page errors and every request that is not the page's own.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

export { serve } from '../../web/serve.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const dist = process.env.CONNDIAG_DIST || path.join(root, 'build/wasm/dist');
export const offlineUrl = 'file://' + path.join(dist, 'conndiag.html');

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
 */
export async function openPage(browser, url, { allowedOrigin = null, viewport, colorScheme, locale = 'en-US', waitReady = true } = {}) {
  const context = await browser.newContext({ viewport: viewport || { width: 1100, height: 900 }, colorScheme, locale });
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
  await page.goto(url);
  if (waitReady) await page.waitForSelector('body[data-ready=true]', { timeout: 20000 });
  return { page, context, problems, foreignRequests };
}

/** Waits until #results shows the classification of `text` with `app` selected. */
export async function waitForResultOf(page, text, app = '') {
  await page.waitForFunction(([t, a]) => {
    let hash = 0x811c9dc5;
    for (let i = 0; i < t.length; i += 1) hash = Math.imul(hash ^ t.charCodeAt(i), 0x01000193) >>> 0;
    const results = document.querySelector('#results');
    return results.dataset.textHash === hash.toString(16) && document.querySelector('#app').value === a;
  }, [text, app], { timeout: 5000 });
}

/** Fills the error box and waits until the first card is `id` (or until no card, for id null). */
export async function diagnose(page, text, { app = '', expect } = {}) {
  await page.selectOption('#app', app);
  await page.getByLabel(/^(Error message|Message d'erreur)$/).fill(text);
  await waitForResultOf(page, text, app);
  if (expect) {
    await page.waitForFunction(
      (id) => document.querySelector('#results article.card')?.dataset.entryId === id, expect, { timeout: 5000 },
    ).catch(async () => {
      const got = await page.evaluate(() => [...document.querySelectorAll('#results article.card')].map((c) => c.dataset.entryId));
      throw new Error(`expected ${expect} first, got ${JSON.stringify(got)} for ${JSON.stringify(text.slice(0, 80))}`);
    });
  }
}
