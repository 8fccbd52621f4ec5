// Browser tests of the reference line on a card: a row of Microsoft's table links to Microsoft's page with
// the day it was last checked, in English and French, at laptop and phone width, with no axe violations.
// Run: node --test tests/browser/reference-line.test.mjs
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import AxeBuilder from '@axe-core/playwright';

import { checkClean, diagnose, launch, offlineUrl, openPage, root } from './harness.mjs';
import { STRINGS } from '../../web/src/i18n.mjs';
import { dayInWords } from '../../web/src/reference-line.mjs';

const kb = JSON.parse(readFileSync(path.join(root, 'data/kb.json'), 'utf8'));
const entry = (id) => kb.entries.find((e) => e.id === id);
const BOX_PARSE = entry('box-rest-failed-parse');
const SMARTSHEET = entry('smartsheet-plan-unsupported');
// The day as the page writes it (its formatting is tested in tests/wasm/card_links.test.mjs).
const day = (iso, lang) => dayInWords(iso, STRINGS[lang].referenceMonths);

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

for (const [name, viewport] of [['laptop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
  test(`a table row's card links to Microsoft's page with the day it was checked, in English and French (${name})`, async () => {
    const p = await openPage(browser, offlineUrl, { viewport });
    await diagnose(p.page, BOX_PARSE.message.en, { app: 'box', expect: BOX_PARSE.id });
    const link = p.page.locator('#results article.card').first().locator('p.reference a');
    assert.equal(await link.count(), 1, 'one reference link on the card');
    assert.equal(await link.textContent(), `Microsoft's troubleshooting page, checked ${day(BOX_PARSE.reference.checked, 'en')}`);
    assert.equal(await link.getAttribute('href'), BOX_PARSE.reference.url);
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.equal(await link.getAttribute('rel'), 'noreferrer noopener');
    assert.ok(await link.isVisible());
    const box = await link.boundingBox();
    assert.ok(box.x + box.width <= viewport.width, `the line fits in ${viewport.width}px`);
    const axe = await new AxeBuilder({ page: p.page }).include('#results').analyze();
    assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);

    await p.page.click('#lang-toggle');
    await p.page.locator('html[lang=fr]').waitFor();
    const french = p.page.locator('#results article.card').first().locator('p.reference a');
    await p.page.waitForFunction(() => /Page de dépannage/.test(document.querySelector('#results p.reference a')?.textContent || ''));
    assert.equal(await french.textContent(), `Page de dépannage de Microsoft, vérifiée le ${day(BOX_PARSE.reference.checked, 'fr')}`);

    // A row Microsoft's page no longer has says so instead of a date it was checked.
    await diagnose(p.page, SMARTSHEET.message.en, { app: 'smartsheet', expect: SMARTSHEET.id });
    assert.equal(await p.page.locator('#results article.card').first().locator('p.reference a').textContent(),
      `Page de dépannage de Microsoft\u00a0: cette erreur n'y figurait plus le ${day(SMARTSHEET.reference.missing, 'fr')}`);
    await checkClean(p);
  });
}

test('a code-table answer has no reference line', async () => {
  const code = kb.entries.find((e) => e.source === 'code-table' && !e.same_event?.length && e.id.startsWith('aadsts-'));
  const p = await openPage(browser, offlineUrl);
  await diagnose(p.page, code.message.en, { app: 'office365', expect: code.id });
  assert.equal(await p.page.locator('#results article.card').first().locator('p.reference').count(), 0);
  await checkClean(p);
});
