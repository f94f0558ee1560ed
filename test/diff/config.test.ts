// rac diff --config FILE: the named profile, as it is in the working tree, judges both sides (as rac check
// --config judges every file), whatever profiles the two revisions hold; it contradicts --no-config, and a
// missing file is a usage problem.
import { addedRuleProfile, CONTRACTS_RULE } from '../profiles/added-rule';
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { edit, fixture, TempRepo } from './git-repo';

const AS_OF = '2026-06-01';

/** The organisation's rule the tests follow: contracts referenced, counted from the first stage. */
const STRICT = addedRuleProfile(CONTRACTS_RULE);

interface DiffJson {
  files: {
    path: string;
    rules: { id: string; before: string; after: string }[];
    principles: { id: string; before?: { met: number; counted: number }; after?: { met: number; counted: number } }[];
    newFindings: { code: string }[];
    fixedFindings: { code: string }[];
  }[];
}

describe('rac diff --config', () => {
  const repo = new TempRepo('rac-diff-config-').init();
  after(() => repo.dispose());
  const early = fixture('early.relationship.yaml');
  // The base has a profile of its own (rules off) and no contract references; the head references the contracts,
  // changes the repository's profile, and holds a profile the base never had.
  repo.write('partners/acme.relationship.yaml', early).write('.rac.yaml', 'rules:\n  RM3: off\n').commitAll('base');
  repo.git('branch', 'base');
  repo.write('partners/acme.relationship.yaml', edit(early, 'metadata:\n', 'metadata:\n  contract_refs: [CON-2026-7]\n'));
  repo.write('.rac.yaml', 'rules:\n  RM3: off\n  RM1: off\n');
  repo.write('policies/strict.rac.yaml', STRICT);
  const diff = (...args: string[]) => {
    const r = repo.rac(['diff', '--base', 'base', '--as-of', AS_OF, '--format', 'json', ...args]);
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout) as DiffJson;
  };

  test('the named profile judges both sides: its rule was unmet in the base and is met in the head', () => {
    const report = diff('--config', 'policies/strict.rac.yaml');
    assert.deepEqual(report.files.map((f) => f.path), ['partners/acme.relationship.yaml']);
    const [file] = report.files;
    assert.deepEqual(file.rules.find((r) => r.id === 'X-RM1'), { id: 'X-RM1', title: 'the contracts are referenced', principle: 'relationship_management', before: 'unmet', after: 'met' });
    assert.ok(file.fixedFindings.some((f) => f.code === 'evidence.X-RM1'), 'the base side was checked with the named profile');
    // The revisions' own .rac.yaml is read on neither side: RM1, RM3, RM4 and RM5 count on both (with X-RM1, five rules).
    const rm = file.principles.find((p) => p.id === 'relationship_management');
    assert.deepEqual([rm?.before, rm?.after].map((s) => s && { met: s.met, counted: s.counted }), [{ met: 4, counted: 5 }, { met: 5, counted: 5 }]);
  });

  test('without it, each side has its own revision\'s profile; with --no-config, the catalog alone', () => {
    // RM3 is off on both sides, RM1 in the head only: the principle counts one rule fewer after.
    const own = diff().files[0];
    assert.equal(own.rules.find((r) => r.id === 'X-RM1'), undefined);
    const rm = own.principles.find((p) => p.id === 'relationship_management');
    assert.deepEqual([rm?.before, rm?.after].map((s) => s && { met: s.met, counted: s.counted }), [{ met: 3, counted: 3 }, { met: 2, counted: 2 }]);
    // The catalog alone on both sides: contract references are no rule, so the edit moves nothing.
    assert.deepEqual(diff('--no-config').files.map((f) => f.rules), [[]]);
  });

  test('--config with --no-config, or naming no file, is a usage problem; --help says what it does', () => {
    const both = repo.rac(['diff', '--base', 'base', '--config', 'policies/strict.rac.yaml', '--no-config']);
    assert.equal(both.status, 2);
    assert.match(both.stderr, /--config and --no-config contradict each other/);
    const missing = repo.rac(['diff', '--base', 'base', '--config', 'nope.rac.yaml']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /^rac diff: --config nope\.rac\.yaml: no such file/m);
    assert.match(repo.rac(['diff', '--help']).stdout, /^ {2}--config <file> {11}check both sides with this profile/m);
  });
});
