// Quick fixes. The proof for each: apply the edit to the text, analyse again, and the finding is gone with no
// new error. Block and flow style, LF and CRLF, every evidence rule the scaffolds can meet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CodeActionKind, type CodeAction } from 'vscode-languageserver';
import { codeActions } from '../../server/src/features/code-actions';
import type { Analysis, Finding } from '../../server/src/core/index';
import { fixKind } from '../../server/src/protocol';
import { analyzeText, applyTextEdits, crlf, diagnostic, NAV, textAt, URI } from './fixture';

const key = (f: Finding) => `${f.code}|${f.message}`;

function actionsFor(analysis: Analysis, finding: Finding): CodeAction[] {
  return codeActions(analysis, URI, finding.range, [diagnostic(finding)]);
}

/** The finding no longer there: an evidence rule by its code, a missing principle by its principle, others by message. */
function gone(after: Analysis, f: Finding): boolean {
  if (f.code === 'evidence.missing-principle') return !after.findings.some((g) => g.code === f.code && g.principle === f.principle);
  if (f.code.startsWith('evidence.')) return !after.findings.some((g) => g.code === f.code);
  return !after.findings.some((g) => key(g) === key(f));
}

/** Applies one action and checks the proof; returns the new text. */
function prove(text: string, finding: Finding, action: CodeAction, analysis = analyzeText(text)): string {
  const label = `${finding.code} → ${action.title}`;
  assert.ok(action.kind === CodeActionKind.QuickFix || action.kind?.startsWith(`${CodeActionKind.QuickFix}.`), label);
  assert.equal(action.diagnostics?.length, 1, label);
  const edits = action.edit?.changes?.[URI] ?? [];
  assert.ok(edits.length > 0, `${label}: no edit`);
  for (const e of edits) assert.notEqual(e.newText, textAt(text, e.range), `${label}: an edit that changes nothing`);
  const next = applyTextEdits(text, edits);
  const after = analyzeText(next);
  assert.ok(gone(after, finding), `${label}: the finding is still there\n${next}`);
  const before = new Set(analysis.findings.map(key));
  const added = after.findings.filter((g) => g.severity === 'error' && !before.has(key(g)));
  assert.deepEqual(added.map(key), [], `${label}: new errors\n${next}`);
  if (text.includes('\r\n')) assert.ok(!/(^|[^\r])\n/.test(next), `${label}: a bare \\n in a CRLF document\n${JSON.stringify(next)}`);
  return next;
}

/** The one action titled like `title` for the first finding matching `pick`, proven. */
function fix(text: string, pick: (f: Finding) => boolean, title: RegExp): { next: string; action: CodeAction; finding: Finding } {
  const analysis = analyzeText(text);
  const finding = analysis.findings.find(pick);
  assert.ok(finding, `no such finding in:\n${analysis.findings.map(key).join('\n')}`);
  const actions = actionsFor(analysis, finding);
  const action = actions.find((a) => title.test(a.title));
  assert.ok(action, `no action ${title} for ${key(finding)}; got: ${actions.map((a) => a.title).join(' | ')}`);
  return { next: prove(text, finding, action, analysis), action, finding };
}

const HEAD = [
  'schema_version: "1"',
  'metadata:',
  '  id: REL-QF',
  '  title: Quick fixes',
  '  status: active',
  '  lifecycle_stage: staying_together',
  '  next_review_due: 2027-01-01',
  'parties:',
  '  - {id: acme, name: Acme, role: customer}',
  '  - {id: beta, name: Beta, role: supplier}',
  '  - {id: gamma, name: Gamma, role: partner}',
  'people:',
  '  - {id: p-a, name: Ann, party: acme}',
  '  - {id: p-b, name: Bob, party: beta}',
  '  - {id: p-c, name: Cat, party: gamma}',
];
const SECTIONS = ['relationship_management', 'vision_and_values', 'business_objectives', 'collaborative_leadership', 'governance_and_processes', 'competence_and_behaviour', 'trust_and_mutual_benefit', 'value_creation', 'information_and_knowledge_sharing', 'risk_management', 'measurement_and_optimization', 'exit_strategy'];

// ─── the engine's own suggestions ────────────────────────────────────────────────────────────────────────

