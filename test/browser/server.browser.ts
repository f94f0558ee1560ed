// The language server built for a web worker (dist/browser/server.js), started as a real Worker in headless
// Chromium and spoken to over postMessage (the page relays each message to and from this process, where a
// vscode-jsonrpc client plays VS Code): for every sample, its diagnostics are the findings of
// `rac check --format json`, with evidence links answered by the client (relationship/fileExists); hover,
// completion and code actions answer too. Run by `npm run test:browser`; needs /usr/bin/chromium.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { compareSamples } from '../reach/browser-samples';
import { messageText, WorkerLspClient, type WorkerPort } from '../reach/worker-lsp';

const ROOT = process.cwd();
const BUNDLE = join(ROOT, 'dist', 'browser', 'server.js');
const CLI = join(ROOT, 'dist', 'cli.js');

declare global {
  interface Window { __toClient(message: unknown): void; __worker?: Worker; __workerErrors: string[] }
}

let browser: Browser;
let page: Page;
let client: WorkerLspClient;
const requests: string[] = [];

/** The worker inside the page, as a port: posts go through the page in order; the worker's messages come back. */
async function startWorker(): Promise<WorkerPort> {
  const handlers: ((m: unknown) => void)[] = [];
  await page.exposeFunction('__toClient', (m: unknown) => handlers.forEach((h) => h(m)));
  await page.evaluate((code) => {
    window.__workerErrors = [];
    const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
    const worker = new Worker(url);
    worker.onmessage = (e: MessageEvent) => window.__toClient(e.data);
    worker.onerror = (e: ErrorEvent) => { window.__workerErrors.push(e.message); };
    window.__worker = worker;
  }, readFileSync(BUNDLE, 'utf8'));
  let queue = Promise.resolve();
  return {
    post: (m) => {
      queue = queue.then(() => page.evaluate((message) => window.__worker?.postMessage(message), m as object)).catch(() => undefined);
    },
    onMessage: (h) => handlers.push(h),
  };
}

before(async () => {
  assert.ok(existsSync('/usr/bin/chromium'), 'needs /usr/bin/chromium: apt-get install -y chromium');
  assert.ok(existsSync(BUNDLE) && existsSync(CLI), 'run the build first (npm run test:browser does)');
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  page = await browser.newPage();
  page.on('request', (r) => { if (!/^(blob|data|about):/.test(r.url())) requests.push(r.url()); });
  client = new WorkerLspClient(await startWorker(), { asOf: '2026-11-01' });
  await client.initialize(pathToFileURL(join(ROOT, 'samples')).href);
});

after(async () => {
  client?.dispose();
  await browser?.close();
});

test('in Chromium, the web-worker server gives every sample the diagnostics rac check reports', async () => {
  const results = await compareSamples(client, ROOT, CLI);
  assert.ok(results.length >= 5);
  for (const r of results) assert.deepEqual(r.server, r.cli, r.name);
  assert.ok(client.asked.length > 0, 'evidence links are asked of the client');
  assert.ok(results.find((r) => r.name === 'flawed.relationship.yaml')?.server.some((k) => k.includes('link.missing-file')));
  assert.deepEqual(await page.evaluate(() => window.__workerErrors), []);
  assert.deepEqual(requests, [], 'the worker fetched nothing');
});

test('in Chromium, hover, completion, code actions and the coverage preview answer', async () => {
  const uri = pathToFileURL(join(ROOT, 'samples', 'flawed.relationship.yaml')).href;
  const text = readFileSync(join(ROOT, 'samples', 'flawed.relationship.yaml'), 'utf8');
  const lines = text.split('\n');
  const at = (needle: string) => {
    const line = lines.findIndex((l) => l.includes(needle));
    return { line, character: lines[line].indexOf(needle) };
  };
  const hover = await client.request<{ contents: unknown } | null>('textDocument/hover', { textDocument: { uri }, position: at('risk_management:') });
  assert.ok(hover && JSON.stringify(hover.contents).length > 20, 'a hover for a principle');
  // The cadence values, on a block-style cadence.
  const cadence = at('cadence: monthly');
  const completion = await client.request<{ items: { label: string }[] } | { label: string }[]>('textDocument/completion', { textDocument: { uri }, position: { line: cadence.line, character: cadence.character + 'cadence: m'.length } });
  const labels = (Array.isArray(completion) ? completion : completion.items).map((i) => i.label);
  assert.ok(labels.includes('fortnightly'), labels.join(', '));
  const diagnostics = await client.diagnosticsOf(uri);
  const ownr = diagnostics.find((d) => messageText(d).includes('"ownr"'));
  assert.ok(ownr, JSON.stringify(diagnostics.map(messageText)));
  const actions = await client.request<{ title: string }[]>('textDocument/codeAction', { textDocument: { uri }, range: ownr.range, context: { diagnostics: [ownr] } });
  assert.ok(actions.some((a) => /owner/.test(a.title)), JSON.stringify(actions.map((a) => a.title)));
  const preview = await client.request<{ files?: unknown } | null>('relationship/preview', { uri });
  assert.ok(preview, 'the coverage preview model');
});
