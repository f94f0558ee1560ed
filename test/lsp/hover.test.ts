// Hover over stdio: a principle key (rules with their state and the score), a field, an enum value, a
// reference, an id, a waiver's rule; document text is escaped for Markdown.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { LspClient, rangeOf, positionAt } from './client';

const DOC = `schema_version: "1"
metadata:
  id: REL-H-001
  title: Hover test
  status: active
  lifecycle_stage: working_together
parties:
  - {id: acme, name: Acme Ltd, role: supplier}
  - {id: beta, name: Beta plc, role: customer}
people:
  - {id: p-ann, name: Ann Smith, title: Partnership Director, party: acme}
  - {id: p-bob, name: Bob Jones, party: beta}
waivers:
  - {rule: EX4, reason: "Duties agreed **next** month <img src=x onerror=alert(1)>", approved_by: p-ann, expires: 2026-01-31}
principles:
  collaborative_leadership:
    executive_review: {cadence: quarterly, last_held: 2025-09-15}
  exit_strategy:
    jointly_agreed_on: 2025-01-10
    triggers:
      - {id: ET-1, type: planned_end, description: Contract expiry, notice_days: 90}
  risk_management:
    register:
      - {id: R-1, title: Key person, owner: p-ann, owning_party: acme, linked_exit_triggers: [ET-1]}
`;

describe('hover over stdio', () => {
  let client: LspClient;
  let uri: string;
  before(async () => {
    client = await LspClient.start({ settings: { asOf: '2025-11-01' } });
    uri = client.open('hover.relationship.yaml', DOC);
    await client.diagnostics(uri, 1);
  });
  after(() => client.stop());

  /** Hovers in the middle of the n-th occurrence of `needle`; the hover's range must be that node. */
  async function hoverOn(needle: string, nth = 0): Promise<string> {
    const range = rangeOf(DOC, needle, nth);
    const position = { line: range.start.line, character: range.start.character + Math.floor(needle.length / 2) };
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
    assert.ok(hover, `no hover on "${needle}"`);
    const content = hover.contents as MarkupContent;
    assert.equal(content.kind, 'markdown');
    assert.deepEqual(hover.range, range);
    return content.value;
  }

  test('a principle key: clause, title, summary, score and every rule with its state and why', async () => {
    const text = await hoverOn('exit_strategy');
    assert.match(text, /^\*\*15 · Exit strategy\*\* — ⚠ partial · \*\*\d+\/\d+\*\* counted rules met/);
    assert.match(text, /- ✓ \*\*EX1\*\* /);
    assert.match(text, /- ✓ \*\*EX2\*\* /);
    assert.match(text, /- ✗ \*\*EX3\*\* [^\n]+ — /, 'an unmet rule says what is missing');
    assert.match(text, /- ⚑ \*\*EX4\*\* [^\n]+ — waived until 2026-01-31: /);
    assert.match(text, /- ⏳ \*\*EX7\*\* [^\n]+ · ISO 44001 8\.8 — not yet required \(counts at staying_together only\)/);
    assert.match(text, /- ✓ \*\*EX1\*\* exit triggers defined · ISO 44001 8\.3 {2}\n/, "every rule names its ISO 44001 clause");
    assert.match(text, /\n {2}\*[A-Z][^*]+\*/, 'each rule carries its why');
  });

  test("document text is escaped: a waiver's reason cannot inject Markdown or HTML", async () => {
    const text = await hoverOn('exit_strategy');
    const line = text.split('\n').find((l) => l.includes('EX4')) ?? '';
    assert.ok(line.includes('\\*\\*next\\*\\*'), line);
    assert.ok(!/(^|[^\\])</.test(line), `an unescaped "<": ${line}`);
    assert.ok(line.includes('&lt;img'), line);
    assert.ok(line.includes('approved by `p-ann`'), line);
  });

  test('a principle with every rule met is covered', async () => {
    const text = await hoverOn('collaborative_leadership');
    assert.match(text, /^\*\*7 · Collaborative leadership\*\*/);
    assert.match(text, /✗ \*\*CL1\*\*/);
  });

  test('a field key shows its description', async () => {
    const text = await hoverOn('jointly_agreed_on');
    assert.match(text, /agreed/i);
    assert.ok(!text.includes('undefined'));
  });

  test('an enum value shows the field and the value descriptions', async () => {
    const text = await hoverOn('quarterly');
    assert.match(text, /`quarterly`: Every three months\./);
  });

  test('a reference shows the item it points at', async () => {
    const text = await hoverOn('p-ann', 2);
    assert.match(text, /^\*\*person\*\* `p-ann` — Ann Smith/);
    assert.match(text, /- title: Partnership Director/);
    assert.match(text, /- party: acme/);
    assert.match(text, /Defined on line 11\./);
    const trigger = await hoverOn('ET-1', 1);
    assert.match(trigger, /^\*\*exit trigger\*\* `ET-1` — Contract expiry/);
    const party = await hoverOn('acme', 1);
    assert.match(party, /^\*\*party\*\* `acme` — Acme Ltd/);
  });

  test('an id shows how often it is referenced', async () => {
    const text = await hoverOn('p-ann');
    assert.match(text, /Referenced 2 times/);
  });

  test("a waiver's rule shows the rule and its state", async () => {
    const text = await hoverOn('EX4');
    assert.match(text, /^\*\*EX4\*\* [^\n]+ — rule of \*\*15 · Exit strategy\*\*/);
    assert.match(text, /Now: ⚑ \*\*EX4\*\*/);
  });

  test('no hover between nodes or past the end', async () => {
    const blank = { line: 1, character: 9 };
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: blank }), null);
    const end = positionAt(DOC, DOC.length);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: end }), null);
  });
});
