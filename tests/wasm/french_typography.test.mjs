// French words follow French typography: a no-break space before ":", ";", "!", "?" and "»" and after "«",
// so a line never starts with the mark. Checked on every French word of the page, including what the word
// functions return, so words added later are held to it too.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { frenchSpaces, STRINGS } from '../../web/src/i18n.mjs';

// Sample arguments for word functions: numbers, a status, texts with marks of their own.
const SAMPLE_ARGS = [[1], [2, 3], [401], [403], [503], ['Okta', 'possible'], ['1.5', '2.0', 3], ['x', 'y', 'z']];

function* frenchTexts(value, path = 'fr') {
  if (typeof value === 'string') yield [path, value];
  else if (typeof value === 'function') {
    for (const args of SAMPLE_ARGS) {
      let out;
      try {
        out = value(...args);
      } catch {
        continue;  // a word function that needs other arguments: the other samples reach it
      }
      if (typeof out === 'string') yield [`${path}(${args.join(', ')})`, out];
    }
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) yield* frenchTexts(v, `${path}.${key}`);
  }
}

test('no French word has a plain space, or no space, before : ; ! ? » or after «', () => {
  let checked = 0;
  for (const [where, text] of frenchTexts(STRINGS.fr)) {
    checked += 1;
    assert.doesNotMatch(text, /(?:^|[^\u00a0\u202f])[:;!?](?=\s|$)/, `${where}: ${JSON.stringify(text)}`);
    assert.doesNotMatch(text, /[^\u00a0\u202f]»|«[^\u00a0\u202f]/, `${where}: ${JSON.stringify(text)}`);
  }
  assert.ok(checked > 100, `only ${checked} French texts checked`);
});

test('a French label and value get the no-break space the page puts between them', () => {
  assert.equal(STRINGS.fr.labelled('Okta', 'possible'), 'Okta\u00a0: possible');
  assert.equal(STRINGS.en.labelled('Okta', 'possible'), 'Okta: possible');
});

test('addresses, times and queries keep their colons and question marks', () => {
  const text = 'Voir https://learn.microsoft.com/x?a=b à 10:30 : réessayez ?';
  assert.equal(frenchSpaces(text), 'Voir https://learn.microsoft.com/x?a=b à 10:30\u00a0: réessayez\u00a0?');
  assert.equal(frenchSpaces('« id »'), '«\u00a0id\u00a0»');
});
