// The code cache the server's entry loads its bundle through (server/src/node/code-cache.ts), on small bundles in
// this process: the code runs as the CommonJS module it is, the cache is written once and then used, and a cache
// that is missing, foreign, damaged, made for other source text, refused by V8 or in a folder that cannot be
// written is ignored without a throw. The damaged one matters most: V8 aborts the whole process on a cache whose
// header is intact and whose body is not, so this test process would die if the loader let one through.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheFile, loadBundle } from '../../server/src/node/code-cache';

let bundles = 0;

/** A CommonJS bundle in a fresh folder, its text unique to this test run. */
function bundle(body = ''): { dir: string; path: string; cacheDir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'rac-code-cache-'));
  const path = join(dir, 'bundle.js');
  writeFileSync(path, `// bundle ${++bundles} ${process.hrtime.bigint()}
const { basename } = require('node:path');
function square(x) { const table = []; for (let i = 0; i < 4; i++) table.push(i * i); return x * x + table.length - 4; }
module.exports = { square, file: basename(__filename), folder: basename(__dirname), self: this === module.exports };
${body}
`);
  return { dir, path, cacheDir: join(dir, 'cache') };
}

type Exports = { square(x: number): number; file: string; folder: string; self: boolean };

let copies = 0;

/**
 * The bundle's current text at another path: what a second start loads. V8 also keeps what it compiled in this
 * process by source text and file name; a load from a new name is compiled from the cache file (or from scratch).
 */
function again(b: { dir: string; path: string }): string {
  const path = join(b.dir, `start-${++copies}`, 'bundle.js');
  mkdirSync(join(b.dir, `start-${copies}`));
  writeFileSync(path, readFileSync(b.path));
  return path;
}

function cacheFiles(cacheDir: string): string[] {
  return existsSync(cacheDir) ? readdirSync(cacheDir) : [];
}

test('without a folder the bundle loads as a module and nothing is written', () => {
  const b = bundle();
  const loaded = loadBundle(b.path, undefined);
  assert.equal(loaded.state, 'off');
  assert.equal((loaded.exports as Exports).square(3), 9);
  assert.equal(loaded.save(), false);
  assert.deepEqual(cacheFiles(b.cacheDir), []);
  rmSync(b.dir, { recursive: true, force: true });
});

test('the cache is written once, in the folder given, and the next load uses it', () => {
  const b = bundle();
  const first = loadBundle(b.path, b.cacheDir);
  assert.equal(first.state, 'missing');
  const exports = first.exports as Exports;
  // The code runs as Node's loader would run it: its own require, module, __filename, __dirname and this.
  assert.deepEqual({ file: exports.file, folder: exports.folder, self: exports.self }, { file: 'bundle.js', folder: b.dir.split(/[\\/]/).pop(), self: true });
  assert.equal(exports.square(4), 16);
  assert.equal(first.save(), true);
  assert.equal(first.save(), false, 'written once');
  assert.deepEqual(cacheFiles(b.cacheDir), [cacheFile(b.cacheDir).split(/[\\/]/).pop()], 'one file, no temporary file left');
  const written = readFileSync(first.file!);

  const second = loadBundle(again(b), b.cacheDir);
  assert.equal(second.state, 'used');
  assert.equal((second.exports as Exports).square(5), 25);
  assert.equal(second.save(), false, 'a cache that was used is not written again');
  assert.deepEqual(readFileSync(second.file!), written);
  rmSync(b.dir, { recursive: true, force: true });
});

test('the cache holds the functions that ran before it was written, not only the top level', () => {
  const body = Array.from({ length: 40 }, (_, i) => `module.exports.f${i} = function (a) { let s = 0; for (const x of a) s += x * ${i}; return s; };`).join('\n');
  const sizeAfter = (run: boolean): number => {
    const b = bundle(body);
    const loaded = loadBundle(b.path, b.cacheDir);
    const exports = loaded.exports as Record<string, (a: number[]) => number>;
    if (run) for (let i = 0; i < 40; i++) assert.equal(exports[`f${i}`]([1, 2]), 3 * i);
    loaded.save();
    const size = statSync(loaded.file!).size;
    rmSync(b.dir, { recursive: true, force: true });
    return size;
  };
  assert.ok(sizeAfter(true) > sizeAfter(false), 'functions compiled on first use are in the cache');
});

/** Loads once to write a good cache, lets `spoil` change the file, loads again: the second load's state and file. */
function spoiled(spoil: (file: string, bundlePath: string) => void): { state: string; rewritten: boolean; square: number } {
  const b = bundle();
  const first = loadBundle(b.path, b.cacheDir);
  first.save();
  spoil(first.file!, b.path);
  const before = existsSync(first.file!) && statSync(first.file!).isFile() ? readFileSync(first.file!) : undefined;
  const second = loadBundle(again(b), b.cacheDir);
  const square = (second.exports as Exports).square(6);
  const rewritten = second.save();
  if (rewritten) assert.notDeepEqual(readFileSync(second.file!), before);
  // Written anew, the file is used by the load after.
  if (rewritten) assert.equal(loadBundle(again(b), b.cacheDir).state, 'used');
  rmSync(b.dir, { recursive: true, force: true });
  return { state: second.state, rewritten, square };
}

