// README.md makes promises a newcomer acts on: its rule table must be what scripts/docs.mjs generates from the
// catalog, every npm command it names must exist, and every output it shows must be what the checker prints.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { flawedOutput, readmeExcerpts, SELECTIONS } from './readme-outputs';

// The bundle runs from dist-test/docs/; a bundle elsewhere falls back to the working folder.
const root = [join(__dirname, '..', '..'), process.cwd()].find((dir) => existsSync(join(dir, 'scripts', 'docs.mjs')))!;
const readme = readFileSync(join(root, 'README.md'), 'utf8').replace(/\r\n/g, '\n');
const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

/** Runs an ES module snippet against scripts/docs.mjs and returns what it prints as JSON. */
function withDocsModule(body: string): unknown {
  const url = pathToFileURL(join(root, 'scripts', 'docs.mjs')).href;
  const code = `import * as docs from ${JSON.stringify(url)}; import { readFileSync } from 'node:fs';\n${body}`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: root, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout);
}

/** The body of the first fenced block after a line holding `marker`. */
function blockAfter(text: string, marker: string): string {
  const at = text.indexOf(marker);
  assert.ok(at >= 0, `README.md has no ${marker}`);
  const match = /```[a-z]*\n([\s\S]*?)\n```/.exec(text.slice(at));
  assert.ok(match, `no code block after ${marker}`);
  return match[1];
}

