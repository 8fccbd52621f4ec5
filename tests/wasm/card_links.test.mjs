// Node tests of the card's link refusals (web/src/reference-line.mjs, web/src/safe-link.mjs), which need no
// DOM: only https addresses become links, and only real days are shown (the loader refuses both too; this
// holds even if a result said otherwise).
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { dayInWords, referenceLine } from '../../web/src/reference-line.mjs';
import { cardLinks, isHttps } from '../../web/src/safe-link.mjs';
import { STRINGS } from '../../web/src/i18n.mjs';

test('a reference that is not https, or has no real day, gives no line', () => {
  for (const url of ['http://learn.microsoft.com/x', 'javascript:alert(1)', 'data:text/html,x', '//evil.example/x', 'learn.microsoft.com']) {
    assert.equal(isHttps(url), false, url);
    assert.equal(referenceLine({ reference: { url, checked: '2026-11-27', missing: null } }, STRINGS.en), null, url);
  }
  const page = 'https://learn.microsoft.com/x';
  assert.equal(isHttps(page), true);
  for (const day of ['2026-02-30', '2026-13-01', '27/11/2026', '', null]) {
    assert.equal(referenceLine({ reference: { url: page, checked: day, missing: null } }, STRINGS.en), null, String(day));
  }
  assert.equal(referenceLine({ reference: null }, STRINGS.en), null);
});

test('a vendor page or a source that is not https gives no link on a card', () => {
  const bad = ['http://example.com/x', 'javascript:alert(1)', 'data:text/html,x', '//evil.example/x', 'example.com', '', null, 42];
  for (const url of bad) {
    assert.deepEqual(cardLinks({ link: url, signature: { sources: [url] } }), { vendor: null, sources: [] }, String(url));
  }
  const good = ['https://a.example/1', 'https://b.example/2', 'https://c.example/3', 'https://d.example/4'];
  assert.deepEqual(cardLinks({ link: good[0], signature: { sources: ['javascript:x', ...good] } }),
    { vendor: good[0], sources: good.slice(0, 3) });
  assert.deepEqual(cardLinks({ link: null, signature: null }), { vendor: null, sources: [] });
});

test('the day is written out in English and French', () => {
  assert.equal(dayInWords('2026-11-27', STRINGS.en.referenceMonths), '27 Nov 2026');
  assert.equal(dayInWords('2026-11-27', STRINGS.fr.referenceMonths), '27 nov. 2026');
  assert.equal(dayInWords('2028-02-29', STRINGS.en.referenceMonths), '29 Feb 2028');
  assert.equal(dayInWords('2026-09-03', STRINGS.fr.referenceMonths), '3 sept. 2026');
  assert.equal(dayInWords('2026-02-29', STRINGS.en.referenceMonths), null);
  assert.equal(dayInWords('2026-13-01', STRINGS.en.referenceMonths), null);
  assert.equal(dayInWords('27/11/2026', STRINGS.en.referenceMonths), null);
  // Every month as the platform's own formatter writes it for British English and French (the page does
  // not call it: its first use in a page costs tens of milliseconds).
  for (const [lang, locale] of [['en', 'en-GB'], ['fr', 'fr']]) {
    const intl = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    for (let month = 1; month <= 12; month += 1) {
      const iso = `2026-${String(month).padStart(2, '0')}-15`;
      assert.equal(dayInWords(iso, STRINGS[lang].referenceMonths), intl.format(new Date(`${iso}T00:00:00Z`)), `${lang} ${iso}`);
    }
  }
  assert.equal(STRINGS.en.referenceChecked('27 Nov 2026'), "Microsoft's troubleshooting page, checked 27 Nov 2026");
  assert.equal(STRINGS.fr.referenceChecked('27 nov. 2026'), 'Page de dépannage de Microsoft, vérifiée le 27 nov. 2026');
});
