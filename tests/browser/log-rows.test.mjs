// Browser tests of the log view's rows: per-row actions (copy, other answers, full diagnosis), an unsure row's
// own "which app", the loaded file's bar and its Close button, a language switch with a file loaded, the
// stacked rows on a phone, and axe-core on all of it. Each test fails on any console or page error.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { LAPTOP, PHONE, checkClean, launch, noAxeViolations, offlineUrl, openPage, root, waitForResultOf } from './harness.mjs';

const kb = JSON.parse(readFileSync(path.join(root, 'data/kb.json'), 'utf8'));
const entry = (id) => kb.entries.find((e) => e.id === id);

const BOX = 'box-contextmanager-tokenrefresh-invalid-refresh';
const OKTA = 'okta-e0000006';
const BARE_401 = 'HttpRequestFailure: Server returned: 401 Unauthorized';
const LONG = 'x'.repeat(400);  // no break opportunity: must wrap, not widen a phone screen

// 64 lines: 8 Box token errors, 8 Okta E0000006 (the first one, the row's example, with a 400-character word),
// 8 bare 401s (Okta, Microsoft 365 or Exchange Online: not sure), 8 unknown ERROR lines (one of them with a
// 400-character word), the rest INFO noise.
function generatedLog() {
  const lines = [];
  for (let i = 0; i < 64; i += 1) {
    const t = `2026-11-25T10:${String(i).padStart(2, '0')}:00Z`;
    if (i % 8 === 0) {
      lines.push(`${t} ERROR ContextManagerServiceException: com.adallom.adalib.httputils.exceptions.TokenRefreshException: {"error":"invalid_grant","error_description":"Invalid refresh token"}'`);
    } else if (i % 8 === 3) {
      lines.push(`${t} ERROR okta api error E0000006 You do not have permission to perform the requested action${i === 3 ? ` request=${LONG}` : ''}`);
    }
    else if (i % 8 === 5) lines.push(`${t} ERROR ${BARE_401}`);
    else if (i % 8 === 6) lines.push(`${t} ERROR [sync] job ${i} failed: ${i === 6 ? LONG : 'queue closed'}`);
    else lines.push(`${t} INFO poller fetched ${i} events`);
  }
  return lines.join('\n');
}
const LOG = generatedLog();

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// The copy buttons write to the clipboard: recorded here instead, so that the test reads what was copied.
async function recordClipboard(page) {
  await page.evaluate(() => {
    window.__copied = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text) => { window.__copied.push(text); } },
    });
  });
}

async function pasteLog(page) {
  await page.locator('#error-text').fill(LOG);
  await waitForResultOf(page, LOG);
}

const row = (page, entryId) => page.locator(`section.log tbody tr[data-entry-id="${entryId}"]`);
const rowOfStatus = (page, status) => page.locator(`section.log tbody tr[data-status="${status}"]`);

const axe = (page, label) => noAxeViolations(page, label, { include: '#results' });

