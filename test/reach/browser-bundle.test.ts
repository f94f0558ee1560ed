// The language server built for a web worker (dist/browser/server.js) holds no Node: no built-in module is
// required anywhere in it, and it runs in a node:vm sandbox that offers only what a worker offers (no require,
// process, Buffer or module), speaking LSP over postMessage. There, evidence links are asked of the client
// (relationship/fileExists) and every sample gets the diagnostics `rac check --format json` reports.
// The same server in real Chromium: test/browser/server.browser.ts (npm run test:browser).
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createContext, runInContext } from 'node:vm';
import { ROOT } from '../diff/git-repo';
import { compareSamples } from './browser-samples';
import { WorkerLspClient, type WorkerPort } from './worker-lsp';

const BUNDLE = join(ROOT, 'dist', 'browser', 'server.js');
const CLI = join(ROOT, 'dist', 'cli.js');
const code = readFileSync(BUNDLE, 'utf8');

/** A worker's global scope: postMessage out, onmessage in, and the web APIs a worker has; nothing of Node. */
function workerSandbox(): WorkerPort {
  const toClient: ((m: unknown) => void)[] = [];
  // Messages cross the boundary as a structured clone would: copies, delivered asynchronously.
  const clone = (m: unknown): unknown => JSON.parse(JSON.stringify(m));
  const scope: Record<string, unknown> = {
    console, setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask,
    TextEncoder, TextDecoder, URL, URLSearchParams, performance, crypto, structuredClone,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    postMessage: (m: unknown) => setImmediate(() => toClient.forEach((h) => h(clone(m)))),
  };
  scope.self = scope;
  const context = createContext(scope);
  runInContext(code, context, { filename: BUNDLE });
  return {
    post: (m) => setImmediate(() => (scope.onmessage as (e: { data: unknown }) => void)({ data: clone(m) })),
    onMessage: (h) => toClient.push(h),
  };
}

let client: WorkerLspClient;
before(async () => {
  client = new WorkerLspClient(workerSandbox(), { asOf: '2026-11-01' });
  await client.initialize(pathToFileURL(join(ROOT, 'samples')).href);
});
after(() => client.dispose());

test('no Node built-in module is required anywhere in the browser bundles', () => {
  const builtins = /\brequire\(\s*["'](node:[\w/]+|fs|fs\/promises|path|os|child_process|crypto|url|util|stream|net|http|https|zlib|worker_threads|events|buffer)["']\s*\)/g;
  for (const bundle of [BUNDLE, join(ROOT, 'dist', 'browser', 'extension.js')]) {
    assert.deepEqual([...readFileSync(bundle, 'utf8').matchAll(builtins)].map((m) => m[1]), [], bundle);
  }
});

test('in a worker-like sandbox, the server gives every sample the diagnostics rac check reports', async () => {
  const results = await compareSamples(client, ROOT, CLI);
  assert.ok(results.length >= 5);
  for (const r of results) assert.deepEqual(r.server, r.cli, r.name);
  // The evidence links were asked of the client, not looked up on a disk the worker does not have.
  assert.ok(client.asked.some((u) => u.includes('/samples/docs/')), client.asked.join('\n'));
  assert.equal(new Set(client.asked).size, client.asked.length, 'each link target is asked once, then cached');
  assert.ok(results.find((r) => r.name === 'flawed.relationship.yaml')?.server.some((k) => k.includes('link.missing-file')));
});

test('in the sandbox, Check All Relationship Files finds and reads closed files through the client', async () => {
  const sandbox = new WorkerLspClient(workerSandbox(), { asOf: '2026-11-01' });
  try {
    sandbox.filesRoot = join(ROOT, 'samples');
    await sandbox.initialize(pathToFileURL(sandbox.filesRoot).href);
    const result = await sandbox.request<{ files: number; errors: number; warnings: number; skipped: unknown[] }>('relationship/checkWorkspace', {});
    const cli = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', '--as-of', '2026-11-01', '--root', sandbox.filesRoot, '.'], { cwd: sandbox.filesRoot, encoding: 'utf8' });
    const files = (JSON.parse(cli.stdout) as { files: { findings: { severity: string }[] }[] }).files;
    // Every sample, whatever their number: the sandbox walks the folder like the CLI.
    assert.equal(files.length, readdirSync(sandbox.filesRoot).filter((n) => n.endsWith('.relationship.yaml')).length);
    const findings = files.flatMap((f) => f.findings);
    assert.deepEqual(result, {
      files: files.length,
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      skipped: [],
    });
    // A closed file's diagnostics are published without a version.
    const flawed = await sandbox.diagnosticsOf(pathToFileURL(join(sandbox.filesRoot, 'flawed.relationship.yaml')).href, '');
    assert.ok(flawed.some((d) => d.code === 'link.missing-file'));
  } finally {
    sandbox.dispose();
  }
});
