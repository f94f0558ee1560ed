// In GitHub Actions: the Markdown summary is appended to GITHUB_STEP_SUMMARY whatever --format prints, and
// file:line links point at the hosted blob when GITHUB_SERVER_URL, GITHUB_REPOSITORY and GITHUB_SHA are set.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { edit, fixture, TempRepo } from './git-repo';
import { AS_OF } from './scenario';

const repo = new TempRepo().init();
after(() => repo.dispose());
const full = fixture('partnership.relationship.yaml');
repo.write('rel/a.relationship.yaml', full).commitAll('base');
repo.write('rel/a.relationship.yaml', edit(full, 'likelihood: 4', 'likelihood: 7'));
const summary = join(repo.home, 'step-summary.md');

test('the Markdown is appended to GITHUB_STEP_SUMMARY, after what earlier steps wrote', () => {
  writeFileSync(summary, '## An earlier step\n');
  const r = repo.rac(['diff', '--base', 'HEAD', '--as-of', AS_OF, '--format', 'github'], { env: { GITHUB_STEP_SUMMARY: summary } });
  assert.equal(r.status, 1);
  assert.match(r.stdout, /^::error file=rel\/a\.relationship\.yaml,line=\d+,/m, 'standard output keeps the chosen format');
  const text = readFileSync(summary, 'utf8');
  // 1 lost: with a likelihood out of range, RK5 cannot be judged, and an unknown principle is not covered.
  assert.ok(text.startsWith('## An earlier step\n### Relationship coverage: 1 file changed · 0 principles gained · 1 lost · 1 new error\n'), text.slice(0, 200));
  assert.match(text, /likelihood must be at most 5, not 7/);
});

test('an empty GITHUB_STEP_SUMMARY writes nothing, and -o writes the report to a file', () => {
  const out = join(repo.home, 'report.json');
  const r = repo.rac(['diff', '--base', 'HEAD', '--as-of', AS_OF, '--format', 'json', '-o', out], { env: { GITHUB_STEP_SUMMARY: '' } });
  assert.equal(r.status, 1);
  assert.equal(r.stdout, '');
  assert.equal(JSON.parse(readFileSync(out, 'utf8')).totals.newErrors, 1);
});

test('with the GitHub variables set, file:line links are absolute blob links at the commit', () => {
  const env = { GITHUB_SERVER_URL: 'https://github.example', GITHUB_REPOSITORY: 'acme/partners', GITHUB_SHA: 'deadbeef' };
  const r = repo.rac(['diff', '--base', 'HEAD', '--as-of', AS_OF], { env, cwd: join(repo.dir, 'rel') });
  // The link text is relative to the working folder; the link itself to the repository's top level.
  assert.match(r.stdout, /- \[a\.relationship\.yaml:(\d+)\]\(https:\/\/github\.example\/acme\/partners\/blob\/deadbeef\/rel\/a\.relationship\.yaml#L\1\)/);
  const local = repo.rac(['diff', '--base', 'HEAD', '--as-of', AS_OF], { cwd: join(repo.dir, 'rel') });
  assert.match(local.stdout, /- \[a\.relationship\.yaml:(\d+)\]\(a\.relationship\.yaml#L\1\)/);
});

test('a summary file that cannot be written is a usage failure (exit 2) with the reason', () => {
  const r = repo.rac(['diff', '--base', 'HEAD', '--as-of', AS_OF], { env: { GITHUB_STEP_SUMMARY: join(repo.home, 'no-such-folder', 'summary.md') } });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^rac diff: could not write the report: /);
});
