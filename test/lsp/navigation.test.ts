// Navigation, quick fixes, links and lenses over stdio, against the built server: outline, folding,
// definition, references, rename (prepareRename refusing non-ids), every kind of quick fix (applied to the
// text, sent back with didChange, and the diagnostics of the new version no longer hold that finding),
// document links and code lenses.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type {
  CodeAction, CodeLens, Diagnostic, DocumentLink, DocumentSymbol, FoldingRange, Location, Position, Range, TextEdit, WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { LspClient, rangeOf } from './client';

const AS_OF = '2026-06-01';

const DOC = `# Navigation over stdio: two parties,
# references of every shape.
schema_version: "1"
metadata:
  id: REL-NAV
  title: "Harbour 🤝 Kestrel"
  status: active
  lifecycle_stage: working_together
  next_review_due: 2027-01-01
parties:
  - {id: hw, name: "Harbour 🌊 Water", role: customer}
  - id: "kce"
    name: Kestrel
    role: supplier
people:
  - {id: p-ann, name: "Ann 😀", party: hw}
  - {id: p-bob, name: Bob, party: 'kce'}
principles:
  vision_and_values:
    joint_vision: Reliable water for every home
    agreed_by: [p-ann, "p-bob"]
  value_creation:
    register:
      - id: VC-1
        title: Idea
        proposed_by: kce
        status: proposed
        benefit_split: {hw: 0.5, "kce": 0.5}
  measurement_and_optimization:
    kpis:
      - {id: KPI-1, name: Trust index, type: relationship, unit: score, target: 75, frequency: biannual, owner: p-bob, latest: 70, latest_on: 2026-05-01}
    improvement_actions:
      - {id: ACT-1, text: Joint workshop, owner: p-ann, due: 2026-09-01, status: open}
    relationship_reviews: {report: "https://example.org/review"}
  exit_strategy:
    document: docs/exit.pdf
    triggers:
      - {id: ET-1, type: planned_end, description: Contract expiry}
`;

/** Offsets ↔ positions as LSP counts them (UTF-16 columns; \n, \r\n or \r end a line). */
function offsetAt(text: string, position: Position): number {
  let line = 0;
  let i = 0;
  while (line < position.line && i < text.length) {
    const c = text.charCodeAt(i++);
    if (c === 10 || (c === 13 && text.charCodeAt(i) !== 10)) line++;
  }
  return i + position.character;
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const ordered = [...edits].sort((a, b) => offsetAt(text, b.range.start) - offsetAt(text, a.range.start));
  let out = text;
  for (const e of ordered) out = out.slice(0, offsetAt(text, e.range.start)) + e.newText + out.slice(offsetAt(text, e.range.end));
  return out;
}

const inside = (range: Range, nth = 0, needle = ''): Position => ({ line: range.start.line, character: range.start.character + Math.min(nth, needle.length) });

