// Debian's Firefox ESR for the page measurements of bench/page_measure.mjs, which are written against
// Playwright's API: puppeteer-core drives Firefox over WebDriver BiDi (Playwright drives only a Firefox of
// its own), and this gives its browser the few Playwright calls those measurements make.
import puppeteer from 'puppeteer-core';

export const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';

// A JSHandle passed back into evaluate() must be puppeteer's own.
const unwrap = (arg) => arg?.puppeteerHandle ?? arg;

function asPlaywrightPage(page) {
  return {
    goto: (url) => page.goto(url),
    addInitScript: (fn) => page.evaluateOnNewDocument(fn),
    waitForSelector: (selector) => page.waitForSelector(selector, { timeout: 60000 }),
    waitForFunction: (fn, arg, { timeout = 60000 } = {}) => page.waitForFunction(fn, { timeout }, unwrap(arg)),
    waitForTimeout: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    evaluate: (fn, arg) => page.evaluate(fn, unwrap(arg)),
    async evaluateHandle(fn, arg) {
      const handle = await page.evaluateHandle(fn, unwrap(arg));
      return { puppeteerHandle: handle, setInputFiles: (file) => handle.uploadFile(file) };
    },
  };
}

/** Firefox ESR with Playwright's newContext(), version() and close(). */
export async function launchFirefox() {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true,
                                           extraPrefsFirefox: { 'app.update.enabled': false } });
  const version = (await browser.version()).replace(/^firefox\//, '');
  return {
    version: () => version,
    close: () => browser.close(),
    async newContext() {
      const context = await browser.createBrowserContext();
      return { newPage: async () => asPlaywrightPage(await context.newPage()), close: () => context.close() };
    },
  };
}
