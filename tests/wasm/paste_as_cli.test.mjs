// A paste's result through the JS API is the native command's --json, byte for byte once its spans are
// counted in UTF-8 bytes as the command counts them: the module leaves each match's row text out of its
// reply and api.mjs puts it back from the row texts it keeps (RowText::kByIndex in result_json.h), so this
// checks that nothing is lost, changed or reordered on the way. Needs the native command (CONNDIAG_NATIVE_CLI,
// else build/native/bin/conndiag): a missing one fails, it is not skipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { createConnDiag } from '../../web/src/api.mjs';
import { factory, kbText, root, wasmBinary } from './built-module.mjs';

const native = process.env.CONNDIAG_NATIVE_CLI || path.join(root, 'build/native/bin/conndiag');
const kb = JSON.parse(kbText);
const texts = ['rows.jsonl', 'no_match.jsonl', 'traps.jsonl'].flatMap((file) =>
  readFileSync(path.join(root, 'tests/golden', file), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text)).concat([
  // Codes alone, Microsoft Entra's and Okta's messages: each one's match moves onto the table row of the same
  // event and keeps the code row's signature.
  'AADSTS50173: The provided grant has expired due to it being revoked, a fresh auth token is needed.',
  '{"errorCode":"E0000011","errorSummary":"Invalid token provided"}',
]);

/** The command's --json for each file, in order, without its "file" key. */
function nativeResults(files, args) {
  const run = spawnSync(native, ['--json', ...args, '--', ...files], { encoding: 'utf8', maxBuffer: 256 << 20 });
  // 1: some file had no confident match (as some of these texts must not)
  assert.ok(run.status === 0 || run.status === 1, `${native} exited with ${run.status}: ${run.stderr}`);
  return run.stdout.trim().split('\n').map((line) => {
    const { file, ...result } = JSON.parse(line);
    return result;
  });
}

/** A JS string index as the UTF-8 byte offset the command gives. */
const byteOffset = (text, index) => Buffer.byteLength(text.slice(0, index));

/**
 * Classifies each text through the JS API and asserts the command's --json on the same texts, as files, byte for
 * byte: once per ask, `options` for the API and `args` for the command. Returns every match compared.
 */
function sameAsCommand(diag, texts, asks) {
  const scratch = mkdtempSync(path.join(tmpdir(), 'conndiag-paste-'));
  try {
    const files = texts.map((text, i) => {
      const file = path.join(scratch, `text-${i}.txt`);
      writeFileSync(file, text);
      return file;
    });
    const matches = [];
    for (const { options, args } of asks) {
      const expected = nativeResults(files, args);
      texts.forEach((text, i) => {
        const result = diag.classify(text, options);
        for (const m of result.matches) m.spans = m.spans.map(([begin, end]) => [byteOffset(text, begin), byteOffset(text, end)]);
        matches.push(...result.matches);
        assert.equal(JSON.stringify(result), JSON.stringify(expected[i]), `text ${i} ${args.join(' ')}`);
      });
    }
    return matches;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

test('a paste\'s result equals the native command\'s --json, in English and French, with and without an app', async () => {
  assert.ok(existsSync(native), `${native} is missing: build the native preset, or set CONNDIAG_NATIVE_CLI`);
  assert.ok(texts.length >= 300, `${texts.length} texts`);
  const diag = await createConnDiag(factory, { kb: kbText, wasmBinary });
  const asks = [{ lang: 'en', top: 5 }, { lang: 'fr', top: 5 }, { lang: 'fr', top: 3, app: 'office365' }].map((options) => ({
    options,
    args: ['--lang', options.lang, '--top', String(options.top), ...(options.app ? ['--app', options.app] : [])],
  }));
  const matches = sameAsCommand(diag, texts, asks);
  assert.ok(matches.length > texts.length, `${matches.length} matches compared`);
  // A code's match moved onto its table row keeps the code row's signature (signature_at names that row).
  const ownSignature = (m) => kb.entries.find((e) => e.id === m.id).signatures.some((s) => s.id === m.signature?.id);
  assert.ok(matches.some((m) => m.signature && !ownSignature(m)), 'a match whose signature is another row\'s was compared');
});

test('with a portal\'s knowledge base extending the built-in one, a paste\'s result is still the command\'s --kb one', async () => {
  // The overlay adds a row after the built-in ones and overrides a built-in row's steps: the rows' texts the
  // JS side keeps are the merged knowledge base's, by the module's own row numbers.
  const overlayFile = path.join(root, 'web/examples/portal-kb.json');
  const diag = await createConnDiag(factory, { kb: kbText, overlay: readFileSync(overlayFile, 'utf8'), wasmBinary });
  const portalTexts = [
    'ConnectorProxyException: egress through proxy.contoso.com refused (407)',
    'Box: BoxAPIException: The API returned an error code [500] Failed to parse the response',
    ...texts.filter((_, i) => i % 4 === 0),
  ];
  const asks = ['en', 'fr'].map((lang) => ({ options: { lang, top: 5 }, args: ['--kb', overlayFile, '--lang', lang, '--top', '5'] }));
  const seen = new Set(sameAsCommand(diag, portalTexts, asks).map((m) => m.id));
  assert.ok(seen.has('contoso-proxy-egress'), 'the portal\'s own row was compared');
  assert.ok(seen.has('box-rest-failed-parse'), 'the row whose steps the portal overrides was compared');
});

test('each result is the caller\'s own: changing one leaves the next paste\'s row text as it was', async () => {
  const diag = await createConnDiag(factory, { kb: kbText, wasmBinary });
  const text = 'AADSTS70008: The provided authorization code or refresh token has expired due to inactivity.';
  const first = diag.classify(text);
  const before = JSON.stringify(first);
  const [m] = first.matches;
  assert.ok(m.reference && m.signature && m.fix.length > 0, 'a match with a reference, a signature and steps');
  m.fix.push('changed');
  m.reference.url = 'changed';
  m.signature.sources.push('changed');
  m.cause = 'changed';
  assert.equal(JSON.stringify(diag.classify(text)), before);
});

test('a row asked beyond the knowledge base is a clear error, not a crash', async () => {
  const diag = await createConnDiag(factory, { kb: kbText, wasmBinary });
  const reply = JSON.parse(new TextDecoder().decode(
    diag._module.rowText(diag._handle, kb.entries.length, JSON.stringify({ app: '', lang: 'en', top: 3 }))));
  assert.deepEqual(reply, { ok: false, error: `no row ${kb.entries.length} in this knowledge base` });
});
