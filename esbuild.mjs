// Bundles the extension client, the language server (for Node and for a browser worker), the CLI and (with --tests / --bench) the test files.
// Usage: node esbuild.mjs [--production] [--watch] [--tests | --bench] [--clean]
import * as esbuild from 'esbuild';
import { readdirSync, statSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { testBundleOptions } from './scripts/test-bundle.mjs';
import { isCurrent } from './scripts/compile-schema.mjs';
import { yamlData } from './scripts/yaml-data.mjs';

const args = new Set(process.argv.slice(2));
// The bench measures the bundles as they ship: minified, without source maps.
const production = args.has('--production') || args.has('--bench');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  legalComments: 'none',
  logLevel: 'warning',
  // The principle catalog is YAML data, embedded already parsed (scripts/yaml-data.mjs).
  plugins: [yamlData],
  // `yaml` as ES modules (the build its package gives browsers; the same code): bundled into the caller's scope, so
  // the parser calls its own functions directly. Its CommonJS build, the one Node resolves, is reached through a
  // getter on every call and reads process.env on every token: 40 of the 320 ms a 30,000-line file took to parse.
  alias: { yaml: './node_modules/yaml/browser/index.js' },
};

const products = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // The server's entry is small: it loads the server's code (dist/language-server.js) through a V8 code cache.
  { entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/node/language-server.ts'], outfile: 'dist/language-server.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The coverage preview's webview script; its CSS is inlined by the shared renderer (server/src/report/styles.ts).
  { entryPoints: ['client/src/preview/webview/main.ts'], outfile: 'dist/preview.js', platform: 'browser', format: 'iife', target: 'es2022' },
  // The browser build (github.dev, vscode.dev): the extension for the web extension host and the language
  // server for a web worker. platform: 'browser' picks the packages' browser entries, and any Node built-in
  // that slips into these bundles fails the build (test/reach/browser-bundle.test.ts also runs them without Node).
  { entryPoints: ['client/src/browser/extension.ts'], outfile: 'dist/browser/extension.js', platform: 'browser', format: 'cjs', target: 'es2022', external: ['vscode'] },
  { entryPoints: ['server/src/browser/main.ts'], outfile: 'dist/browser/server.js', platform: 'browser', format: 'iife', target: 'es2022' },
];

function filesUnder(dir, suffix) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, suffix));
    else if (path.endsWith(suffix)) out.push(path);
  }
  return out;
}

// The bundles embed the validator compiled from the schema at build time: a stale one would check an old format.
if (!isCurrent()) {
  console.error('esbuild: a generated validator (server/src/core/schema-validator.generated.js, server/src/params-validator.generated.js) does not match its schema: run `npm run compile-schema`');
  process.exit(1);
}

const builds = [];
if (args.has('--tests') || args.has('--bench')) {
  const bench = args.has('--bench');
  const outdir = bench ? 'dist-bench' : 'dist-test';
  // --clean empties the output first (CI starts clean anyway; a shared working tree may be mid-run).
  if (args.has('--clean')) rmSync(outdir, { recursive: true, force: true });
  const entryPoints = bench ? ['test/bench/bench.ts'] : filesUnder('test', '.test.ts');
  // The bench's own engine figures take `yaml` as the shipped bundles do.
  builds.push({ ...testBundleOptions, entryPoints, outdir, outbase: 'test', ...(bench ? { alias: common.alias } : {}) });
}
// The protocol and CLI tests and the bench drive the built bundles, so they are built every time.
for (const p of products) builds.push({ ...common, ...p });

if (args.has('--watch')) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('esbuild: watching');
} else {
  // Every bundle is attempted, so one broken entry does not hide the state of the others.
  const results = await Promise.allSettled(builds.map((b) => esbuild.build(b)));
  if (results.some((r) => r.status === 'rejected')) process.exit(1);
}
