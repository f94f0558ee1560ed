// Golden fixtures: every cases/*.relationship.yaml (or .yml) is analysed in-process and printed as the CLI's
// text format, narrowed to the rules the case is about (golden-case.ts); the result must equal the .out beside
// it. The samples are the whole-file goldens (samples/*.out). Regenerate with `npm run update-golden`, then
// review every changed .out by eye: a wrong golden file hides a wrong engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CASES_DIR, caseNames, mismatch, outName, renderFile, renderSample, SAMPLE_OUT_DIR, sampleNames } from './golden-case';

const names = caseNames();

test('the golden suite has at least 60 cases', () => {
  assert.ok(names.length >= 60, `only ${names.length} cases in ${CASES_DIR}`);
});

test('every .out belongs to a fixture (a renamed case leaves none behind)', () => {
  const orphans = readdirSync(CASES_DIR).filter((n) => n.endsWith('.out') && !names.includes(n.slice(0, -'.out'.length)));
  assert.deepEqual(orphans, []);
});

for (const name of names) {
  test(`golden ${name}`, () => {
    const outPath = join(CASES_DIR, outName(name));
    assert.ok(existsSync(outPath), `${outName(name)} is missing: run npm run update-golden and review it`);
    const expected = readFileSync(outPath, 'utf8');
    const actual = renderFile(name);
    const diff = mismatch(expected, actual);
    assert.equal(diff, undefined, `${name}: ${diff}\n--- full output ---\n${actual}`);
  });
}

for (const name of sampleNames()) {
  test(`golden samples/${name}, whole`, () => {
    const outPath = join(SAMPLE_OUT_DIR, outName(name));
    assert.ok(existsSync(outPath), `test/golden/samples/${outName(name)} is missing: run npm run update-golden and review it`);
    const actual = renderSample(name);
    const diff = mismatch(readFileSync(outPath, 'utf8'), actual);
    assert.equal(diff, undefined, `samples/${name}: ${diff}\n--- full output ---\n${actual}`);
  });
}

test('a case shows the findings of the rules it names, every other kind of finding, and its rules\' states', () => {
  const out = renderFile('check-cadence-one-day-past.relationship.yaml');
  assert.match(out, /\[evidence\.CL3\]/);
  assert.doesNotMatch(out.replace(/\[evidence\.CL3\]/g, ''), /\[evidence\./);
  assert.match(out.trimEnd().split('\n').pop()!, /: CL3 unmet · stage working_together · as of 2026-06-01$/);
  assert.match(renderFile('schema-empty-section.relationship.yaml'), /\[schema\.type\]\n(.*\n){2}cases\/schema-empty-section\.relationship\.yaml: no rule · stage/);
});

test('the comparison: literal lines, /regex/ lines, and the empty .out that cannot be right', () => {
  assert.equal(mismatch('a\nb\n', 'a\nb\n'), undefined);
  assert.equal(mismatch('a\n/^b+ \\d+$/\n', 'a\nbbb 42\n'), undefined);
  assert.match(mismatch('a\n/^b+$/\n', 'a\nc\n')!, /line 2 differs/);
  assert.match(mismatch('a\n', 'a\nb\n')!, /line 2: unexpected extra output/);
  assert.match(mismatch('a\nb\n', 'a\n')!, /line 2: output ended early/);
  assert.match(mismatch('', 'x: coverage\n')!, /empty/);
  assert.match(mismatch('/\n', '/x\n')!, /differs/, 'a lone slash is literal, not a pattern');
});
