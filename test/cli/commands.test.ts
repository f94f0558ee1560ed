// The commands take their I/O as a CliIo, so they run in memory too: no process, no disk, a fixed clock.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rac } from '../../server/src/cli/commands';
import type { CliIo } from '../../server/src/cli/io';
import { VALID } from './run-cli';

function memoryIo(files: Record<string, string>): CliIo & { out: string; err: string; files: Record<string, string> } {
  const io = {
    cwd: '/work',
    env: {},
    stdoutIsTTY: true,
    out: '',
    err: '',
    files,
    stdout: (text: string) => void (io.out += text),
    stderr: (text: string) => void (io.err += text),
    today: () => '2025-06-01',
    readStdin: () => new TextEncoder().encode(VALID),
    readFile: (path: string) => {
      if (!(path in files)) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return new TextEncoder().encode(files[path]);
    },
    stat: (path: string) => (path in files ? { kind: 'file' as const, size: files[path].length }
      : Object.keys(files).some((f) => f.startsWith(`${path}/`)) ? { kind: 'directory' as const, size: 0 } : { kind: 'missing' as const, size: 0 }),
    exists: (path: string) => path in files,
    writeFile: (path: string, text: string) => void (files[path] = text),
    replaceFile: (path: string, text: string) => void (files[path] = text),
    createFile: (path: string, text: string) => {
      if (path in files) throw Object.assign(new Error('EEXIST'), { code: 'EEXIST' });
      files[path] = text;
    },
    appendFile: (path: string, text: string) => void (files[path] = (files[path] ?? '') + text),
    walk: async (dir: string) => ({ files: Object.keys(files).filter((f) => f.startsWith(`${dir}/`) && /\.relationship\.ya?ml$/.test(f)).sort(), skipped: [], cancelled: false }),
    findWorkspaceRoot: (path: string, isFolder?: boolean) => (isFolder ? path : path.slice(0, path.lastIndexOf('/'))),
    fileExistsFor: () => () => 'missing' as const,
  };
  return io;
}

describe('rac with an injected CliIo', () => {
  test('check reads through the io, uses its clock and colours for a terminal', async () => {
    const io = memoryIo({ '/work/a.relationship.yaml': VALID });
    assert.equal(await rac(['check', '.'], io), 0);
    assert.match(io.out, /as of 2025-06-01/);
    assert.ok(io.out.includes('\x1b[1ma.relationship.yaml\x1b[0m: '), io.out);
    const plain = memoryIo({ '/work/a.relationship.yaml': VALID });
    assert.equal(await rac(['check', '--no-color', '.'], plain), 0);
    assert.ok(!plain.out.includes('\x1b'));
  });

  test('NO_COLOR turns colours off', async () => {
    const io = { ...memoryIo({ '/work/a.relationship.yaml': VALID }), env: { NO_COLOR: '1' } };
    let out = '';
    io.stdout = (text: string) => void (out += text);
    assert.equal(await rac(['check'], io), 0);
    assert.ok(!out.includes('\x1b'));
  });

  test('init writes through the io and refuses to replace', async () => {
    const io = memoryIo({ '/work/keep.txt': '' });
    assert.equal(await rac(['init', '--stage', 'awareness', 'new.relationship.yaml'], io), 0);
    assert.match(io.files['/work/new.relationship.yaml'], /lifecycle_stage: awareness/);
    assert.equal(await rac(['init', 'new.relationship.yaml'], io), 2);
    assert.match(io.err, /already exists/);
  });
});
