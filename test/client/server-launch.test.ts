// How the server's Node process is set up: the V8 flags the server sets itself (its heap, its optimizing compiler
// while it starts) are ones this runtime knows (set at run time, an unknown flag is only a line on stderr, so they
// are checked where Node refuses one: on the command line), and the code cache goes where the extension says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { serverEnvironment } from '../../client/src/server-launch';
import { DEFAULT_GROWTH, HEAP_FLAG } from '../../server/src/node/heap-tuning';
import { OPTIMIZER_OFF, OPTIMIZER_ON } from '../../server/src/node/startup-compiler';

test('every V8 flag the server sets at run time is one this Node knows', () => {
  for (const flag of [HEAP_FLAG, DEFAULT_GROWTH, OPTIMIZER_OFF, OPTIMIZER_ON]) {
    const run = spawnSync(process.execPath, [flag, '-e', 'console.log("up")'], { encoding: 'utf8' });
    assert.equal(run.stderr, '', flag);
    assert.equal(run.status, 0, flag);
    assert.equal(run.stdout, 'up\n', flag);
  }
  const bad = spawnSync(process.execPath, ['--heap-growing-percentage=50', '-e', '0'], { encoding: 'utf8' });
  assert.notEqual(bad.status, 0, 'a misspelt flag stops Node: this test would see one');
});

test('the code cache is set only when the extension has a folder for it', () => {
  assert.deepEqual(serverEnvironment('/storage/code-cache'), { RAC_CODE_CACHE: '/storage/code-cache' });
  assert.deepEqual(serverEnvironment(undefined), {});
});
