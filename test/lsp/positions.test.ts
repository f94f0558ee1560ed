// Positions over stdio where the text scanner used to go wrong: a document whose first line is empty (completion
// never answered and the server spun at 100% CPU), a lone \r as a line end (an edit range spanning two lines),
// and a file whose every line ends in a lone \r (read as one comment, no completion at all).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompletionItem, CompletionList, Diagnostic, Hover, Position, TextEdit } from 'vscode-languageserver-protocol';
import { LspClient } from './client';

const SAMPLES = join(__dirname, '..', '..', 'samples');
/** Well under the client's own timeout, so a hang fails here with the position that hung. */
const ANSWER_MS = 10_000;

let client: LspClient;
let n = 0;

async function completeAt(uri: string, position: Position): Promise<CompletionItem[]> {
  const request = client.request<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument: { uri }, position });
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no completion answer at ${JSON.stringify(position)} within ${ANSWER_MS} ms`)), ANSWER_MS).unref());
  const result = await Promise.race([request, timeout]);
  return Array.isArray(result) ? result : result?.items ?? [];
}

async function open(text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
  const uri = client.open(`positions-${++n}.relationship.yaml`, text);
  return { uri, diagnostics: await client.diagnostics(uri, 1) };
}

const labels = (items: CompletionItem[]): string[] => items.map((i) => i.label);
const rangeOf = (item: CompletionItem) => (item.textEdit as TextEdit).range;

describe('positions over stdio', () => {
  before(async () => {
    client = await LspClient.start({ settings: { asOf: '2026-11-01' } });
  });
  after(() => client.stop());

  test('a text whose first line is empty: completion answers everywhere, and the server keeps answering', async () => {
    for (const text of ['\n', '\n\n', '\r\n', `\n${readFileSync(join(SAMPLES, 'research-collaboration.relationship.yaml'), 'utf8')}`]) {
      const { uri } = await open(text);
      const lines = text.split(/\r\n|\r|\n/);
      for (let line = 0; line < Math.min(lines.length, 40); line++) {
        for (const character of new Set([0, 2, 4, lines[line].length])) {
          if (character <= lines[line].length) await completeAt(uri, { line, character });
        }
      }
    }
    const { uri } = await open('\nmetadata:\n  ');
    includes(await completeAt(uri, { line: 2, character: 2 }), ['id', 'title', 'lifecycle_stage']);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } });
    assert.match(JSON.stringify(hover?.contents), /Identity and status/, 'the server still answers other requests');
  });

  test('a lone \\r ends a line: the edit range is on the cursor\'s line and contains it', async () => {
    const text = 'schema_version: "1"\nmetadata:\n  lifecycle_stage: x\rwor\n';
    const { uri } = await open(text);
    const items = await completeAt(uri, { line: 3, character: 3 });
    assert.ok(items.length > 0, 'a top-level key is being typed');
    includes(items, ['parties', 'principles'], ['schema_version', 'metadata']);
    for (const item of items) assert.deepEqual(rangeOf(item), { start: { line: 3, character: 0 }, end: { line: 3, character: 3 } }, item.label);
  });

  test('a file whose lines end in a lone \\r is read line by line: data, findings on the right lines, completion', async () => {
    const lf = '# Old Mac line ends.\nschema_version: "1"\nmetadata:\n  id: REL-CR\n  status: active\n  lifecycle_stage: awareness\nparties:\n  - {id: a, name: A, role: customer}\n';
    const { uri, diagnostics } = await open(lf.replace(/\n/g, '\r'));
    const lfDiagnostics = (await open(lf)).diagnostics;
    const messages = diagnostics.map((d) => (typeof d.message === 'string' ? d.message : d.message.value));
    assert.ok(!messages.some((m) => /holds no data/.test(m)), messages.join('\n'));
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range]), lfDiagnostics.map((d) => [d.code, d.range]), 'the same findings at the same places as with \\n');
    const value = await completeAt(uri, { line: 4, character: 10 });
    includes(value, ['draft', 'active', 'closed']);
    assert.deepEqual(rangeOf(value[0]), { start: { line: 4, character: 10 }, end: { line: 4, character: 16 } });
    const { uri: key } = await open('schema_version: "1"\rmetadata:\r  id: x\r  ');
    includes(await completeAt(key, { line: 3, character: 2 }), ['title', 'status'], ['id']);
  });
});

function includes(items: CompletionItem[], present: string[], absent: string[] = []): void {
  const got = labels(items);
  for (const p of present) assert.ok(got.includes(p), `"${p}" missing from ${got.join(', ')}`);
  for (const a of absent) assert.ok(!got.includes(a), `"${a}" should not be offered: ${got.join(', ')}`);
}
