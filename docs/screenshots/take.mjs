// Takes the screenshots in docs/screenshots/ from the built page (build/wasm/dist): the first visit, an
// answer, a no-match and a log, each in light and dark, at laptop width, in English.
// Run after `cmake --build --preset wasm`: node docs/screenshots/take.mjs
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const page = 'file://' + path.resolve(here, '../../build/wasm/dist/conndiag.html');
const ANSWER = 'HttpRequestFailure: Server returned: 400 Bad Request {"error":"invalid_grant","error_description":"AADSTS70008: The provided authorization code or refresh token has expired due to inactivity."}';
const NO_MATCH = 'HTTP 409 Conflict: {"code":"item_name_in_use","message":"Item with the same name already exists"}';

// A small connector log: noise, known errors of three apps, a bare 401 (not sure) and errors nothing knows.
function log() {
  const lines = [];
  for (let i = 0; i < 80; i += 1) {
    const t = `2026-11-26T09:${String(i % 60).padStart(2, '0')}:00Z`;
    if (i % 10 === 1) lines.push(`${t} ERROR [box] AuthFatalFailureException: com.box.boxjavalibv2.exceptions.BoxServerException: {"error":"invalid_grant","error_description":"Invalid refresh token"}`);
    else if (i % 10 === 4) lines.push(`${t} ERROR [okta] HttpRequestFailure: Server returned: 401 Unauthorized`);
    else if (i % 20 === 7) lines.push(`${t} ERROR [salesforce] REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.`);
    else if (i % 20 === 9) lines.push(`${t} ERROR [sync] job ${i} failed: queue closed by peer`);
    else lines.push(`${t} INFO poller fetched ${i * 7} events`);
  }
  return lines.join('\n');
}

const shots = [
  ['first-visit', async () => {}],
  ['answer', async (p) => p.locator('#error-text').fill(ANSWER)],
  ['no-match', async (p) => p.locator('#error-text').fill(NO_MATCH)],
  ['log', async (p) => p.locator('#error-text').fill(log())],
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const colorScheme of ['light', 'dark']) {
  for (const [name, act] of shots) {
    const context = await browser.newContext({ viewport: { width: 1100, height: 820 }, colorScheme, locale: 'en-US' });
    const p = await context.newPage();
    await p.goto(page);
    await p.waitForSelector('body[data-ready=true]');
    const runs = await p.locator('#results').getAttribute('data-runs');
    await act(p);
    if (name !== 'first-visit') await p.waitForFunction((r) => document.querySelector('#results').dataset.runs !== r, runs);
    const file = path.join(here, `${name}-${colorScheme}.png`);
    await p.screenshot({ path: file });
    console.log(file);
    await context.close();
  }
}
await browser.close();
