// relationship/checkWorkspace over stdio on a large generated tree: the walk never blocks the server (hover and
// completion are answered while it runs), reports work-done progress, stops when the request is cancelled, and
// skips node_modules, .gitignore'd folders and symbolic links that lead out of the workspace folder.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc';
import type { ProgressToken, PublishDiagnosticsParams, WorkDoneProgressBegin, WorkDoneProgressEnd, WorkDoneProgressReport } from 'vscode-languageserver-protocol';
import type { CheckWorkspaceResult } from '../../server/src/protocol';
import { LspClient } from './client';

const GROUPS = 30;
const PER_GROUP = 100;
const FOLDERS = GROUPS * PER_GROUP + GROUPS;
const FILES = 8;

const RELATIONSHIP = 'schema_version: "1"\nmetadata:\n  id: REL-W\n  title: Walked\n  status: draft\n  lifecycle_stage: awareness\n';

interface Progress { token: ProgressToken; value: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd }

/** Thousands of folders, a few relationship files spread through them, and what the walk must skip. */
function generate(workspace: string, outside: string): void {
  for (let g = 0; g < GROUPS; g++) for (let f = 0; f < PER_GROUP; f++) mkdirSync(join(workspace, `g${g}`, `f${f}`), { recursive: true });
  for (let i = 0; i < FILES; i++) writeFileSync(join(workspace, `g${i * 3}`, `f${i * 11}`, `r${i}.relationship.yaml`), RELATIONSHIP);
  mkdirSync(join(workspace, 'node_modules', 'dep'), { recursive: true });
  writeFileSync(join(workspace, 'node_modules', 'dep', 'n.relationship.yaml'), RELATIONSHIP);
  mkdirSync(join(workspace, 'generated'));
  writeFileSync(join(workspace, 'generated', 'gen.relationship.yaml'), RELATIONSHIP);
  writeFileSync(join(workspace, '.gitignore'), 'generated/\n');
  writeFileSync(join(outside, 'secret.relationship.yaml'), RELATIONSHIP);
  symlinkSync(join(outside, 'secret.relationship.yaml'), join(workspace, 'linked.relationship.yaml'));
}

describe('checkWorkspace on a large tree', () => {
  let client: LspClient;
  let outside: string;
  let uri: string;
  before(async () => {
    client = await LspClient.start({ settings: { asOf: '2025-11-01' }, capabilities: { window: { workDoneProgress: true } } });
    outside = mkdtempSync(join(tmpdir(), 'rac-outside-'));
    generate(client.workspace, outside);
    // An open document that exists only in the editor: hover and completion target it during the walk.
    uri = client.open('editing.relationship.yaml', RELATIONSHIP);
    await client.diagnostics(uri, 1);
  });
  after(async () => {
    await client.stop();
    rmSync(outside, { recursive: true, force: true });
  });

  const progressOf = (token: Progress['token'], after: number) =>
    client.received.filter((r) => r.seq > after && r.method === '$/progress' && (r.params as Progress).token === token);

  test('hover and completion are answered while the walk runs; the result lists the files and the skipped link', async () => {
    const mark = client.mark();
    const answered: string[] = [];
    const check = client.request<CheckWorkspaceResult>('relationship/checkWorkspace', {}).then((r) => (answered.push('checkWorkspace'), r));
    // The first progress report comes after a hundred folders: the walk has started and is far from done.
    const first = await client.waitFor<Progress>('$/progress', (p) => p.value.kind === 'report', { after: mark, what: 'a progress report of the walk' });
    const position = { line: 1, character: 3 };
    const hover = client.request('textDocument/hover', { textDocument: { uri }, position }).then((h) => (answered.push('hover'), h));
    const completion = client.request('textDocument/completion', { textDocument: { uri }, position: { line: 4, character: 10 } }).then((c) => (answered.push('completion'), c));
    const [result, hovered, completed] = await Promise.all([check, hover, completion]);
    assert.ok(hovered, 'a hover');
    assert.ok(completed, 'a completion');
    assert.equal(answered.at(-1), 'checkWorkspace', `answered in the order ${answered.join(', ')}`);

    assert.equal(result.files, FILES);
    assert.equal(result.cancelled, undefined);
    assert.deepEqual(result.skipped.map((s) => s.uri), [client.uri('linked.relationship.yaml')]);
    assert.match(result.skipped[0].reason, /symbolic link to .*secret\.relationship\.yaml, outside the workspace root/);
    const published = client.received.filter((r) => r.seq > mark && r.method === 'textDocument/publishDiagnostics').map((r) => (r.params as PublishDiagnosticsParams).uri);
    assert.ok(published.includes(client.uri('g0/f0/r0.relationship.yaml')));
    for (const skipped of ['node_modules/dep/n.relationship.yaml', 'generated/gen.relationship.yaml', 'linked.relationship.yaml']) {
      assert.ok(!published.includes(client.uri(skipped)), `${skipped} was analysed`);
    }
    // Progress: begun (cancellable), reported folder by folder, ended.
    const messages = progressOf(first.token, 0).map((r) => (r.params as Progress).value);
    assert.equal(messages[0].kind, 'begin');
    assert.equal((messages[0] as WorkDoneProgressBegin).cancellable, true);
    assert.ok(messages.filter((m) => m.kind === 'report' && /folders/.test(m.message ?? '')).length >= Math.floor(FOLDERS / 100));
    assert.equal(messages.at(-1)?.kind, 'end');
  });

  test('cancelling the request stops the walk: RequestCancelled, progress ended, no file analysed', async () => {
    const mark = client.mark();
    const source = new CancellationTokenSource();
    const pending = client.connection.sendRequest('relationship/checkWorkspace', {}, source.token);
    const first = await client.waitFor<Progress>('$/progress', (p) => p.value.kind === 'report', { after: mark, what: 'a progress report of the walk' });
    source.cancel();
    await assert.rejects(pending, (e: { code: number }) => e.code === -32800);
    const end = await client.waitFor<Progress>('$/progress', (p) => p.token === first.token && p.value.kind === 'end', { after: mark, what: 'the end of the progress' });
    assert.ok(end);
    // A round trip later nothing more came from the walk: it stopped part way, before analysing anything.
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 3 } });
    const reports = progressOf(first.token, mark).map((r) => (r.params as Progress).value).filter((v) => v.kind === 'report');
    assert.ok(reports.length < Math.floor(FOLDERS / 100), `${reports.length} progress reports: the walk went on to the end`);
    assert.ok(!reports.some((v) => /Analysing/.test(v.message ?? '')), 'files were analysed after the cancel');
    assert.equal(progressOf(first.token, mark).at(-1)?.params && (progressOf(first.token, mark).at(-1)!.params as Progress).value.kind, 'end');
    const published = client.received.filter((r) => r.seq > mark && r.method === 'textDocument/publishDiagnostics');
    assert.deepEqual(published.map((r) => (r.params as PublishDiagnosticsParams).uri), []);
  });

  test('a client that refuses to create the progress still gets the check', async () => {
    client.connection.onRequest('window/workDoneProgress/create', () => {
      throw new ResponseError(-32603, 'no progress here');
    });
    const result = await client.request<CheckWorkspaceResult>('relationship/checkWorkspace', {});
    assert.equal(result.files, FILES);
  });
});
