// The package's declarations (types/*.d.ts) against what it really returns: real results have exactly the
// declared keys, all the way down, and the package exports exactly the declared values and methods. The
// declared names are read from the .d.ts with the TypeScript compiler, so a change on either side fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { loadDeclarations, mismatches } from './declared-shape.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = path.join(process.env.CONNDIAG_DIST || path.join(root, 'build/wasm/dist'), 'package');
const api = await import(pathToFileURL(path.join(pkg, 'api.mjs')).href);
const node = await import(pathToFileURL(path.join(pkg, 'node.mjs')).href);
const declared = loadDeclarations(path.join(pkg, 'types/index.d.ts'));
const diag = await node.createNodeConnDiag();
const log = readFileSync(path.join(root, 'tests/cli/inputs/connector.log'), 'utf8');

/** Checks `value` against the declared type `typeName`; the object types it went through land in `seen`. */
function assertDeclared(value, typeName, label, seen) {
  assert.deepEqual(mismatches(declared, value, declared.type(typeName), label, seen), [], `${label} against ${typeName}`);
}

test('the shape check reports an undeclared key, a missing key and an undeclared null', () => {
  // Without this, a checker that saw nothing would pass everything below.
  const result = structuredClone(diag.classify('IgniteException'));
  result.matches[0].surprise = 1;
  delete result.fields.hosts;
  result.matches[0].cause = null;
  assert.deepEqual(mismatches(declared, result, declared.type('Result'), 'r').sort(), [
    'r.fields.hosts: declared in Fields, but absent',
    'r.matches[0].cause: null, but string is declared (not nullable)',
    'r.matches[0].surprise: present, but Match does not declare it',
  ]);
});

test('classify results have exactly the declared keys: a match with a code and a signature, a similar-only proposal, no match', () => {
  const seen = new Set();
  const coded = diag.classify('{"error":"invalid_grant","error_description":"AADSTS70008: The provided authorization code or refresh token has expired."}', { app: 'office365', lang: 'fr' });
  assert.ok(coded.matches[0].code && coded.matches[0].signature, 'the first match has a code and a signature');
  assertDeclared(coded, 'Result', 'coded', seen);
  const similar = diag.classify('BoxServerException: the user cannot access this feature without an enterprise account', { app: 'box' });
  assert.ok(similar.matches[0].similar && similar.matches[0].signature === null, 'a similar-only proposal');
  assertDeclared(similar, 'Result', 'similar', seen);
  const none = diag.classify('HTTP/1.1 503 Service Unavailable {"errorCode":"E0000999","errorSummary":"Something new"} okta.com');
  assert.equal(none.matches.length, 0);
  assertDeclared(none, 'Result', 'none', seen);
  assertDeclared(diag.kbInfo(), 'KbInfo', 'kbInfo', seen);
  assert.deepEqual([...seen].sort(), ['AppInfo', 'BuildInfo', 'CodeEntry', 'Fields', 'KbInfo', 'Match', 'Record', 'Reference', 'Result', 'Signature']);
});

test('log events and log deltas have exactly the declared keys, through classifyLog and beginLog', () => {
  const seen = new Set();
  const events = diag.classifyLog(log);
  assert.ok(events.length > 0);
  events.forEach((e, i) => assertDeclared(e, 'LogEvent', `classifyLog[${i}]`, seen));
  const stream = diag.beginLog();
  assertDeclared(stream, 'LogStream', 'beginLog()', seen);
  // The log twice: the second time the same events come again, so the delta updates counts as well.
  const pieces = [stream.feed(log.slice(0, 100)), stream.feed(log.slice(100)), stream.feed(new TextEncoder().encode(log)), stream.finish()];
  pieces.forEach((p, i) => assertDeclared(p, 'LogProgress', `feed[${i}]`, seen));
  assert.ok(pieces.some((p) => p.added.length > 0) && pieces.some((p) => p.updated.length > 0), 'deltas that add and that update');
  for (const name of ['Fields', 'LogEvent', 'LogProgress', 'LogStream', 'Match']) assert.ok(seen.has(name), `${name} checked`);
});

test('the package exports exactly the declared values, and a Diagnoser has exactly the declared methods', () => {
  assert.deepEqual(Object.keys(api).sort(), declared.valueNames());
  const declaredNode = loadDeclarations(path.join(pkg, 'types/node.d.ts'));
  assert.deepEqual(Object.keys(node).sort(), declaredNode.valueNames());
  assert.ok(declaredNode.valueNames().includes('createNodeConnDiag') && !declared.valueNames().includes('createNodeConnDiag'));
  // Members whose names start with "_" are internal, by the rule api.mjs states.
  const methods = Object.getOwnPropertyNames(api.Diagnoser.prototype).filter((n) => n !== 'constructor' && !n.startsWith('_'));
  const declaredMethods = declared.checker.getPropertiesOfType(declared.type('Diagnoser')).map((p) => p.name);
  assert.deepEqual(methods.sort(), declaredMethods.sort());
  assert.ok(diag instanceof api.Diagnoser);
  assert.equal(api.ConnDiag, api.Diagnoser, 'the deprecated name is the same class');
});
