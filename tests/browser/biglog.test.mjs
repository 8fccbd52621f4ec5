// Big logs in the page: read in a Web Worker, chunk by chunk, from the offline file and the hosted folder.
// What is proven is structure, not speed (speed is measured in bench/page_bench.mjs): the main thread
// never calls the module for a big log, it handles input while the worker reads, and progress, partial
// results and cancel work.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { checkClean, diagnose, dist, launch, logWarmedUp, offlineUrl, openPage, serve, warmedUp } from './harness.mjs';
import { BOX_AND_AWS, logDone, makeLogFile } from './in-page.mjs';

let browser;
let site;
before(async () => {
  browser = await launch();
  site = await serve(path.join(dist, 'site'));
});
after(async () => {
  await browser?.close();
  await site?.close();
});

// Builds a log of `mb` MB inside the page (in-page.mjs makeLogFile), then drops it. Every 1000 noise lines
// comes `errors` (three lines by default). The page's idle-time warm-ups are over first (the log code's
// comes after the paste's): the workers the drop uses are the drop's own.
async function dropLog(page, mb, errors = BOX_AND_AWS) {
  await logWarmedUp(page);
  await page.evaluate(makeLogFile, [mb, errors]);
  await page.evaluate(() => {
    window.__mainThreadCalls.length = 0;
    window.__progressSeen = 0;
    new MutationObserver(() => { window.__progressSeen += 1; })
      .observe(document.getElementById('log-progress-text'), { childList: true, characterData: true, subtree: true });
    const data = new DataTransfer();
    data.items.add(window.__file);
    document.getElementById('drop-zone').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
}

// How many workers read a big log where the page runs (two with two processors or more), how many read the
// log shown (its rows' data-readers), and the entries of the log's rows, in order.
const workersForBigLogs = (page) => page.evaluate(() => (navigator.hardwareConcurrency >= 2 ? 2 : 1));
const readersShown = (page) => page.evaluate(() => Number(document.querySelector('.log-rows').dataset.readers));
const rowEntries = (page) => page.evaluate(() => [...document.querySelectorAll('section.log tbody tr')].map((tr) => tr.dataset.entryId));
// A browser that reports one processor.
const oneProcessor = (context) => context.addInitScript(() => {
  Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => 1 });
});

for (const [where, url] of [['the offline file', () => offlineUrl], ['the hosted folder', () => site.url]]) {
  test(`a 200 MB log dropped on ${where} is read in a worker that reports progress while the page handles input`, async () => {
    const p = await openPage(browser, url(), { allowedOrigin: site.url });
    await dropLog(p.page, 200);
    // Input while the worker reads: a key press moves the focus, and the page's own handler on the
    // log's progress element sees the worker unfinished. If the main thread classified the log itself,
    // the key press would only be handled once the log was done.
    await p.page.waitForFunction(() => window.__progressSeen > 1);
    await p.page.evaluate(() => {
      window.__keyHandled = null;
      document.addEventListener('keydown', () => {
        window.__keyHandled ??= { progressShown: !document.getElementById('log-progress').hidden };
      }, { once: true });
    });
    await p.page.keyboard.press('Tab');
    const keyHandled = await p.page.evaluate(() => window.__keyHandled);
    assert.deepEqual(keyHandled, { progressShown: true }, 'the key press was handled while the worker was still reading');
    await p.page.waitForFunction(logDone);
    const { calls, progressSeen, status, rows, expected } = await p.page.evaluate(() => ({
      calls: window.__mainThreadCalls, progressSeen: window.__progressSeen, status: document.getElementById('status').textContent,
      rows: [...document.querySelectorAll('section.log tbody tr')].map((tr) => [tr.dataset.entryId, tr.cells[0].textContent]),
      expected: window.__expectedLines,
    }));
    assert.deepEqual(calls, [], 'the main thread never called the module for the log');
    // One progress message per 4 MB piece: 50 for 200 MB.
    assert.ok(progressSeen >= 50, `progress was shown for every piece (${progressSeen} updates)`);
    assert.deepEqual(rows.map((r) => r[0]), ['box-rest-failed-parse', 'aws-npe']);
    assert.match(status, new RegExp(`^2 distinct problems in ${expected.toLocaleString('en')} lines$`));
    // Read by two workers where the browser has two processors or more (worker.mjs: the helper judged
    // the lines, the log worker read them with its verdicts), else by one.
    assert.equal(await readersShown(p.page), await workersForBigLogs(p.page));
    await p.context.close();
    assert.deepEqual(p.problems, []);
    assert.deepEqual(p.foreignRequests, []);
  });
}

