// rac diff's git access: read-only, no shell, literal paths (a "-" or glob character is part of a name, not an
// option or a pattern), NUL-separated output parsed safely, renames followed.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseNameStatus } from '../../server/src/cli/diff-git';
import { edit, fixture, TempRepo } from './git-repo';
import { AS_OF } from './scenario';

const repos: TempRepo[] = [];
after(() => repos.forEach((r) => r.dispose()));
const full = fixture('partnership.relationship.yaml');
const changed = edit(full, 'likelihood: 4', 'likelihood: 7');
const isRel = (p: string) => /\.relationship\.ya?ml$/.test(p);

function repo(): TempRepo {
  const r = new TempRepo().init();
  repos.push(r);
  return r;
}

interface Json { files: { path: string; kind: string; oldPath?: string }[] }
const json = (r: ReturnType<TempRepo['rac']>) => JSON.parse(r.stdout) as Json;

test('a path starting with "-" after -- is a file, not an option', () => {
  const r = repo();
  r.write('-x.relationship.yaml', full).write('-dir/y.relationship.yaml', full).commitAll('base');
  r.write('-x.relationship.yaml', changed).write('-dir/y.relationship.yaml', changed);
  const out = r.rac(['diff', '--base', 'HEAD', '--as-of', AS_OF, '--format', 'json', '--', '-x.relationship.yaml', '-dir']);
  assert.equal(out.stderr, '');
  assert.deepEqual(json(out).files.map((f) => f.path).sort(), ['-dir/y.relationship.yaml', '-x.relationship.yaml']);
});

test('glob characters in a path are literal: "[ab].relationship.yaml" is that one file', () => {
  const r = repo();
  r.write('[ab].relationship.yaml', full).write('a.relationship.yaml', full).commitAll('base');
  r.write('[ab].relationship.yaml', changed).write('a.relationship.yaml', changed);
  const out = r.rac(['diff', '--base', 'HEAD', '--as-of', AS_OF, '--format', 'json', '[ab].relationship.yaml']);
  assert.deepEqual(json(out).files.map((f) => f.path), ['[ab].relationship.yaml']);
});

test('names with newlines, tabs, quotes and non-ASCII letters survive the -z parsing', () => {
  const r = repo();
  r.write('keep.md', 'x\n').commitAll('base');
  const names = ['line\nbreak.relationship.yaml', 'tab\there.relationship.yaml', '"quoted".relationship.yaml', 'Zürich–Genève.relationship.yaml'];
  for (const n of names) r.write(n, full);
  r.git('add', '--all');
  const out = r.rac(['diff', '--base', 'HEAD', '--as-of', AS_OF, '--format', 'json']);
  assert.deepEqual(json(out).files.map((f) => f.path).sort(), [...names].sort());
  const md = r.rac(['diff', '--base', 'HEAD', '--as-of', AS_OF]);
  assert.ok(!md.stdout.includes('line\nbreak'), 'a newline in a name never breaks a Markdown line');
  assert.match(md.stdout, /<code>line break\.relationship\.yaml<\/code>/);
});

test('a rename is followed, also when the file moves folder and changes a little', () => {
  const r = repo();
  r.write('old/a.relationship.yaml', full).commitAll('base');
  r.remove('old/a.relationship.yaml').write('new/b.relationship.yml', changed);
  r.git('add', '--all');
  const files = json(r.rac(['diff', '--base', 'HEAD', '--as-of', AS_OF, '--format', 'json'])).files;
  assert.deepEqual(files.map((f) => [f.kind, f.path, f.oldPath]), [['renamed', 'new/b.relationship.yml', 'old/a.relationship.yaml']]);
});

test('an untracked new file is part of the working tree; an ignored one is not', () => {
  const r = repo();
  r.write('.gitignore', 'scratch/\n').commitAll('base');
  r.write('fresh.relationship.yaml', full).write('scratch/tmp.relationship.yaml', full);
  const files = json(r.rac(['diff', '--base', 'HEAD', '--as-of', AS_OF, '--format', 'json'])).files;
  assert.deepEqual(files.map((f) => [f.kind, f.path]), [['added', 'fresh.relationship.yaml']]);
});

