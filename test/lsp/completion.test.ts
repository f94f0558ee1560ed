// Completion over stdio at a dozen kinds of position, including flow collections and a half-typed document
// that does not parse; then the pure text reader behind it (core/text-context) on the cases that are hard.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, CompletionList, Position, TextEdit } from 'vscode-languageserver-protocol';
import { LspClient, cursor } from './client';
import { textContext } from '../../server/src/core/index';
import { localToday } from '../../server/src/node/today';

const AS_OF = '2025-11-01';
const KIND = { property: 10, snippet: 15, reference: 18, enumMember: 20, value: 12 } as const;

const BASE = `schema_version: "1"
metadata:
  id: REL-C-001
  title: Completion test
  status: active
  lifecycle_stage: working_together
parties:
  - {id: acme, name: Acme Ltd, role: supplier}
  - {id: beta, name: Beta plc, role: customer}
people:
  - {id: p-ann, name: Ann Smith, party: acme}
  - {id: p-bob, name: Bob Jones, party: beta}
principles:
  relationship_management:
    rmp: {id: JRMP, type: joint, approved_by: [p-ann]}
  measurement_and_optimization:
    kpis:
      - {id: KPI-01, name: Availability, type: delivery, unit: percent, target: 99, frequency: monthly, owner: p-ann}
  exit_strategy:
    triggers:
      - {id: ET-1, type: planned_end, description: Contract expiry, notice_days: 90}
  risk_management:
    register:
      - id: R-1
        title: Key person
`;

let client: LspClient;
let n = 0;

/** Opens the marked text as a new document, waits for its analysis, and asks for completion at the "|". */
async function complete(marked: string): Promise<CompletionItem[]> {
  const { text, position } = cursor(marked);
  const uri = client.open(`completion-${++n}.relationship.yaml`, text);
  await client.diagnostics(uri, 1);
  return completeAt(uri, position);
}

async function completeAt(uri: string, position: Position): Promise<CompletionItem[]> {
  const result = await client.request<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument: { uri }, position });
  return Array.isArray(result) ? result : result?.items ?? [];
}

const labels = (items: CompletionItem[], kind?: number): string[] => items.filter((i) => kind === undefined || i.kind === kind).map((i) => i.label);
const item = (items: CompletionItem[], label: string, kind?: number): CompletionItem => {
  const found = items.find((i) => i.label === label && (kind === undefined || i.kind === kind));
  assert.ok(found, `no "${label}" among ${labels(items).join(', ')}`);
  return found;
};
const newText = (i: CompletionItem): string => (i.textEdit as TextEdit).newText;
const docText = (i: CompletionItem): string => (typeof i.documentation === 'string' ? i.documentation : i.documentation?.value ?? '');

function includes(items: CompletionItem[], present: string[], absent: string[] = [], kind?: number): void {
  const got = labels(items, kind);
  for (const p of present) assert.ok(got.includes(p), `"${p}" missing from ${got.join(', ')}`);
  for (const a of absent) assert.ok(!got.includes(a), `"${a}" should not be offered: ${got.join(', ')}`);
}

