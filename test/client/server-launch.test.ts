// How the server's Node process is set up: the heap flag the server sets itself is one this runtime knows (set at
// run time, an unknown flag is only a line on stderr, so it is checked where Node refuses one: on the command
// line), and the code cache goes where the extension says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { serverEnvironment } from '../../client/src/server-launch';
import { HEAP_FLAG } from '../../server/src/node/heap-tuning';

test('the heap flag the server sets is one this Node knows', () => {
  const run = spawnSync(process.execPath, [HEAP_FLAG, '-e', 'console.log("up")'], { encoding: 'utf8' });
  assert.equal(run.stderr, '');
  assert.equal(run.status, 0);
  assert.equal(run.stdout, 'up\n');
  const bad = spawnSync(process.execPath, ['--heap-growing-percentage=50', '-e', '0'], { encoding: 'utf8' });
  assert.notEqual(bad.status, 0, 'a misspelt flag stops Node: this test would see one');
});

test('the code cache is set only when the extension has a folder for it', () => {
  assert.deepEqual(serverEnvironment('/storage/code-cache'), { RAC_CODE_CACHE: '/storage/code-cache' });
  assert.deepEqual(serverEnvironment(undefined), {});
});
