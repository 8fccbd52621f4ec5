// Node tests of web/src/kb-merge.mjs: portal knowledge bases extend or replace the built-in one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { mergeKnowledgeBases } from '../../web/src/kb-merge.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const base = JSON.parse(readFileSync(path.join(root, 'data/kb.json'), 'utf8'));

test('an extending file adds rows, overrides given fields only, and merges apps', () => {
  const overlay = {
    extends: 'conndiag', version: 'portal-1',
    apps: { box: { name: { en: 'Box (corporate)', fr: 'Box (entreprise)' } } },
    entries: [
      { id: 'box-rest-failed-parse', fix: { en: ['Call the help desk.'], fr: ['Appelez le support.'] } },
      { id: 'portal-vpn', apps: ['office365'], kind: 'configuration', action: 'enable-setting',
        message: { en: 'ConnectorProxyException: VPN required' }, patterns: ['connectorproxyexception'],
        cause: { en: 'VPN', fr: 'VPN' }, fix: { en: ['Connect the VPN.'], fr: ['Connectez le VPN.'] } },
    ],
  };
  const { kb } = mergeKnowledgeBases(base, overlay, 'portal.json');
  assert.equal(kb.version, `${base.version}+portal-1`);
  assert.equal(kb.entries.length, base.entries.length + 1);
  const overridden = kb.entries.find((e) => e.id === 'box-rest-failed-parse');
  assert.deepEqual(overridden.fix.en, ['Call the help desk.']);
  assert.deepEqual(overridden.patterns, base.entries.find((e) => e.id === 'box-rest-failed-parse').patterns);
  assert.equal(kb.entries.at(-1).source, 'custom');
  assert.equal(kb.apps.box.name.en, 'Box (corporate)');
  assert.deepEqual(kb.apps.box.clues, base.apps.box.clues);
  assert.equal(base.entries.length, kb.entries.length - 1, 'the base is not modified');
});

test('core errors are translated back to the portal file and its own path', () => {
  const overlay = { extends: 'conndiag', entries: [{ id: 'a-new-row', patterns: ['(bad'] }] };
  const { kb, explain } = mergeKnowledgeBases(base, overlay, 'https://portal/kb.json');
  const mergedIndex = kb.entries.length - 1;
  assert.equal(explain(`/entries/${mergedIndex}/patterns/0: invalid regular expression`),
    'https://portal/kb.json: /entries/0/patterns/0: invalid regular expression');
  assert.match(explain('/version: x'), /^https:\/\/portal\/kb.json \(merged with the built-in knowledge base\): \/version: x/);
});

test('a file without "extends" replaces the built-in knowledge base', () => {
  const { kb, explain } = mergeKnowledgeBases(base, { $schema: 'x', version: 'v', languages: ['en'], apps: {}, entries: [] }, 'own.json');
  assert.deepEqual(kb, { version: 'v', languages: ['en'], apps: {}, entries: [] });
  assert.equal(explain('/apps: must not be empty'), 'own.json: /apps: must not be empty');
});

test('structural mistakes name the file and the path', () => {
  assert.throws(() => mergeKnowledgeBases(base, [], 'f.json'), /^Error: f.json: \/: the knowledge base must be a JSON object/);
  assert.throws(() => mergeKnowledgeBases(base, { extends: 'other' }, 'f.json'), /f.json: \/extends: must be "conndiag"/);
  assert.throws(() => mergeKnowledgeBases(base, { extends: 'conndiag', entries: {} }, 'f.json'), /f.json: \/entries: must be an array/);
  assert.throws(() => mergeKnowledgeBases(base, { extends: 'conndiag', entries: [{}] }, 'f.json'), /f.json: \/entries\/0: each entry needs a string "id"/);
});
