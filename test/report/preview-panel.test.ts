// The preview panels' logic against a fake `vscode`: debounced requests, only the newest answer drawn,
// a fresh nonce per full render, typed messages, following the active editor, restoring after a reload.
import './fake-vscode-install';
import { afterEach, beforeEach, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/core/index';
import { buildReportModel, type ReportModel } from '../../server/src/report/index';
import { PreviewManager } from '../../client/src/preview/preview-manager';
import type { ModelSource } from '../../client/src/preview/model-source';
import type * as vscode from 'vscode';
import { document, FakePanel, state, Uri } from './fake-vscode';
import { cspOf } from './inert';

const besideBundle = join(__dirname, '..', '..', 'test', 'report', 'fixtures');
const FIXTURES = existsSync(besideBundle) ? besideBundle : join(process.cwd(), 'test', 'report', 'fixtures');
const TEXT = readFileSync(join(FIXTURES, 'gaps.relationship.yaml'), 'utf8');
const A = Uri.parse('file:///w/a.relationship.yaml');
const B = Uri.parse('file:///w/b.relationship.yaml');

function model(uri: Uri, version: number, title = 'Northwind'): ReportModel {
  const m = buildReportModel(analyze(TEXT, { asOf: '2025-11-01' }), { uri: uri.toString(), path: uri.path, version });
  return { ...m, info: { ...m.info, title } };
}

/** A server whose answers the test releases one by one, in any order. */
class Source {
  calls: { uri: string; answer: (m: ReportModel | null) => void }[] = [];
  model(uri: Uri): Promise<ReportModel | null> {
    return new Promise((answer) => this.calls.push({ uri: uri.toString(), answer }));
  }
}

/** The fake's Uri where the preview's signatures name VS Code's. */
const vs = (uri: Uri): vscode.Uri => uri as unknown as vscode.Uri;
const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const nonceOf = (html: string): string | undefined => /'nonce-([^']+)'/.exec(cspOf(html) ?? '')?.[1];
const changed = (uri: Uri): void => state.changeDocument.fire({ document: document(uri), contentChanges: [{}] });

let source: Source;
let manager: PreviewManager;

beforeEach(() => {
  mock.timers.enable({ apis: ['setTimeout'] });
  state.panels.length = 0;
  state.shown.length = 0;
  state.messages.length = 0;
  state.executed.length = 0;
  state.activeTextEditor = undefined;
  source = new Source();
  manager = new PreviewManager(vs(Uri.file('/ext')), source as unknown as ModelSource);
});

afterEach(() => {
  manager.dispose();
  mock.timers.reset();
});

async function openA(): Promise<FakePanel> {
  await manager.open(vs(A), { toSide: true });
  const panel = state.panels.at(-1)!;
  mock.timers.tick(0);
  source.calls.at(-1)!.answer(model(A, 1));
  await flush();
  panel.webview.received.fire({ type: 'ready' });
  return panel;
}