// Counts the workers the page starts, and records the messages each posts back (their types, and a
// warm-up's slices) and which the page ended (window.__workersEnded, in the order started).
const watchWorkers = (context) => context.addInitScript(() => {
  const PlatformWorker = window.Worker;
  window.__workersStarted = 0;
  window.__workerMessages = [];
  window.__workersEnded = [];
  window.Worker = class extends PlatformWorker {
    constructor(...args) {
      super(...args);
      const index = window.__workersStarted++;
      const mine = [];
      window.__workerMessages.push(mine);
      window.__workersEnded.push(false);
      this.addEventListener('message', (e) => mine.push(e.data.type === 'warmed' ? `warmed ${e.data.slices}` : e.data.type));
      const terminate = this.terminate.bind(this);
      this.terminate = () => {
        window.__workersEnded[index] = true;
        terminate();
      };
    }
  };
});

// The page's state once its idle-time warm-ups are over: how many workers it started, and which ended.
const afterWarmUps = async (page) => {
  await logWarmedUp(page);
  return page.evaluate(() => ({ started: window.__workersStarted, messages: window.__workerMessages, ended: window.__workersEnded }));
};

test('once idle, the page reads a made-up log in a worker that then ends; a log dropped later starts its own workers', async () => {
  const p = await openPage(browser, offlineUrl, { prepare: watchWorkers });
  const idle = await afterWarmUps(p.page);
  assert.equal(idle.started, 1, 'one worker, for the warm-up');
  assert.equal(idle.messages[0][0], 'ready');
  assert.match(idle.messages[0][1], /^warmed ([2-9]|\d\d+)$/, `it read the made-up log to its end (${idle.messages[0][1]})`);
  assert.deepEqual(idle.ended, [true], 'and ended');
  await dropLog(p.page, 40);
  await p.page.waitForFunction(logDone);
  assert.deepEqual(await rowEntries(p.page), ['box-rest-failed-parse', 'aws-npe']);
  const both = await workersForBigLogs(p.page);
  assert.equal(await p.page.evaluate(() => window.__workersStarted), 1 + both);
  assert.equal(await readersShown(p.page), both);
  assert.deepEqual(await p.page.evaluate(() => window.__mainThreadCalls), [], 'the main thread never called the module for the log');
  await checkClean(p);
});

// A browser that says it has one processor, or that the person asked it to save data.
const saveData = (context) => context.addInitScript(() => {
  Object.defineProperty(navigator, 'connection', { get: () => ({ saveData: true }) });
});
for (const [why, prepare] of [['the browser has one processor', () => oneProcessor], ['the browser is asked to save data', () => saveData]]) {
  test(`no idle-time log warm-up where ${why}`, async () => {
    const p = await openPage(browser, offlineUrl, { prepare: async (context) => { await watchWorkers(context); await prepare()(context); } });
    assert.equal((await afterWarmUps(p.page)).started, 0);
    await dropLog(p.page, 1);
    await p.page.waitForFunction(logDone);
    assert.equal(await p.page.evaluate(() => window.__workersStarted), 1, 'a small log is read by one worker, started by the drop');
    await checkClean(p);
  });
}

test('a page opened in the background warms its log code up only once it is shown', async () => {
  const p = await openPage(browser, offlineUrl, {
    prepare: async (context) => {
      await watchWorkers(context);
      await context.addInitScript(() => {
        window.__visibility = 'hidden';
        Object.defineProperty(document, 'visibilityState', { get: () => window.__visibility });
      });
    },
  });
  await warmedUp(p.page);
  // The log warm-up would have started a worker in the idle callback after the paste's warm-up: two idle
  // callbacks later, none is started while the page is hidden.
  const hidden = await p.page.evaluate(async () => {
    for (let i = 0; i < 2; i += 1) await new Promise((resolve) => requestIdleCallback(resolve));
    return [window.__workersStarted, performance.getEntriesByName('conndiag:log-warm').length];
  });
  assert.deepEqual(hidden, [0, 0]);
  await p.page.evaluate(() => {
    window.__visibility = 'visible';
    document.dispatchEvent(new Event('visibilitychange'));
  });
  const shown = await afterWarmUps(p.page);
  assert.deepEqual([shown.started, shown.ended], [1, [true]]);
  await checkClean(p);
});

