// @vscode/test-cli configuration for `npm run test:vscode` (test/vscode/run.mjs bundles the suite first).
// It downloads VS Code desktop into .vscode-test/ and runs the suite in its extension host, with this folder
// as the extension under development and samples/ as the workspace.
import { defineConfig } from '@vscode/test-cli';

export default defineConfig({
  label: 'extension host',
  files: 'test-results/vscode/**/*.vscode.js',
  version: 'stable',
  workspaceFolder: './samples',
  // Other installed extensions stay out; trust and welcome pages would only slow the run down.
  launchArgs: ['--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  mocha: { ui: 'tdd', timeout: 60_000 },
});
