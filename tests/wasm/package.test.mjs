// The npm-style package in build/wasm/dist/package: every export exists, npm packs what it should,
// and the Node entry classifies with the bundled module and knowledge base.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = process.env.CONNDIAG_DIST || path.join(root, 'build/wasm/dist');
const pkg = path.join(dist, 'package');
const manifest = JSON.parse(readFileSync(path.join(pkg, 'package.json'), 'utf8'));

test('every export of package.json points at a file of the package', () => {
  for (const [key, target] of Object.entries(manifest.exports)) {
    if (key.includes('*')) continue;
    for (const file of typeof target === 'string' ? [target] : Object.values(target)) {
      assert.ok(existsSync(path.join(pkg, file)), `${key} -> ${file}`);
    }
  }
  assert.ok(existsSync(path.join(pkg, manifest.types)));
});

test('npm pack takes the site, the offline file, the API, its types, the module and the command', () => {
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: pkg, encoding: 'utf8' }));
  const files = packed.files.map((f) => f.path);
  for (const expected of ['api.mjs', 'node.mjs', 'types/index.d.ts', 'types/node.d.ts', 'core/conndiag-core.cjs', 'core/conndiag-core.wasm',
    'bin/conndiag.cjs', 'cli/conndiag-cli.cjs', 'cli/conndiag-cli.wasm',
    'site/conndiag-embed.js', 'site/index.html', 'site/kb.json', 'conndiag.html', 'package.json']) {
    assert.ok(files.includes(expected), `${expected} in ${files}`);
  }
});

test('the Node entry classifies with the bundled module and knowledge base', async () => {
  const { createNodeConnDiag } = await import(pathToFileURL(path.join(pkg, 'node.mjs')).href);
  const diag = await createNodeConnDiag();
  assert.equal(diag.classify('IgniteException').matches[0].id, 'o365-ignite-domain-user');
  assert.equal(diag.kbInfo().version, JSON.parse(readFileSync(path.join(root, 'data/kb.json'), 'utf8')).version);
  assert.equal(diag.kbInfo().patternsCompiled, 'on first use');  // the bundled one: checked by its tests
  assert.equal(diag.kbInfo().prepared, true);  // and read from the form the build prepared
  const own = await createNodeConnDiag({ kb: readFileSync(path.join(root, 'data/kb.json'), 'utf8') });
  assert.equal(own.kbInfo().patternsCompiled, 'at load');  // someone's own: checked whole
  assert.equal(own.kbInfo().prepared, false);
});

test('the Node entry takes a portal file that extends the bundled knowledge base', async () => {
  const { createNodeConnDiag } = await import(pathToFileURL(path.join(pkg, 'node.mjs')).href);
  const overlay = {
    extends: 'conndiag',
    entries: [{
      id: 'contoso-proxy-407', apps: ['office365'], kind: 'configuration', action: 'enable-setting',
      message: { en: 'ContosoProxy denied the connector (407)' }, patterns: ['contosoproxy denied'],
      cause: { en: 'The Contoso proxy wants a login.', fr: 'Le proxy Contoso demande une connexion.' },
      fix: { en: ['Exempt the connector from the proxy.'], fr: ['Exemptez le connecteur du proxy.'] },
    }],
  };
  const diag = await createNodeConnDiag({ overlay });
  assert.equal(diag.classify('ContosoProxy denied the connector').matches[0].id, 'contoso-proxy-407');
  assert.equal(diag.classify('IgniteException').matches[0].id, 'o365-ignite-domain-user');
  await assert.rejects(createNodeConnDiag({ overlay: { extends: 'conndiag', entries: [{ id: 'x' }] } }), /\/entries\/0/);
});

test('the Node entry leaves the host process alone: no process-wide handlers, the host handles its own rejections', () => {
  // In a child process, so that what happens to the process is observable.
  const script = `
    const { createNodeConnDiag } = await import(${JSON.stringify(pathToFileURL(path.join(pkg, 'node.mjs')).href)});
    await createNodeConnDiag();
    await createNodeConnDiag();
    const counts = [process.listenerCount('uncaughtException'), process.listenerCount('unhandledRejection')];
    let handled = 0;
    process.on('unhandledRejection', () => { handled += 1; });
    Promise.reject(new Error('the host ignores this one'));
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    console.log(JSON.stringify({ counts, handled }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.deepEqual(JSON.parse(out.trim().split('\n').pop()), { counts: [0, 0], handled: 1 });
});
