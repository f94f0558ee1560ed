// `rmp.type` in a schema_version "2" file: `type: joint` is the joint plan written the v1 way (a warning at the
// value, with a quick fix that moves it to joint_rmp exactly as `rac migrate` moves a v1 plan), `type: single` a
// note that the field says nothing any more (a fix removes the line). Each fix is applied through the editor's
// code actions, in LF and CRLF, and the file analysed again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeActions } from '../../server/src/features/code-actions';
import { KNOWN_CODES, migrate, type Analysis, type Finding } from '../../server/src/core/index';
import { ruleHelp } from '../../server/src/cli/rule-help';
import { analyzeText, applyTextEdits, crlf, diagnostic, textAt, URI } from './fixture';

const V2 = [
  '# The joint plan written as in version 1, in a version 2 file 🤝',
  'schema_version: "2"',
  'metadata:',
  '  id: REL-RMP',
  '  title: "Harbour 🌊 Kestrel"',
  '  status: active',
  '  lifecycle_stage: working_together',
  '  maintained_by: hw',
  '  next_review_due: 2027-01-01',
  'parties:',
  '  - {id: hw, name: Harbour, role: customer}',
  '  - {id: kce, name: Kestrel, role: supplier}',
  'people:',
  '  - {id: p-ann, name: "Ann 😀", party: hw}',
  '  - {id: p-bob, name: Bob, party: kce}',
  'principles:',
  '  relationship_management:',
  '    rmp:',
  '      id: RMP-1',
  '      type: joint\t# both signed 🖊',
  '      approved_by: [p-ann, p-bob]',
  '',
].join('\n');

const JOINT = V2.replace('    rmp:\n', '    joint_rmp:\n').replace('      type: joint\t# both signed 🖊\n', '');
const SINGLE = V2.replace('type: joint', 'type: single');
const OWN = SINGLE.replace('      type: single\t# both signed 🖊\n', '');

const RMP_CODES = ['format.rmp-joint', 'format.rmp-single'];
const rmpFindings = (a: Analysis) => a.findings.filter((f) => RMP_CODES.includes(f.code));
const rule = (a: Analysis, id: string) => a.coverage.principles.flatMap((p) => p.rules).find((r) => r.id === id)?.state;
const errors = (a: Analysis) => a.findings.filter((f) => f.severity === 'error').map((f) => f.code);

/** The one quick fix the editor offers for a finding, applied. */
function applyFix(text: string, analysis: Analysis, finding: Finding): string {
  const actions = codeActions(analysis, URI, finding.range, [diagnostic(finding)]);
  assert.equal(actions.length, 1, actions.map((a) => a.title).join(', '));
  assert.equal(actions[0].isPreferred, true);
  return applyTextEdits(text, actions[0].edit?.changes?.[URI] ?? []);
}

for (const [name, eol] of [['LF', (t: string) => t], ['CRLF', crlf]] as const) {
  test(`type: joint in a v2 file is a warning at the value; the fix moves the plan to joint_rmp (${name})`, () => {
    const text = eol(V2);
    const before = analyzeText(text);
    const [finding, ...more] = rmpFindings(before);
    assert.deepEqual(more, []);
    assert.equal(finding.code, 'format.rmp-joint');
    assert.equal(finding.severity, 'warning');
    assert.equal(textAt(text, finding.range), 'joint');
    // UTF-16, zero-based: the line of the value and the column after "      type: ".
    assert.deepEqual(finding.range.start, { line: 19, character: 12 });
    assert.match(finding.message, /joint_rmp/);
    assert.equal(rule(before, 'RM2'), 'unmet', 'the joint plan\'s rule does not find the plan under rmp');

    const fixed = applyFix(text, before, finding);
    assert.equal(fixed, eol(JOINT));
    if (name === 'CRLF') assert.ok(!/(^|[^\r])\n/.test(fixed), 'a bare \\n in a CRLF document');
    const after = analyzeText(fixed);
    assert.deepEqual(rmpFindings(after), []);
    assert.equal(rule(after, 'RM2'), 'met');
    assert.deepEqual(errors(after), errors(before));
  });

  test(`type: single in a v2 file is a note at the value; the fix removes the line (${name})`, () => {
    const text = eol(SINGLE);
    const before = analyzeText(text);
    const [finding, ...more] = rmpFindings(before);
    assert.deepEqual(more, []);
    assert.equal(finding.code, 'format.rmp-single');
    assert.equal(finding.severity, 'information');
    assert.equal(textAt(text, finding.range), 'single');
    assert.match(finding.message, /no longer needed/);

    const fixed = applyFix(text, before, finding);
    assert.equal(fixed, eol(OWN));
    const after = analyzeText(fixed);
    assert.deepEqual(rmpFindings(after), []);
    assert.equal(rule(after, 'RM1'), rule(before, 'RM1'));
    assert.deepEqual(errors(after), errors(before));
  });
}

test('the fix is the migration\'s own step: a v1 file migrated and the v2 fix applied give the same plan', () => {
  const v1 = V2.replace('schema_version: "2"', 'schema_version: "1"');
  const migrated = migrate(v1);
  assert.equal(migrated.status, 'migrated');
  if (migrated.status === 'migrated') assert.equal(migrated.text, JOINT);
  // A v1 file is told to migrate, once; not about its plan's type, which the migration handles.
  assert.deepEqual(rmpFindings(analyzeText(v1)), []);
});

test('a flow map plan is fixed in place; where the migration leaves the plan alone, the warning has no fix', () => {
  const flow = V2.replace('    rmp:\n      id: RMP-1\n      type: joint\t# both signed 🖊\n      approved_by: [p-ann, p-bob]\n', '    rmp: {id: RMP-1, type: joint, approved_by: [p-ann, p-bob]}\n');
  assert.notEqual(flow, V2);
  const analysis = analyzeText(flow);
  const fixed = applyFix(flow, analysis, rmpFindings(analysis)[0]);
  assert.ok(fixed.includes('    joint_rmp: {id: RMP-1, approved_by: [p-ann, p-bob]}\n'), fixed);
  assert.deepEqual(rmpFindings(analyzeText(fixed)), []);

  // Both plans present: which is right is the author's call, so the warning stands without a fix.
  const both = V2.replace('    rmp:\n', '    joint_rmp: {id: J, approved_by: [p-ann, p-bob]}\n    rmp:\n');
  const twice = analyzeText(both);
  const [warning] = rmpFindings(twice);
  assert.equal(warning.code, 'format.rmp-joint');
  assert.equal(warning.fixes, undefined);
  assert.deepEqual(codeActions(twice, URI, warning.range, [diagnostic(warning)]), []);

  // A type that is neither (a schema error of its own) says nothing more.
  assert.deepEqual(rmpFindings(analyzeText(V2.replace('type: joint', 'type: shared'))).map((f) => f.code), []);
});

test('the codes are known to profiles and described for rac explain and SARIF', () => {
  for (const code of RMP_CODES) {
    assert.ok(KNOWN_CODES.includes(code), code);
    assert.notEqual(ruleHelp(code).short, code, `${code} has its own description`);
  }
});
