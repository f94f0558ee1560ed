// Regenerates every expected output the tests compare, with one command: npm run update-golden
//   server/src/core/schema-validator.generated.js and docs/reference.md, from the schema
//   test/golden/cases/*.out     each case's findings (narrowed to its rules) as `rac check` prints them
//   test/golden/samples/*.out   each sample whole, as `rac check --verbose --as-of 2026-11-01` prints it
//   README.md                   the rule and life cycle tables (scripts/docs.mjs), the minimal example's output, the early
//                               sample's coverage line and the rac diff example
//   test/diff/expected/*        rac diff on the scenario repository, by the built CLI
//   *.migrated.yaml             each v1 fixture migrated to schema_version "2" (test/golden/migrated.ts)
// Then it lists the kept relationships (test/golden/kept-relationships.ts: samples, stage baselines, reference and
// report fixtures, the diff scenario's files) that miss a rule counting at their stage: add its evidence (YAML).
// An .out that still matches (including its /regex/ lines) is left untouched. Review every change by eye
// before committing: if an output is wrong, the engine is wrong.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import process, { stdout } from 'node:process';
import { URL, fileURLToPath } from 'node:url';
import { CATALOG, fieldReference, LIFECYCLE_END, LIFECYCLE_START, lifecycleTable, README, REFERENCE, rulesTable, withTable } from './docs.mjs';
import { loadTs } from './load-ts.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
// Generated from the schema first: the validator the engine embeds (a snippet or description counts too) and the
// field reference, so that every output below comes from the schema as it is now.
execFileSync(process.execPath, [join(root, 'scripts', 'compile-schema.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
const reference = await fieldReference();
if (!existsSync(REFERENCE) || readFileSync(REFERENCE, 'utf8') !== reference) {
  writeFileSync(REFERENCE, reference);
  stdout.write('updated  docs/reference.md\n');
}
const golden = await loadTs('test/golden/regenerate.ts', 'update-golden');
const counts = { created: 0, updated: 0, unchanged: 0 };

/** Writes `actual` unless the file already matches it; says what it did. */
function refresh(path, shown, actual) {
  if (existsSync(path) && golden.mismatch(readFileSync(path, 'utf8'), actual) === undefined) {
    counts.unchanged++;
    return;
  }
  const verb = existsSync(path) ? 'updated' : 'created';
  counts[verb]++;
  stdout.write(`${verb}  ${shown}\n`);
  writeFileSync(path, actual);
}

for (const name of golden.caseNames()) refresh(join(golden.CASES_DIR, golden.outName(name)), `cases/${golden.outName(name)}`, golden.renderFile(name));
mkdirSync(golden.SAMPLE_OUT_DIR, { recursive: true });
for (const name of golden.sampleNames()) refresh(join(golden.SAMPLE_OUT_DIR, golden.outName(name)), `samples/${golden.outName(name)}`, golden.renderSample(name));
// The migration goldens: written where a fixture migrates, removed where none does any more.
const migrated = new Set();
for (const f of golden.migrationFixtures()) {
  if (f.migration.status !== 'migrated') continue;
  migrated.add(f.golden);
  const current = golden.readGolden(f.golden);
  if (current === f.migration.text) {
    counts.unchanged++;
    continue;
  }
  counts[current === undefined ? 'created' : 'updated']++;
  stdout.write(`${current === undefined ? 'created' : 'updated'}  ${golden.migratedShown(f.golden)}\n`);
  mkdirSync(dirname(f.golden), { recursive: true });
  writeFileSync(f.golden, f.migration.text);
}
for (const stale of golden.migratedGoldens().filter((g) => !migrated.has(g))) {
  rmSync(stale);
  stdout.write(`removed  ${golden.migratedShown(stale)}\n`);
}
stdout.write(`golden: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged in test/golden/ (cases, samples and migrations)\n`);

const readme = readFileSync(README, 'utf8');
const tables = withTable(withTable(readme, rulesTable(readFileSync(CATALOG, 'utf8'))), await lifecycleTable(), [LIFECYCLE_START, LIFECYCLE_END]);
const next = golden.withExcerpts(tables, root);
if (next !== readme) {
  writeFileSync(README, next);
  stdout.write('updated  README.md (the rule and life cycle tables and the outputs it shows)\n');
}

// rac diff runs the built CLI, as its tests do.
execFileSync(process.execPath, [join(root, 'esbuild.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
for (const changed of golden.writeDiffOutputs()) stdout.write(`updated  ${changed}\n`);

const lacking = golden.keptRelationships().map((k) => ({ ...k, unmet: golden.unmetRules(k) })).filter((k) => k.unmet.length > 0);
for (const k of lacking) stdout.write(`lacking  ${k.path}: ${k.unmet.join(', ')} unmet; add the evidence (kept relationships meet every rule that counts at their stage)\n`);
const gaps = golden.templateGaps();
for (const g of gaps) stdout.write(`lacking  rac init --stage ${g.stage}: ${g.unmet.join(', ')} unmet; add the evidence to the section's defaultSnippets in schemas/relationship.schema.json\n`);
if (lacking.length > 0 || gaps.length > 0) process.exitCode = 1;
