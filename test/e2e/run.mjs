// `npm run test:e2e`: packages the extension, bundles the end-to-end test and runs it against code-server
// (installed by scripts/e2e-setup.sh), within a bound on the whole run. Whatever happens (a failure, the
// bound, Ctrl+C, SIGTERM from CI), code-server and the browser are stopped: the test stops them itself, and
// if it cannot (it was killed), this script kills the server's process group, whose id the test left in a file.
//
// Environment: RAC_E2E_TIMEOUT_S bounds the run (default 600), RAC_E2E_CACHE is where the setup script installed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { testBundleOptions } from '../../scripts/test-bundle.mjs';

const root = join(import.meta.dirname, '..', '..');
const out = join(root, 'test-results', 'e2e');
const bundle = join(out, 'build', 'vscode.e2e.js');
const pidFile = join(out, 'build', 'code-server.pgid');
const limitS = Number(process.env.RAC_E2E_TIMEOUT_S ?? 600);
const started = Date.now();
const elapsed = () => `${Math.round((Date.now() - started) / 1000)}s`;

mkdirSync(join(out, 'build'), { recursive: true });
rmSync(pidFile, { force: true });

// 1. The .vsix a user installs (production build + vsce), then the test itself.
const packaged = spawnSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: 'inherit' });
if (packaged.status !== 0) {
  console.error('e2e: npm run package failed');
  process.exit(1);
}
await esbuild.build({
  ...testBundleOptions,
  entryPoints: [join(root, 'test', 'e2e', 'vscode.e2e.ts')],
  outfile: bundle,
});

// 2. The test, in a child process this script can bound and clean up after.
const child = spawn(process.execPath, ['--test-reporter=spec', bundle], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, RAC_E2E_PIDFILE: pidFile },
});

let reason = '';
function stop(why) {
  if (reason || child.exitCode !== null) return;
  reason = why;
  console.error(`e2e: ${why} after ${elapsed()}: stopping the test and VS Code`);
  child.kill('SIGTERM');
  // The test stops code-server and Chromium on SIGTERM; give it a moment, then make sure.
  setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
}
const bound = setTimeout(() => stop(`the end-to-end run exceeded its ${limitS}s bound`), limitS * 1000);
process.on('SIGINT', () => stop('interrupted (SIGINT)'));
process.on('SIGTERM', () => stop('terminated (SIGTERM)'));

child.on('exit', (code) => {
  clearTimeout(bound);
  // The test removes the file once it has stopped code-server; a killed test leaves it, and the group, behind.
  if (existsSync(pidFile)) {
    const pgid = Number(readFileSync(pidFile, 'utf8'));
    try {
      if (pgid > 0) process.kill(-pgid, 'SIGKILL');
    } catch {
      // Already stopped.
    }
    rmSync(pidFile, { force: true });
  }
  const ok = code === 0 && !reason;
  console.log(`e2e: ${ok ? 'passed' : 'FAILED'} in ${elapsed()}; screenshots in ${out}`);
  process.exit(ok ? 0 : 1);
});
