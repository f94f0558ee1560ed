// Where rac looks and what bounds evidence links: the workspace root is --root, else the enclosing git work
// tree, else the file's folder — never the current folder by accident; folder walks skip symbolic links out of
// it (a note says so), .gitignore'd files and --ignore patterns; quoted patterns are expanded by rac itself.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { TempRepo } from '../diff/git-repo';
import { rac, VALID, workspace } from './run-cli';

const REPO = existsSync(join(__dirname, '..', '..', 'samples')) ? join(__dirname, '..', '..') : process.cwd();
const SAMPLES = join(REPO, 'samples');
const AS_OF = '2026-11-01';

interface JsonFile { path: string; findings: { code: string; message: string; line: number; column: number }[] }

/** Findings by file name: the same files give the same list wherever rac runs from. */
function findingsByName(stdout: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const f of (JSON.parse(stdout) as { files: JsonFile[] }).files) {
    out[f.path.split('/').pop()!] = f.findings.map((x) => `${x.line}:${x.column} ${x.code} ${x.message}`);
  }
  return out;
}

const linking = (document: string) => VALID.replace('      type: joint\n', `      type: joint\n      document: ${document}\n`);

describe('the workspace root', () => {
  test('the samples give the same findings from the project folder and from a folder elsewhere', () => {
    const here = rac(['check', 'samples', '--format', 'json', '--as-of', AS_OF], REPO);
    const elsewhere = rac(['check', SAMPLES, '--format', 'json', '--as-of', AS_OF], workspace());
    assert.equal(here.status, elsewhere.status, elsewhere.stderr);
    const a = findingsByName(here.stdout);
    assert.equal(Object.keys(a).length, readdirSync(SAMPLES).filter((n) => n.endsWith('.relationship.yaml')).length);
    assert.deepEqual(findingsByName(elsewhere.stdout), a);
    assert.ok(!Object.values(a).flat().some((f) => /link\.outside-workspace/.test(f)), 'no evidence link of the samples leaves the workspace');
    // Only the flawed sample links files that are missing on purpose.
    assert.deepEqual(Object.keys(a).filter((name) => a[name].some((f) => /link\./.test(f))), ['flawed.relationship.yaml']);
  });

  test('outside a git work tree, links resolve beside the file and the file\'s folder bounds them', () => {
    const dir = workspace({ 'hosp/hosp.relationship.yaml': linking('docs/jrmp.md'), 'hosp/docs/jrmp.md': '# plan', 'shared/plan.md': '', 'hosp/up.relationship.yaml': linking('../shared/plan.md') });
    const r = rac(['check', join(dir, 'hosp'), '--format', 'json', '--as-of', '2025-06-01'], workspace());
    const found = findingsByName(r.stdout);
    assert.deepEqual(found['hosp.relationship.yaml'].filter((f) => f.includes('link.')), []);
    const up = found['up.relationship.yaml'].filter((f) => f.includes('link.'));
    assert.equal(up.length, 1);
    // The message names the root, so a surprising one is seen at once.
    assert.match(up[0], new RegExp(`link\\.outside-workspace "\\.\\./shared/plan\\.md" points outside the workspace root "${join(dir, 'hosp').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`));
  });

  test('inside a git work tree the tree bounds the links; --root narrows or widens it, for check and report', () => {
    const dir = workspace({ '.git/HEAD': '', 'rel/up.relationship.yaml': linking('../shared/plan.md'), 'shared/plan.md': '' });
    const inTree = rac(['check', 'rel', '--format', 'json', '--as-of', '2025-06-01'], dir);
    assert.deepEqual(findingsByName(inTree.stdout)['up.relationship.yaml'].filter((f) => f.includes('link.')), []);
    const narrowed = rac(['check', 'rel', '--root', 'rel', '--as-of', '2025-06-01'], dir);
    assert.match(narrowed.stdout, /"\.\.\/shared\/plan\.md" points outside the workspace root "rel"/);
    const report = rac(['report', 'rel', '--root', 'rel', '--format', 'markdown', '--as-of', '2025-06-01'], dir);
    assert.equal(report.status, 0, report.stderr);
    assert.match(report.stdout, /points outside the workspace root/);
    assert.equal(rac(['report', 'rel', '--root', 'nowhere'], dir).status, 2);
  });

  test('rac diff takes --root for the working tree and the base alike', () => {
    const repo = new TempRepo().init();
    try {
      repo.write('shared/plan.md', '').write('rel/up.relationship.yaml', linking('docs/x.md')).commitAll('base');
      repo.write('rel/up.relationship.yaml', linking('../shared/plan.md'));
      const whole = repo.rac(['diff', '--base', 'main', '--format', 'json', '--as-of', '2025-06-01']);
      assert.equal(whole.status, 0, whole.stderr);
      assert.doesNotMatch(whole.stdout, /outside-workspace/);
      const narrowed = repo.rac(['diff', '--base', 'main', '--format', 'json', '--as-of', '2025-06-01', '--root', 'rel']);
      assert.match(narrowed.stdout, /points outside the workspace root \\"rel\\"/);
      assert.equal(repo.rac(['diff', '--base', 'main', '--root', 'missing']).status, 2);
    } finally {
      repo.dispose();
    }
  });
});

