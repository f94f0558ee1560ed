// The "own" organisation (metadata.maintained_by) and the early-stage rules, in process: the own_party check kind
// judged directly (met, unmet, wrong person, unknown without an own party), covers_all_parties with a shared
// value (a risk owned `joint`), and the quick fixes that add the missing evidence, each proven by analysing the
// fixed text again (the finding gone, no new error), in LF and CRLF files with emoji before the edit.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CodeActionKind } from 'vscode-languageserver';
import { checks } from '../../server/src/core/checks/index';
import { selectPath, type Args, type CheckContext } from '../../server/src/core/checks/context';
import { codeActions } from '../../server/src/features/code-actions';
import type { Finding } from '../../server/src/core/index';
import { analyzeText, applyTextEdits, crlf, diagnostic, URI } from './fixture';

function context(data: Record<string, unknown>, own?: string): CheckContext {
  return {
    data,
    asOf: 0,
    parties: [{ id: 'hw', name: 'Harbour Water' }, { id: 'kce', name: 'Kestrel' }],
    personParty: new Map([['p-hw', 'hw'], ['p-kce', 'kce']]),
    own,
    select: (path) => selectPath(data, path),
  };
}

function run(kind: string, data: Record<string, unknown>, path: string, args: Args, own?: string) {
  const ctx = context(data, own);
  return checks.get(kind)!.evaluate(ctx.select(path), args, ctx);
}

describe('own_party', () => {
  const ser = (items: unknown[]) => ({ principles: { collaborative_leadership: { ser: items } } });
  const path = 'principles.collaborative_leadership.ser[*].party';
  const args = { person: 'person', noun: 'senior executive responsible' };

  test('met by an entry of the own party whose person is of that party', () => {
    assert.deepEqual(run('own_party', ser([{ party: 'kce', person: 'p-kce' }, { party: 'hw', person: 'p-hw' }]), path, args, 'hw'), { met: true });
  });

  test('unmet without an entry of the own party, naming it', () => {
    const o = run('own_party', ser([{ party: 'kce', person: 'p-kce' }]), path, args, 'hw');
    assert.equal(o.met, false);
    assert.equal(o.unknown, undefined);
    assert.equal(o.detail, 'no senior executive responsible for the own organisation "hw" (Harbour Water)');
  });

  test('unmet when the own entry names a person of another party, at that person', () => {
    const o = run('own_party', ser([{ party: 'hw', person: 'p-kce' }]), path, args, 'hw');
    assert.equal(o.met, false);
    assert.deepEqual(o.at, ['principles', 'collaborative_leadership', 'ser', 0, 'person']);
    assert.match(o.detail!, /"p-kce" belongs to party "kce", not the own organisation "hw"/);
  });

  test('unmet when the own entry names nobody, at the entry', () => {
    const o = run('own_party', ser([{ party: 'hw' }]), path, args, 'hw');
    assert.equal(o.met, false);
    assert.deepEqual(o.at, ['principles', 'collaborative_leadership', 'ser', 0]);
  });

  test('unknown, not unmet, when the file names no own party', () => {
    const o = run('own_party', ser([{ party: 'hw', person: 'p-hw' }]), path, args, undefined);
    assert.equal(o.met, false);
    assert.equal(o.unknown, true);
  });

  test('wants the own party (a fix adds its entry), nothing without one', () => {
    assert.deepEqual(checks.get('own_party')!.wants!({}, context({}, 'kce')), ['kce']);
    assert.deepEqual(checks.get('own_party')!.wants!({}, context({})), []);
  });
});

describe('covers_all_parties with a shared value', () => {
  const register = (owners: string[]) => ({ principles: { risk_management: { register: owners.map((o, i) => ({ id: `R-${i}`, owning_party: o })) } } });
  const path = 'principles.risk_management.register[*].owning_party';
  const args = { shared: 'joint', noun: 'owned risk' };

  test('a jointly owned risk covers every party', () => {
    assert.deepEqual(run('covers_all_parties', register(['hw', 'joint']), path, args), { met: true });
  });
  test('risks of one side only leave the other side uncovered', () => {
    assert.equal(run('covers_all_parties', register(['hw', 'hw']), path, args).detail, 'no owned risk for "kce" (Kestrel)');
  });
  test('a risk for each party is enough without a joint one', () => {
    assert.deepEqual(run('covers_all_parties', register(['hw', 'kce']), path, args), { met: true });
  });
  test('without the argument, "joint" is just an unknown party', () => {
    assert.equal(run('covers_all_parties', register(['joint']), path, { noun: 'owned risk' }).met, false);
  });
});

// ---- quick fixes ----------------------------------------------------------------------------------------

