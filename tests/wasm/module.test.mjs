// Node tests of the WebAssembly module through the JS API: the golden table, UTF-16 spans, bad input.
// Run: node --test tests/wasm/  (needs build/wasm, from `cmake --build --preset wasm`)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';

import { createConnDiag } from '../../web/src/api.mjs';
import { factory, fromJsonBytes, kbText, moduleDir, root, wasmBinary } from './built-module.mjs';

const kb = JSON.parse(kbText);
const diag = await createConnDiag(factory, { kb: kbText, wasmBinary });

const cases = (file) =>
  readFileSync(path.join(root, 'tests/golden', file), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const firstApp = Object.fromEntries(kb.entries.map((e) => [e.id, e.apps[0]]));

test('every golden case ranks its row first given the app, and in the top three without it', () => {
  const rows = cases('rows.jsonl');
  assert.ok(rows.length >= 200);
  for (const c of rows) {
    const given = diag.classify(c.text, { app: c.app || firstApp[c.expect] }).matches.map((m) => m.id);
    assert.equal(given[0], c.expect, `${c.expect} (${c.variant}) given the app: ${given}`);
    const alone = diag.classify(c.text).matches.map((m) => m.id);
    assert.ok(alone.includes(c.expect), `${c.expect} (${c.variant}) without app: ${alone}`);
  }
});

test('unrelated and ambiguous texts never match confidently', () => {
  for (const c of cases('no_match.jsonl')) {
    const r = diag.classify(c.text);
    assert.ok(r.matches.length === 0 || !r.matches[0].confident, c.variant);
  }
});

test('spans are UTF-16 indices that point at the right characters despite accents and emoji', () => {
  const text = '😀 Échec “quoted” — IgniteException après 🎉';
  const r = diag.classify(text);
  assert.equal(r.matches[0].id, 'o365-ignite-domain-user');
  const [begin, end] = r.matches[0].spans[0];
  assert.equal(text.slice(begin, end), 'IgniteException');
});

test('French output and French input', () => {
  const r = diag.classify('HttpRequestFailure : Retourné par le serveur : 404 Introuvable', { app: 'exchange', lang: 'fr' });
  assert.equal(r.matches[0].id, 'exchange-404-no-mailbox');
  assert.match(r.matches[0].cause, /boîte aux lettres/);
  const span = r.matches[0].spans[0];
  assert.equal('HttpRequestFailure : Retourné par le serveur : 404 Introuvable'.slice(...span), 'HttpRequestFailure');
});

test('a malformed custom knowledge base rejects create with the JSON path of the problem', async () => {
  const bad = structuredClone(kb);
  bad.entries[3].signatures[0].patterns[0] = '(unclosed';
  await assert.rejects(createConnDiag(factory, { kb: bad, wasmBinary }), /^Error: \/entries\/3\/signatures\/0\/patterns\/0: invalid regular expression/);
  await assert.rejects(createConnDiag(factory, { kb: '{"version": ', wasmBinary }), /not valid JSON/);
});

test('wasmModule: a compiled module is instantiated instead of compiling the bytes, and answers as they do', async () => {
  const compiled = await WebAssembly.compile(wasmBinary);
  // Bytes that cannot compile beside it: the diagnoser made proves that the module was used, not the bytes.
  const fromModule = await createConnDiag(factory, { kb: kbText, wasmModule: Promise.resolve(compiled), wasmBinary: new Uint8Array([0, 1, 2]) });
  for (const text of ['HttpRequestFailure: Server returned: 401 Unauthorized', 'IgniteException', 'nothing known']) {
    assert.deepEqual(fromModule.classify(text), diag.classify(text), text);
  }
  // One compiled module serves several diagnosers (the page and its two log workers share one).
  const second = await createConnDiag(factory, { kb: kbText, wasmModule: compiled });
  assert.deepEqual(second.classify('IgniteException'), diag.classify('IgniteException'));
});

test('wasmModule: something else, or a module that is not conndiag\'s, is refused with an error instead of a hang', async () => {
  await assert.rejects(createConnDiag(factory, { kb: kbText, wasmModule: wasmBinary }), /^TypeError: wasmModule must be a WebAssembly.Module/);
  const other = await WebAssembly.compile(readFileSync(path.join(moduleDir, 'lzma-decoder.wasm')));
  // Its imports are not the module's glue's: instantiating it fails (a TypeError or a LinkError, by import).
  await assert.rejects(createConnDiag(factory, { kb: kbText, wasmModule: other }), (e) => /import/i.test(e.message));
});

test('compilePatternsOnFirstUse: a pattern is checked when first needed, and an overlay is still checked whole', async () => {
  assert.equal(diag.kbInfo().patternsCompiled, 'at load');  // the default
  const lazy = await createConnDiag(factory, { kb: kbText, wasmBinary, compilePatternsOnFirstUse: true });
  assert.equal(lazy.kbInfo().patternsCompiled, 'on first use');
  for (const text of ['HttpRequestFailure: Server returned: 401 Unauthorized', 'AADSTS50076: use multi-factor', 'nothing known']) {
    assert.deepEqual(lazy.classify(text), diag.classify(text), text);
  }
  // Only the caller's word vouches for the patterns: one that does not compile is skipped with a warning.
  const bad = structuredClone(kb);
  bad.entries[3].signatures[0].patterns[0] = '(unclosed';
  const trusting = await createConnDiag(factory, { kb: bad, wasmBinary, compilePatternsOnFirstUse: true });
  const r = trusting.classify('(unclosed');
  assert.match(r.warnings.join('\n'), /^\/entries\/3\/signatures\/0\/patterns\/0: skipped, invalid regular expression/m);
  // An overlay is someone's own writing: its patterns are compiled while loading whatever the option says.
  const overlay = { extends: 'conndiag', entries: [{ id: 'x-new', apps: ['box'], kind: 'internal', action: 'test-now', message: { en: 'x' },
    patterns: ['(bad'], cause: { en: 'c', fr: 'c' }, fix: { en: ['s'], fr: ['s'] } }] };
  await assert.rejects(createConnDiag(factory, { kb: kbText, overlay, wasmBinary, compilePatternsOnFirstUse: true }),
                       /^Error: \/entries\/0\/patterns\/0: invalid regular expression/);
});

test('unknown options are errors, not guesses', () => {
  assert.throws(() => diag.classify('x', { app: 'dropbox' }), /unknown app "dropbox"/);
  assert.throws(() => diag.classify('x', { lang: 'de' }), /valid languages: en, fr/);
  assert.throws(() => diag.classify('x', { app: 5 }), /^Error: options: \/app: must be a string$/);
});

// The module and api.mjs keep the last options they were given (parsed, checked): each call must still get
// its own, whatever came before, refused ones included.
test('options that change from one paste to the next are each honoured, and refused ones stay refused', () => {
  const text = 'HttpRequestFailure: Server returned: 401 Unauthorized {"errorCode":"E0000011"}';
  const asks = [{}, { lang: 'fr' }, { app: 'okta' }, { lang: 'fr', top: 1 }, { app: 'box', lang: 'fr' }];
  const first = asks.map((options) => JSON.stringify(diag.classify(text, options)));
  assert.equal(new Set(first).size, asks.length, 'each set of options gives its own answer');
  for (const k of [3, 0, 4, 1, 1, 2, 0]) {
    assert.throws(() => diag.classify(text, { app: 'dropbox' }), /unknown app "dropbox"/);
    assert.throws(() => diag.classify(text, { ...asks[k], top: 0 }), RangeError);
    assert.equal(JSON.stringify(diag.classify(text, asks[k])), first[k], JSON.stringify(asks[k]));
  }
});

test('a catastrophic custom pattern is skipped with a warning instead of aborting the module', async () => {
  const slow = {
    version: 't', languages: ['en'], apps: { box: { name: { en: 'Box' } } },
    entries: [
      { id: 'slow', source: 'custom', apps: ['box'], kind: 'internal', action: 'test-now', message: { en: 'x' },
        patterns: ['(?:a|aa)+(?:a|aa)+b'], cause: { en: 'c' }, fix: { en: ['s'] } },
      { id: 'sane', source: 'custom', apps: ['box'], kind: 'internal', action: 'test-now', message: { en: 'x' },
        patterns: ['aaaa'], cause: { en: 'c' }, fix: { en: ['s'] } },
    ],
  };
  const d = await createConnDiag(factory, { kb: slow, wasmBinary });
  const r = d.classify('a'.repeat(5000));
  assert.deepEqual(r.matches.map((m) => m.id), ['sane']);
  assert.match(r.warnings[0], /^\/entries\/0\/patterns\/0: skipped/);
  assert.equal(d.classify('aaaa').matches[0].id, 'sane');  // the module still works afterwards
});

// A lone surrogate (a cut emoji) must cost nothing: the text around it is read whole (the module's string
// conversion would otherwise fuse it with the next character) and spans index the caller's own string.
test('a lone surrogate right before the error neither eats a character nor shifts the spans', () => {
  for (const junk of ['\uD83D', '\uDE00', 'a\uD83Db\uDC00', '\uD83D\uD83D']) {
    const text = `${junk}HttpRequestFailure: Server returned: 401 Unauthorized`;
    const r = diag.classify(text, { app: 'okta' });
    const matched = r.matches[0].spans.map(([b, e]) => text.slice(b, e));
    assert.ok(matched.includes('HttpRequestFailure'), `${JSON.stringify(junk)}: ${JSON.stringify(matched)}`);
  }
});

test('a log accounts for error lines nothing recognizes: listed with status unrecognized, with their count', () => {
  const log = readFileSync(path.join(root, 'tests/cli/inputs/mixed_errors.log'), 'utf8');
  const events = diag.classifyLog(log);
  assert.deepEqual(events.map((e) => [e.line, e.count, e.status]),
    [[2, 1, 'recognized'], [3, 2, 'ambiguous'], [5, 1, 'ambiguous'], [6, 1, 'unrecognized']]);
  const unknown = events.find((e) => e.status === 'unrecognized');
  assert.deepEqual(unknown.matches, []);
  assert.match(unknown.text, /WARN something odd happened/);
});

test('classifyLog merges repeats and keeps line numbers', () => {
  const log = readFileSync(path.join(root, 'tests/cli/inputs/connector.log'), 'utf8');
  const events = diag.classifyLog(log);
  assert.deepEqual(events.map((e) => [e.line, e.count, e.matches[0].id]), [[2, 3, 'box-rest-failed-parse'], [4, 1, 'aws-npe']]);
});

test('kbInfo reports the knowledge base and the build', () => {
  const info = diag.kbInfo();
  assert.equal(info.version, kb.version);
  assert.equal(info.entries, kb.entries.length);
  assert.deepEqual(info.languages, ['en', 'fr']);
  assert.deepEqual(info.warnings, []);  // conndiag has words for both
  assert.ok(info.apps.some((a) => a.key === 'office365' && a.name.en.includes('Microsoft 365')));
});

test('a log fed in pieces through beginLog gives the same events as classifyLog', () => {
  const log = readFileSync(path.join(root, 'tests/cli/inputs/connector.log'), 'utf8').replaceAll('\n', '\r\n');
  const whole = diag.classifyLog(log);
  const stream = diag.beginLog();
  let partial = { events: [] };
  for (let i = 0; i < log.length; i += 7) partial = stream.feed(log.slice(i, i + 7));
  assert.ok(partial.events.length <= whole.length);
  const done = stream.finish();
  assert.equal(done.lines, 9);
  assert.deepEqual(done.events.map((e) => [e.line, e.count, e.matches[0].id]), whole.map((e) => [e.line, e.count, e.matches[0].id]));
  assert.throws(() => stream.feed('x'), /this log was ended/);
});

test('a log stream counts every unrecognized error line, those past the listing cap included', () => {
  const word = (n) => Array.from(String(n), (d) => 'abcdefghij'[Number(d)]).join('');
  const lines = Array.from({ length: 1100 }, (_, i) => `2026-11-25T10:00:00Z ERROR widget ${word(i)} broke`);
  const stream = diag.beginLog();
  const first = stream.feed(`${lines.join('\n')}\n${lines[1050]}\n`);
  const done = stream.finish();
  assert.equal(done.events.filter((e) => e.status === 'unrecognized').length, 1000);  // listed
  assert.equal(done.unrecognized_lines, 1101);  // counted: 1,100 distinct lines and one repeat of an unlisted one
  assert.ok(first.unrecognized_lines <= done.unrecognized_lines);
});

test('a log fed as raw UTF-8 bytes, split inside characters, gives the same events as text', () => {
  const text = 'Échec ✓\nHttpRequestFailure : Retourné par le serveur : 404 Introuvable\n😀 IgniteException\n';
  const bytes = new TextEncoder().encode(text);
  const stream = diag.beginLog({ app: 'okta' });
  for (let i = 0; i < bytes.length; i += 3) stream.feed(bytes.subarray(i, i + 3));  // cuts through é, ✓, 😀
  const done = stream.finish();
  const whole = diag.classifyLog(text, { app: 'okta' });
  const answer = (e) => [e.line, e.text, e.status, e.matches[0]?.id];
  assert.deepEqual(done.events.map(answer), whole.map(answer));
  assert.ok(done.events.some((e) => e.text === '😀 IgniteException'));
  assert.equal(done.events.find((e) => e.text === 'Échec ✓')?.status, 'unrecognized');  // an error word, no known wording
});

// The module writes its replies with every character beyond ASCII escaped (\uXXXX): an ASCII reply is what
// TextDecoder decodes fastest. Read raw here, they must hold no byte above 0x7F, and the strings read back
// from them must be the caller's own characters: accents, curly quotes, emoji (a surrogate pair) and, in a
// log of raw bytes, an invalid byte (U+FFFD, as TextDecoder reads it).
test('module replies are ASCII and read back to the same characters, emoji and invalid bytes included', () => {
  const core = diag._module;
  const settings = JSON.stringify({ app: '', lang: 'fr', top: 3 });
  const ascii = (method, view) => {
    assert.ok(view.every((b) => b < 0x80), `${method}: a byte beyond ASCII in the reply`);
    return fromJsonBytes(view);
  };
  // The text's bytes, then the options (classify and classifyLog read them after the text).
  const raw = (method, bytes) => {
    const options = new TextEncoder().encode(settings);
    const input = core.inputBuffer(bytes.length + options.length);
    input.set(bytes);
    input.set(options, bytes.length);
    return ascii(method, core[method](diag._handle, bytes.length, options.length));
  };
  const text = '😀 Échec « IgniteException » après 🎉 — “cité”';
  const one = raw('classify', new TextEncoder().encode(text));
  assert.equal(one.ok, true);
  assert.equal(one.value.matches[0].id, 'o365-ignite-domain-user');
  assert.equal(text.slice(...one.value.matches[0].spans[0]), 'IgniteException');
  // The row's text comes in its own reply (classify's leaves it out), escaped as well.
  const rowText = ascii('rowText', core.rowText(diag._handle, one.value.matches[0].row_index, settings));
  const row = kb.entries.find((e) => e.id === 'o365-ignite-domain-user');
  assert.equal(rowText.value.cause, row.cause.fr);  // French, with its accents, escaped and read back
  assert.deepEqual(rowText.value.fix, row.fix.fr);
  const log = new Uint8Array([...new TextEncoder().encode('Échec 😀 '), 0xff, ...new TextEncoder().encode(' IgniteException\n')]);
  const events = raw('classifyLog', log);
  assert.equal(events.ok, true);
  assert.equal(events.value[0].text, 'Échec 😀 \uFFFD IgniteException');
});

// Property: however a log is cut into pieces (through lines, CRLF pairs and UTF-8 characters), the
// streamed events equal the whole log's, and each piece's delta tells every event exactly once.
test('streamed log results do not depend on where the pieces are cut, and deltas tell each event once', () => {
  const lines = [
    'BoxRestException: Failed to parse response.', 'HttpRequestFailure: Server returned: 401 Unauthorized',
    'IgniteException', '  at com.example.Poller.run(Poller.java:42)', 'Caused by: java.net.SocketTimeoutException: Read timed out',
    '2026-11-25T10:00:00Z INFO poller fetched 12 events', 'Échec ✓ 😀 AADSTS70008: The provided authorization code or refresh token has expired.',
    'Okta E0000011: Invalid token provided', '', 'okta: {"errorCode":"E0000004","errorSummary":"Authentication failed"}',
  ];
  const endings = ['\n', '\r\n', '\r'];
  const logArb = fc.array(fc.tuple(fc.constantFrom(...lines), fc.constantFrom(...endings), fc.nat(99)), { minLength: 1, maxLength: 60 })
    .map((parts) => parts.map(([line, end, n]) => line.replace('12', String(n)) + end).join(''));
  fc.assert(fc.property(logArb, fc.array(fc.nat(), { maxLength: 12 }), fc.boolean(), (log, cutSeeds, asBytes) => {
    const whole = diag.classifyLog(log);
    const data = asBytes ? new TextEncoder().encode(log) : log;
    const cuts = [...new Set(cutSeeds.map((c) => c % (data.length + 1)))].sort((a, b) => a - b);
    const stream = diag.beginLog();
    const told = new Map();
    const tell = (delta) => {
      for (const e of delta.added) told.set(e.line, (told.get(e.line) || 0) + 1);
      return delta;
    };
    let at = 0;
    for (const cut of [...cuts, data.length]) {
      tell(stream.feed(data.slice(at, cut)));
      at = cut;
    }
    const done = tell(stream.finish());
    const answer = (e) => [e.line, e.last_line, e.count, e.text, e.status, e.matches[0]?.id];
    assert.deepEqual(done.events.map(answer), whole.map(answer));
    assert.deepEqual([...told.values()].filter((n) => n !== 1), []);
    assert.equal(told.size, whole.length);
  }), { numRuns: 150, seed: 20261126 });
});

// Property: line ends are found wherever they fall (the module looks for them 8 bytes at a time): an event's
// first and last line numbers and its count are those of splitting the log on LF, CRLF and CR in JavaScript.
test('line numbers and counts follow every LF, CRLF and CR, whatever the lengths of the lines', () => {
  const lineArb = fc.tuple(fc.boolean(), fc.nat(37), fc.constantFrom('\n', '\r\n', '\r'));
  fc.assert(fc.property(fc.array(lineArb, { minLength: 1, maxLength: 80 }), (parts) => {
    const log = parts.map(([error, n, end]) => (error ? 'IgniteException' : 'x'.repeat(n)) + end).join('');
    // (A CR ending one line and an LF ending the next, empty, one make a CRLF: split the text itself.)
    const at = log.split(/\r\n|\r|\n/).flatMap((line, i) => (line === 'IgniteException' ? [i + 1] : []));
    const events = diag.classifyLog(log);
    if (at.length === 0) return assert.equal(events.length, 0);
    assert.equal(events.length, 1);
    assert.deepEqual([events[0].line, events[0].last_line, events[0].count], [at[0], at[at.length - 1], at.length]);
  }), { numRuns: 300, seed: 20261127 });
});

test('a piece that adds nothing new sends an empty delta', () => {
  const stream = diag.beginLog();
  const first = stream.feed('IgniteException\nnoise\n');
  assert.equal(first.added.length, 1);
  const quiet = stream.feed('more noise\nand more\n');
  assert.deepEqual([quiet.added, quiet.updated], [[], []]);
  const again = stream.feed('IgniteException\nnoise\n');
  assert.deepEqual([again.added, again.updated], [[], [[0, 2, 5]]]);
  assert.equal(again.events[0].count, 2);
  stream.cancel();
});

test('a streamed log counts its last line even without a final newline', () => {
  const stream = diag.beginLog();
  stream.feed('one\ntwo\nIgniteException');
  const done = stream.finish();
  assert.equal(done.lines, 3);
  assert.deepEqual(done.events.map((e) => e.line), [3]);
});

test('a result carries the signature that recognized it, the linked code, and what the text says', () => {
  const r = diag.classify('{"error":"invalid_grant","error_description":"AADSTS70008: The provided authorization code or refresh token has expired."}', { app: 'office365' });
  const top = r.matches[0];
  assert.equal(top.id, 'o365-aadsts70008-token-expired');
  assert.equal(top.code.id, 'aadsts-70008');
  assert.match(top.code.reason, /expired/);
  assert.ok(top.signature && top.signature.sources.length > 0);
  assert.equal(top.similar, false);
  assert.ok(Array.isArray(r.understood) && r.understood.some((l) => /AADSTS70008/.test(l)));
});


test('top outside 1..1000 (2**32 + 1, 0, 1.5, a string) is a RangeError, never wrapped to a small number', () => {
  for (const top of [2 ** 32 + 1, 0, -1, 1.5, 1001, '3', Number.NaN]) {
    assert.throws(() => diag.classify('IgniteException', { top }), RangeError, `top ${top}`);
  }
  // A 401 wrapper fits the 401 row of several apps: the largest top lists them all, the default three.
  const wrapper = 'HttpRequestFailure: Server returned: 401 Unauthorized';
  assert.ok(diag.classify(wrapper, { top: 1000 }).matches.length > 3);
  assert.equal(diag.classify(wrapper, { top: 3 }).matches.length, 3);
});

test('an overlay that extends the built-in knowledge base adds rows and overrides fields, merged in the core', async () => {
  const overlay = {
    extends: 'conndiag', version: 'portal-1',
    apps: { box: { name: { en: 'Box (corporate)', fr: 'Box (entreprise)' } } },
    entries: [
      { id: 'box-rest-failed-parse', fix: { en: ['Call the help desk.'], fr: ['Appelez le support.'] } },
      { id: 'portal-vpn', apps: ['office365'], kind: 'configuration', action: 'enable-setting',
        message: { en: 'ConnectorProxyException: VPN required' }, patterns: ['connectorproxyexception', 'vpn required'],
        cause: { en: 'VPN', fr: 'VPN' }, fix: { en: ['Connect the VPN.'], fr: ['Connectez le VPN.'] } },
    ],
  };
  const extended = await createConnDiag(factory, { kb: kbText, overlay, wasmBinary });
  assert.equal(extended.kbInfo().version, `${JSON.parse(kbText).version}+portal-1`);
  assert.equal(extended.kbInfo().entries, JSON.parse(kbText).entries.length + 1);
  assert.deepEqual(extended.classify('BoxRestException: Failed to parse response.').matches[0].fix, ['Call the help desk.']);
  assert.equal(extended.classify('ConnectorProxyException: VPN required', { app: 'office365' }).matches[0].id, 'portal-vpn');
  assert.equal(extended.kbInfo().apps.find((a) => a.key === 'box').name.en, 'Box (corporate)');
});

test('a broken overlay is refused with its own JSON path, by the same rules as a whole knowledge base', async () => {
  const cases = [
    [{ extends: 'conndiag', entires: [] }, /^Error: \/entires: unknown field/],
    [{ extends: 'conndiag', version: {} }, /^Error: \/version: must be a string/],
    [{ extends: 'other' }, /^Error: \/extends: must be "conndiag"/],
    [{ extends: 'conndiag', entries: {} }, /^Error: \/entries: must be an array/],
    [{ extends: 'conndiag', entries: [{}] }, /^Error: \/entries\/0: each entry needs a string "id"/],
    [{ extends: 'conndiag', entries: [{ id: 'x-new', apps: ['box'], kind: 'internal', action: 'test-now', message: { en: 'x' },
      patterns: ['(bad'], cause: { en: 'c', fr: 'c' }, fix: { en: ['s'], fr: ['s'] } }] }, /^Error: \/entries\/0\/patterns\/0: invalid regular expression/],
    [`{"extends": "conndiag", "description": "${'x'.repeat(9 << 20)}"}`, /the limit is/],
  ];
  for (const [overlay, expected] of cases) {
    await assert.rejects(createConnDiag(factory, { kb: kbText, overlay, wasmBinary }), expected);
  }
});

// api.mjs keeps the module's input buffer between calls (inputView): a text must still be read whole and
// where it was written when the buffer must grow, when the module's memory grows (which empties every view
// of it), when a smaller text follows a bigger one, and when someone asks the module for the buffer directly.
test('pastes of every size read back their own text, across buffer and memory growth', () => {
  const error = 'IgniteException: the cache is not available';
  const found = (text) => {
    const top = diag.classify(text).matches[0];
    assert.equal(top && top.id, 'o365-ignite-domain-user', `a paste of ${text.length} characters`);
    assert.equal(text.slice(...top.spans[0]), 'IgniteException', `the span in a paste of ${text.length} characters`);
  };
  const filler = (n, seed) => `${'unrelated words in a long trace '.repeat(Math.ceil(n / 32)).slice(0, n)} ${seed}\n`;
  // From small to more than the module's first 16 MB of memory, then back down; a direct request between.
  for (const [n, seed] of [[0, 'a'], [5000, 'b'], [300_000, 'c'], [12 << 20, 'd'], [100, 'e'], [7 << 20, 'f'], [10, 'g']]) {
    found(`${filler(n, seed)}${error}`);
    found(`${error} ${seed}`);
  }
  diag._module.inputBuffer(3).set([1, 2, 3]);
  found(`${filler(200_000, 'h')}${error}`);
  found(`${error} i`);
});
