// Format version over stdio, against the built server: a v1 document gets one format.v1 information diagnostic
// at its version, whose quick fix is the whole migration (CRLF and emoji kept, the finding gone once applied);
// relationship/migrate answers the same edits for the command, "current" for a v2 text and the reason for a
// broken one.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient } from './client';

const V1 = [
  '# 🤝 kept since 2024',
  'schema_version: "1"',
  'metadata: {id: REL-M, title: "Harbour 🌊 Kestrel", status: active, lifecycle_stage: awareness}',
  'parties:',
  '  - {id: hw, name: Harbour, role: customer}',
  'principles:',
  '  relationship_management:',
  '    rmp:',
  '      id: RMP-1',
  '      type: joint   # both signed',
  '  measurement_and_optimization:',
  '    kpis:',
  '      - {id: "K-🚰", target: 2, threshold: 5}',
  '',
].join('\r\n');

const apply = (text: string, edits: TextEdit[]): string => TextDocument.applyEdits(TextDocument.create('x:', 'yaml', 1, text), edits);

describe('format version over stdio', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { asOf: '2026-06-01' } });
  });
  after(() => client.stop());

  test('format.v1 at the version value, and its quick fix migrates the whole file', async () => {
    const uri = client.open('v1.relationship.yaml', V1);
    const diagnostics = await client.diagnostics(uri, 1);
    const v1 = diagnostics.filter((d) => d.code === 'format.v1');
    assert.equal(v1.length, 1);
    assert.equal(v1[0].severity, 3, 'information');
    assert.deepEqual(v1[0].range, { start: { line: 1, character: 16 }, end: { line: 1, character: 19 } });
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: v1[0].range, context: { diagnostics: v1, only: ['quickfix'] } });
    const action = actions.find((a) => a.title === 'Migrate this file to schema_version 2');
    assert.ok(action, actions.map((a) => a.title).join(' | '));
    const next = apply(V1, action.edit?.changes?.[uri] ?? []);
    assert.equal(next, V1.replace('"1"', '"2"').replace('    rmp:', '    joint_rmp:').replace('      type: joint   # both signed\r\n', '')
      .replace('threshold: 5}', 'threshold: 5, direction: lower_is_better}'));

    const command = await client.request<{ status: string; version: number; edits: TextEdit[]; changes: string[] }>('relationship/migrate', { uri });
    assert.equal(command.status, 'migrated');
    assert.equal(command.version, 1);
    assert.equal(apply(V1, command.edits), next, 'the command and the quick fix make the same change');
    assert.deepEqual(command.changes, ['line 2: schema_version "1" → "2"', 'line 8: rmp of type joint → joint_rmp ("type: joint" removed)', 'line 13: KPI K-🚰: direction lower_is_better (threshold 5 above target 2)']);

    const mark = client.mark();
    client.change(uri, next, 2);
    const after = await client.diagnostics(uri, 2, mark);
    assert.equal(after.filter((d) => d.code === 'format.v1' || String(d.code).startsWith('syntax')).length, 0);
    assert.deepEqual(await client.request('relationship/migrate', { uri }), { status: 'current' });
    client.close(uri);
  });

  test('relationship/migrate: the reason for a broken file, null for an unknown one, InvalidParams for bad params', async () => {
    const uri = client.open('broken.relationship.yaml', 'schema_version: "1"\nmetadata: {id: [x\n');
    await client.diagnostics(uri, 1);
    const refused = await client.request<{ status: string; reason: string }>('relationship/migrate', { uri });
    assert.equal(refused.status, 'refused');
    assert.match(refused.reason, /YAML error on line \d+/);
    assert.equal(await client.request('relationship/migrate', { uri: client.uri('nowhere.relationship.yaml') }), null);
    await assert.rejects(client.request('relationship/migrate', { uri: 7 }), (e: { code: number }) => e.code === -32602);
    client.close(uri);
  });
});