// Holds back the page's hearing that a worker's warm-up is over ("warmed") until window.__releaseWarmed().
const holdWarmed = (context) => context.addInitScript(() => {
  const PlatformWorker = window.Worker;
  const held = [];
  window.__heldWarmed = () => held.length;
  window.__releaseWarmed = () => held.splice(0).forEach((deliver) => deliver());
  window.Worker = class extends PlatformWorker {
    constructor(...args) {
      super(...args);
      let pageHandler = null;
      Object.defineProperty(this, 'onmessage', { get: () => pageHandler, set: (fn) => { pageHandler = fn; } });
      this.addEventListener('message', (e) => {
        if (e.data.type === 'warmed') held.push(() => pageHandler?.(e));
        else pageHandler?.(e);
      });
    }
  };
});

// window.__dragFileIn() drags a file into the page; with `onReady`, the page gets it as soon as it says it
// is ready, in the same turn, before any idle callback (so before the idle-time warm-ups, whatever the
// machine's load).
const dragFileIn = (onReady) => (context) => context.addInitScript((armed) => {
  window.__dragFileIn = () => {
    const data = new DataTransfer();
    data.items.add(new File(['x\n'], 'a.log'));
    document.getElementById('drop-zone').dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, bubbles: true, cancelable: true }));
  };
  if (!armed) return;
  new MutationObserver((_, observer) => {
    if (document.body?.dataset.ready !== 'true') return;
    observer.disconnect();
    window.__dragFileIn();
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
}, onReady);

for (const order of ['the drag first', 'the warm-up first']) {
  test(`a file dragged in keeps the idle-time warm-up's worker for the drop (${order})`, async () => {
    const p = await openPage(browser, offlineUrl, {
      prepare: async (context) => {
        await watchWorkers(context);
        await holdWarmed(context);
        await dragFileIn(order === 'the drag first')(context);  // first: the warm-up finds the drag's worker running
      },
    });
    if (order === 'the warm-up first') {
      // The warm-up's worker has read its made-up log; the page has not heard it yet, the drag comes.
      await p.page.waitForFunction(() => window.__heldWarmed() === 1);
      await p.page.evaluate(() => window.__dragFileIn());
    }
    await p.page.evaluate(() => window.__releaseWarmed());
    const both = await workersForBigLogs(p.page);
    const idle = await afterWarmUps(p.page);
    assert.equal(idle.started, both);
    assert.deepEqual(idle.ended, Array(both).fill(false), 'no worker ended');
    await p.page.evaluate(() => window.__releaseWarmed());  // the drag's own warm-ups, over by now or not
    await dropLog(p.page, 40);
    await p.page.waitForFunction(logDone);
    assert.deepEqual(await rowEntries(p.page), ['box-rest-failed-parse', 'aws-npe']);
    assert.equal(await p.page.evaluate(() => window.__workersStarted), both, 'the drop used the workers the drag started');
    assert.deepEqual(await p.page.evaluate(() => window.__workersEnded), Array(both).fill(false));
    await checkClean(p);
  });
}

