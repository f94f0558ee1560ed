// Requests never wait for an analysis: a hover, completion, definition or outline sent right after a big edit is
// answered from the last finished analysis, before the new one publishes its diagnostics, with positions mapped
// through the edit. Asserted on the order of messages and on what the answers say, never on time.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, CompletionItem, CompletionList, DocumentSymbol, Hover, Location, MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { generateRelationship } from '../bench/generate';
import { LspClient, positionAt } from './client';

const TEXT = generateRelationship(3_000, 3);
const INSERTED = Array.from({ length: 40 }, (_, i) => `# note ${i} 🙂\r\n`).join('');
const at = (text: string, needle: string, delta = 0) => positionAt(text, text.indexOf(needle) + delta);

describe('answers from the last finished analysis while a newer one waits', () => {
  let client: LspClient;
  let uri: string;
  before(async () => {
    client = await LspClient.start({ settings: { asOf: '2026-11-01' } });
    uri = client.open('big.relationship.yaml', TEXT);
    await client.diagnostics(uri, 1);
  });
  after(() => client.stop());

  test('a hover right after an edit comes before that edit\'s diagnostics, from the old analysis, at the new place', async () => {
    // One change event, two edits: 40 lines (CRLF, emoji) above everything, and a stage that changes coverage.
    const stage = at(TEXT, 'staying_together');
    const edited = INSERTED + TEXT.replace('lifecycle_stage: staying_together', 'lifecycle_stage: awareness');
    const mark = client.mark();
    void client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [
        { range: { start: stage, end: { line: stage.line, character: stage.character + 'staying_together'.length } }, text: 'awareness' },
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: INSERTED },
      ],
    });
    const key = at(edited, '  risk_management:', 4);
    // Both requests go out with the edit, before any answer comes back: a request sent only after the first
    // answer could reach a loaded server after its typing pause, which would be a test of the machine's load.
    const [early, completion] = await Promise.all([
      client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: key }),
      client.request<CompletionList | CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: at(edited, 'owner: p-3\n', 'owner: '.length) }),
    ]);
    const answered = client.mark();
    await client.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 2, { after: mark });
    const published = client.received.find((r) => r.seq > mark && r.method === 'textDocument/publishDiagnostics')!;
    assert.ok(published.seq > answered, 'the diagnostics of version 2 came after the answers to requests sent with the edit');

    // Old analysis (staying_together): every risk rule counts. The range is where the key is now.
    const value = (early.contents as MarkupContent).value;
    assert.match(value, /13 · /);
    assert.doesNotMatch(value, /not yet required/);
    assert.deepEqual(early.range, { start: { line: key.line, character: key.character - 2 }, end: { line: key.line, character: key.character - 2 + 'risk_management'.length } });
    const items = Array.isArray(completion) ? completion : completion.items;
    assert.ok(items.some((i) => i.label === 'p-3'), 'person ids come from the last analysis');

    // The new analysis is at the same place and says the new thing: at awareness, RK3 does not count yet.
    const late = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: key });
    assert.match((late.contents as MarkupContent).value, /RK3\*\*.*not yet required/);
    assert.deepEqual(late.range, early.range);
  });

  test('definition and the outline right after an edit point into the current text', async () => {
    const current = INSERTED + TEXT.replace('lifecycle_stage: staying_together', 'lifecycle_stage: awareness');
    const mark = client.mark();
    // Ten lines more above everything; the owner reference is then followed to the person it names.
    const more = Array.from({ length: 10 }, (_, i) => `# more ${i}\n`).join('');
    client.edit(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, more, 3);
    const text = more + current;
    const reference = at(text, 'owner: p-5\n', 'owner: '.length + 1);
    const [locations, symbols] = await Promise.all([
      client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: reference }),
      client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }),
    ]);
    const answered = client.mark();
    await client.diagnostics(uri, 3, mark);
    const published = client.received.find((r) => r.seq > mark && r.method === 'textDocument/publishDiagnostics')!;
    assert.ok(published.seq > answered);
    assert.equal(locations.length, 1);
    assert.deepEqual(locations[0].range.start, at(text, 'id: p-5\n', 'id: '.length));
    const people = symbols.find((s) => s.name === 'people');
    assert.ok(people, symbols.map((s) => s.name).join(', '));
    assert.equal(people.selectionRange.start.line, at(text, '\npeople:').line + 1);
  });

  test('a quick fix asked for right after an edit above it edits the current text', async () => {
    const flawed = TEXT.replace('  status: active\n', '  stauts: active\n');
    const other = client.open('flawed.relationship.yaml', flawed);
    const [diagnostic] = (await client.diagnostics(other, 1)).filter((d) => d.code === 'schema.additionalProperties');
    assert.ok(diagnostic);
    const mark = client.mark();
    client.edit(other, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, '# a\n# b 🙂\n', 2);
    // The client moves its diagnostics with the text, as editors do.
    const moved = { ...diagnostic, range: { start: { ...diagnostic.range.start, line: diagnostic.range.start.line + 2 }, end: { ...diagnostic.range.end, line: diagnostic.range.end.line + 2 } } };
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: other }, range: moved.range, context: { diagnostics: [moved] } });
    const answered = client.mark();
    await client.diagnostics(other, 2, mark);
    const published = client.received.find((r) => r.seq > mark && r.method === 'textDocument/publishDiagnostics')!;
    assert.ok(published.seq > answered);
    const fix = actions.find((a) => a.title.includes('"status"'));
    assert.ok(fix, actions.map((a) => a.title).join(', '));
    assert.deepEqual(fix.edit?.changes?.[other], [{ range: moved.range, newText: 'status' }]);
    assert.deepEqual(fix.diagnostics?.[0].range, moved.range);
  });

  test('a position inside text typed since the last analysis has nothing to say yet', async () => {
    const mark = client.mark();
    client.edit(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, 'x-new-key: value\n', 4);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } });
    const answered = client.mark();
    await client.diagnostics(uri, 4, mark);
    const published = client.received.find((r) => r.seq > mark && r.method === 'textDocument/publishDiagnostics')!;
    assert.ok(published.seq > answered);
    assert.equal(hover, null);
  });
});
