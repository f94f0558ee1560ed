// `npm run test:vscode`: the extension-host suite in VS Code desktop, through @vscode/test-cli and
// @vscode/test-electron (dev dependencies; they download VS Code desktop, which CI machines here cannot, so CI
// runs test:e2e instead). An install without them (--omit=dev) gets a note on how to add them, and exit 0.
// Arguments go to vscode-test.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { testBundleOptions } from '../../scripts/test-bundle.mjs';

const root = join(import.meta.dirname, '..', '..');
const packages = ['@vscode/test-cli', '@vscode/test-electron'];
const missing = packages.filter((name) => !existsSync(join(root, 'node_modules', name, 'package.json')));
if (missing.length > 0) {
  console.log(`test:vscode skipped: ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not installed.
It runs the extension in VS Code desktop, which it downloads from update.code.visualstudio.com. To run it:
  npm i -D @vscode/test-cli @vscode/test-electron
  npm run test:vscode              (on Linux without a display: xvfb-run -a npm run test:vscode)
Where VS Code desktop cannot be downloaded, npm run test:e2e runs the packaged extension in code-server.`);
  process.exit(0);
}

// The extension as F5 runs it (dist/extension.js, dist/server.js, dist/cli.js), then the suite.
if (spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);
await esbuild.build({
  ...testBundleOptions,
  entryPoints: [join(root, 'test', 'vscode', 'extension.vscode.ts')],
  outdir: join(root, 'test-results', 'vscode'),
});

const cli = JSON.parse(readFileSync(join(root, 'node_modules', '@vscode', 'test-cli', 'package.json'), 'utf8'));
const bin = typeof cli.bin === 'string' ? cli.bin : cli.bin['vscode-test'];
const run = spawnSync(process.execPath, [join(root, 'node_modules', '@vscode', 'test-cli', bin), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
