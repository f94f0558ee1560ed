// rac explain knows the organisation's rules: in a git repository holding the fixture profiles (a base profile
// that adds X-GP1, a team profile extending it with an override for tactical suppliers), the built CLI finds
// the profiles of the current folder as rac check finds a file's, names the profile that adds the rule and the
// later settings, shows an example only when rac init's file meets the rule, honours --config, --no-config and
// --root, suggests added ids, and the text report's closing line now points at the organisation's rule too.
import { addedRuleProfile, START_DATE_RULE } from './added-rule';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { rac, workspace } from '../cli/run-cli';
import { repoFiles } from './repo';

const AS_OF = '2026-11-01';
const OUTSIDE = 'partners/outsourcing.relationship.yaml';

/** The fixture repository as a real git work tree (no commit needed: the .git folder bounds the search). */
function gitRepo(extra: Record<string, string> = {}): string {
  const dir = workspace({ ...repoFiles(), ...extra });
  const r = spawnSync('git', ['init', '--quiet'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, GIT_CONFIG_NOSYSTEM: '1' } });
  assert.equal(r.status, 0, r.stderr);
  return dir;
}

/** A rule rac init's file meets (it records a start date), added by a profile of its own. */
const START = addedRuleProfile(START_DATE_RULE);

describe('rac explain and the organisation\'s rules', () => {
  const dir = gitRepo({ 'other/start.rac.yaml': START });

  test('an added rule in full: title, principle, stage, severity, the profile that adds it, checks, why and how', () => {
    const r = rac(['explain', 'X-GP1'], dir);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], 'X-GP1: a data protection officer sits on a governance body');
    assert.equal(lines[1], 'Principle 8 Governance and processes (governance_and_processes) · counts from stage working_together · warning');
    assert.equal(lines[2], 'An organisation\'s rule, added by policies/base.rac.yaml.');
    assert.match(r.stdout, /^What it checks\n {2}principles\.governance_and_processes\.bodies\[\*\]\.members \(includes: values p-dpo\)$/m);
    assert.match(r.stdout, /^Why it matters\n {2}personal data crosses the boundary between the parties/m);
    assert.match(r.stdout, /^How to meet it\n {2}Add the data protection officer \(person p-dpo\) to a governance body's members\.$/m);
    // rac init's file has no p-dpo on any body, so no example would meet the rule: none is shown.
    assert.doesNotMatch(r.stdout, /Example/);
    assert.doesNotMatch(r.stdout, /undefined/);
    assert.match(r.stdout, /\nMore: rac rules \. lists the rules that apply here, with where each setting came from\.\n$/);
  });

  test('the code a finding prints and any case name the same rule', () => {
    const plain = rac(['explain', 'X-GP1'], dir).stdout;
    assert.equal(rac(['explain', 'evidence.X-GP1'], dir).stdout, plain);
    assert.equal(rac(['explain', 'x-gp1'], dir).stdout, plain);
  });

  test('from a subfolder, the settings of the overrides that reach it are shown, with where they come from', () => {
    const r = rac(['explain', 'X-GP1'], join(dir, 'suppliers', 'tactical'));
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^Principle 8 .* · counts from stage working_together · information$/m);
    assert.match(r.stdout, /^An organisation's rule, added by policies\/base\.rac\.yaml; then set by \.rac\.yaml overrides\[0\]\.$/m);
  });

  test('--config names the profile, with an example when rac init\'s file meets the rule; --no-config knows none', () => {
    const r = rac(['explain', '--config', 'other/start.rac.yaml', 'X-RM1'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^An organisation's rule, added by other\/start\.rac\.yaml\.$/m);
    assert.match(r.stdout, /^Example \(from the file rac init writes\)\n {2}metadata:\n {4}start_date: 2026-\d\d-\d\d\n\nMore:/m);
    const notHere = rac(['explain', 'X-RM1'], dir);
    assert.equal(notHere.status, 2, 'the nearest profile does not add X-RM1');
    assert.match(notHere.stderr, /^rac explain: no rule "X-RM1"/);
    const none = rac(['explain', '--no-config', 'X-GP1'], dir);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /no rule "X-GP1"/);
    assert.match(rac(['explain', '--config', 'nope.rac.yaml', 'X-GP1'], dir).stderr, /--config nope\.rac\.yaml: no such file/);
    assert.match(rac(['explain', '--config', 'x', '--no-config', 'X-GP1'], dir).stderr, /--config and --no-config contradict each other/);
  });

  test('--root stops the search for profiles: below a root without a profile, only the catalog is known', () => {
    const r = rac(['explain', '--root', '.', 'X-GP1'], join(dir, 'partners'));
    assert.equal(r.status, 2);
    assert.match(r.stderr, /no rule "X-GP1"/);
    assert.equal(rac(['explain', '--root', dir, 'X-GP1'], join(dir, 'partners')).status, 0);
  });

  test('did you mean looks at the catalog and the organisation\'s ids alike', () => {
    assert.match(rac(['explain', 'X-GP2'], dir).stderr, /^rac explain: no rule "X-GP2"; did you mean X-GP1\?/);
    assert.match(rac(['explain', 'evidence.X-GPI'], dir).stderr, /did you mean X-GP1\?/);
    assert.match(rac(['explain', 'GP9'], dir).stderr, /did you mean GP\d\?/);
  });

  test('a rule the folder\'s profiles turn off is still described, and says so', () => {
    const off = gitRepo({ 'team/.rac.yaml': 'extends: ../policies/base.rac.yaml\nrules:\n  X-GP1: off\n' });
    const r = rac(['explain', 'X-GP1'], join(off, 'team'));
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^X-GP1: a data protection officer sits on a governance body$/m);
    assert.match(r.stdout, /^Turned off here by team\/\.rac\.yaml: not counted, and no finding is reported\.$/m);
  });

  test('a profile with a mistake stops rac explain of an unknown id with its message, not a wrong answer', () => {
    const bad = gitRepo({ '.rac.yaml': 'rules:\n  GP9: off\n' });
    const r = rac(['explain', 'X-GP1'], bad);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^\.rac\.yaml:2:3: error "GP9" is neither a rule id nor a finding code/m);
    assert.equal(rac(['explain', 'RM3'], bad).status, 0, 'a catalog rule needs no profile');
  });

  test('the text report ends by pointing at rac explain for the organisation\'s rule, and that command describes it', () => {
    const r = rac(['check', '--as-of', AS_OF, OUTSIDE], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /\n\nrac explain X-GP1 says what a rule checks, why it matters and how to meet it; rac rules lists them all\.\n$/);
    assert.match(rac(['explain', 'X-GP1'], dir).stdout, /^X-GP1: /);
  });

  test('SARIF names rac explain with the organisation\'s rule id', () => {
    const log = JSON.parse(rac(['check', '--format', 'sarif', '--as-of', AS_OF, OUTSIDE], dir).stdout) as { runs: { tool: { driver: { rules: { id: string; help: { text: string } }[] } } }[] };
    const rule = log.runs[0].tool.driver.rules.find((x) => x.id === 'evidence.X-GP1');
    assert.match(rule?.help.text ?? '', /rac explain X-GP1 describes it in full/);
  });
});
