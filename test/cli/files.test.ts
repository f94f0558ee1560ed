// node/files.ts: the evidence-link check (containment in the workspace, symbolic links). The walk: walk.test.ts.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileExistsFor } from '../../server/src/node/files';

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rac-files-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

describe('fileExistsFor', () => {
  test('a checker that is never asked about a link never touches the file system', (t) => {
    const root = tree({ 'ws/a.relationship.yaml': '' });
    const touched: string[] = [];
    for (const name of ['statSync', 'lstatSync', 'realpathSync', 'existsSync'] as const) {
      const original = fs[name] as (...args: unknown[]) => unknown;
      t.mock.method(fs, name, (...args: unknown[]) => {
        touched.push(String(args[0]));
        return original(...args);
      });
    }
    const check = fileExistsFor(join(root, 'ws', 'a.relationship.yaml'), join(root, 'ws'));
    assert.deepEqual(touched, [], 'rac check makes one checker per file, most of which see no relative link');
    assert.equal(check('a.relationship.yaml'), 'exists');
  });

  test('resolves links against the document folder, inside the workspace', () => {
    const root = tree({ 'ws/rel/a.relationship.yaml': '', 'ws/rel/docs/plan.pdf': '', 'ws/shared/nda.pdf': '', 'secret.pdf': '' });
    const check = fileExistsFor(join(root, 'ws', 'rel', 'a.relationship.yaml'), join(root, 'ws'));
    assert.equal(check('docs/plan.pdf'), 'exists');
    assert.equal(check('./docs/../docs/plan.pdf'), 'exists');
    assert.equal(check('docs/missing.pdf'), 'missing');
    assert.equal(check('../shared/nda.pdf'), 'exists');
    assert.equal(check('../../secret.pdf'), 'outside');
    assert.equal(check('docs/../../../secret.pdf'), 'outside');
    assert.equal(check('nul\0.pdf'), 'missing');
  });

  test('a symbolic link out of the workspace is outside, also when its target does not exist', () => {
    const root = tree({ 'ws/a.relationship.yaml': '', 'outside/x.pdf': '' });
    symlinkSync(join(root, 'outside'), join(root, 'ws', 'linked'));
    symlinkSync(join(root, 'outside', 'x.pdf'), join(root, 'ws', 'x.pdf'));
    const check = fileExistsFor(join(root, 'ws', 'a.relationship.yaml'), join(root, 'ws'));
    assert.equal(check('linked/x.pdf'), 'outside');
    assert.equal(check('linked/nothing.pdf'), 'outside');
    assert.equal(check('x.pdf'), 'outside');
  });

  test('a workspace reached through a symbolic link still contains its own files', () => {
    const root = tree({ 'real/a.relationship.yaml': '', 'real/docs/p.pdf': '' });
    symlinkSync(join(root, 'real'), join(root, 'alias'));
    assert.equal(fileExistsFor(join(root, 'alias', 'a.relationship.yaml'), join(root, 'alias'))('docs/p.pdf'), 'exists');
    // The editor may name the document by its real path and the workspace by the link, or the other way round.
    assert.equal(fileExistsFor(join(root, 'real', 'a.relationship.yaml'), join(root, 'alias'))('docs/p.pdf'), 'exists');
    assert.equal(fileExistsFor(join(root, 'alias', 'a.relationship.yaml'), join(root, 'real'))('docs/p.pdf'), 'exists');
    assert.equal(fileExistsFor(join(root, 'real', 'a.relationship.yaml'), join(root, 'alias'))('../x.pdf'), 'outside');
  });

  test('a link that leaves the workspace by its path is refused without touching the file system', (t) => {
    const root = tree({ 'ws/a.relationship.yaml': '' });
    // Used once before the spies: it resolves the workspace root and the document's folder once, at its first link.
    const check = fileExistsFor(join(root, 'ws', 'a.relationship.yaml'), join(root, 'ws'));
    assert.equal(check('missing.pdf'), 'missing');
    const touched: string[] = [];
    // The adapter calls these through the module object (a bundle keeps "require('node:fs').statSync"), so
    // spying on the module sees every access.
    for (const name of ['statSync', 'lstatSync', 'realpathSync', 'existsSync', 'readFileSync', 'openSync', 'accessSync'] as const) {
      const original = fs[name] as (...args: unknown[]) => unknown;
      t.mock.method(fs, name, (...args: unknown[]) => {
        touched.push(String(args[0]));
        return original(...args);
      });
    }
    assert.equal(check('../outside.pdf'), 'outside');
    assert.equal(check('../../../../../../etc/passwd'), 'outside');
    assert.deepEqual(touched, []);
    // The spy does see the file system when a link stays inside.
    assert.equal(check('a.relationship.yaml'), 'exists');
    assert.ok(touched.length > 0);
  });
});