describe('navigation over stdio', () => {
  let client: LspClient;
  let uri: string;
  before(async () => {
    client = await LspClient.start({ settings: { asOf: AS_OF }, files: { 'docs/exit.pdf': 'exit plan' } });
    uri = client.open('nav.relationship.yaml', DOC);
    await client.diagnostics(uri, 1);
  });
  after(() => client.stop());

  const at = (needle: string, nth = 0, delta = 1): Position => inside(rangeOf(DOC, needle, nth), delta, needle);

  test('outline: sections, items by id, principles with their coverage', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => s.name), ['schema_version', 'metadata', 'parties', 'people', 'principles']);
    const parties = symbols.find((s) => s.name === 'parties')!;
    assert.deepEqual(parties.children?.map((c) => [c.name, c.detail]), [['hw', 'Harbour 🌊 Water'], ['kce', 'Kestrel']]);
    const principles = symbols.find((s) => s.name === 'principles')!.children!;
    assert.equal(principles.find((p) => p.name === 'measurement_and_optimization')?.detail, '14 Measurement and optimization — ✓ covered 4/4');
    assert.deepEqual(principles.find((p) => p.name === 'exit_strategy')?.range.start, rangeOf(DOC, 'exit_strategy').start);
  });

  test('folding: the header comment, each section from its key', async () => {
    const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.deepEqual(ranges[0], { startLine: 0, endLine: 1, kind: 'comment' });
    const metadata = rangeOf(DOC, 'metadata:').start.line;
    assert.deepEqual(ranges.find((r) => r.startLine === metadata), { startLine: metadata, endLine: rangeOf(DOC, 'next_review_due').start.line });
    assert.ok(ranges.every((r) => r.endLine > r.startLine));
  });

  test('definition: from a quoted reference in a flow list, from a map key, after an emoji', async () => {
    const fromList = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: at('"p-bob"', 0, 2) });
    assert.deepEqual(fromList, [{ uri, range: rangeOf(DOC, 'p-bob') }]);
    const fromKey = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: at('hw: 0.5') });
    assert.deepEqual(fromKey, [{ uri, range: rangeOf(DOC, 'hw') }]);
    const afterEmoji = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: at('party: hw', 0, 8) });
    assert.deepEqual(afterEmoji, [{ uri, range: rangeOf(DOC, 'hw') }]);
    assert.deepEqual(await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: at('title: Idea') }), []);
  });

  test('references: every place naming the id, with the declaration when asked', async () => {
    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position: at('kce'), context: { includeDeclaration: true } });
    assert.deepEqual(refs.map((l) => l.range), [rangeOf(DOC, '"kce"'), rangeOf(DOC, "'kce'"), rangeOf(DOC, 'kce', 2), rangeOf(DOC, '"kce"', 1)]);
    const without = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position: at('kce'), context: { includeDeclaration: false } });
    assert.equal(without.length, 3);
  });

  test('prepareRename: the id without its quotes; nothing on a key or a plain value', async () => {
    const range = await client.request<Range | null>('textDocument/prepareRename', { textDocument: { uri }, position: at('"kce"', 0, 2) });
    assert.deepEqual(range, rangeOf(DOC, 'kce'));
    assert.equal(await client.request('textDocument/prepareRename', { textDocument: { uri }, position: at('title: Idea') }), null);
    assert.equal(await client.request('textDocument/prepareRename', { textDocument: { uri }, position: at('Reliable water') }), null);
  });

  test('rename: every reference, quoting kept, the result clean; a refused rename is an error that says why', async () => {
    const edit = await client.request<WorkspaceEdit | null>('textDocument/rename', { textDocument: { uri }, position: at('proposed_by: kce', 0, 14), newName: 'kestrel' });
    const renamed = applyEdits(DOC, edit?.changes?.[uri] ?? []);
    assert.ok(renamed.includes('  - id: "kestrel"\n') && renamed.includes("party: 'kestrel'}") && renamed.includes('{hw: 0.5, "kestrel": 0.5}'));
    const other = client.open('renamed.relationship.yaml', renamed);
    const diagnostics = await client.diagnostics(other, 1);
    assert.deepEqual(diagnostics.filter((d) => String(d.code).startsWith('ref.')), []);
    client.close(other);
    // InvalidParams (-32602) when the name is at fault, RequestFailed (-32803) when the place cannot be renamed.
    const refusals: [Position, string, number, RegExp][] = [
      [at('p-ann'), '', -32602, /^The new id is empty\.$/],
      [at('p-ann'), 'has space', -32602, /^"has space" contains whitespace/],
      [at('p-ann'), 'a:b', -32602, /^"a:b" contains ":", which YAML reads as syntax/],
      [at('p-ann'), '12', -32602, /^YAML reads "12" as a number, not as a text id/],
      [at('p-ann'), 'p-bob', -32602, /^"p-bob" is already an id in people/],
      [at('title: Idea', 0, 9), 'idea-2', -32803, /^Only an id can be renamed/],
    ];
    for (const [position, newName, code, message] of refusals) {
      await assert.rejects(client.request('textDocument/rename', { textDocument: { uri }, position, newName }), (e: { code: number; message: string }) => {
        assert.equal(e.code, code, newName);
        assert.match(e.message, message);
        return true;
      }, newName);
    }
  });

  test('document links: a path beside the file, a URL as written', async () => {
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri } });
    assert.deepEqual(links.map((l) => [l.range, l.target]), [
      [rangeOf(DOC, 'https://example.org/review'), 'https://example.org/review'],
      [rangeOf(DOC, 'docs/exit.pdf'), client.uri('docs/exit.pdf')],
    ]);
  });

  test('code lens: each principle key, its coverage, the preview command', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command?.title]), [
      [rangeOf(DOC, 'vision_and_values').start.line, '⚠ partial 2/3 — VV3 unmet'],
      [rangeOf(DOC, 'value_creation').start.line, '⏳ not yet required'],
      [rangeOf(DOC, 'measurement_and_optimization').start.line, '✓ covered 4/4'],
      [rangeOf(DOC, 'exit_strategy').start.line, '⚠ partial 1/7 — EX2, EX3, EX4, EX5 +2 unmet'],
    ]);
    for (const lens of lenses) {
      assert.equal(lens.command?.command, 'relationship.preview.openToSide');
      assert.deepEqual(lens.command?.arguments, [uri, lens.command?.arguments?.[1]]);
    }
    assert.equal(lenses[3].command?.arguments?.[1], 'exit_strategy');
  });
});

// ─── quick fixes, proven through the protocol ────────────────────────────────────────────────────────────

const QF = `schema_version: "1"
metadata:
  id: REL-QF
  title: Quick fixes
  status: actve
  lifecycle_stage: working_together
  next_review_due: 2027-01-01
parties:
  - {id: acme, name: Acme, role: customer}
  - {id: beta, name: Beta}
people:
  - {id: p-a, name: Ann, party: acme}
  - {id: p-b, name: Bob, party: beta}
principles:
  collaborative_leadership:
    executive_review: {cadence: quarterly}
  risk_management:
    register:
      - id: R-1
        title: Key person
        ownr: p-a
        owning_party: acme
        category: relational
      - {id: R-2, title: Exit, category: exit, owner: p-bb, owning_party: beta}
  exit_strategy:
    document: docs/exit.pdf
`;

