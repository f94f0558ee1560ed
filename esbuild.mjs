// Bundles the extension client, the language server, the CLI and (with --tests / --bench) the test files.
// Usage: node esbuild.mjs [--production] [--watch] [--tests] [--bench]
import * as esbuild from 'esbuild';
import { readdirSync, statSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  legalComments: 'none',
  logLevel: 'warning',
  // The principle catalog is YAML data; it is embedded as text and parsed once at load.
  loader: { '.yaml': 'text' },
};

const products = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
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

const builds = [];
if (args.has('--tests') || args.has('--bench')) {
  rmSync('dist-test', { recursive: true, force: true });
  const entryPoints = args.has('--bench') ? filesUnder('test/bench', '.ts') : filesUnder('test', '.test.ts');
  // Tests import the sources directly; dependencies stay in node_modules so the run starts fast.
  builds.push({ ...common, entryPoints, outdir: 'dist-test', outbase: 'test', packages: 'external', sourcemap: 'inline' });
}
if (!args.has('--bench')) {
  // The protocol and CLI tests drive the built bundles, so tests build them too.
  for (const p of products) builds.push({ ...common, ...p });
}

if (args.has('--watch')) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('esbuild: watching');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