test('a file dragged into the window starts the worker before the drop, which then uses it; a text drag does not', async () => {
  const p = await openPage(browser, offlineUrl, { prepare: watchWorkers });
  const before = (await afterWarmUps(p.page)).started;  // the idle-time warm-up's worker, ended
  const started = await p.page.evaluate(() => {
    const dragOf = (fill) => {
      const data = new DataTransfer();
      fill(data);
      return new DragEvent('dragenter', { dataTransfer: data, bubbles: true, cancelable: true });
    };
    const counts = [window.__workersStarted];
    document.getElementById('error-text').dispatchEvent(dragOf((d) => d.setData('text/plain', 'some selected text')));
    counts.push(window.__workersStarted);
    document.getElementById('drop-zone').dispatchEvent(dragOf((d) => d.items.add(new File(['x\n'], 'a.log'))));
    counts.push(window.__workersStarted);
    return counts;
  });
  // A file dragged in starts the log worker and, with two processors or more, the helper big logs are
  // read with.
  const both = await workersForBigLogs(p.page);
  assert.deepEqual(started, [before, before, before + both], 'none for a text drag, the log workers once a file is dragged in');
  await dropLog(p.page, 1);
  await p.page.waitForFunction(logDone);
  assert.equal(await p.page.evaluate(() => window.__workersStarted), before + both, 'the drop used the workers the drag started');
  assert.equal(await readersShown(p.page), 1, 'a small log is read by one');
  await p.context.close();
  assert.deepEqual(p.problems, []);
});

test('a file dragged in warms the log workers up (a made-up log read to its end), and the log dropped after reads as before', async () => {
  const p = await openPage(browser, offlineUrl, { prepare: watchWorkers });
  const before = (await afterWarmUps(p.page)).started;
  await p.page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File(['x\n'], 'a.log'));
    document.getElementById('drop-zone').dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  // Each worker loads, says it is ready, then reads the made-up log to its end: nothing asked it to stop.
  await p.page.waitForFunction((n) => window.__workerMessages.length > n && window.__workerMessages.every((m) => m.some((t) => t.startsWith('warmed'))), before);
  const messages = (await p.page.evaluate(() => window.__workerMessages)).slice(before);
  assert.equal(messages.length, await workersForBigLogs(p.page));
  for (const m of messages) {
    assert.equal(m[0], 'ready');
    assert.match(m[1], /^warmed ([2-9]|\d\d+)$/, `the warm-up read its slices (${m[1]})`);
  }
  await dropLog(p.page, 40);
  await p.page.waitForFunction(logDone);
  assert.deepEqual(await rowEntries(p.page), ['box-rest-failed-parse', 'aws-npe']);
  assert.equal(await readersShown(p.page), await workersForBigLogs(p.page));
  assert.match(await p.page.evaluate(() => document.getElementById('status').textContent),
    new RegExp(`^2 distinct problems in ${(await p.page.evaluate(() => window.__expectedLines)).toLocaleString('en')} lines$`));
  await p.context.close();
  assert.deepEqual(p.problems, []);
});

test('the file chooser about to open starts the worker', async () => {
  const p = await openPage(browser, offlineUrl, { prepare: watchWorkers });
  const before = (await afterWarmUps(p.page)).started;
  // A script's click opens no chooser (that needs a person's gesture) but runs the page's handler.
  const started = await p.page.evaluate(() => {
    document.getElementById('log-file').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    return window.__workersStarted;
  });
  assert.equal(started, before + await workersForBigLogs(p.page));
  await p.context.close();
  assert.deepEqual(p.problems, []);
});

// A big log where the helper cannot help: one processor, or a browser that refuses the second worker.
// One worker reads it all, to the same rows.
for (const [why, prepare] of [
  ['the browser has one processor', oneProcessor],
  ['the second worker fails to load its knowledge base', (context) => context.addInitScript(() => {
    const PlatformWorker = window.Worker;
    let started = 0;
    window.Worker = class extends PlatformWorker {
      constructor(...args) {
        super(...args);
        // The second worker of the log's (the idle-time warm-up's worker, ended before, is not counted).
        if (performance.getEntriesByName('conndiag:log-warm').length === 0 || ++started !== 2) return;
        const post = this.postMessage.bind(this);
        this.postMessage = (message, ...rest) => post(message?.type === 'load' ? { ...message, kb: '{"version": ' } : message, ...rest);
      }
    };
  })],
  ['the browser refuses a second worker', (context) => context.addInitScript(() => {
    const PlatformWorker = window.Worker;
    let started = 0;
    window.Worker = class extends PlatformWorker {
      constructor(...args) {
        // The log's second (the idle-time warm-up's worker, ended before, is not counted).
        if (performance.getEntriesByName('conndiag:log-warm').length > 0 && ++started > 1) throw new DOMException('refused', 'SecurityError');
        super(...args);
      }
    };
  })],
]) {
  test(`a big log is read by one worker when ${why}`, async () => {
    const p = await openPage(browser, offlineUrl, { prepare });
    await dropLog(p.page, 40);
    await p.page.waitForFunction(logDone);
    assert.deepEqual(await rowEntries(p.page), ['box-rest-failed-parse', 'aws-npe']);
    assert.equal(await readersShown(p.page), 1);
    await p.context.close();
    assert.deepEqual(p.problems, []);
  });
}