describe('folder walks, patterns and ignores', () => {
  test('a symbolic link out of the workspace is not read: the check names it in a note', () => {
    const outside = workspace({ 'secret.relationship.yaml': 'not: [valid' });
    const dir = workspace({ '.git/HEAD': '', 'a.relationship.yaml': VALID });
    symlinkSync(join(outside, 'secret.relationship.yaml'), join(dir, 'linked.relationship.yaml'));
    const r = rac(['check', '.', '--as-of', '2025-06-01'], dir);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stderr, /^rac check: note: skipped linked\.relationship\.yaml: a symbolic link to .*secret\.relationship\.yaml, outside the workspace root .*: not read$/m);
    assert.doesNotMatch(r.stdout, /linked/);
    // Named on the command line, the file is the user's choice and is checked.
    assert.equal(rac(['check', 'linked.relationship.yaml', '--as-of', '2025-06-01'], dir).status, 1);
    // A root that encloses the target lets the walk read it.
    const wider = rac(['check', '.', '--root', join(outside, '..'), '--as-of', '2025-06-01'], dir);
    assert.match(wider.stdout, /linked\.relationship\.yaml/);
  });

  test('patterns are expanded by rac, honouring node_modules, hidden folders, .gitignore and --ignore', () => {
    const dir = workspace({
      '.gitignore': 'build/\n',
      'a.relationship.yaml': VALID,
      'x/b.relationship.yaml': VALID,
      'x/y/c.relationship.yml': VALID,
      'x/notes.yaml': 'not: a relationship',
      'build/d.relationship.yaml': VALID,
      'node_modules/e.relationship.yaml': VALID,
      '.cache/f.relationship.yaml': VALID,
      'drafts/g.relationship.yaml': VALID,
    });
    const listed = (args: string[]) => rac(['check', ...args, '--as-of', '2025-06-01', '--format', 'json'], dir);
    const names = (r: ReturnType<typeof rac>) => (JSON.parse(r.stdout) as { files: JsonFile[] }).files.map((f) => f.path);
    assert.deepEqual(names(listed(['**/*.relationship.yaml'])), ['a.relationship.yaml', 'drafts/g.relationship.yaml', 'x/b.relationship.yaml']);
    assert.deepEqual(names(listed(['**/*.relationship.{yaml,yml}', '--ignore', 'drafts/'])), ['a.relationship.yaml', 'x/b.relationship.yaml', 'x/y/c.relationship.yml']);
    assert.deepEqual(names(listed(['x/*.yaml'])), ['x/b.relationship.yaml', 'x/notes.yaml']);
    assert.deepEqual(names(listed(['.', '--ignore', 'x', '--ignore', 'g.*'])), ['a.relationship.yaml']);
    // From a subfolder, patterns and --ignore are relative to it.
    const sub = rac(['check', '**/*.relationship.*', '--ignore', 'y/', '--format', 'json', '--as-of', '2025-06-01'], join(dir, 'x'));
    assert.deepEqual(names(sub), ['b.relationship.yaml']);
    const none = listed(['nothing/**/*.relationship.yaml']);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /nothing\/\*\*\/\*\.relationship\.yaml: no files match this pattern/);
  });

  test('a folder whose relationship files are all ignored is an empty folder', () => {
    const dir = workspace({ 'named/.gitignore': '*\n', 'named/a.relationship.yaml': VALID });
    mkdirSync(join(dir, 'other'));
    const r = rac(['check', 'named'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /no relationship files under named/);
  });
});