test('unknown key → the suggested key, in block and flow maps', () => {
  const block = [...HEAD, 'principles:', '  risk_management:', '    register:', '      - id: R-1', '        title: Risk', '        ownr: p-a', ''].join('\n');
  const { next, action } = fix(block, (f) => f.code === 'schema.additionalProperties', /owner/);
  assert.equal(action.isPreferred, true);
  assert.ok(next.includes('        owner: p-a\n'));
  const flow = [...HEAD, 'principles:', '  risk_management:', '    register: [{id: R-1, title: Risk, ownr: p-a}]', ''].join('\n');
  assert.ok(fix(flow, (f) => f.code === 'schema.additionalProperties', /owner/).next.includes('{id: R-1, title: Risk, owner: p-a}'));
});

test('an empty block scalar ("key: >-" with no text) gets its value on its own line, the line break kept', () => {
  const text = [...HEAD, 'principles:', '  vision_and_values:', '    joint_vision: >-', '    agreed_by: [p-a, p-b, p-c]', ''].join('\n');
  for (const doc of [text, crlf(text)]) {
    const { next } = fix(doc, (f) => f.code === 'evidence.VV1', /joint_vision/);
    assert.match(next, /\n {4}joint_vision: \S[^\r\n]*\r?\n {4}agreed_by: /);
  }
});

