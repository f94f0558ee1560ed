// node/walk.ts: the folder walk rac and checkWorkspace share — what it lists, what it skips and why, and that it
// stops when asked. Real folders in the system's temp folder, with real symbolic links.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { walkRelationshipFiles } from '../../server/src/node/walk';
import { findWorkspaceRoot } from '../../server/src/node/workspace-root';

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rac-walk-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const rel = (root: string) => (p: string) => p.slice(root.length + 1).split('\\').join('/');

describe('walkRelationshipFiles', () => {
  test('finds both extensions, sorted, skipping node_modules, dot-folders and folder links', async () => {
    const root = tree({
      'b.relationship.yaml': '', 'a/c.relationship.yml': '', 'a/x.yaml': '', 'a/b/d.relationship.yaml': '',
      'node_modules/m.relationship.yaml': '', '.git/g.relationship.yaml': '', '.vscode/v.relationship.yaml': '',
      'a/.hidden/h.relationship.yaml': '', 'elsewhere/e.relationship.yaml': '', 'a/😀 émoji/f.relationship.yaml': '',
    });
    symlinkSync(join(root, 'elsewhere'), join(root, 'a', 'loop'));
    symlinkSync(root, join(root, 'a', 'b', 'up'));
    symlinkSync(join(root, 'elsewhere', 'e.relationship.yaml'), join(root, 'a', 'linked.relationship.yaml'));
    const walked = await walkRelationshipFiles(join(root, 'a'), { root });
    assert.deepEqual(walked.files.map(rel(root)), ['a/b/d.relationship.yaml', 'a/c.relationship.yml', 'a/linked.relationship.yaml', 'a/😀 émoji/f.relationship.yaml']);
    assert.deepEqual(walked.skipped, []);
    assert.equal(walked.cancelled, false);
  });

  test('a link to a file outside the workspace root is skipped with the reason; a dangling one is ignored', async () => {
    const base = tree({ 'ws/in.relationship.yaml': '', 'ws/docs/shared.relationship.yaml': '', 'secret/s.relationship.yaml': '' });
    const root = join(base, 'ws');
    symlinkSync(join(base, 'secret', 's.relationship.yaml'), join(root, 'out.relationship.yaml'));
    symlinkSync(join(root, 'docs', 'shared.relationship.yaml'), join(root, 'same.relationship.yaml'));
    symlinkSync(join(base, 'nothing.relationship.yaml'), join(root, 'dangling.relationship.yaml'));
    const walked = await walkRelationshipFiles(root, { root });
    assert.deepEqual(walked.files.map(rel(root)), ['docs/shared.relationship.yaml', 'in.relationship.yaml', 'same.relationship.yaml']);
    assert.equal(walked.skipped.length, 1);
    assert.equal(rel(root)(walked.skipped[0].path), 'out.relationship.yaml');
    assert.match(walked.skipped[0].reason, /symbolic link to .*secret.*s\.relationship\.yaml, outside the workspace root .*ws/);
    // The same link is fine when the root encloses its target.
    const wider = await walkRelationshipFiles(root, { root: base });
    assert.ok(wider.files.map(rel(root)).includes('out.relationship.yaml'));
    assert.deepEqual(wider.skipped, []);
  });

  test('.gitignore files apply from the root down, with negation, folder-only patterns and CRLF lines', async () => {
    const root = tree({
      '.gitignore': 'build/\r\n*.draft.relationship.yaml\r\n# a comment\r\n',
      'build/b.relationship.yaml': '',
      'x.draft.relationship.yaml': '',
      'keep.relationship.yaml': '',
      'sub/.gitignore': '!keep.draft.relationship.yaml\nlocal/\n',
      'sub/keep.draft.relationship.yaml': '',
      'sub/other.draft.relationship.yaml': '',
      'sub/local/l.relationship.yaml': '',
      'sub/deeper/build.relationship.yaml': '',
      'other/local/o.relationship.yaml': '',
    });
    const walked = await walkRelationshipFiles(root, { root });
    assert.deepEqual(walked.files.map(rel(root)), [
      'keep.relationship.yaml', 'other/local/o.relationship.yaml', 'sub/deeper/build.relationship.yaml', 'sub/keep.draft.relationship.yaml',
    ]);
    // A .gitignore that is a symbolic link is not read: it could lead out of the tree.
    const linked = tree({ 'rules.txt': '*.relationship.yaml\n', 'ws/a.relationship.yaml': '' });
    symlinkSync(join(linked, 'rules.txt'), join(linked, 'ws', '.gitignore'));
    assert.deepEqual((await walkRelationshipFiles(join(linked, 'ws'), { root: join(linked, 'ws') })).files.map(rel(linked)), ['ws/a.relationship.yaml']);
    // Starting below the root still honours the root's .gitignore.
    const below = await walkRelationshipFiles(join(root, 'sub'), { root });
    assert.deepEqual(below.files.map(rel(root)), ['sub/deeper/build.relationship.yaml', 'sub/keep.draft.relationship.yaml']);
  });

  test('extra ignore patterns are relative to their base folder and exclude whatever they match', async () => {
    const root = tree({ 'a/one.relationship.yaml': '', 'a/old/two.relationship.yaml': '', 'b/old/three.relationship.yaml': '', 'b/four.relationship.yaml': '' });
    const byName = await walkRelationshipFiles(root, { root, ignore: ['old/'] });
    assert.deepEqual(byName.files.map(rel(root)), ['a/one.relationship.yaml', 'b/four.relationship.yaml']);
    const anchored = await walkRelationshipFiles(root, { root, ignore: ['/a/old', 'b/four.relationship.yaml'], ignoreBase: root });
    assert.deepEqual(anchored.files.map(rel(root)), ['a/one.relationship.yaml', 'b/old/three.relationship.yaml']);
  });

  test('accept chooses the files listed (a glob), and the walk reports progress and stops when cancelled', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 450; i++) files[`f${String(i).padStart(3, '0')}/n.relationship.yaml`] = '';
    files['f000/notes.txt'] = '';
    const root = tree(files);
    const texts = await walkRelationshipFiles(root, { root, accept: (p) => p.endsWith('.txt') });
    assert.deepEqual(texts.files.map(rel(root)), ['f000/notes.txt']);

    const reports: number[] = [];
    const all = await walkRelationshipFiles(root, { root, progress: (folders) => reports.push(folders) });
    assert.equal(all.files.length, 450);
    assert.deepEqual(reports, [100, 200, 300, 400]);

    let asked = 0;
    const stopped = await walkRelationshipFiles(root, { root, cancelled: () => ++asked > 120 });
    assert.equal(stopped.cancelled, true);
    assert.ok(stopped.files.length < 450 && stopped.files.length > 0, `found ${stopped.files.length}`);
  });

  test('a folder that cannot be read gives no files instead of an error', async () => {
    const missing = join(tmpdir(), 'rac-no-such-folder-here');
    assert.deepEqual(await walkRelationshipFiles(missing, { root: missing }), { files: [], skipped: [], cancelled: false });
  });
});

describe('findWorkspaceRoot', () => {
  test('the nearest folder holding .git (a folder or a worktree file), else the file\'s folder', () => {
    const base = tree({ 'repo/.git/HEAD': '', 'repo/a/b/x.relationship.yaml': '', 'wt/.git': 'gitdir: elsewhere', 'wt/y.relationship.yaml': '', 'plain/z.relationship.yaml': '' });
    assert.equal(findWorkspaceRoot(join(base, 'repo', 'a', 'b', 'x.relationship.yaml')), join(base, 'repo'));
    assert.equal(findWorkspaceRoot(join(base, 'repo', 'a'), true), join(base, 'repo'));
    assert.equal(findWorkspaceRoot(join(base, 'wt', 'y.relationship.yaml')), join(base, 'wt'));
    // The temp folder is in no git work tree on these machines; if it were, that tree would be the answer.
    const plain = findWorkspaceRoot(join(base, 'plain', 'z.relationship.yaml'));
    assert.ok(plain === join(base, 'plain') || !plain.startsWith(base), plain);
  });
});