test('rac diff never touches the working tree, the index or the refs', () => {
  const r = repo();
  r.write('a.relationship.yaml', full).write('b.relationship.yaml', full).commitAll('base');
  r.write('a.relationship.yaml', changed).remove('b.relationship.yaml').write('c.relationship.yaml', full);
  r.git('add', 'c.relationship.yaml');
  const snapshot = () => ({
    status: r.git('status', '--porcelain=v1', '-z', '--untracked-files=all'),
    index: createHash('sha256').update(readFileSync(join(r.dir, '.git', 'index'))).digest('hex'),
    head: r.git('rev-parse', 'HEAD'),
    files: readdirSync(r.dir).sort().join('\n'),
    a: r.read('a.relationship.yaml'),
  });
  const before = snapshot();
  const out = r.rac(['diff', '--base', 'HEAD', '--as-of', AS_OF, '--format', 'json']);
  assert.equal(out.status, 1, out.stderr);
  assert.deepEqual(snapshot(), before);
});

test('evidence links are checked on each side in its own tree', () => {
  const r = repo();
  const linked = edit(full, 'document: docs/outsourcing-partnership/exit-plan.md', 'document: docs/exit-plan.md');
  r.write('rel/a.relationship.yaml', linked).write('rel/docs/exit-plan.md', '# Exit plan\n').commitAll('base');
  // The head deletes the linked file: the link is new-missing on the head side only.
  r.remove('rel/docs/exit-plan.md');
  r.write('rel/a.relationship.yaml', linked + '# touched\n');
  const out = r.rac(['diff', '--base', 'HEAD', '--as-of', AS_OF, '--format', 'json']);
  const report = JSON.parse(out.stdout) as { files: { newFindings: { code: string; message: string }[]; fixedFindings: unknown[] }[] };
  const news = report.files[0].newFindings.filter((f) => f.code === 'link.missing-file');
  assert.equal(news.length, 1, JSON.stringify(report.files[0].newFindings));
  assert.match(news[0].message, /docs\/exit-plan\.md/);
  assert.equal(report.files[0].fixedFindings.length, 0, 'the links missing on both sides are matched, not fixed');
});

test('parseNameStatus: statuses, renames into and out of the naming, copies, type changes', () => {
  const z = ['M', 'a.relationship.yaml', 'A', 'b.relationship.yml', 'D', 'c.relationship.yaml', 'T', 'd.relationship.yaml', 'U', 'e.relationship.yaml',
    'R100', 'f.relationship.yaml', 'g.relationship.yaml', 'R087', 'h.relationship.yaml', 'h.yaml', 'R090', 'i.yaml', 'i.relationship.yaml',
    'C075', 'j.relationship.yaml', 'k.relationship.yaml', 'M', 'notes.md', ''].join('\0');
  assert.deepEqual(parseNameStatus(z, isRel), [
    { kind: 'modified', path: 'a.relationship.yaml' },
    { kind: 'added', path: 'b.relationship.yml' },
    { kind: 'deleted', path: 'c.relationship.yaml' },
    { kind: 'modified', path: 'd.relationship.yaml' },
    { kind: 'modified', path: 'e.relationship.yaml' },
    { kind: 'renamed', path: 'g.relationship.yaml', oldPath: 'f.relationship.yaml' },
    { kind: 'deleted', path: 'h.relationship.yaml' },
    { kind: 'added', path: 'i.relationship.yaml' },
    { kind: 'added', path: 'k.relationship.yaml' },
  ]);
  assert.deepEqual(parseNameStatus('', isRel), []);
  assert.deepEqual(parseNameStatus('R100\0only-one.relationship.yaml\0', isRel), [], 'a truncated record is dropped, not misread');
});
