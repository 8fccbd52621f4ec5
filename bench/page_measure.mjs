// Page measurements shared by the benchmarks (bench/perf.mjs, bench/page_bench.mjs): navigation to the first
// answer of a #text= link (and of a second one in the same tab), a first paste after the page was read, and a
// log dropped on the page.

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const FIRST_ANSWER_TEXT = 'HttpRequestFailure: Server returned: 401 Unauthorized';
const SECOND_LINK_TEXT = 'AADSTS70008: The provided authorization code or refresh token has expired due to inactivity';

// Opens a #text= link in `page` and waits for its first result card: when it came, when the diagnoser was
// ready and when the last of the page's files had arrived (ms since that navigation).
async function openLink(page, url, text) {
  await page.goto(`${url}#text=${encodeURIComponent(text)}`);
  await page.waitForFunction(() => window.__firstAnswer !== undefined, null, { timeout: 60000 });
  return page.evaluate(() => ({
    answer: window.__firstAnswer,
    // The page's own marks (web/src/marks.mjs): the diagnoser ready; and the last of the files it loads
    // with arrived (none on the offline file, which has them inside). IT's conndiag-config.json is left
    // out: it is asked for once the scripts run, and nothing waits for it.
    ready: performance.getEntriesByName('conndiag:ready', 'mark')[0]?.startTime ?? null,
    filesIn: Math.max(0, ...performance.getEntriesByType('resource')
      .filter((e) => !e.name.endsWith('/conndiag-config.json')).map((e) => e.responseEnd)),
  }));
}

async function pageWatchingForTheCard(context) {
  const page = await context.newPage();
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('#results article.card')) {
        window.__firstAnswer = performance.now();  // since navigation start
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  return page;
}

// Navigation to the first result card of a #text= link, each time in a fresh browser context (no cache); with,
// for each run, when the diagnoser was ready and when the page's last file had arrived (ms since navigation).
export async function firstAnswer(browser, url, runs) {
  const times = [];
  const ready = [];
  const filesIn = [];
  for (let i = 0; i < runs; i += 1) {
    const context = await browser.newContext();
    const run = await openLink(await pageWatchingForTheCard(context), url, FIRST_ANSWER_TEXT);
    times.push(run.answer);
    ready.push(run.ready);
    filesIn.push(run.filesIn);
    await context.close();
  }
  return { median: median(times), all: times, ready, filesIn };
}

// A second link opened in the same tab, `readMs` after the first one's answer (a person reading it): the
// browser has kept what it compiled (in the same renderer process, and for the hosted page in its HTTP and
// code caches). Timed as firstAnswer times the first, each run in a fresh browser context.
export async function secondLink(browser, url, runs, { readMs = 3000 } = {}) {
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    const context = await browser.newContext();
    const page = await pageWatchingForTheCard(context);
    await openLink(page, url, FIRST_ANSWER_TEXT);
    await page.waitForTimeout(readMs);  // the person reading the first answer: part of what is measured
    await page.goto('about:blank');
    times.push((await openLink(page, url, SECOND_LINK_TEXT)).answer);
    await context.close();
  }
  return { median: median(times), all: times };
}

// A person's first paste on the page at `url` after reading it for `readMs` (no link: the page's idle-time
// warm-up, if any, has had its chance), then a second paste of the same kind: from the paste event to the
// answer on the page (a card, or the no-match advice), each run in a fresh browser context.
const FIRST_PASTES = {
  known: 'ERROR o365 poller: AADSTS70008: The provided authorization code or refresh token has expired due to inactivity',
  unknown: 'ERROR [sync] cursor 8e1b2a out of order while paging the activity feed, resetting the checkpoint',
};
export async function firstPaste(browser, url, runs, { readMs = 1500 } = {}) {
  const out = {};
  for (let i = 0; i < runs; i += 1) {
    for (const [kind, text] of Object.entries(FIRST_PASTES)) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForSelector('body[data-ready=true]');
      await page.waitForTimeout(readMs);  // the person reading the page: part of what is measured
      const paste = (t) => page.evaluate((pasted) => new Promise((resolve) => {
        const results = document.getElementById('results');
        results.replaceChildren();
        const start = performance.now();
        new MutationObserver((_, observer) => {
          if (results.querySelector('article.card, .no-match')) {
            observer.disconnect();
            resolve(performance.now() - start);
          }
        }).observe(results, { childList: true, subtree: true });
        const box = document.getElementById('error-text');
        box.value = pasted;
        box.dispatchEvent(new Event('paste'));
      }), t);
      const first = await paste(text);
      const next = await paste(`${text} (again)`);
      (out[kind] ||= { first: [], next: [] }).first.push(first);
      out[kind].next.push(next);
      await context.close();
    }
  }
  for (const figure of Object.values(out)) Object.assign(figure, { firstMedian: median(figure.first), nextMedian: median(figure.next) });
  return out;
}

// A log dropped on the page at `url` (the offline file, as a person would drop it): from the drop to the summary
// shown, read by the page's worker; the long tasks (over 50 ms) the main thread runs meanwhile are what a person
// feels.
// `waitMs`: how long after the page is ready the drag (or, without one, the drop) comes: the page's idle
// time (its warm-ups run in it). `dragMs`: how long the file is dragged over the window before the drop (a
// person's drag starts the page's log workers; 0: they start at the drop). `readers`: how many workers read
// the log.
export async function droppedLog(browser, url, file, { dragMs = 0, waitMs = 0 } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('body[data-ready=true]');
  const input = await page.evaluateHandle(() => {
    const i = document.createElement('input');
    i.type = 'file';
    document.body.append(i);
    return i;
  });
  await input.setInputFiles(file);
  if (waitMs > 0) await page.waitForTimeout(waitMs);
  if (dragMs > 0) {
    await page.evaluate((i) => {
      const data = new DataTransfer();
      data.items.add(i.files[0]);
      document.getElementById('drop-zone').dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, input);
    await page.waitForTimeout(dragMs);
  }
  const result = await page.evaluate(async (i) => {
    const longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration))).observe({ type: 'longtask' });
    const done = new Promise((resolve) => {
      new MutationObserver((_, observer) => {
        if (document.getElementById('log-progress').hidden && /distinct problem/.test(document.getElementById('status').textContent)) {
          observer.disconnect();
          resolve();
        }
      }).observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
    });
    const start = performance.now();
    const data = new DataTransfer();
    data.items.add(i.files[0]);
    document.getElementById('drop-zone').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    await done;
    return { seconds: (performance.now() - start) / 1000, longTasks, size: i.files[0].size, status: document.getElementById('status').textContent,
             readers: Number(document.querySelector('.log-rows').dataset.readers) };
  }, input);
  await context.close();
  return result;
}
