// Regenerates test/golden/cases/*.out from the current engine. Usage: npm run update-golden
// It bundles the same case renderer the golden test uses, so both print identical output. An .out that
// still matches (including its /regex/ lines) is left untouched; every other one is rewritten literally.
// Review each changed .out by eye before committing: if the output is wrong, the engine is wrong.
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stdout } from 'node:process';
import { URL, fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Inside the repository so that the bundle finds node_modules; .cache/ is ignored by git and ESLint.
const outfile = join(root, '.cache', 'update-golden', 'golden-case.cjs');

await esbuild.build({
  entryPoints: [join(root, 'test', 'golden', 'golden-case.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  loader: { '.yaml': 'text' },
  logLevel: 'warning',
});

const golden = createRequire(import.meta.url)(outfile);
const dir = golden.CASES_DIR;
const counts = { created: 0, updated: 0, unchanged: 0 };
for (const name of golden.caseNames(dir)) {
  const outPath = join(dir, golden.outName(name));
  const actual = golden.renderFile(name, dir);
  if (existsSync(outPath)) {
    if (golden.mismatch(readFileSync(outPath, 'utf8'), actual) === undefined) {
      counts.unchanged++;
      continue;
    }
    counts.updated++;
    stdout.write(`updated  ${golden.outName(name)}\n`);
  } else {
    counts.created++;
    stdout.write(`created  ${golden.outName(name)}\n`);
  }
  writeFileSync(outPath, actual);
}
stdout.write(`golden: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged in ${dir}\n`);
