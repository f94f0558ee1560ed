// Loads a TypeScript module of the project from a script: bundled by esbuild into .cache/ (ignored by git and
// ESLint, inside the repository so that the bundle finds node_modules), then required.
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { URL, fileURLToPath } from 'node:url';
import { yamlData } from './yaml-data.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** `entry` relative to the repository root; `name` names its bundle under .cache/. */
export async function loadTs(entry, name) {
  const outfile = join(root, '.cache', name, `${name}.cjs`);
  await esbuild.build({
    entryPoints: [join(root, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    plugins: [yamlData],
    logLevel: 'warning',
  });
  return createRequire(import.meta.url)(outfile);
}
