// Two builds of the page side by side in headless Chromium, alternated so that the machine's changing load
// falls on both: the first answer (offline file and hosted folder) or a log dropped on the offline file.
// Usage: node bench/page_ab.mjs first-answer DIST_A DIST_B [--rounds 4]
//        node bench/page_ab.mjs drop DIST_A DIST_B LOG [--rounds 4] [--drag-ms 1000] [--wait-ms 0]
// (--wait-ms: the page's idle time between its being ready and the drag, or the drop when --drag-ms is 0.)
// (DIST: a folder web/build.mjs wrote, e.g. build/wasm/dist, or a copy of it kept from an earlier commit.)
import path from 'node:path';

import { chromium } from 'playwright-core';

import { serve } from '../web/serve.mjs';
import { droppedLog, firstAnswer } from './page_measure.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const [what, ...rest] = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const [a, b, log] = rest.map((p) => path.resolve(p));
if (!['first-answer', 'drop'].includes(what) || !a || !b || (what === 'drop' && !log)) {
  console.error('usage: node bench/page_ab.mjs first-answer DIST_A DIST_B [--rounds N]\n' +
    '       node bench/page_ab.mjs drop DIST_A DIST_B LOG [--rounds N] [--drag-ms MS] [--wait-ms MS]');
  process.exit(2);
}
const rounds = option('--rounds', 4);
const dragMs = option('--drag-ms', 1000);
const waitMs = option('--wait-ms', 0);

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const sites = what === 'first-answer' ? { [a]: await serve(path.join(a, 'site')), [b]: await serve(path.join(b, 'site')) } : {};
const runs = new Map();
const add = (label, values) => runs.set(label, [...(runs.get(label) || []), ...values]);
try {
  for (let round = 0; round < rounds; round += 1) {
    for (const dist of [a, b]) {
      const offline = `file://${path.join(dist, 'conndiag.html')}`;
      if (what === 'first-answer') {
        add(`${dist} offline`, (await firstAnswer(browser, offline, 2)).all);
        add(`${dist} hosted`, (await firstAnswer(browser, sites[dist].url, 2)).all);
      } else {
        const drop = await droppedLog(browser, offline, log, { dragMs, waitMs });
        if (!/distinct problem/.test(drop.status)) throw new Error(`${dist}: the drop ended with "${drop.status}"`);
        add(`${dist} drop ${waitMs} ms after ready, after a ${dragMs} ms drag`, [drop.seconds * 1000]);
      }
    }
  }
} finally {
  await browser.close();
  for (const site of Object.values(sites)) await site.close();
}
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
for (const [label, values] of runs) {
  console.log(`${label}: median ${median(values).toFixed(0)} ms, runs ${values.map((v) => v.toFixed(0)).join(' ')}`);
}