test('each log row says its confidence in words, copies its fix, folds its other answers and opens as a full diagnosis', async () => {
  const p = await openPage(browser, offlineUrl, { viewport: LAPTOP });
  await recordClipboard(p.page);
  await pasteLog(p.page);
  const rows = await p.page.locator('section.log tbody tr').evaluateAll((trs) => trs.map((tr) => ({
    id: tr.dataset.entryId, status: tr.dataset.status, count: Number(tr.cells[0].textContent),
    confidence: tr.querySelector('.confidence').textContent,
  })));
  assert.equal(rows.length, 3, JSON.stringify(rows));
  for (const r of rows) assert.ok(['likely', 'possible', 'weak match'].includes(r.confidence), JSON.stringify(r));
  assert.deepEqual(rows.find((r) => r.id === BOX), { id: BOX, status: 'recognized', count: 8, confidence: 'likely' });
  assert.deepEqual(rows.find((r) => r.id === OKTA), { id: OKTA, status: 'recognized', count: 8, confidence: 'likely' });
  const unsure = rows.find((r) => r.status === 'ambiguous');
  assert.equal(unsure.confidence, 'possible');

  await row(p.page, BOX).getByRole('button', { name: 'Copy fix' }).click();
  await row(p.page, BOX).getByRole('button', { name: 'Copy as Markdown' }).click();
  const copied = await p.page.evaluate(() => window.__copied);
  const box = entry(BOX);
  assert.equal(copied[0], `Box — ${box.cause.en}\n\nHow to fix it:\n${box.fix.en.map((s, i) => `${i + 1}. ${s}`).join('\n')}\n`);
  assert.match(copied[1], new RegExp(`^### Box: .*\\n\\n\\*\\*How to fix it\\*\\*\\n\\n1\\. [^]*_conndiag: \`${BOX}\`_\\n$`));

  // The bare 401's other answers: the two other apps it fits, each with its match strength.
  const others = rowOfStatus(p.page, 'ambiguous').locator('details.log-alternatives');
  assert.equal(await others.locator('summary').textContent(), 'Other answers (2)');
  await others.locator('summary').click();
  const alternatives = await others.locator('li').evaluateAll((lis) => lis.map((li) => [li.dataset.app, li.textContent]));
  assert.deepEqual(alternatives.map((a) => a[0]), ['office365', 'exchange']);
  for (const [, text] of alternatives) assert.match(text, /\(possible · match strength \d+%\)$/);
  assert.equal(await row(p.page, BOX).locator('details.log-alternatives li').count(), 1, 'Box also fits its other refresh-token row');

  // At laptop width too, the Okta row's example (a 400-character word) wraps: nothing scrolls sideways.
  await row(p.page, OKTA).locator('td.event-cell summary').click();
  assert.match(await row(p.page, OKTA).locator('pre.matched-text').textContent(), /request=x{400}$/);
  const overflow = await p.page.evaluate(() => {
    const wrap = document.querySelector('section.log .table-wrap');
    return [document.documentElement.scrollWidth - window.innerWidth, wrap.scrollWidth - wrap.clientWidth];
  });
  assert.deepEqual(overflow.map((x) => Math.max(x, 0)), [0, 0], `overflow ${overflow}`);
  await axe(p.page, 'rows with their details open, laptop');

  await rowOfStatus(p.page, 'ambiguous').getByRole('button', { name: 'Open as full diagnosis' }).click();
  const line = await p.page.locator('#error-text').inputValue();
  assert.match(line, /^2026-11-25T10:05:00Z ERROR HttpRequestFailure: Server returned: 401 Unauthorized$/);
  await waitForResultOf(p.page, line);
  assert.equal(await p.page.locator('section.log').count(), 0, 'the line is diagnosed alone');
  assert.equal(await p.page.locator('#results article.card').count(), 3);
  assert.equal(await p.page.locator('#results .which-app button').count(), 3, 'where the app can be chosen');
  assert.equal(await p.page.evaluate(() => document.activeElement.id), 'error-text');
  await checkClean(p);
});

test('choosing an app in an unsure row answers that row alone, with the keyboard, in English and French', async () => {
  const p = await openPage(browser, offlineUrl, { viewport: LAPTOP });
  await recordClipboard(p.page);
  await pasteLog(p.page);
  const unsure = rowOfStatus(p.page, 'ambiguous');
  const select = unsure.getByLabel('Which app?');
  assert.deepEqual(await select.locator('option').evaluateAll((os) => os.map((o) => o.value)), ['', 'okta', 'office365', 'exchange']);
  // Keyboard: Tab from the row's last button reaches its other answers, then the select; arrows choose.
  await unsure.getByRole('button', { name: 'Open as full diagnosis' }).focus();
  await p.page.keyboard.press('Tab');
  await p.page.keyboard.press('Tab');
  assert.equal(await p.page.evaluate(() => document.activeElement.id), await select.getAttribute('id'));
  await p.page.keyboard.press('ArrowDown');
  await p.page.keyboard.press('ArrowDown');
  const answer = unsure.locator('.row-answer');
  await p.page.waitForFunction(() => document.querySelector('section.log tr[data-status="ambiguous"] .row-answer')?.dataset.entryId === 'o365-401-internal');
  const o365 = entry('o365-401-internal');
  assert.equal(await answer.locator('.row-answer-head').textContent(), 'Answer for Microsoft 365 (Office 365): likely');
  assert.equal(await answer.locator('.cause').textContent(), `Cause ${o365.cause.en}`);
  assert.deepEqual(await answer.locator('ol.fix li').allTextContents(), o365.fix.en);
  assert.equal(await p.page.locator('#app').inputValue(), '', 'the page app filter is left alone');
  assert.equal(await p.page.locator('section.log .row-answer[data-entry-id]').count(), 1, 'the other rows are left alone');
  assert.equal(await p.page.locator('section.log tbody tr').count(), 3);
  // The row's copy button now copies the chosen app's answer.
  await unsure.getByRole('button', { name: 'Copy fix' }).click();
  assert.match((await p.page.evaluate(() => window.__copied))[0], /^Microsoft 365 \(Office 365\) — /);
  // Back to "Choose…": the answer goes away.
  await select.selectOption('');
  assert.deepEqual(await answer.evaluate((el) => [el.childElementCount, el.dataset.entryId]), [0, undefined]);

  // French: the pasted log is classified again in French; the row's question and answer are in French.
  await p.page.locator('#lang-toggle').click();
  await p.page.waitForFunction(() => /problèmes distincts sur/.test(document.querySelector('section.log h3')?.textContent || ''));
  const unsureFr = rowOfStatus(p.page, 'ambiguous');
  await unsureFr.getByLabel('Quelle application\u00a0?').selectOption('exchange');
  await p.page.waitForFunction(() => document.querySelector('section.log tr[data-status="ambiguous"] .row-answer')?.dataset.entryId === 'exchange-401-bad-credentials');
  assert.equal(await unsureFr.locator('.row-answer-head').textContent(), 'Réponse pour Exchange Online\u00a0: probable');
  assert.equal(await unsureFr.locator('.row-answer .cause').textContent(), `Cause ${entry('exchange-401-bad-credentials').cause.fr}`);
  assert.equal(await p.page.locator('#app').inputValue(), '');
  await checkClean(p);
});