// Records, per worker the page starts once its idle-time warm-up is over, what it was sent to load with (a compiled module or not) and the
// messages it sent for the other worker of a two-worker log (type "relay", handed on by the page).
// `refuse`: how this browser is made to refuse passing a compiled module ('clone': postMessage throws a
// DataCloneError, as a browser that cannot copy it would; 'unreadable': the worker says it could not read
// the message, as worker.mjs does on a messageerror), else nothing is refused.
const watchLoads = (refuse) => (context) => context.addInitScript((how) => {
  const PlatformWorker = window.Worker;
  window.__loads = [];
  window.Worker = class extends PlatformWorker {
    constructor(...args) {
      super(...args);
      if (performance.getEntriesByName('conndiag:log-warm').length === 0) return;
      const mine = { loads: [], relays: 0 };
      window.__loads.push(mine);
      const post = this.postMessage.bind(this);
      this.postMessage = (message, ...rest) => {
        if (message?.type === 'load') {
          mine.loads.push(message.wasmModule instanceof WebAssembly.Module ? 'module' : 'bytes');
          if (message.wasmModule && how === 'clone') throw new DOMException('cannot copy a module', 'DataCloneError');
          if (message.wasmModule && how === 'unreadable') {
            queueMicrotask(() => this.dispatchEvent(new MessageEvent('message', { data: { type: 'unreadable-load' } })));
            return undefined;
          }
        }
        return post(message, ...rest);
      };
      this.addEventListener('message', (e) => { if (e.data.type === 'relay') mine.relays += 1; });
    }
  };
}, refuse);

test('the offline file compiles the module once: its log workers are given it, and trade a log\'s pieces through the page', async () => {
  const p = await openPage(browser, offlineUrl, { prepare: watchLoads() });
  await dropLog(p.page, 40);
  await p.page.waitForFunction(logDone);
  assert.deepEqual(await rowEntries(p.page), ['box-rest-failed-parse', 'aws-npe']);
  const workers = await p.page.evaluate(() => window.__loads);
  const both = await workersForBigLogs(p.page);
  assert.equal(await readersShown(p.page), both);
  assert.deepEqual(workers.map((w) => w.loads), Array(both).fill(['module']), 'each worker instantiated the page\'s module');
  if (both === 2) {
    // The helper sent its 10 pieces (and an end), the log worker asked for more: each through the page.
    assert.ok(workers.every((w) => w.relays > 0), `relayed messages per worker: ${workers.map((w) => w.relays)}`);
  }
  await checkClean(p);
});

test('the hosted folder\'s log workers fetch the module themselves', async () => {
  const p = await openPage(browser, site.url, { allowedOrigin: site.url, prepare: watchLoads() });
  await dropLog(p.page, 40);
  await p.page.waitForFunction(logDone);
  assert.deepEqual(await rowEntries(p.page), ['box-rest-failed-parse', 'aws-npe']);
  const workers = await p.page.evaluate(() => window.__loads);
  assert.deepEqual(workers.map((w) => w.loads), Array(await workersForBigLogs(p.page)).fill(['bytes']));
  await checkClean(p);
});

for (const [why, refuse] of [['refuses to copy a compiled module', 'clone'], ['cannot read a compiled module in a worker', 'unreadable']]) {
  test(`where the browser ${why}, the workers load from the bytes and read the log`, async () => {
    const p = await openPage(browser, offlineUrl, { prepare: watchLoads(refuse) });
    await dropLog(p.page, 40);
    await p.page.waitForFunction(logDone);
    assert.deepEqual(await rowEntries(p.page), ['box-rest-failed-parse', 'aws-npe']);
    const both = await workersForBigLogs(p.page);
    assert.equal(await readersShown(p.page), both);
    assert.deepEqual((await p.page.evaluate(() => window.__loads)).map((w) => w.loads), Array(both).fill(['module', 'bytes']));
    await checkClean(p);
  });
}

