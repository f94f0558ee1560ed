// How the extension starts the server's Node process: every flag is one this runtime accepts (Node refuses to
// start on a V8 flag it does not know, and the server would never come up), and the code cache goes where
// the extension says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { SERVER_NODE_FLAGS, serverEnvironment } from '../../client/src/server-launch';

test('Node starts with the flags the extension gives the server', () => {
  const run = spawnSync(process.execPath, [...SERVER_NODE_FLAGS, '-e', 'console.log("up")'], { encoding: 'utf8' });
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