describe('completion over stdio', () => {
  before(async () => {
    client = await LspClient.start({ settings: { asOf: AS_OF } });
  });
  after(() => client.stop());

  test('an empty file: the top-level keys, required first, and the whole-file snippet', async () => {
    const items = await complete('|');
    includes(items, ['schema_version', 'metadata', 'parties', 'people', 'waivers', 'principles'], ['x-notes'], KIND.property);
    const sorted = items.filter((i) => i.kind === KIND.property).sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map((i) => i.label);
    assert.deepEqual(sorted.slice(0, 3), ['schema_version', 'metadata', 'parties']);
    const snippet = item(items, 'relationship', KIND.snippet);
    assert.equal(snippet.insertTextFormat, 2);
    assert.match(newText(snippet), /^schema_version: "2"\nmetadata:\n {2}id: \$\{1:REL-001\}/);
    assert.match(docText(item(items, 'metadata', KIND.property)), /Identity and status/);
  });

  test('a new line at the top level leaves out the keys already there', async () => {
    const items = await complete(`${BASE}|`);
    includes(items, ['waivers'], ['schema_version', 'metadata', 'parties', 'people', 'principles']);
  });

  test('an empty line in principles: the missing principles, each with its section snippet', async () => {
    const items = await complete(BASE.replace('  risk_management:', '  |\n  risk_management:'));
    includes(items, ['vision_and_values', 'business_objectives', 'value_creation'], ['exit_strategy', 'risk_management', 'relationship_management'], KIND.property);
    const section = item(items, 'vision_and_values', KIND.snippet);
    const text = newText(section);
    assert.match(text, /^vision_and_values:\n {4}joint_vision: \$\{1:What the parties want to achieve together\}\n {4}agreed_by: \[\$\{2:p-sponsor-a\}, \$\{3:p-sponsor-b\}\]/);
    assert.match(text, /\n {4}values:\n {6}- id: \$\{5:V1\}\n {8}name: /, 'a list of maps is written as block items at the right indentation');
    assert.equal(section.insertTextMode, 1, 'the snippet carries its own indentation');
    assert.match(item(items, 'value_creation', KIND.property).detail ?? '', /Value creation/);
  });

  test('an empty principle section: its keys and its snippet', async () => {
    const items = await complete(`${BASE}  trust_and_mutual_benefit:\n    |`);
    includes(items, ['mutual_benefits', 'gain_share', 'trust_measurement', 'commitments'], ['register']);
    const gain = item(items, 'gain_share', KIND.property);
    assert.equal(newText(gain), 'gain_share:\n      ', 'a map key opens an indented line');
    assert.equal(newText(item(items, 'commitments', KIND.property)), 'commitments:\n      - ');
    assert.ok(labels(items, KIND.snippet).includes('trust_and_mutual_benefit'));
  });

  test('after "- " in a register: the item snippet and the item keys', async () => {
    const items = await complete(`${BASE}      - |`);
    const risk = item(items, 'risk', KIND.snippet);
    assert.match(newText(risk), /^id: \$\{1:R-001\}\n {8}title: \$\{2:Risk title\}\n {8}category: \$\{3:operational\}\n {8}likelihood: 3\n/);
    includes(items, ['id', 'title', 'owner', 'mitigations'], [], KIND.property);
    assert.match(newText(item(items, 'category', KIND.property)), /^category: \$\{1\|operational,commercial,/);
  });

  test('an empty line in a list item: the keys not yet given, required first', async () => {
    const items = await complete(`${BASE}        |`);
    includes(items, ['owner', 'owning_party', 'likelihood', 'linked_exit_triggers'], ['id', 'title'], KIND.property);
    assert.match(item(items, 'owner').detail ?? '', /person id/);
  });

  test('after "owner: ": the people, with their names', async () => {
    const items = await complete(`${BASE}        owner: |`);
    assert.deepEqual(labels(items), ['p-ann', 'p-bob']);
    assert.equal(item(items, 'p-ann').detail, 'Ann Smith');
    assert.equal(item(items, 'p-ann').kind, KIND.reference);
  });

  test('after "owning_party: ": the parties and the allowed "joint"', async () => {
    const items = await complete(`${BASE}        owning_party: |`);
    includes(items, ['acme', 'beta', 'joint'], ['p-ann']);
    assert.equal(item(items, 'acme').detail, 'Acme Ltd');
  });

  test('an enum value: every value with its description; a partly typed value is replaced whole', async () => {
    const items = await complete(BASE.replace('status: active', 'status: act|ive'));
    includes(items, ['draft', 'active', 'under_review', 'exiting', 'closed']);
    const range = (item(items, 'active').textEdit as TextEdit).range;
    assert.deepEqual(range, { start: { line: 4, character: 10 }, end: { line: 4, character: 16 } });
    const cadence = await complete(`${BASE}  collaborative_leadership:\n    executive_review:\n      cadence: |`);
    assert.match(docText(item(cadence, 'fortnightly')), /Every two weeks/);
  });

  test('schema_version: "2" first, then "1" described as the previous format, quoted as the format wants', async () => {
    const items = await complete(BASE.replace('schema_version: "1"', 'schema_version: |'));
    assert.deepEqual(labels(items).slice(0, 2), ['2', '1']);
    assert.equal(newText(item(items, '2')), '"2"');
    assert.match(docText(item(items, '1')), /previous format.*rac migrate/);
  });

  test('a date field: today and the as-of date', async () => {
    const items = await complete(`${BASE}    last_reviewed: |`);
    const today = localToday();
    includes(items, today === AS_OF ? [AS_OF] : [today, AS_OF]);
    assert.equal(item(items, today).detail, 'today');
  });

  test('right after "key:" the value gets its space', async () => {
    const items = await complete(`${BASE}        status:|`);
    assert.equal(newText(item(items, 'open')), ' open');
  });

  test('in a flow sequence: the ids not yet listed', async () => {
    const items = await complete(BASE.replace('approved_by: [p-ann]', 'approved_by: [p-ann, |]'));
    assert.deepEqual(labels(items), ['p-bob']);
  });

  test('in a flow map: values and the keys not yet given', async () => {
    const value = await complete(BASE.replace('{id: p-bob, name: Bob Jones, party: beta}', '{id: p-bob, name: Bob Jones, party: |}'));
    includes(value, ['acme', 'beta'], ['p-ann']);
    const keys = await complete(BASE.replace('{id: p-bob, name: Bob Jones, party: beta}', '{id: p-bob, |}'));
    includes(keys, ['name', 'title', 'party'], ['id'], KIND.property);
    assert.equal(newText(item(keys, 'party')), 'party: ', 'flow maps stay on one line');
    const multiLine = await complete(BASE.replace('unit: percent, target: 99, frequency: monthly, owner: p-ann}', 'unit: percent,\n         target: 99, frequency: monthly, owner: |}'));
    includes(multiLine, ['p-ann', 'p-bob'], ['acme']);
    const afterPlain = await complete(BASE.replace('unit: percent, target: 99, frequency: monthly, owner: p-ann}', 'unit: percent\n         target: 99, frequency: monthly, owner: |}'));
    includes(afterPlain, ['p-ann', 'p-bob'], ['acme']);
  });

  test('linked_exit_triggers items: the exit triggers; a KPI field: the KPIs', async () => {
    const triggers = await complete(`${BASE}        linked_exit_triggers:\n          - |`);
    assert.deepEqual(labels(triggers), ['ET-1']);
    assert.equal(item(triggers, 'ET-1').detail, 'Contract expiry');
    const kpi = await complete(`${BASE}  business_objectives:\n    joint_objectives:\n      - id: JO-1\n        kpi: |`);
    assert.deepEqual(labels(kpi), ['KPI-01']);
  });

  test("a waiver's rule: the catalog's rules", async () => {
    const items = await complete(BASE.replace('principles:', 'waivers:\n  - rule: EX|\nprinciples:'));
    includes(items, ['EX7', 'EX8', 'RM1']);
    assert.match(item(items, 'EX8').detail ?? '', /tested/);
  });

  test('a partly typed key is replaced, not appended to', async () => {
    const items = await complete(`${BASE}        own|`);
    const owner = item(items, 'owner', KIND.property);
    assert.deepEqual((owner.textEdit as TextEdit).range, { start: { line: 25, character: 8 }, end: { line: 25, character: 11 } });
    assert.equal(newText(owner), 'owner: ');
  });

  test('a half-typed document that does not parse still gets keys and ids (from the last good analysis)', async () => {
    const uri = client.open('half-typed.relationship.yaml', BASE);
    await client.diagnostics(uri, 1);
    const broken = cursor(`${BASE.replace('  status: active', '  status: [active\n  : : {')}        owner: |`);
    client.change(uri, broken.text, 2);
    const ids = await completeAt(uri, broken.position);
    includes(ids, ['p-ann', 'p-bob']);
    const keyAt = cursor(`${BASE.replace('  status: active', '  status: [active\n  : : {')}        ow|`);
    client.change(uri, keyAt.text, 3);
    const keys = await completeAt(uri, keyAt.position);
    includes(keys, ['owner', 'owning_party'], ['id', 'title']);
    const diagnostics = await client.diagnostics(uri, 3);
    assert.ok(diagnostics.some((d) => String(d.code).startsWith('syntax')), 'the text really does not parse');
  });

  test('CRLF text: positions in UTF-16 columns on the right line', async () => {
    const items = await complete(`${BASE}        owner: p-|`.replace(/\n/g, '\r\n'));
    const ann = item(items, 'p-ann');
    assert.deepEqual((ann.textEdit as TextEdit).range, { start: { line: 25, character: 15 }, end: { line: 25, character: 17 } });
  });

  test('nothing inside comments or block scalars', async () => {
    assert.deepEqual(await complete(`${BASE}        # own|`), []);
    assert.deepEqual(await complete(`${BASE}        title: >\n          Some text and own|`), []);
  });

  test('no keys in the prose of a block scalar: its indentation, a blank line inside it, a "- " or "[" in its text', async () => {
    assert.deepEqual(await complete(`${BASE}        title: >\n  |        Some text\n          more`), []);
    assert.deepEqual(await complete(`${BASE}        title: >-\n          Some text\n|\n          more`), []);
    assert.deepEqual(await complete(`${BASE}        title: >\n          - a [list|`), []);
    const after = await complete(`${BASE}        title: >\n          Some text\n        |`);
    includes(after, ['owner', 'status'], ['title'], KIND.property);
  });
});

describe('completion for a client that takes a shared edit range', () => {
  let shared: LspClient;
  before(async () => {
    shared = await LspClient.start({ settings: { asOf: AS_OF }, capabilities: { textDocument: { completion: { completionList: { itemDefaults: ['editRange'] } } } } });
  });
  after(() => shared.stop());

  test('items carry only their text; the range is given once', async () => {
    const { text, position } = cursor(`${BASE}        owner: p-|`);
    const uri = shared.open('shared.relationship.yaml', text);
    await shared.diagnostics(uri, 1);
    const list = await shared.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position });
    assert.deepEqual(list.itemDefaults?.editRange, { start: { line: 25, character: 15 }, end: { line: 25, character: 17 } });
    // An id is inserted as its label, which the client takes when an item has no text of its own.
    const ann = item(list.items, 'p-ann');
    assert.equal(ann.label, 'p-ann');
    assert.equal(ann.textEditText, undefined);
    assert.equal(ann.textEdit, undefined);
    // A key goes in with its colon: text of its own.
    const typed = cursor(`${BASE}        sta|`);
    const keysUri = shared.open('shared-keys.relationship.yaml', typed.text);
    await shared.diagnostics(keysUri, 1);
    const keys = await shared.request<CompletionList>('textDocument/completion', { textDocument: { uri: keysUri }, position: typed.position });
    const status = item(keys.items, 'status');
    assert.ok(status.textEditText?.startsWith('status: '), status.textEditText);
    assert.equal(status.textEdit, undefined);
  });
});

