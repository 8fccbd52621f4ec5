// The released pages as their receivers open them, in Chromium: the site zip unpacked and served under a
// sub-path, and the offline page from file://. Each must answer a pasted error with no request outside
// itself. Usage: node tests/release/pages.mjs RELEASE_DIR   (prints one "ok:"/"FAILED:" line per check)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { diagnose, launch, openPage, serve } from '../browser/harness.mjs';

const release = path.resolve(process.argv[2] || 'build/release');
const TEXT = 'AADSTS70008: The provided authorization code or refresh token has expired due to inactivity.';
const EXPECT = 'o365-aadsts70008-token-expired';

async function answers(browser, url, allowedOrigin) {
  const p = await openPage(browser, url, { allowedOrigin });
  try {
    await diagnose(p.page, TEXT, { app: 'office365', expect: EXPECT });
    if (p.problems.length) throw new Error(p.problems.join('; '));
    if (p.foreignRequests.length) throw new Error(`requests outside the page: ${p.foreignRequests.join(' ')}`);
  } finally {
    await p.context.close();
  }
}

let failed = 0;
async function check(name, run) {
  try {
    await run();
    console.log(`ok: ${name}`);
  } catch (e) {
    failed += 1;
    console.log(`FAILED: ${name}\n  ${e.message}`);
  }
}

const browser = await launch();
const unpacked = mkdtempSync(path.join(os.tmpdir(), 'conndiag-release-site-'));
try {
  await check('the site zip, unpacked and served under /tools/conndiag/, answers a paste', async () => {
    const zip = readdirSync(release).find((f) => /^conndiag-site-.*\.zip$/.test(f));
    execFileSync('unzip', ['-q', path.join(release, zip), '-d', unpacked]);
    const site = await serve(unpacked, { prefix: '/tools/conndiag/' });
    try {
      await answers(browser, site.url, new URL(site.url).origin);
    } finally {
      await site.close();
    }
  });
  await check('the released offline page, opened from file://, answers a paste', () =>
    answers(browser, 'file://' + path.join(release, 'conndiag.html')));
} finally {
  await browser.close();
  rmSync(unpacked, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