function section(heading: string): string {
  const start = readme.indexOf(`\n## ${heading}\n`);
  assert.ok(start >= 0, `README.md has no "## ${heading}" section`);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

test('node scripts/docs.mjs --check passes: the rule table is up to date', () => {
  const run = spawnSync(process.execPath, [join(root, 'scripts', 'docs.mjs'), '--check'], { cwd: root, encoding: 'utf8' });
  assert.equal(run.status, 0, `${run.stderr}${run.stdout}`);
});

test('the README table between the markers is exactly what the generator writes', () => {
  const generated = withDocsModule(`console.log(JSON.stringify(docs.rulesTable(readFileSync(docs.CATALOG, 'utf8'))));`) as string;
  const inReadme = readme.slice(readme.indexOf('<!-- rules:start -->') + '<!-- rules:start -->'.length, readme.indexOf('<!-- rules:end -->')).trim();
  assert.equal(inReadme, generated.trim());
});

test('the generator replaces an outdated table and refuses a README without markers', () => {
  const result = withDocsModule(`
    const stale = 'intro\\n<!-- rules:start -->\\nold table\\n<!-- rules:end -->\\noutro\\n';
    const next = docs.withTable(stale, '| new |');
    let refused = false;
    try { docs.withTable('no markers here', '| new |'); } catch { refused = true; }
    console.log(JSON.stringify({ next, refused }));`) as { next: string; refused: boolean };
  assert.equal(result.next, 'intro\n<!-- rules:start -->\n| new |\n<!-- rules:end -->\noutro\n');
  assert.equal(result.refused, true);
});

test('the table has one row per catalog rule, in order, with its anchor and stage', () => {
  const catalog = parse(readFileSync(join(root, 'schemas', 'principles.yaml'), 'utf8')) as {
    principles: { clause: number; title: string; evidence: { id: string; title: string; from_stage: string; iso44001: string }[] }[];
  };
  const rows = readme.split('\n').filter((line) => line.includes('<a id="rule-'));
  const expected = catalog.principles.flatMap((p) => p.evidence.map((r) => ({ p, r })));
  assert.equal(rows.length, expected.length);
  expected.forEach(({ p, r }, i) => {
    const cells = rows[i].split(' | ');
    assert.equal(cells[0], `| ${p.clause} ${p.title}`);
    assert.equal(cells[1], `<a id="rule-${r.id.toLowerCase()}"></a>${r.id}`);
    assert.equal(cells[2], r.title);
    assert.ok(cells[3].startsWith(`\`${r.from_stage}\``), rows[i]);
    assert.equal(cells[4], r.iso44001, rows[i]);
  });
});

test('the life cycle table between its markers is what the generator writes from the catalog', () => {
  const generated = withDocsModule(`console.log(JSON.stringify(await docs.lifecycleTable()));`) as string;
  const inReadme = readme.slice(readme.indexOf('<!-- lifecycle:start -->') + '<!-- lifecycle:start -->'.length, readme.indexOf('<!-- lifecycle:end -->')).trim();
  assert.equal(inReadme, generated.trim());
  assert.ok(section('Lifecycle stages').includes('<!-- lifecycle:start -->'), 'the table stands in the Lifecycle stages section');
});

test('the life cycle table: eight stages in order, each rule starting at its from_stage and ending after its until_stage', () => {
  const catalog = parse(readFileSync(join(root, 'schemas', 'principles.yaml'), 'utf8')) as { principles: { evidence: { id: string; from_stage: string; until_stage?: string }[] }[] };
  const rules = catalog.principles.flatMap((p) => p.evidence);
  const block = readme.slice(readme.indexOf('<!-- lifecycle:start -->'), readme.indexOf('<!-- lifecycle:end -->'));
  const rows = block.split('\n').filter((l) => /^\| \d \| /.test(l)).map((l) => l.split(' | '));
  const stages = ['awareness', 'knowledge', 'internal_assessment', 'partner_selection', 'working_together', 'value_creation', 'staying_together', 'exit'];
  assert.deepEqual(rows.map((r) => r[1]), stages.map((s) => `\`${s}\``));
  const idsIn = (cell: string) => [...cell.matchAll(/\[([A-Z]{2}\d+)\]/g)].map((m) => m[1]);
  rows.forEach((row, i) => {
    assert.deepEqual(idsIn(row[3]), rules.filter((r) => r.from_stage === stages[i]).map((r) => r.id), stages[i]);
    assert.deepEqual(idsIn(row[4]), rules.filter((r) => r.until_stage === stages[i]).map((r) => r.id), stages[i]);
  });
  assert.match(rows[6][4], /\[VV4\].*\[CB4\].*\[EX7\].*\[EX8\]/);
  assert.match(rows[4][2], /\*\*exit_strategy\*\*: [^|]*`transition_plan.phases`/, 'the outputs name the fields the rules read');
});

test('the quick start is two commands, and each one exists as an npm script', () => {
  const commands = blockAfter(section('Quick start'), '```sh').split('\n').filter((l) => l.trim());
  assert.deepEqual(commands, ['npm ci && npm start', 'npm test']);
  for (const command of commands.flatMap((c) => c.split('&&').map((part) => part.trim()))) {
    const [, verb, name] = /^npm (\S+)(?: (\S+))?/.exec(command) ?? [];
    if (verb === 'ci') continue; // npm's own
    const script = verb === 'run' ? name : verb;
    assert.ok(scripts[script], `"${command}" needs an npm script "${script}"`);
  }
  assert.match(scripts.start, /check samples\/ --as-of 2026-11-01/, 'npm start must be deterministic: it checks samples/ with the date the README shows');
});

test('every `npm run` named in README.md and CONTRIBUTING.md exists', () => {
  const text = readme + readFileSync(join(root, 'CONTRIBUTING.md'), 'utf8');
  const named = [...new Set([...text.matchAll(/npm run ([a-z][\w:-]*)/g)].map((m) => m[1]))];
  assert.ok(named.length > 0);
  for (const name of named) assert.ok(scripts[name], `"npm run ${name}" is documented but package.json has no such script`);
});

test('the README keeps the sections other documents link to', () => {
  for (const heading of ['Quick start', 'What you will see', 'The file format', 'Lifecycle stages', 'Coverage', 'Principles and rules', 'CLI', 'Pull-request review', 'Editor', 'Development', 'Licence']) section(heading);
});

for (const { marker, format } of SELECTIONS) {
  test(`the ${format} excerpt of the flawed sample is real output`, () => {
    const actual = flawedOutput(root, format);
    for (const line of blockAfter(readme, marker).split('\n')) assert.ok(actual.includes(line), `not in the ${format} output of the flawed sample (npm run update-golden refreshes it):\n${line}`);
  });
}

test('the minimal example\'s output and the early sample\'s coverage line are exactly what the checker prints', () => {
  const found = readmeExcerpts(readme, root);
  assert.equal(found.length, 2);
  for (const e of found) {
    assert.ok(e.inReadme !== undefined, `README.md has no block for ${e.name}`);
    assert.equal(e.inReadme, e.actual, `${e.name} is out of date: run npm run update-golden and review it`);
  }
  assert.match(found[1].actual, /^coverage \d+\/12: /);
});