// A file changed on disk after it was chosen (a log still being written): the browser refuses to read
// it. Whoever reads it (the helper, or the one worker), the page says so, and the next log reads normally.
for (const [readers, prepare] of [
  ['two workers', undefined],
  ['one worker', oneProcessor],
]) {
  test(`a log file changed after it was chosen is reported as unreadable (${readers}), and the next log works`, async (t) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'conndiag-changed-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'live.log');
    const block = '2026-11-25T10:00:00.000Z INFO poller fetched 120 events in 41 ms\n'.repeat(1000) + BOX_AND_AWS;
    writeFileSync(file, block.repeat(Math.ceil((20 << 20) / block.length)));  // 20 MB: two workers where they can be
    // Dated years back: the browser tells a change by the file's time, which an append within the same
    // second as the choice would not always move far enough.
    const longAgo = new Date('2020-01-01T00:00:00Z');
    utimesSync(file, longAgo, longAgo);
    const p = await openPage(browser, offlineUrl, { prepare });
    const input = await p.page.evaluateHandle(() => {
      const i = document.createElement('input');
      i.type = 'file';
      document.body.append(i);
      return i;
    });
    await input.setInputFiles(file);
    // The browser takes the file's size and time when the page first asks for them: asked here, before
    // the change, as a page that showed the chosen file would have. (Left to the drop, after the change,
    // the browser saw nothing changed in about one run of seven, and the log was read whole.)
    await p.page.evaluate((i) => i.files[0].size + i.files[0].lastModified, input);
    appendFileSync(file, '2026-11-25T10:00:09.000Z INFO one more line\n');
    await p.page.evaluate((i) => {
      const data = new DataTransfer();
      data.items.add(i.files[0]);
      document.getElementById('drop-zone').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, input);
    await p.page.waitForFunction(() => document.getElementById('log-progress').hidden &&
      /could not be read/.test(document.getElementById('status').textContent));
    assert.match(await p.page.locator('#status').textContent(), /^The file could not be read: it changed, moved or went away since it was chosen/);
    await dropLog(p.page, 1);
    await p.page.waitForFunction(logDone);
    assert.deepEqual(await rowEntries(p.page), ['box-rest-failed-parse', 'aws-npe']);
    await p.context.close();
    assert.deepEqual(p.problems, []);
  });
}

test('cancel stops a log mid-way, and the next log is read normally', async () => {
  const p = await openPage(browser, offlineUrl);
  await dropLog(p.page, 200);
  await p.page.waitForFunction(() => window.__progressSeen > 1);
  await p.page.click('#log-cancel');
  await p.page.waitForFunction(() => /Cancelled/.test(document.getElementById('status').textContent));
  assert.equal(await p.page.locator('#log-progress').isHidden(), true);
  await dropLog(p.page, 1);
  await p.page.waitForFunction(logDone);
  await p.context.close();
  assert.deepEqual(p.problems, []);
});

test('a log opened while another is read replaces it: nothing of the first shows afterwards', async () => {
  const p = await openPage(browser, offlineUrl);
  await dropLog(p.page, 200);
  await p.page.waitForFunction(() => window.__progressSeen > 1 && document.querySelector('section.log tbody tr'));
  await dropLog(p.page, 2, '2026-11-25T10:00:03.000Z ERROR IgniteException\n');
  await p.page.waitForFunction(logDone);
  const { rows, status, expected } = await p.page.evaluate(() => ({
    rows: [...document.querySelectorAll('section.log tbody tr')].map((tr) => tr.dataset.entryId),
    status: document.getElementById('status').textContent,
    expected: window.__expectedLines,
  }));
  assert.deepEqual(rows, ['o365-ignite-domain-user']);
  assert.equal(status, `1 distinct problem in ${expected.toLocaleString('en')} lines`);
  // The first log's reader was stopped: a third, tiny log still reads normally and alone.
  await dropLog(p.page, 1, BOX_AND_AWS);
  await p.page.waitForFunction(() => /^2 distinct problems in/.test(document.getElementById('status').textContent) &&
    document.getElementById('log-progress').hidden);
  assert.deepEqual(await rowEntries(p.page), ['box-rest-failed-parse', 'aws-npe']);
  await p.context.close();
  assert.deepEqual(p.problems, []);
});