test('unknown key whose value does not fit the suggested key: no rename, which would trade one error for another', () => {
  const text = [...HEAD, 'principles:', '  risk_management:', '    register:', '      - {id: R-1, title: Risk, owner: p-a, likelihood:3}', '      - id: R-2', '        title: Risk', '        owner: p-a', '        ownng_party: [acme]', ''].join('\n');
  const analysis = analyzeText(text);
  const unknown = analysis.findings.filter((f) => f.code === 'schema.additionalProperties');
  assert.deepEqual(unknown.map((f) => f.message.match(/"([^"]+)"/)?.[1]).sort(), ['likelihood:3', 'ownng_party']);
  for (const f of unknown) {
    assert.match(f.message, /did you mean/, 'the message still names the nearest key');
    assert.deepEqual(actionsFor(analysis, f).filter((a) => a.title.startsWith('Change')).map((a) => a.title), [], `${f.message}: an empty likelihood or a list for a party id is no fix`);
  }
});

test('enum value → the suggested value; unresolved reference → the nearest id; unknown waiver rule → the rule', () => {
  const text = [...HEAD.map((l) => l.replace('status: active', 'status: actve')), 'waivers:', '  - {rule: EX88, reason: r, approved_by: p-a, expires: 2026-12-01}',
    'principles:', '  risk_management:', '    register:', '      - {id: R-1, title: Risk, owner: p-ann, owning_party: acme}', ''].join('\n');
  assert.ok(fix(text, (f) => f.code === 'schema.enum', /active/).next.includes('  status: active\n'));
  assert.ok(fix(text, (f) => f.code === 'ref.unresolved', /p-a/).next.includes('owner: p-a, owning_party'));
  assert.ok(fix(text, (f) => f.code === 'waiver.unknown-rule', /EX8/).next.includes('{rule: EX8, reason'));
  assert.ok(fix(crlf(text), (f) => f.code === 'schema.enum', /active/).next.includes('  status: active\r\n'));
});

test('an unknown id in a list that already names the nearest one: remove it, never change it into a duplicate', () => {
  // Only p-md-prl exists; "Change to p-md-prl" would make the list name it twice (schema.uniqueItems).
  const head = HEAD.map((l) => l.replace('{id: p-b, name: Bob, party: beta}', '{id: p-md-prl, name: Bob, party: beta}'));
  const body = (members: string) => [...head, 'principles:', '  governance_and_processes:', '    bodies:',
    `      - {id: B-1, name: Board, chair: p-a, cadence: monthly, members: ${members}}`, ''].join('\n');
  for (const [members, kept] of [['[p-a, p-ops-prl, p-md-prl]', 'members: [p-a, p-md-prl]}'], ['[p-a, p-md-prl, p-ops-prl]', 'members: [p-a, p-md-prl]}']]) {
    const text = body(members);
    const analysis = analyzeText(text);
    const finding = analysis.findings.find((f) => f.code === 'ref.unresolved')!;
    assert.match(finding.message, /"p-md-prl", is already in this list/);
    const titles = actionsFor(analysis, finding).map((a) => a.title);
    assert.ok(!titles.some((t) => t.startsWith('Change to')), titles.join(' | '));
    for (const source of [text, crlf(text)]) {
      const { next } = fix(source, (f) => f.code === 'ref.unresolved', /^Remove "p-ops-prl" from the list$/);
      assert.ok(next.includes(kept), next);
      assert.ok(!analyzeText(next).findings.some((f) => f.code === 'schema.uniqueItems'), next);
    }
  }
  const block = [...head, 'principles:', '  governance_and_processes:', '    bodies:', '      - id: B-1', '        name: Board', '        chair: p-a',
    '        members:', '          - p-ops-prl', '          - p-md-prl', ''].join('\n');
  assert.ok(fix(block, (f) => f.code === 'ref.unresolved', /^Remove/).next.includes('        members:\n          - p-md-prl\n'));
  // A list without the nearest id still gets the change.
  assert.ok(fix(body('[p-a, p-ops-prl]'), (f) => f.code === 'ref.unresolved', /^Change to "p-md-prl"$/).next.includes('members: [p-a, p-md-prl]}'));
});

// ─── missing required keys ───────────────────────────────────────────────────────────────────────────────

test('a missing required key is added to the map that lacks it, block or flow, LF or CRLF', () => {
  const noTitle = HEAD.filter((l) => !l.includes('title: Quick')).join('\n') + '\n';
  for (const text of [noTitle, crlf(noTitle)]) {
    const { next, action } = fix(text, (f) => f.code === 'schema.required', /"title"/);
    assert.equal(action.isPreferred, true);
    assert.match(next, /\n {2}title: \S+/);
  }
  const noParty = HEAD.map((l) => l.replace(', party: beta}', '}')).join('\n') + '\n';
  assert.ok(fix(noParty, (f) => f.code === 'schema.required', /"party"/).next.includes('{id: p-b, name: Bob, party: acme}'));
  const emoji = HEAD.map((l) => l.replace('{id: p-c, name: Cat, party: gamma}', '{id: p-c, name: "Zoë 😀"}')).join('\n') + '\n';
  assert.ok(fix(crlf(emoji), (f) => f.code === 'schema.required', /"party"/).next.includes('{id: p-c, name: "Zoë 😀", party: acme}\r\n'));
  const noRole = HEAD.map((l) => (l.includes('id: gamma') ? '  - id: gamma\n    name: Gamma' : l)).join('\n') + '\n';
  assert.match(fix(noRole, (f) => f.code === 'schema.required', /"role"/).next, /\n {4}name: Gamma\n {4}role: \w+\n/);
  const noParties = 'schema_version: "1"\nmetadata: {id: X, title: T, status: draft, lifecycle_stage: awareness}\n';
  assert.match(fix(noParties, (f) => f.code === 'schema.required', /"parties"/).next, /\nparties:\n {2}- id: /);
});

test('the missing key comes from the finding\'s path, not from its message; the diagnostic carries the path', () => {
  const noRole = HEAD.map((l) => (l.includes('id: gamma') ? '  - id: gamma\n    name: Gamma' : l)).join('\n') + '\n';
  const analysis = analyzeText(noRole);
  const finding = analysis.findings.find((f) => f.code === 'schema.required');
  assert.ok(finding);
  assert.deepEqual(finding.path, ['parties', 2, 'role']);
  assert.deepEqual((diagnostic(finding).data as { path?: unknown }).path, ['parties', 2, 'role']);
  // A reworded (or translated) message keeps its fix.
  finding.message = 'Der Partei fehlt etwas.';
  const actions = actionsFor(analysis, finding);
  assert.deepEqual(actions.map((a) => a.title), ['Add the missing key "role"']);
  assert.match(applyTextEdits(noRole, actions[0].edit?.changes?.[URI] ?? []), /\n {4}name: Gamma\n {4}role: \w+\n/);
  // Without a path there is nothing to go on.
  delete finding.path;
  assert.deepEqual(actionsFor(analysis, finding), []);
});

// ─── scaffolds for missing evidence ──────────────────────────────────────────────────────────────────────

/** Every section present but empty of evidence: each rule reports, and each scaffold must meet its rule. */
function stubs(style: 'block' | 'flow'): string {
  const lines = [...HEAD, 'principles:'];
  for (const s of SECTIONS) lines.push(style === 'block' ? `  ${s}:\n    x-note: to do` : `  ${s}: {x-note: to do}`);
  return lines.join('\n') + '\n';
}

/** Rules whose placeholders cannot meet them: BO2 and BO4 point at other records, CB2 wants assessments elsewhere. */
const NO_SCAFFOLD = ['BO2', 'BO4', 'CB2'];

for (const style of ['block', 'flow'] as const) {
  for (const eol of ['LF', 'CRLF'] as const) {
    test(`every evidence scaffold meets its rule (${style} sections, ${eol})`, () => {
      const text = eol === 'LF' ? stubs(style) : crlf(stubs(style));
      const analysis = analyzeText(text);
      const proven = new Set<string>();
      // Every rule of the catalog that reports on the stubs, whatever rules the catalog holds.
      const reported = analysis.findings.filter((f) => f.code.startsWith('evidence.') && f.rule);
      for (const finding of reported) {
        const scaffold = actionsFor(analysis, finding).find((a) => a.kind === fixKind('evidence', finding.rule!));
        if (!scaffold) continue;
        assert.equal(scaffold.isPreferred, true);
        prove(text, finding, scaffold, analysis);
        proven.add(finding.rule!);
      }
      assert.ok(reported.length >= 40, `only ${reported.length} rules report on the stubs`);
      assert.deepEqual([...proven].sort(), reported.map((f) => f.rule!).filter((r) => !NO_SCAFFOLD.includes(r)).sort());
    });
  }
}

test('scaffolds give one entry per party and point at the document\'s own people', () => {
  const { next } = fix(stubs('block'), (f) => f.code === 'evidence.CL1', /"ser"/);
  assert.ok(next.includes([
    '    ser:',
    '      - party: acme',
    '        person: p-a',
    '        appointed_on: 2026-06-01',
    '      - party: beta',
    '        person: p-b',
    '        appointed_on: 2026-06-01',
    '      - party: gamma',
    '        person: p-c',
    '        appointed_on: 2026-06-01',
  ].join('\n')), next);
  const rmp = fix(stubs('block'), (f) => f.code === 'evidence.RM2', /"joint_rmp"/).next;
  assert.ok(rmp.includes('      approved_by:\n        - p-a\n        - p-b\n        - p-c\n'), rmp);
});

test('no scaffold when the placeholders could not meet the rule', () => {
  // BO4 needs a KPI to point at; CB2 needs assessments, which placeholders in the governance section do not give.
  const analysis = analyzeText(stubs('block'));
  for (const rule of NO_SCAFFOLD) {
    const finding = analysis.findings.find((f) => f.rule === rule)!;
    assert.deepEqual(actionsFor(analysis, finding).filter((a) => a.kind === fixKind('evidence', rule)).map((a) => a.title), [], rule);
  }
});

test('a whole missing principle: its section under principles, created when absent', () => {
  const stage = (s: string) => HEAD.map((l) => l.replace('staying_together', s));
  const cases = [
    stage('working_together').join('\n') + '\n',
    [...stage('working_together'), 'principles:', ''].join('\n'),
    [...stage('working_together'), 'principles:', '  exit_strategy: {document: docs/exit.pdf}', '  risk_management: ~', ''].join('\n'),
  ];
  for (const text of [...cases, crlf(cases[2])]) {
    const analysis = analyzeText(text);
    const missing = analysis.findings.filter((f) => f.code === 'evidence.missing-principle');
    assert.ok(missing.length >= 10);
    for (const finding of missing) {
      const action = actionsFor(analysis, finding).find((a) => a.title.includes('section'));
      assert.ok(action, `${finding.principle}: no section action`);
      assert.equal(action.isPreferred, true);
      prove(text, finding, action, analysis);
    }
  }
});

test('sections go in catalog order among the principles present', () => {
  const text = [...HEAD, 'principles:', '  vision_and_values: {joint_vision: Together}', '  exit_strategy: {document: docs/exit.pdf}', ''].join('\n');
  const next = fix(text, (f) => f.code === 'evidence.missing-principle' && f.principle === 'risk_management', /risk_management/).next;
  assert.ok(next.indexOf('  risk_management:') > next.indexOf('  vision_and_values:') && next.indexOf('  risk_management:') < next.indexOf('  exit_strategy:'), next);
});

// ─── fields and kinds missing in what is there ───────────────────────────────────────────────────────────

const PARTIAL = [
  ...HEAD.slice(0, 10).map((l) => l.replace('staying_together', 'value_creation')),
  'people:',
  '  - {id: p-a, name: Ann, party: acme}',
  '  - {id: p-b, name: Bob, party: beta}',
  'principles:',
  '  relationship_management:',
  '    stage_history:',
  '      - {stage: working_together, entered_on: 2025-01-01}',
  '  collaborative_leadership:',
  '    executive_review: {cadence: quarterly}',
  '  governance_and_processes:',
  '    bodies:',
  '      - {id: GB-1, name: Board, chair: p-a, members: [p-a, p-b], cadence: monthly, decision_rights: [strategy], last_held: 2026-05-20}',
  '  value_creation:',
  '    programme:',
  '      owner: p-a',
  '    register:',
  '      - {id: VC-1, title: A, status: realised}',
  '      - id: VC-2',
  '        title: B',
  '        status: realised',
  '        currency:',
  '  risk_management:',
  '    register:',
  '      - {id: R-1, title: Risk}',
  '  measurement_and_optimization:',
  '    kpis:',
  '      - id: KPI-1',
  '        name: Trust',
  '        type: delivery',
  '',
].join('\n');

test('fields a rule reads are added where they are blank, to every item that lacks them', () => {
  for (const text of [PARTIAL, crlf(PARTIAL)]) {
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    assert.ok(fix(text, (f) => f.code === 'evidence.CL3', /"last_held"/).next.includes('{cadence: quarterly, last_held: 2026-06-01}'));
    assert.ok(fix(text, (f) => f.code === 'evidence.VC1', /"cadence"/).next.includes(`      owner: p-a${eol}      cadence: `));
    const vc3 = fix(text, (f) => f.code === 'evidence.VC3', /to 2 items/).next;
    assert.ok(vc3.includes('status: realised, realised_value: ') && vc3.includes(`        currency: GBP${eol}`), vc3);
    assert.ok(fix(text, (f) => f.code === 'evidence.VC4', /"benefit_split".*to 2 items/).next.includes('benefit_split: {acme: 0.5, beta: 0.5}'));
    assert.ok(fix(text, (f) => f.code === 'evidence.RK2', /"owner", "owning_party"/).next.includes('{id: R-1, title: Risk, owner: p-a, owning_party: '));
    assert.match(fix(text, (f) => f.code === 'evidence.RK4', /"review_cadence", "last_reviewed"/).next, /\n {4}review_cadence: \w+\r?\n {4}last_reviewed: 2026-06-01\r?\n/);
    fix(text, (f) => f.code === 'evidence.MO2', /"latest_on"/);
  }
});

test('kinds a rule wants are added: new items, or values in the first item\'s list', () => {
  const rk3 = fix(PARTIAL, (f) => f.code === 'evidence.RK3', /"relational" and "exit"/).next;
  assert.match(rk3, /\n {6}- \{id: R-001, title: [^}]*category: relational/);
  assert.match(rk3, /\n {6}- \{id: R-002, title: [^}]*category: exit/);
  assert.ok(fix(PARTIAL, (f) => f.code === 'evidence.GP5', /"exit_activation"/).next.includes('decision_rights: [strategy, exit_activation]'));
  assert.ok(fix(PARTIAL, (f) => f.code === 'evidence.MO1', /"relationship" to kpis/).next.includes('type: relationship'));
});

test('RM4: a stage history entry for the current stage, in the list\'s style', () => {
  for (const text of [PARTIAL, crlf(PARTIAL)]) {
    const next = fix(text, (f) => f.code === 'evidence.RM4', /stage_history entry for "value_creation"/).next;
    assert.ok(next.includes('      - {stage: value_creation, entered_on: 2026-06-01}'));
  }
});

// ─── waivers ─────────────────────────────────────────────────────────────────────────────────────────────

const WAIVER = '{rule: EX2, reason: "TODO: why", approved_by: p-a, expires: 2026-08-30}';

test('a waiver for a counted rule: the list is created before principles, or extended in its style', () => {
  const base = [...HEAD, 'principles:', '  exit_strategy:', '    document: docs/exit.pdf', ''];
  const at = base.indexOf('principles:');
  const variants: [string, string][] = [
    [base.join('\n'), `  - {id: p-c, name: Cat, party: gamma}\nwaivers:\n  - ${WAIVER}\nprinciples:`],
    [[...base.slice(0, at), 'waivers: []', ...base.slice(at)].join('\n'), `waivers: [${WAIVER}]`],
    [[...base.slice(0, at), 'waivers:', ...base.slice(at)].join('\n'), `waivers:\n  - ${WAIVER}\nprinciples:`],
    [[...base.slice(0, at), 'waivers:', '  - rule: EX8', '    reason: later', '    approved_by: p-b', '    expires: 2026-12-31', ...base.slice(at)].join('\n'), `    expires: 2026-12-31\n  - ${WAIVER}\nprinciples:`],
    [[...base.slice(0, at), 'waivers: [{rule: EX8, reason: later, approved_by: p-b, expires: 2026-12-31}]', ...base.slice(at)].join('\n'), `expires: 2026-12-31}, ${WAIVER}]`],
  ];
  for (const [text, expected] of variants) {
    for (const t of [text, crlf(text)]) {
      const { next, action } = fix(t, (f) => f.code === 'evidence.EX2', /^Waive EX2 until 2026-08-30/);
      assert.notEqual(action.isPreferred, true, 'a waiver is never the preferred fix');
      assert.ok(next.includes(t === text ? expected : crlf(expected)), `expected ${expected} in\n${next}`);
      const after = analyzeText(next);
      assert.equal(after.coverage.principles.find((p) => p.id === 'exit_strategy')?.rules.find((r) => r.id === 'EX2')?.state, 'waived');
    }
  }
});

test('no waiver without people to approve it, nor for a rule that does not count yet', () => {
  const noPeople = [...HEAD.slice(0, 11), 'principles:', '  exit_strategy: {document: docs/exit.pdf}', ''].join('\n');
  const a = analyzeText(noPeople);
  const ex2 = a.findings.find((f) => f.code === 'evidence.EX2')!;
  assert.ok(!actionsFor(a, ex2).some((x) => x.title.startsWith('Waive')));
  // EX1 counts from knowledge: at awareness it is announced as information, and not waivable.
  const early = [...HEAD.map((l) => l.replace('staying_together', 'awareness')), 'principles:', '  exit_strategy: {document: docs/exit.pdf}', ''].join('\n');
  const b = analyzeText(early);
  const ex1 = b.findings.find((f) => f.code === 'evidence.EX1')!;
  assert.equal(ex1.severity, 'information');
  assert.ok(!actionsFor(b, ex1).some((x) => x.title.startsWith('Waive')));
});

// ─── no action rather than a wrong one ───────────────────────────────────────────────────────────────────

test('no action for findings without a sound fix, stale diagnostics or broken documents', () => {
  const dup = [...HEAD, '  - {id: p-a, name: Again, party: acme}', ''].join('\n');
  const a = analyzeText(dup);
  const duplicate = a.findings.find((f) => f.code === 'ref.duplicate-id')!;
  assert.deepEqual(actionsFor(a, duplicate), []);
  // A diagnostic finds its finding by the key in its data: one of an older version (a line added above) finds
  // none, and neither does another tool's diagnostic without our data, whatever its code and range.
  const typo = [...HEAD, 'principles:', '  risk_management:', '    register:', '      - {id: R-1, title: Risk, ownr: p-a}', ''].join('\n');
  const old = analyzeText(typo);
  const stale = diagnostic(old.findings.find((f) => f.code === 'schema.additionalProperties')!);
  assert.equal(codeActions(old, URI, stale.range, [stale]).length, 1, 'the current diagnostic has its fix');
  assert.deepEqual(codeActions(analyzeText(`# a new first line\n${typo}`), URI, stale.range, [stale]), []);
  assert.deepEqual(codeActions(old, URI, stale.range, [{ ...stale, data: undefined }]), []);
  const broken = 'metadata:\n  id: [x\nparties: {\n';
  const b = analyzeText(broken);
  for (const f of b.findings) assert.ok(actionsFor(b, f).every((x) => (x.edit?.changes?.[URI] ?? []).length > 0));
});

test('every action on the fixtures changes the text, and none throws', () => {
  for (const text of [NAV, crlf(NAV), PARTIAL, stubs('flow'), '', '---\n', 'metadata: 3\n', '- a\n']) {
    const analysis = analyzeText(text);
    for (const f of analysis.findings) {
      for (const action of actionsFor(analysis, f)) {
        const edits = action.edit?.changes?.[URI] ?? [];
        assert.ok(edits.length > 0 && edits.some((e) => e.newText !== textAt(text, e.range)), `${f.code}: ${action.title}`);
      }
    }
  }
});