test('an opened log file shows its name and size once above one summary, survives a language switch, and closes', async () => {
  const p = await openPage(browser, offlineUrl, { viewport: LAPTOP });
  await p.page.locator('#log-file').setInputFiles({ name: 'connector.log', mimeType: 'text/plain', buffer: Buffer.from(LOG) });
  const done = (pattern) => p.page.waitForFunction((source) => new RegExp(source).test(document.getElementById('status').textContent) &&
    document.getElementById('log-progress').hidden && document.querySelector('section.log'), pattern);
  await done('^3 distinct problems in 64 lines$');
  const kb = (Buffer.byteLength(LOG) / 1024).toLocaleString('en', { maximumFractionDigits: 1 });
  assert.equal(await p.page.locator('#log-file-name').textContent(), `Log file: connector.log (${kb}\u00a0KB)`);
  // The summary is shown once (the log's heading); the status region only announces it.
  const shownSummaries = await p.page.evaluate(() => [...document.querySelectorAll('#status, #results h3, #results p')]
    .filter((el) => /distinct problems in/.test(el.textContent) && el.getBoundingClientRect().width > 1 && el.getBoundingClientRect().height > 1)
    .map((el) => el.tagName));
  assert.deepEqual(shownSummaries, ['H3']);
  const countsEn = await p.page.locator('section.log tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.dataset.entryId, tr.cells[0].textContent]));
  assert.equal(await row(p.page, BOX).locator('details.log-cause > summary').textContent(), entry(BOX).cause.en);

  // French, with the box empty: the same file is read again in French, counts unchanged.
  await p.page.locator('#lang-toggle').click();
  await done('^3 problèmes distincts sur 64 lignes$');
  const countsFr = await p.page.locator('section.log tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.dataset.entryId, tr.cells[0].textContent]));
  assert.deepEqual(countsFr, countsEn);
  assert.equal(await row(p.page, BOX).locator('details.log-cause > summary').textContent(), entry(BOX).cause.fr);
  assert.equal(await row(p.page, BOX).locator('td').nth(2).locator('.confidence').textContent(), 'probable');
  assert.deepEqual(await p.page.locator('section.log thead th').allTextContents(), ['Nombre', 'Lignes', 'Application', 'Diagnostic', 'Événement']);
  assert.match(await p.page.locator('#log-file-name').textContent(), /^Fichier journal\u00a0: connector\.log \([\d,]+\u00a0Ko\)$/);
  await axe(p.page, 'file bar and rows, French');

  // Close: results, progress and file gone, back to the empty box, focus in it.
  await p.page.getByRole('button', { name: 'Fermer' }).click();
  assert.equal(await p.page.locator('section.log').count(), 0);
  assert.equal(await p.page.locator('#log-file-name').count(), 0);
  assert.equal(await p.page.locator('#results p.empty').textContent(), 'Collez une erreur ci-dessus pour voir son diagnostic.');
  assert.equal(await p.page.locator('#log-progress').isHidden(), true);
  assert.equal(await p.page.locator('#log-file').inputValue(), '');
  assert.equal(await p.page.evaluate(() => document.activeElement.id), 'error-text');
  // The file is forgotten: switching back to English shows the empty box, not the log.
  await p.page.locator('#lang-toggle').click();
  await p.page.waitForFunction(() => document.querySelector('#results p.empty')?.textContent === 'Paste an error above to see its diagnosis.');
  assert.equal(await p.page.locator('section.log').count(), 0);
  await checkClean(p);
});

test('a row whose lines are partly sure speaks for its unsure line: "possible", its example, its question (dark mode)', async () => {
  const p = await openPage(browser, offlineUrl, { viewport: LAPTOP, colorScheme: 'dark' });
  // The same Okta row answers both lines, surely for the first, not for the bare 401s.
  const lines = ['2026-11-25T09:59:00Z ERROR HTTP 401 Okta E0000011 Invalid Token provided'];
  for (let i = 0; i < 45; i += 1) lines.push(`2026-11-25T10:00:${String(i).padStart(2, '0')}Z ${i % 3 ? 'INFO poll ok' : `ERROR ${BARE_401}`}`);
  const log = lines.join('\n');
  await p.page.locator('#error-text').fill(log);
  await waitForResultOf(p.page, log);
  const only = p.page.locator('section.log tbody tr');
  assert.equal(await only.count(), 1);
  assert.equal(await only.getAttribute('data-entry-id'), 'okta-401-token-invalid');
  assert.equal(await only.getAttribute('data-status'), 'ambiguous');
  assert.equal(await only.locator('td').first().textContent(), '16');
  assert.equal(await only.locator('td').nth(1).textContent(), '1–44');
  assert.equal(await only.locator('td').nth(2).locator('.confidence').textContent(), 'possible');
  assert.match(await only.locator('td.event-cell code').textContent(), /ERROR HttpRequestFailure: Server returned: 401 Unauthorized$/);
  await only.getByLabel('Which app?').selectOption('okta');
  await p.page.waitForFunction(() => document.querySelector('section.log .row-answer')?.dataset.entryId === 'okta-401-token-invalid');
  assert.equal(await only.locator('.row-answer-head').textContent(), 'Answer for Okta: likely');
  await only.locator('details.log-alternatives summary').click();
  await axe(p.page, 'an answered row, dark mode');
  await checkClean(p);
});

test('closing a log file while it is read stops it: no progress, no rows, the box ready for a paste', async () => {
  const p = await openPage(browser, offlineUrl, { viewport: LAPTOP });
  await p.page.evaluate(() => {
    const noise = '2026-11-25T10:00:00.000Z INFO  [poller-3] fetched 120 events for tenant in 41 ms, queue depth 2\n';
    const block = noise.repeat(1000) + '2026-11-25T10:00:01.000Z ERROR BoxRestException: Failed to parse response.\n';
    const parts = [];
    for (let bytes = 0; bytes < 100 * 1048576; bytes += block.length) parts.push(block);
    window.__progressSeen = 0;
    new MutationObserver(() => { window.__progressSeen += 1; })
      .observe(document.getElementById('log-progress-text'), { childList: true, characterData: true, subtree: true });
    const data = new DataTransfer();
    data.items.add(new File(parts, 'big.log', { type: 'text/plain' }));
    document.getElementById('drop-zone').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await p.page.waitForFunction(() => window.__progressSeen > 1);
  assert.match(await p.page.locator('#log-file-name').textContent(), /^Log file: big\.log \(100(\.\d)?\u00a0MB\)$/);
  // Checked and clicked in one step: the read was still under way when Close was pressed.
  const wasReading = await p.page.evaluate(() => {
    const reading = !document.getElementById('log-progress').hidden;
    document.getElementById('log-close').click();
    return reading;
  });
  assert.equal(wasReading, true);
  assert.equal(await p.page.locator('#log-progress').isHidden(), true);
  assert.equal(await p.page.locator('#results section.log, #log-file-name').count(), 0);
  assert.equal(await p.page.locator('#results p.empty').count(), 1);
  assert.equal(await p.page.evaluate(() => document.activeElement.id), 'error-text');
  // The page goes on: a paste is diagnosed, and the closed log's reader sends nothing more to show.
  await p.page.locator('#error-text').fill('IgniteException');
  await waitForResultOf(p.page, 'IgniteException');
  assert.equal(await p.page.locator('#results article.card').first().getAttribute('data-entry-id'), 'o365-ignite-domain-user');
  assert.equal(await p.page.locator('#log-progress').isHidden(), true);
  await checkClean(p);
});

for (const [lang, toggle] of [['English', false], ['French', true]]) {
  test(`on a phone, in ${lang}, log rows stack as labelled blocks and long lines wrap without horizontal scrolling`, async () => {
    const p = await openPage(browser, offlineUrl, { viewport: PHONE });
    if (toggle) await p.page.locator('#lang-toggle').click();
    await pasteLog(p.page);
    // Everything a row can open, opened: its cause, its other answers, its example, an app chosen.
    for (const summary of await p.page.locator('section.log tbody details > summary').all()) await summary.click();
    await rowOfStatus(p.page, 'ambiguous').locator('select').selectOption('office365');
    await p.page.waitForFunction(() => document.querySelector('section.log .row-answer[data-entry-id]'));
    const layout = await p.page.evaluate(() => {
      const cells = [...document.querySelectorAll('section.log tbody td')];
      const wrap = document.querySelector('section.log .table-wrap');
      return {
        rowDisplay: [...new Set([...document.querySelectorAll('section.log tbody tr')].map((tr) => getComputedStyle(tr).display))],
        labels: [...new Set(cells.map((td) => getComputedStyle(td, '::before').content))],
        theadShown: document.querySelector('section.log thead').getBoundingClientRect().height > 1,
        pageWidth: document.documentElement.scrollWidth,
        wrapOverflow: wrap.scrollWidth - wrap.clientWidth,
        widest: Math.max(...cells.map((td) => td.getBoundingClientRect().right)),
      };
    });
    const w = toggle ? ['Nombre', 'Lignes', 'Application', 'Diagnostic', 'Événement'] : ['Count', 'Lines', 'App', 'Diagnosis', 'Event'];
    assert.deepEqual(layout.rowDisplay, ['block']);
    assert.deepEqual(layout.labels, w.map((t) => `"${t}"`));
    assert.equal(layout.theadShown, false);
    assert.ok(layout.pageWidth <= PHONE.width, `no horizontal scroll at 390px (content is ${layout.pageWidth}px)`);
    assert.ok(layout.wrapOverflow <= 0, `the table does not scroll sideways (${layout.wrapOverflow}px)`);
    assert.ok(layout.widest <= PHONE.width, `no cell reaches past the screen (${layout.widest}px)`);
    // The unknown line with the 400-character word is among the samples, wrapped too.
    assert.match(await p.page.locator('section.log-unrecognized').textContent(), /xxxxxxxx/);
    await axe(p.page, `phone, ${lang}`);
    await checkClean(p);
  });
}

// 1,200 distinct error lines nothing describes (past the reader's 1,000-event listing cap) and 3 repeats of
// the first: every one of them is counted, though only 1,000 are listed.
function unknownLog() {
  const letters = (n) => Array.from(String(n), (d) => 'abcdefghij'[Number(d)]).join('');  // distinct words, no digits
  const lines = [];
  for (let i = 0; i < 1200; i += 1) lines.push(`2026-11-25T10:00:00Z ERROR widget ${letters(i)} exploded in stage ${letters(i * 7)}`);
  for (let i = 0; i < 3; i += 1) lines.push(lines[0]);
  return lines.join('\n');
}

test('lines past the reader\'s listing cap are counted in "Not recognized", pasted or opened as a file', async () => {
  const log = unknownLog();
  const p = await openPage(browser, offlineUrl, { viewport: LAPTOP });
  await p.page.locator('#error-text').fill(log);
  await waitForResultOf(p.page, log);
  const heading = () => p.page.locator('section.log-unrecognized h4').textContent();
  assert.equal(await heading(), 'Not recognized: 1,203 error lines (1,000 distinct)');
  assert.match(await p.page.locator('.log-warnings').textContent(), /1000|1,000/);
  await p.page.locator('#error-text').fill('');
  await p.page.locator('#log-file').setInputFiles({ name: 'unknown.log', mimeType: 'text/plain', buffer: Buffer.from(log) });
  await p.page.waitForFunction(() => document.getElementById('log-progress').hidden && document.querySelector('section.log-unrecognized'));
  assert.equal(await heading(), 'Not recognized: 1,203 error lines (1,000 distinct)');
  await checkClean(p);
});