test('a panel is locked to dist/, runs scripts, and paints the server model with the webview CSP', async () => {
  await manager.open(vs(A), { toSide: true });
  const panel = state.panels[0];
  assert.equal(panel.viewType, 'relationship.preview');
  assert.equal(panel.options.enableScripts, true);
  assert.equal(panel.options.retainContextWhenHidden, false);
  assert.deepEqual((panel.options.localResourceRoots as Uri[]).map((u) => u.path), ['/ext/dist']);
  assert.match(panel.webview.html, /Loading/);
  mock.timers.tick(0);
  assert.deepEqual(source.calls.map((c) => c.uri), [A.toString()]);
  source.calls[0].answer(model(A, 1));
  await flush();
  assert.match(panel.webview.html, /Northwind/);
  assert.match(cspOf(panel.webview.html) ?? '', /^default-src 'none'; style-src https:\/\/fake\.vscode-cdn\.net 'nonce-/);
  assert.ok(panel.webview.html.includes('src="https://fake.vscode-cdn.net//ext/dist/preview.js"'));
  assert.equal(panel.title, 'Coverage: a.relationship.yaml');
});

test('typing: one request per pause, only the newest answer is drawn, as an update message', async () => {
  const panel = await openA();
  const firstNonce = nonceOf(panel.webview.html);
  changed(A);
  mock.timers.tick(100);
  changed(A);
  mock.timers.tick(100);
  changed(A);
  mock.timers.tick(249);
  assert.equal(source.calls.length, 1, 'still typing');
  mock.timers.tick(1);
  assert.equal(source.calls.length, 2);
  changed(A);
  mock.timers.tick(250);
  assert.equal(source.calls.length, 3);
  source.calls[2].answer(model(A, 3, 'Third'));
  await flush();
  source.calls[1].answer(model(A, 2, 'Second'));
  await flush();
  const updates = panel.webview.posted.filter((m) => (m as { type: string }).type === 'update') as { models: ReportModel[] }[];
  assert.deepEqual(updates.map((u) => u.models[0].info.title), ['Third']);
  assert.equal(nonceOf(panel.webview.html), firstNonce, 'updates do not reload the page');
  // Edits of another document leave this panel alone.
  changed(B);
  mock.timers.tick(1000);
  assert.equal(source.calls.length, 3);
});

test('a hidden panel is repainted in full, with a fresh nonce, when it comes back', async () => {
  const panel = await openA();
  const firstNonce = nonceOf(panel.webview.html);
  panel.setVisible(false);
  changed(A);
  mock.timers.tick(250);
  source.calls.at(-1)!.answer(model(A, 2, 'While hidden'));
  await flush();
  assert.ok(!panel.webview.html.includes('While hidden'));
  panel.setVisible(true);
  assert.match(panel.webview.html, /While hidden/);
  assert.notEqual(nonceOf(panel.webview.html), firstNonce);
});

test('webview messages: reveal selects the range, a stale page is ignored, quick fix asks for code actions', async () => {
  const panel = await openA();
  const range = { start: { line: 30, character: 6 }, end: { line: 30, character: 17 } };
  panel.webview.received.fire({ type: 'reveal', uri: A.toString(), range });
  await flush();
  assert.equal(state.shown.length, 1);
  assert.deepEqual([state.shown[0].uri, { ...state.shown[0].selection?.start }, { ...state.shown[0].revealed?.end }], [A.toString(), { line: 30, character: 6 }, { line: 30, character: 17 }]);
  panel.webview.received.fire({ type: 'reveal', uri: B.toString(), range });
  panel.webview.received.fire({ type: 'reveal', uri: A.toString(), range: { start: { line: -1 } } });
  panel.webview.received.fire({ type: 'run', command: 'workbench.action.terminal.new' });
  await flush();
  assert.equal(state.shown.length, 1, 'nothing else was revealed');
  panel.webview.received.fire({ type: 'quickFix', uri: A.toString(), rule: 'RM2', code: 'evidence.RM2', range });
  await flush();
  await flush();
  assert.deepEqual(state.executed.map((e) => e[0]), ['vscode.executeCodeActionProvider']);
  assert.equal((state.executed[0][1] as Uri).toString(), A.toString());
  assert.match(state.messages.join('\n'), /RM2 has no automatic fix/);
});

test('the code lens opens the preview at a principle: scrollTo after the page is ready', async () => {
  const panel = await openA();
  await manager.open(vs(A), { toSide: true, principleId: 'exit_strategy' });
  assert.equal(state.panels.length, 1, 'one panel per document');
  assert.deepEqual(panel.webview.posted.at(-1), { type: 'scrollTo', principleId: 'exit_strategy' });
});

test('the preview follows the active relationship editor, and only that', async () => {
  const panel = await openA();
  state.activeEditor.fire({ document: document(Uri.parse('file:///w/notes.yaml'), 'yaml') });
  state.activeEditor.fire(undefined);
  mock.timers.tick(1000);
  assert.equal(source.calls.length, 1);
  state.activeEditor.fire({ document: document(B) });
  mock.timers.tick(0);
  assert.equal(source.calls.at(-1)?.uri, B.toString());
  assert.equal(panel.title, 'Coverage: b.relationship.yaml');
  // An answer for the old target that arrives late is not drawn.
  source.calls.at(-1)!.answer(model(B, 1, 'Bee'));
  await flush();
  assert.match(panel.webview.html, /Bee/);
});

test('restoring after a reload: the saved uri reopens its preview; a state without one closes the panel', async () => {
  const serializer = manager.serializer();
  const restored = new FakePanel('relationship.preview', {});
  await serializer.deserializeWebviewPanel(restored as never, { uri: B.toString() });
  assert.equal(restored.webview.options.enableScripts, true);
  mock.timers.tick(0);
  assert.equal(source.calls.at(-1)?.uri, B.toString());
  const broken = new FakePanel('relationship.preview', {});
  await serializer.deserializeWebviewPanel(broken as never, { something: 'else' });
  assert.equal(broken.disposed, true);
});
