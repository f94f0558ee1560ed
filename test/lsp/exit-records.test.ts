// The exit records over stdio, against the built server: the activation names a trigger and a governance body, a
// trigger names a KPI, and each reference completes, leads to its definition, renames with it and is an error when
// it names nothing. The document is CRLF with emoji before the references, so positions are UTF-16 on CRLF lines.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, CompletionList, Diagnostic, Location, Position, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient, positionAt } from './client';

const AS_OF = '2026-06-01';

const DOC = [
  'schema_version: "1"',
  'metadata: {id: REL-EXIT, title: "Harbour 🤝 Kestrel", status: exiting, lifecycle_stage: exit}',
  'parties:',
  '  - {id: hw, name: "Harbour 🌊 Water", role: customer}',
  '  - {id: kce, name: Kestrel, role: supplier}',
  'people:',
  '  - {id: p-ann, name: "Ann 😀", party: hw}',
  '  - {id: p-bob, name: Bob, party: kce}',
  'principles:',
  '  governance_and_processes:',
  '    bodies:',
  '      - {id: GB-1, name: "Board 🏛", chair: p-ann, members: [p-ann, p-bob], decision_rights: [exit_activation]}',
  '  measurement_and_optimization:',
  '    kpis:',
  '      - {id: KPI-1, name: "Trust 🤝", type: relationship, threshold: 60, direction: higher_is_better, latest: 52}',
  '  exit_strategy:',
  '    triggers:',
  '      - {id: ET-1, description: "Trust 📉 below threshold", kpi: KPI-1}',
  '    activation: {trigger: ET-1, decided_by: GB-1, decided_on: 2026-05-02, notice_given_on: 2026-05-04}',
  '',
].join('\r\n');

let client: LspClient;
let uri: string;

/** The position of the n-th occurrence of `needle` in DOC, plus `delta` code units. */
function at(needle: string, nth = 0, delta = 0): Position {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = DOC.indexOf(needle, offset + 1);
  assert.ok(offset >= 0, `"${needle}" not in the document`);
  return positionAt(DOC, offset + delta);
}

describe('exit records over stdio', () => {
  before(async () => {
    client = await LspClient.start({ settings: { asOf: AS_OF } });
    uri = client.open('exit.relationship.yaml', DOC);
  });
  after(() => client.stop());

  test('the references resolve, and the breached KPI shows on the trigger that watches it until the activation names it', async () => {
    const activated = await client.diagnostics(uri, 1);
    assert.deepEqual(activated.filter((d) => d.code === 'ref.unresolved'), []);
    assert.deepEqual(activated.filter((d) => d.code === 'kpi.breached-trigger'), [], 'the activation record names ET-1: the exit is under way');
    const other = client.open('not-yet-activated.relationship.yaml', DOC.replace('activation: {trigger: ET-1,', 'activation: {trigger: ET-9,'));
    const diagnostics = await client.diagnostics(other, 1);
    const breached = diagnostics.find((d) => d.code === 'kpi.breached-trigger');
    assert.ok(breached, diagnostics.map((d) => d.code).join(', '));
    const message = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);
    assert.match(message(breached), /latest 52 is below its threshold 60 \(higher is better\)/);
    assert.deepEqual(breached.range.start, at('KPI-1}'));
    assert.ok(diagnostics.some((d) => d.code === 'evidence.MO5' && /"KPI-1" latest 52 is below its threshold 60/.test(message(d))));
  });

  test('go to definition from the activation and from the trigger', async () => {
    const definitionAt = (p: Position) => client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: p });
    assert.deepEqual((await definitionAt(at('trigger: ET-1', 0, 10))).map((l) => l.range.start), [at('ET-1')]);
    assert.deepEqual((await definitionAt(at('decided_by: GB-1', 0, 13))).map((l) => l.range.start), [at('GB-1')]);
    assert.deepEqual((await definitionAt(at('kpi: KPI-1', 0, 6))).map((l) => l.range.start), [at('KPI-1')]);
  });

  test('find references of a body lists the activation', async () => {
    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position: at('GB-1', 0, 1), context: { includeDeclaration: false } });
    assert.deepEqual(refs.map((l) => l.range.start), [at('GB-1', 1)]);
  });

  test('rename of a trigger, a body and a KPI changes the exit records with them', async () => {
    for (const [needle, newName] of [['ET-1', 'ET-EXPIRY'], ['GB-1', 'GB-EXIT'], ['KPI-1', 'KPI-TRUST']] as const) {
      const edit = await client.request<WorkspaceEdit | null>('textDocument/rename', { textDocument: { uri }, position: at(needle, 0, 1), newName });
      const edits = edit?.changes?.[uri] ?? [];
      assert.equal(edits.length, 2, needle);
      const next = TextDocument.applyEdits(TextDocument.create(uri, 'relationship-yaml', 1, DOC), edits);
      assert.ok(!next.includes(needle), `${needle} left after renaming it`);
      assert.ok(next.includes('\r\n') && !/[^\r]\n/.test(next), 'the line breaks stay CRLF');
    }
  });

  test('completion offers the trigger and body ids in the activation', async () => {
    const text = DOC.replace('trigger: ET-1, decided_by: GB-1', 'trigger: , decided_by: ');
    const other = client.open('exit-complete.relationship.yaml', text);
    await client.diagnostics(other, 1);
    const complete = async (offset: number): Promise<string[]> => {
      const result = await client.request<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument: { uri: other }, position: positionAt(text, offset) });
      return (Array.isArray(result) ? result : result?.items ?? []).map((i) => i.label);
    };
    assert.ok((await complete(text.indexOf('trigger: ') + 9)).includes('ET-1'));
    assert.ok((await complete(text.indexOf('decided_by: ') + 12)).includes('GB-1'));
  });

  test('a trigger or body the activation names that does not exist is an error on the value, with the nearest id', async () => {
    const text = DOC.replace('trigger: ET-1, decided_by: GB-1', 'trigger: ET-2, decided_by: GB-11');
    const other = client.open('exit-unresolved.relationship.yaml', text);
    const unresolved: Diagnostic[] = (await client.diagnostics(other, 1)).filter((d) => d.code === 'ref.unresolved');
    assert.deepEqual(unresolved.map((d) => (typeof d.message === 'string' ? d.message : d.message.value)), [
      '"ET-2" is not a known exit trigger id; did you mean "ET-1"?',
      '"GB-11" is not a known governance body id; did you mean "GB-1"?',
    ]);
    assert.deepEqual(unresolved.map((d) => d.range.start), [positionAt(text, text.indexOf('ET-2')), positionAt(text, text.indexOf('GB-11'))]);
  });
});
