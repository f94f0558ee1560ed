// The language server and profiles, over stdio: a relationship file is analysed with the profile on disk; a
// changed profile (workspace/didChangeWatchedFiles, as the editor's watcher sends it on save) re-analyses the
// open files without a reload; an open profile gets completion and hover.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, CompletionItem, CompletionList, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { VALID } from '../cli/run-cli';
import { applyTextEdits } from '../features/fixture';
import { cursor, LspClient } from '../lsp/client';
import { repoFiles } from './repo';

describe('the server applies the profile on disk and follows its changes', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { asOf: '2025-06-01' }, files: { '.rac.yaml': 'rules:\n  RM3: error\n', 'team/a.relationship.yaml': VALID } });
  });
  after(() => client.stop());

  test('saving .rac.yaml re-analyses every open relationship file', async () => {
    const uri = client.open('team/a.relationship.yaml', VALID);
    const severity = (ds: { code?: unknown; severity?: number }[], code: string) => ds.find((d) => d.code === code)?.severity;
    const first = await client.diagnostics(uri, 1);
    assert.equal(severity(first, 'evidence.missing-principle'), 3, 'information: the profile does not touch it yet');
    const mark = client.mark();
    const profile = client.write('.rac.yaml', 'rules:\n  evidence.missing-principle: error\n');
    client.filesChanged([{ uri: profile, type: 2 }]);
    const second = await client.diagnostics(uri, 1, mark);
    assert.equal(severity(second, 'evidence.missing-principle'), 1);
    const mark2 = client.mark();
    client.write('team/.rac.yaml', 'rules:\n  evidence.missing-principle: off\n');
    client.filesChanged([{ uri: client.uri('team/.rac.yaml'), type: 1 }]);
    const third = await client.diagnostics(uri, 1, mark2);
    assert.equal(severity(third, 'evidence.missing-principle'), undefined, 'a nearer profile, created, takes over');
  });
});

describe('an organisation\'s rule in the editor', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { asOf: '2026-11-01' }, files: repoFiles() });
  });
  after(() => client.stop());

  test('its finding has a quick fix from its check kind, which meets it', async () => {
    const path = 'partners/outsourcing.relationship.yaml';
    const uri = client.open(path, repoFiles()[path]);
    const diagnostic = (await client.diagnostics(uri, 1)).find((d) => d.code === 'evidence.X-GP1');
    assert.ok(diagnostic, 'the added rule is unmet');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    const fix = actions.find((a) => a.diagnostics?.some((d) => d.code === 'evidence.X-GP1'));
    const edits = fix?.edit?.changes?.[uri] ?? [];
    assert.ok(edits.some((e) => e.newText.includes('p-dpo')), JSON.stringify(actions.map((a) => a.title)));
    const mark = client.mark();
    client.change(uri, applyTextEdits(repoFiles()[path], edits), 2);
    const after = await client.diagnostics(uri, 2, mark);
    assert.ok(!after.some((d) => d.code === 'evidence.X-GP1'), 'the fix meets the rule');
  });
});

describe('completion and hover in a profile', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { asOf: '2025-06-01' } });
  });
  after(() => client.stop());

  async function complete(marked: string, name = '.rac.yaml'): Promise<CompletionItem[]> {
    const { text, position } = cursor(marked);
    const uri = client.open(`c${Math.random().toString(36).slice(2)}/${name}`, text, 1, 'yaml');
    const result = await client.request<CompletionItem[] | CompletionList>('textDocument/completion', { textDocument: { uri }, position });
    return Array.isArray(result) ? result : result.items;
  }
  const labels = (items: CompletionItem[]) => items.map((i) => i.label);

  test('rule ids and codes under rules, levels after them, kinds, paths and stages in added rules, the top keys', async () => {
    const rules = await complete('rules:\n  G|\n');
    assert.ok(labels(rules).includes('GP2') && labels(rules).includes('link.missing-file'));
    assert.match(rules.find((i) => i.label === 'GP2')?.detail ?? '', /governance/i);
    assert.deepEqual(labels(await complete('rules:\n  GP2: |\n')), ['off', 'error', 'warning', 'information', 'hint']);
    assert.ok(labels(await complete('overrides:\n  - files: [a/**]\n    rules:\n      T|\n')).includes('TM2'));
    assert.ok(labels(await complete('add:\n  - id: X-1\n    check: inc|\n')).includes('includes'));
    const paths = labels(await complete('add:\n  - id: X-1\n    path: principles.gov|\n'));
    assert.ok(paths.includes('principles.governance_and_processes.bodies[*].members'), paths.slice(0, 5).join(', '));
    assert.ok(labels(await complete('add:\n  - id: X-1\n    from_stage: |\n')).includes('value_creation'));
    assert.deepEqual(labels(await complete('|\n')), ['extends', 'rules', 'add', 'overrides', 'waivers']);
    assert.ok(labels(await complete('rules:\n  G|\n', 'base.rac.yaml')).includes('GP2'), 'a base profile is a profile too');
    const own = await complete('add:\n  - {id: X-GP1, principle: governance_and_processes, title: a DPO on a body, path: people, check: non_empty, from_stage: awareness, why: w, hint: h}\noverrides:\n  - files: [a/**]\n    rules:\n      X|\n');
    assert.ok(labels(own).includes('X-GP1'), 'the profile\'s own added rules are offered');
  });

  test('hover on a rule id shows its title, principle and why; on a check kind its arguments', async () => {
    const { text, position } = cursor('# 🤝\r\nrules:\r\n  GP|2: error\r\n');
    const uri = client.open('h/.rac.yaml', text, 1, 'yaml');
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position });
    const value = (hover.contents as MarkupContent).value;
    assert.match(value, /\*\*GP2\*\* bodies chaired by a member/);
    assert.match(value, /Principle 8 Governance/);
    assert.deepEqual(hover.range, { start: { line: 2, character: 2 }, end: { line: 2, character: 5 } });
    const kind = cursor('add:\n  - check: score_mit|igated\n');
    const kindUri = client.open('k/.rac.yaml', kind.text, 1, 'yaml');
    const kindHover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: kindUri }, position: kind.position });
    assert.match((kindHover.contents as MarkupContent).value, /arguments: min_score, closed/);
  });

  test('a profile is not analysed as a relationship file: no outline, no code lens', async () => {
    const uri = client.open('o/.rac.yaml', 'rules:\n  GP2: error\n', 1, 'yaml');
    assert.deepEqual(await client.diagnostics(uri, 1), []);
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
    assert.deepEqual(await client.request('textDocument/codeLens', { textDocument: { uri } }), []);
  });
});
