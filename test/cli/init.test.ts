// rac init writes a file rac check accepts, and never overwrites or creates folders.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { STAGES } from '../../server/src/core/index';
import { AS_OF, noStackTrace, rac, workspace } from './run-cli';

describe('rac init', () => {
  // A new user runs rac init, then rac check: the file must pass its own stage that day and for a quarter after,
  // with no warning (--fail-on warning), before any real content has been written into it.
  test('creates a file that passes rac check --fail-on warning at its stage, on day 0 and day 90, at every stage', () => {
    const dir = workspace();
    const day90 = '2025-08-30';
    const names = STAGES.map((stage) => `${stage}.relationship.yaml`);
    for (const [i, stage] of STAGES.entries()) {
      const created = rac(['init', '--stage', stage, '--as-of', AS_OF, names[i]], dir);
      assert.equal(created.status, 0, created.stderr);
      assert.match(created.stdout, new RegExp(`^created ${names[i]} \\(stage ${stage}\\)`));
      assert.match(readFileSync(join(dir, names[i]), 'utf8'), new RegExp(`^  lifecycle_stage: ${stage}$`, 'm'));
    }
    for (const asOf of [AS_OF, day90]) {
      const checked = rac(['check', '--format', 'json', '--fail-on', 'warning', '--as-of', asOf, ...names], dir);
      const out = JSON.parse(checked.stdout) as { files: { path: string; coverage: { stage: string; covered: number; required: number }; findings: { severity: string; message: string }[] }[] };
      assert.equal(out.files.length, STAGES.length);
      for (const file of out.files) {
        const stage = file.path.replace('.relationship.yaml', '');
        const loud = file.findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => f.message);
        assert.deepEqual(loud, [], `${stage} as of ${asOf}`);
        assert.equal(file.coverage.stage, stage);
        assert.equal(file.coverage.covered, file.coverage.required, `${stage}: every required principle covered`);
      }
      assert.equal(checked.status, 0, `as of ${asOf}`);
    }
  });

  test('the people are distinct placeholders, no evidence file is linked, and the next review is a year ahead', () => {
    const dir = workspace();
    assert.equal(rac(['init', '--as-of', AS_OF, 'wt.relationship.yaml'], dir).status, 0);
    const text = readFileSync(join(dir, 'wt.relationship.yaml'), 'utf8');
    const data = parse(text) as { metadata: { next_review_due: string }; people: { id: string; name: string }[] };
    const names = data.people.map((p) => p.name);
    assert.ok(names.length > 1);
    assert.equal(new Set(names).size, names.length, names.join(', '));
    for (const p of data.people) assert.match(p.name, /^Name of /, 'an obvious placeholder');
    assert.doesNotMatch(text, /A\. Person/);
    assert.equal(data.metadata.next_review_due, '2026-06-01');
    // A link a counted rule asks for (BO6's business case) is an obvious placeholder URL, never a missing file.
    for (const [link] of text.matchAll(/\S+\.pdf\b/g)) assert.match(link, /^https:\/\/example\.com\//, 'no link to a file that does not exist');
  });

  // UTC+14 and UTC-12 are 26 hours apart, so at any moment at least one of them is not on UTC's date: the
  // default date must be the local one, the day the language server also takes for today.
  for (const timeZone of ['Pacific/Kiritimati', 'Etc/GMT+12']) {
    test(`the default stage is working_together and the default date today on the local clock (TZ=${timeZone})`, () => {
      const dir = workspace();
      const todayThere = (): string => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
      const before = todayThere();
      assert.equal(rac(['init', 'new.relationship.yml'], dir, { TZ: timeZone }).status, 0);
      const after = todayThere();
      const text = readFileSync(join(dir, 'new.relationship.yml'), 'utf8');
      assert.match(text, /^ {2}lifecycle_stage: working_together$/m);
      // The run may straddle midnight: the date is the day it started or the day it ended.
      const written = /^ {2}start_date: (\d{4}-\d{2}-\d{2})$/m.exec(text)?.[1];
      assert.ok(written === before || written === after, `${written} is not ${before} in ${timeZone}`);
    });
  }

  test('refuses to overwrite an existing file', () => {
    const dir = workspace({ 'a.relationship.yaml': 'mine' });
    const r = rac(['init', 'a.relationship.yaml'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /a\.relationship\.yaml already exists; rac init never overwrites a file/);
    assert.equal(readFileSync(join(dir, 'a.relationship.yaml'), 'utf8'), 'mine');
  });

  test('refuses a name rac check would not find, a missing folder and bad options', () => {
    const dir = workspace();
    const cases: [string[], RegExp][] = [
      [['acme.yaml'], /the name must end in \.relationship\.yaml or \.relationship\.yml .* e\.g\. acme\.relationship\.yaml/],
      [['nope/acme.relationship.yaml'], /nope: no such folder; create it first \(rac init does not create folders\)/],
      [['--stage', 'workingtogether', 'a.relationship.yaml'], /--stage must be one of awareness, .*; did you mean "working_together"\?/],
      [[], /name the file to create/],
      [['a.relationship.yaml', 'b.relationship.yaml'], /one file at a time/],
      [['--force', 'a.relationship.yaml'], /unknown option '--force'/],
    ];
    for (const [args, message] of cases) {
      const r = rac(['init', ...args], dir);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, message, args.join(' '));
      assert.ok(noStackTrace(r));
    }
    assert.equal(existsSync(join(dir, 'nope')), false);
    assert.equal(existsSync(join(dir, 'a.relationship.yaml')), false);
  });

  test('a folder in the way is not overwritten either', () => {
    const dir = workspace({ 'x.relationship.yaml/inner.txt': 'folder' });
    writeFileSync(join(dir, 'keep.txt'), '');
    const r = rac(['init', 'x.relationship.yaml'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /already exists/);
  });
});