test('a huge paste (5 MB) goes to the worker too: the main thread never calls the module for it', async () => {
  const p = await openPage(browser, offlineUrl);
  await warmedUp(p.page);
  await p.page.evaluate(() => {
    let text = '';
    const line = '2026-11-25T10:00:00Z INFO nothing to see here, request 42 served in 12 ms\n';
    while (text.length < 5e6) text += line.repeat(1000) + '2026-11-25T10:00:01Z ERROR IgniteException\n';
    window.__text = text;
  });
  await p.page.evaluate(() => {
    window.__mainThreadCalls.length = 0;
    window.__progressSeen = 0;
    new MutationObserver(() => { window.__progressSeen += 1; })
      .observe(document.getElementById('log-progress-text'), { childList: true, characterData: true, subtree: true });
    const box = document.getElementById('error-text');
    box.value = window.__text;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await p.page.waitForFunction(() => window.__progressSeen > 0 && /distinct problem/.test(document.getElementById('status').textContent) &&
    document.getElementById('log-progress').hidden);
  assert.equal(await p.page.locator('section.log tbody tr').first().getAttribute('data-entry-id'), 'o365-ignite-domain-user');
  assert.deepEqual(await p.page.evaluate(() => window.__mainThreadCalls), [], 'the main thread never called the module for the paste');
  // The record is live: a small paste is classified on the main thread, and it shows. (The 5 MB text is
  // emptied first: Playwright's fill() stalls on a textarea holding that much.)
  await p.page.evaluate(() => { document.getElementById('error-text').value = ''; });
  await diagnose(p.page, 'IgniteException', { expect: 'o365-ignite-domain-user' });
  assert.deepEqual(await p.page.evaluate(() => window.__mainThreadCalls), ['classify']);
  await p.context.close();
  assert.deepEqual(p.problems, []);
});

test('a big UTF-16 log is decoded and read by two workers alike', async () => {
  const p = await openPage(browser, offlineUrl);
  await p.page.evaluate(() => {
    // 20 MB of UTF-16LE: a BOM, then blocks of noise with one French error each.
    const block = `${'2026-11-25T10:00:00Z INFO réponse reçue en 41 ms\r\n'.repeat(500)}HttpRequestFailure : Retourné par le serveur : 404 Introuvable\r\n`;
    const bytes = new Uint8Array(block.length * 2);
    for (let i = 0; i < block.length; i += 1) {
      bytes[2 * i] = block.charCodeAt(i) & 0xff;
      bytes[2 * i + 1] = block.charCodeAt(i) >> 8;
    }
    const parts = [new Uint8Array([0xff, 0xfe])];
    for (let size = 0; size < 20 * 1048576; size += bytes.length) parts.push(bytes);
    const data = new DataTransfer();
    data.items.add(new File(parts, 'utf16.log'));
    document.getElementById('drop-zone').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await p.page.waitForFunction(logDone);
  const rows = await rowEntries(p.page);
  assert.equal(rows.length, 1);
  assert.match(rows[0], /-404-/);
  assert.equal(await readersShown(p.page), await workersForBigLogs(p.page));
  await p.context.close();
  assert.deepEqual(p.problems, []);
});

test('a UTF-16 log (with a BOM, as Windows tools write them) dropped on the page is decoded', async () => {
  const p = await openPage(browser, offlineUrl);
  await p.page.evaluate(() => {
    const text = '\ufeffx\r\nHttpRequestFailure : Retourné par le serveur : 404 Introuvable\r\n';
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i += 1) {
      bytes[2 * i] = text.charCodeAt(i) & 0xff;
      bytes[2 * i + 1] = text.charCodeAt(i) >> 8;
    }
    const data = new DataTransfer();
    data.items.add(new File([bytes], 'utf16.log'));
    document.getElementById('drop-zone').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await p.page.waitForFunction(logDone);
  assert.equal(await p.page.locator('section.log tbody tr').count(), 1);
  assert.match(await p.page.locator('section.log tbody tr').first().getAttribute('data-entry-id'), /-404-/);
  await p.context.close();
  assert.deepEqual(p.problems, []);
});