describe('the text reader behind completion (core/text-context)', () => {
  const at = (marked: string) => {
    const { text, offset } = cursor(marked);
    return textContext(text, offset);
  };

  test('block keys, values, items and holes', () => {
    assert.deepEqual(at('metadata:\n  id: x\n  sta|').container, ['metadata']);
    const value = at('people:\n  - id: p\n  - id: q\n    party: |');
    assert.deepEqual([value.on, value.path], ['value', ['people', 1, 'party']]);
    const hole = at('principles:\n  risk_management:\n    register:\n      - id: R-1\n        title: x\n\n        |\n        status: open');
    assert.deepEqual([hole.on, hole.container, hole.siblings], ['key', ['principles', 'risk_management', 'register', 0], ['title', 'id', 'status']]);
    const compact = at('parties:\n- id: a\n- |');
    assert.deepEqual([compact.on, compact.path], ['item', ['parties', 1]]);
    const nested = at('a:\n  - id: R\n    mitigations:\n      - action: x\n        |');
    assert.deepEqual(nested.container, ['a', 0, 'mitigations', 0]);
    const dash = at('parties:\n  -|');
    assert.deepEqual([dash.on, dash.needsSpace], ['item', true]);
    const bom = at('\uFEFFschema_version: "1"\n|');
    assert.deepEqual(bom.siblings, ['schema_version']);
  });

  test('flow collections, also across lines', () => {
    const multi = at('x:\n  - {id: J, supports: [a, b],\n     kpi: K, owner: |}');
    assert.deepEqual([multi.on, multi.path, multi.siblings], ['value', ['x', 0, 'owner'], ['id', 'supports', 'kpi']]);
    const seq = at('x: {a: [1, [2, |]]}');
    assert.deepEqual([seq.on, seq.path], ['item', ['x', 'a', 1, 1]]);
    const closed = at('x: [a, b] |');
    assert.equal(closed.on, 'none');
    const quoted = at('x: {a: "b, {c", d: |}');
    assert.deepEqual(quoted.path, ['x', 'd']);
    const adjacent = at('x: {a:{b: 1, |}}');
    assert.deepEqual([adjacent.on, adjacent.container], ['key', ['x', 'a']], '":" before a flow indicator ends a key');
    const { text, offset } = cursor('x:\n  - {"id: R-1,\n     own|}');
    const unclosed = textContext(text, offset);
    assert.ok(unclosed.wordStart >= text.lastIndexOf('\n', offset) + 1 && unclosed.wordEnd <= text.length, 'a quote never closed above: the word stays on the cursor\'s line');
    const pair = at('x: [a, b: |]');
    assert.deepEqual([pair.on, pair.path], ['value', ['x', 1, 'b']], 'a "key: value" item of a flow list is a map of one pair');
    const anchored = at('x: &list [a, |]');
    assert.deepEqual([anchored.on, anchored.path], ['item', ['x', 1]], 'an anchor before a flow list');
    const plainBreak = at('x:\n  - {id: AB, name: Alliance\r\n     Board, rights: [strategy, |]}');
    assert.deepEqual([plainBreak.on, plainBreak.path, plainBreak.siblings], ['item', ['x', 0, 'rights', 1], []], 'a line that breaks after a plain value still holds the open map above');
    const folded = at('x:\n  - {id: AB, cadence: quarterly, é\n     rights: [|]}');
    assert.deepEqual([folded.on, folded.path], ['item', ['x', 0, 'é rights', 0]], 'a plain scalar goes on over the line break');
    const braceInWord = at('x:\n  a{b:\n    - {item: c, class|}');
    assert.deepEqual([braceInWord.on, braceInWord.container], ['key', ['x', 'a{b', 0]], 'a "{" inside a word opens nothing');
    const afterComma = at('x:\r\n  a,{b:\r\n    - {item: c, class|}');
    assert.deepEqual([afterComma.on, afterComma.container], ['key', ['x', 'a,{b', 0]], 'nor after a "," inside a word');
    const lastLine = at('x: [a, bc\n  e|]');
    assert.deepEqual([lastLine.on, lastLine.path, lastLine.word], ['item', ['x', 1], 'e'], 'the word at the cursor stays on its line');
    const middle = at('x: [a,\n  bc d\n  e|]');
    assert.deepEqual([middle.on, middle.path, middle.word], ['item', ['x', 1], 'e'], 'a middle line ending in a plain value, no comma');
    const middleMap = at('x:\r\n  - {id: A, name: 🚰 Alliance\r\n     Board of\r\n     the north, role: |}');
    assert.deepEqual([middleMap.on, middleMap.path, middleMap.siblings], ['value', ['x', 0, 'role'], ['id', 'name']], 'plain lines in a map, CRLF and an emoji');
    assert.equal(at('a: text\n  more text\n  b|').on, 'none', 'a plain scalar over lines in block YAML is not a flow collection');
  });

  test('lines end at \\n, \\r\\n or a lone \\r, as LSP positions count them; a blank first line is a line like any other', () => {
    assert.deepEqual(at('\nmetadata:\n  id: x\n  |').container, ['metadata']);
    assert.deepEqual(at('\n\n|').container, []);
    const cr = at('metadata:\r  id: x\r  sta|');
    assert.deepEqual([cr.on, cr.container, cr.siblings, cr.word], ['key', ['metadata'], ['id'], 'sta']);
    const value = at('metadata:\r\n  status: x\rdr|');
    assert.deepEqual([value.on, value.container, value.word], ['key', [], 'dr']);
  });

  test('multi-line scalars and comments are not completed', () => {
    assert.equal(at('a:\n  b: >-\n    some text |').on, 'none');
    assert.equal(at('a:\n  b: plain text\n    that continues |').on, 'none');
    assert.equal(at('a:\n  b: plain text\n |   that continues').on, 'none', 'in the indentation of a continuation line');
    assert.equal(at('a:\n  b: plain text\n    - |').on, 'none', 'a dash in a plain scalar is text, not an item');
    assert.equal(at('a: 1 # note |').on, 'none');
  });
});
