// A side that does not parse is not a coverage collapse: rac diff says "the head does not parse: N errors" (or
// the base), compares no principle or rule, and lists no fixed findings for a head whose findings are held back.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { edit, fixture, repoWith as sharedRepoWith, TempRepo } from './git-repo';
import { AS_OF } from './scenario';

const repos: TempRepo[] = [];
after(() => repos.forEach((r) => r.dispose()));

interface Side { covered: number; syntaxErrors?: number }
interface DiffJson {
  totals: { lost: number; fixed: number; newErrors: number };
  files: { before?: Side; after?: Side; principles: unknown[]; rules: unknown[]; lost: string[]; fixedFindings: unknown[]; newFindings: { code: string }[] }[];
}

const repoWith = (head: string, base?: string): TempRepo => sharedRepoWith(repos, head, base);

const full = fixture('partnership.relationship.yaml');
// An unquoted colon in the title: the mistake a new user makes first.
const colon = edit(full, 'title: Ashdown Valley Water – Corran', 'title: Ashdown Valley Water: Corran');
const diff = (repo: TempRepo, ...args: string[]) => repo.rac(['diff', '--base', 'HEAD', '--as-of', AS_OF, ...args]);

test('a head that does not parse is reported as such, not as 12/12 → 1/12 with every rule changed', () => {
  const repo = repoWith(colon, full);
  const md = diff(repo, '--fail-on', 'never');
  assert.match(md.stdout, /a\.relationship\.yaml<\/code> · the head does not parse: 1 error, so coverage is not compared/);
  assert.doesNotMatch(md.stdout, /▼\d|▼ lost|Rules that changed|Fixed findings|No principle changed status/);
  const json = JSON.parse(diff(repo, '--format', 'json', '--fail-on', 'never').stdout) as DiffJson;
  const [file] = json.files;
  assert.equal(file.after?.syntaxErrors, 1);
  assert.equal(file.before?.syntaxErrors, undefined);
  assert.deepEqual([file.principles, file.rules, file.lost, file.fixedFindings], [[], [], [], []]);
  assert.deepEqual(file.newFindings.map((f) => f.code), ['syntax']);
  assert.equal(json.totals.lost, 0);
  // The syntax error is still a new error: the gate fails on it.
  assert.equal(diff(repo).status, 1);
});

test('a base that did not parse is named too, and its repair is not a coverage jump', () => {
  const repo = repoWith(full, colon);
  const r = diff(repo, '--fail-on', 'never');
  assert.match(r.stdout, /the base does not parse: 1 error, so coverage is not compared/);
  assert.doesNotMatch(r.stdout, /▲\d|▲ gained|Rules that changed/);
  const json = JSON.parse(diff(repo, '--format', 'json', '--fail-on', 'never').stdout) as DiffJson;
  assert.deepEqual(json.files[0].principles, []);
  assert.equal(json.files[0].before?.syntaxErrors, 1);
  assert.equal(json.totals.fixed, 1, 'the syntax error the head repaired is fixed');
});
