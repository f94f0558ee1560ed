import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The engine's one public surface: everything outside server/src/core/ imports it through core/index.ts. The
// report renderer, which the webview bundles, may also read the constants of core/types.ts (no engine code).
const coreSurface = {
  group: ['**/core/*', '**/core/*/**', '!**/core/index', '!**/core/types'],
  message: 'Import the engine through server/src/core/index.ts, its one public surface.',
};

const nodeBuiltins = ['assert', 'buffer', 'child_process', 'crypto', 'events', 'fs', 'fs/promises', 'http', 'https', 'net', 'os', 'path', 'process', 'stream', 'url', 'util', 'worker_threads', 'zlib'];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-test/**', 'dist-bench/**', 'dist-action/**', 'dist-vsix/**', '.vscode-test/**', 'node_modules/**', '.cache/**', 'test-results/**', '**/*.generated.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Build and maintenance scripts run on Node.
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly", setTimeout: "readonly", clearTimeout: "readonly" } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // The engine and the report renderer are pure: text in, analysis out. They run in the server, the CLI
    // and the webview alike, so they must not touch the file system, the clock's host or VS Code.
    files: ['server/src/core/**/*.ts', 'server/src/report/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*'], message: 'The core is pure: inject I/O through AnalyzeOptions instead of importing Node built-ins.' },
          { group: ['vscode', 'vscode-*'], message: 'The core is pure: no VS Code or LSP types here; adapters convert the Analysis.' },
          coreSurface,
        ],
        paths: nodeBuiltins.map((name) => ({ name, message: 'The core is pure: inject I/O through AnalyzeOptions instead of importing Node built-ins.' })),
      }],
      'no-restricted-globals': ['error',
        { name: 'process', message: 'The core is pure: pass settings through AnalyzeOptions.' },
        { name: 'require', message: 'The core is pure.' }],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The core has no clock: use options.asOf.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'The core has no clock: use options.asOf.' }],
    },
  },
  {
    // Features, the CLI and the server wiring reach the engine only through its public surface.
    files: ['server/src/features/**/*.ts', 'server/src/cli/**/*.ts', 'server/src/node/**/*.ts', 'server/src/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [coreSurface] }] },
  },
);