describe('quick fixes over stdio', () => {
  let client: LspClient;
  let n = 0;
  before(async () => {
    client = await LspClient.start({ settings: { asOf: AS_OF }, files: { 'docs/exit.pdf': 'exit plan' } });
  });
  after(() => client.stop());

  /**
   * Opens the text, finds the diagnostic, asks for code actions, applies the one titled like `title`, sends the
   * new text as version 2 and returns the diagnostics of that version with the old and new text.
   */
  async function applyFix(text: string, pick: (d: Diagnostic) => boolean, title: RegExp): Promise<{ before: Diagnostic[]; after: Diagnostic[]; target: Diagnostic; next: string; action: CodeAction }> {
    const uri = client.open(`qf-${++n}.relationship.yaml`, text);
    const before = await client.diagnostics(uri, 1);
    const target = before.find(pick);
    assert.ok(target, `no such diagnostic among:\n${before.map((d) => `${d.code} ${d.message}`).join('\n')}`);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: target.range, context: { diagnostics: [target], only: ['quickfix'] } });
    const action = actions.find((a) => title.test(a.title));
    assert.ok(action, `no action ${title}; got: ${actions.map((a) => a.title).join(' | ')}`);
    // Plain "quickfix", or a kind under it that names what the fix completes (quickfix.relationship.evidence.EX1).
    assert.match(action.kind ?? '', /^quickfix(\.relationship\.(evidence|section|waiver)\.\w+)?$/);
    assert.deepEqual(action.diagnostics, [target]);
    const next = applyEdits(text, action.edit?.changes?.[uri] ?? []);
    assert.notEqual(next, text);
    const mark = client.mark();
    client.change(uri, next, 2);
    const after = await client.diagnostics(uri, 2, mark);
    client.close(uri);
    return { before, after, target, next, action };
  }

  /** The finding is gone and no error came in its place. */
  function proven({ before, after, target }: { before: Diagnostic[]; after: Diagnostic[]; target: Diagnostic }): void {
    const code = String(target.code);
    const still = code.startsWith('evidence.') && code !== 'evidence.missing-principle'
      ? after.some((d) => d.code === code)
      : after.some((d) => d.code === code && d.message === target.message);
    assert.ok(!still, `${code} is still reported: ${target.message}`);
    const known = new Set(before.map((d) => `${d.code}|${d.message}`));
    const added = after.filter((d) => d.severity === 1 && !known.has(`${d.code}|${d.message}`));
    assert.deepEqual(added.map((d) => `${d.code} ${d.message}`), []);
  }

  test('unknown key → the suggestion', async () => {
    const result = await applyFix(QF, (d) => d.code === 'schema.additionalProperties', /"owner"/);
    assert.equal(result.action.isPreferred, true);
    proven(result);
    assert.ok(result.next.includes('        owner: p-a\n'));
  });

  test('enum value → the suggestion', async () => {
    const result = await applyFix(QF, (d) => d.code === 'schema.enum', /active/);
    proven(result);
    assert.ok(result.next.includes('  status: active\n'));
  });

  test('unresolved reference → the nearest id', async () => {
    const result = await applyFix(QF, (d) => d.code === 'ref.unresolved', /p-b/);
    proven(result);
    assert.ok(result.next.includes('owner: p-b, owning_party: beta}'));
  });

  test('missing required key → inserted in the flow map that lacks it', async () => {
    const result = await applyFix(QF, (d) => d.code === 'schema.required', /"role"/);
    proven(result);
    assert.match(result.next, /\{id: beta, name: Beta, role: \w+\}/);
  });

  test('missing evidence → a scaffold that meets the rule', async () => {
    const result = await applyFix(QF, (d) => d.code === 'evidence.EX1', /"triggers"/);
    proven(result);
    assert.match(result.next, /\n {4}triggers:\n {6}- id: ET-1\n/);
  });

  test('missing fields of evidence → added where blank', async () => {
    proven(await applyFix(QF, (d) => d.code === 'evidence.CL3', /"last_held"/));
  });

  test('missing principle → its section under principles', async () => {
    const result = await applyFix(QF, (d) => d.code === 'evidence.missing-principle' && typeof d.message === 'string' && /Trust and mutual benefit/.test(d.message), /"trust_and_mutual_benefit" section/);
    proven(result);
  });

  test('CRLF document: the scaffold keeps \\r\\n', async () => {
    const result = await applyFix(QF.replace(/\n/g, '\r\n'), (d) => d.code === 'evidence.EX2', /"jointly_agreed_on"/);
    proven(result);
    assert.ok(!/[^\r]\n/.test(result.next));
  });

  test('waiver → appended, the rule waived', async () => {
    const result = await applyFix(QF, (d) => d.code === 'evidence.EX6', /^Waive EX6/);
    proven(result);
    assert.ok(result.next.includes('waivers:\n  - {rule: EX6, reason: "TODO: why", approved_by: p-a, expires: 2026-08-30}\nprinciples:'));
  });
});