const AWARENESS = [
  'schema_version: "1"',
  'metadata:',
  '  id: REL-🌊-1',
  '  title: "Harbour 🌊 Water – Kestrel"',
  '  status: draft',
  '  lifecycle_stage: working_together',
  '  maintained_by: hw',
  '  next_review_due: 2027-01-01',
  'parties:',
  '  - {id: hw, name: "Harbour 🌊 Water", role: customer}',
  '  - {id: kce, name: Kestrel, role: supplier}',
  'people:',
  '  - {id: p-hw, name: Ann, party: hw}',
  '  - {id: p-kce, name: Bob, party: kce}',
  'principles:',
  '  relationship_management:',
  '    rmp: {id: RMP-HW, approved_by: [p-hw]}',
  '  business_objectives:',
  '    party_objectives:',
  '      - {id: PO-KCE-1, party: kce, text: A steady order book}',
  '  collaborative_leadership:',
  '    ser:',
  '      - party: kce',
  '        person: p-kce',
  '  competence_and_behaviour:',
  '    role_competencies:',
  '      - {role: alliance_manager, framework: Partnering, required: [negotiation]}',
  '  risk_management:',
  '    register:',
  '      - {id: R-1, title: Trust erodes, category: relational, likelihood: 1, impact: 2, owner: p-hw, owning_party: hw, status: open}',
  '',
].join('\n');

/** Applies the evidence fix offered for `rule` and proves it: the finding gone, no new error. */
function proveFix(text: string, rule: string, title: RegExp): string {
  const before = analyzeText(text);
  const finding = before.findings.find((f) => f.code === `evidence.${rule}`);
  assert.ok(finding, `no ${rule} finding in: ${before.findings.map((f) => f.code).join(', ')}`);
  const actions = codeActions(before, URI, finding.range, [diagnostic(finding)]);
  const action = actions.find((a) => title.test(a.title));
  assert.ok(action, `no fix ${title} for ${rule}; got ${actions.map((a) => a.title).join(' | ')}`);
  assert.ok(action.kind?.startsWith(CodeActionKind.QuickFix));
  const next = applyTextEdits(text, action.edit!.changes![URI]);
  const after = analyzeText(next);
  assert.ok(!after.findings.some((f) => f.code === `evidence.${rule}`), `${rule} still reported after the fix:\n${next}`);
  const known = new Set(before.findings.map((f: Finding) => `${f.code}|${f.message}`));
  assert.deepEqual(after.findings.filter((f) => f.severity === 'error' && !known.has(`${f.code}|${f.message}`)).map((f) => f.message), [], next);
  if (text.includes('\r\n')) assert.ok(!/(^|[^\r])\n/.test(next), 'a bare \\n in a CRLF document');
  return next;
}

for (const [name, eol] of [['LF', (t: string) => t], ['CRLF', crlf]] as const) {
  describe(`early-stage quick fixes (${name})`, () => {
    test('BO5: adds an objective for the own party', () => {
      const next = proveFix(eol(AWARENESS), 'BO5', /party_objectives.*BO5/);
      assert.match(next, /party: hw/);
    });

    test('CL4: adds a SER entry for the own party, naming one of its people', () => {
      const next = proveFix(eol(AWARENESS), 'CL4', /ser.*CL4/);
      const data = analyzeText(next).data as { principles: { collaborative_leadership: { ser: { party: string; person: string }[] } } };
      const own = data.principles.collaborative_leadership.ser.find((s) => s.party === 'hw');
      assert.equal(own?.person, 'p-hw');
    });

    test('RK6: adds a jointly owned risk', () => {
      const next = proveFix(eol(AWARENESS), 'RK6', /"joint".*RK6/);
      assert.match(next, /owning_party: joint/);
    });

    test('RM5: sets maintained_by to a party of the file', () => {
      const text = eol(AWARENESS.replace('  maintained_by: hw\n', ''));
      const before = analyzeText(text);
      assert.deepEqual(['BO5', 'CL4'].map((id) => before.coverage.principles.flatMap((p) => p.rules).find((r) => r.id === id)?.state), ['unknown', 'unknown']);
      assert.ok(!before.findings.some((f) => f.code === 'evidence.BO5' || f.code === 'evidence.CL4'), 'RM5 alone explains it');
      proveFix(text, 'RM5', /maintained_by.*RM5/);
    });

    test('GP6, BO6, RM2: add the contract reference, the business case and the joint plan with placeholders', () => {
      proveFix(eol(AWARENESS), 'GP6', /contract_refs.*GP6/);
      proveFix(eol(AWARENESS), 'BO6', /business_case.*BO6/);
      proveFix(eol(AWARENESS), 'RM2', /joint_rmp.*RM2/);
    });

    test('CB5 and RM6-RM8: add the self-assessment and the partner selection with placeholders', () => {
      proveFix(eol(AWARENESS), 'CB5', /self_assessment.*CB5/);
      const withSelection = proveFix(eol(AWARENESS), 'RM6', /partner_selection.*RM6/);
      // The placeholder partner selection satisfies its sibling rules too.
      const after = analyzeText(withSelection);
      assert.deepEqual(after.findings.filter((f) => /^evidence\.RM[678]$/.test(f.code)).map((f) => f.message), []);
    });
  });
}
