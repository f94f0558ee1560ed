// What a new user types at the command line gets an answer in the command line's own terms: rac init rather
// than an editor command, and a waiver written the way findings print a rule names the rule that was meant.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AS_OF, rac, VALID, workspace } from './run-cli';

function withWaiver(rule: string): string {
  return `${VALID}waivers:\n  - rule: ${rule}\n    reason: Agreed at the board\n    approved_by: p-ann\n    expires: 2025-12-31\n`;
}

interface Json { files: { findings: { code: string; severity: string; message: string }[] }[] }

function findings(text: string): Json['files'][number]['findings'] {
  const dir = workspace({ 'a.relationship.yaml': text });
  const r = rac(['check', '--format', 'json', '--as-of', AS_OF, 'a.relationship.yaml'], dir);
  return (JSON.parse(r.stdout) as Json).files[0].findings;
}

describe('rac check speaks of the command line', () => {
  test('an empty file points at rac init, never at an editor command', () => {
    for (const text of ['', '# only a comment\n']) {
      const dir = workspace({ 'new.relationship.yaml': text });
      const r = rac(['check', '--as-of', AS_OF, 'new.relationship.yaml'], dir);
      assert.equal(r.status, 1);
      assert.match(r.stdout, /rac init /);
      assert.doesNotMatch(r.stdout + r.stderr, /New Relationship File|Relationship: /);
    }
  });

  test('a waiver for evidence.RM1, the code findings print, is one error that names RM1', () => {
    const errors = findings(withWaiver('evidence.RM1')).filter((f) => f.severity === 'error');
    assert.equal(errors.length, 1, JSON.stringify(errors));
    assert.equal(errors[0].code, 'waiver.unknown-rule');
    assert.match(errors[0].message, /did you mean "RM1"\?/);
  });

  test('a lower-case rule id is one error that says ids are upper case, with no regular expression', () => {
    const errors = findings(withWaiver('cb4')).filter((f) => f.severity === 'error');
    assert.equal(errors.length, 1, JSON.stringify(errors));
    assert.match(errors[0].message, /rule ids are upper case: CB4/);
    assert.doesNotMatch(errors[0].message, /\^|\[A-Z\]|match/);
  });

  test('an id that is no rule still gets the nearest one, and a correct id is no error', () => {
    assert.match(findings(withWaiver('RK9')).find((f) => f.code === 'waiver.unknown-rule')?.message ?? '', /not a rule of the catalog; did you mean "RK\d"\?/);
    assert.deepEqual(findings(withWaiver('RK1')).filter((f) => f.severity === 'error'), []);
  });
});