test('a cache whose V8 data is damaged behind an intact header never reaches V8: the bundle compiles and the cache is written anew', () => {
  const result = spoiled((file) => {
    const bytes = readFileSync(file);
    for (let i = 0; i < 64; i++) bytes[Math.floor(bytes.length * (0.3 + i / 200))] ^= 0xff;
    writeFileSync(file, bytes);
  });
  assert.deepEqual(result, { state: 'invalid', rewritten: true, square: 36 });
});

test('foreign, empty, truncated and unreadable cache files are ignored', () => {
  const spoils: Record<string, (file: string) => void> = {
    foreign: (file) => writeFileSync(file, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256))),
    empty: (file) => writeFileSync(file, ''),
    truncated: (file) => writeFileSync(file, readFileSync(file).subarray(0, 200)),
    'a folder': (file) => {
      rmSync(file);
      mkdirSync(file);
    },
  };
  for (const [name, spoil] of Object.entries(spoils)) {
    const result = spoiled(spoil);
    assert.equal(result.state, 'invalid', name);
    assert.equal(result.square, 36, name);
    // A folder where the file should be cannot be replaced by a rename: the cache is then simply not kept.
    assert.equal(result.rewritten, name !== 'a folder', name);
  }
});

test('a cache made for other source text of the same length is not used', () => {
  const result = spoiled((_file, bundlePath) => {
    const text = readFileSync(bundlePath, 'utf8');
    writeFileSync(bundlePath, text.replace('x * x', 'x + x'));
    assert.equal(readFileSync(bundlePath, 'utf8').length, text.length);
  });
  assert.deepEqual(result, { state: 'invalid', rewritten: true, square: 12 });
});

test('a cache V8 refuses (made by another V8 or with other flags) is written anew', () => {
  const result = spoiled((file) => {
    // Rebuild the file with V8's own header changed and the loader's digest recomputed, as a cache another runtime
    // wrote would look: the loader passes it on, and V8 must refuse it.
    const bytes = readFileSync(file);
    const magic = bytes.indexOf('\n') + 1;
    const data = Buffer.from(bytes.subarray(magic + 32));
    for (let i = 0; i < 16; i++) data[i] ^= 0x5a;
    const digest = createHash('sha256').update(readFileSync(file.replace(/cache[\\/][^\\/]+$/, 'bundle.js'))).update(data).digest();
    writeFileSync(file, Buffer.concat([bytes.subarray(0, magic), digest, data]));
  });
  assert.deepEqual(result, { state: 'rejected', rewritten: true, square: 36 });
});

test('a folder that cannot be written leaves the server without a cache, not without its code', () => {
  const b = bundle();
  const blocked = join(b.dir, 'not-a-folder');
  writeFileSync(blocked, 'a file where the cache folder should be');
  const loaded = loadBundle(b.path, blocked);
  assert.equal(loaded.state, 'invalid');
  assert.equal((loaded.exports as Exports).square(2), 4);
  assert.equal(loaded.save(), false);
  assert.deepEqual(readdirSync(b.dir).sort(), ['bundle.js', 'not-a-folder']);
  rmSync(b.dir, { recursive: true, force: true });
});

test('writing a cache removes the cache files not written for a month, and nothing else', () => {
  const b = bundle();
  mkdirSync(b.cacheDir);
  const old = new Date(Date.now() - 40 * 24 * 60 * 60 * 1000);
  const files = {
    'server-0123456789abcdef.v8cache': true, // another runtime's, unused for 40 days: removed
    'server-0123456789abcdef.v8cache.123-89abcdef.tmp': true, // left by a crash 40 days ago: removed
    'server-fedcba9876543210.v8cache': false, // another runtime's, written yesterday: kept
    'notes.txt': false, // not the loader's: kept, however old
  };
  for (const [name, stale] of Object.entries(files)) {
    writeFileSync(join(b.cacheDir, name), 'x');
    const when = stale || name === 'notes.txt' ? old : new Date(Date.now() - 24 * 60 * 60 * 1000);
    utimesSync(join(b.cacheDir, name), when, when);
  }
  const loaded = loadBundle(b.path, b.cacheDir);
  assert.equal(loaded.save(), true);
  const mine = loaded.file!.split(/[\\/]/).pop()!;
  assert.deepEqual(readdirSync(b.cacheDir).sort(), [mine, 'notes.txt', 'server-fedcba9876543210.v8cache'].sort());
  rmSync(b.dir, { recursive: true, force: true });
});
