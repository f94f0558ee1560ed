// An analysis in steps (analysisSteps) gives exactly analyzeEdited()'s result, and what requests answer from while
// its checks run (provisionalAnalysis) is the new text's own structure, with the previous findings and coverage
// moved through the edit: where the edit changed no judgement, they are the new analysis's, position for position.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analysisSteps, analyze, provisionalAnalysis, type Analysis, type AnalysisStructure } from '../../server/src/core/index';
import { textEdit } from '../../server/src/core/text';
import { generateRelationship } from '../bench/generate';
import { stubFileExists } from '../golden/golden-case';
import { prng, sources } from '../properties/documents';
import { below, pick } from '../fuzz/edits';
import { treeShape } from './tree-shape';

const options = { asOf: '2026-06-01', fileExists: stubFileExists };

/** Runs the steps; the structure they yield first, and how many times they yielded. */
function stepped(previous: Analysis | undefined, text: string): { analysis: Analysis; structure: AnalysisStructure | undefined; yields: number } {
  const steps = analysisSteps(previous, text, options);
  let structure: AnalysisStructure | undefined;
  for (let yields = 0; ; yields++) {
    const step = steps.next();
    if (step.done) return { analysis: step.value, structure, yields };
    if (step.value) {
      assert.equal(structure, undefined, 'the structure is yielded once');
      structure = step.value;
    }
  }
}

const judgements = (a: Analysis): unknown => ({ findings: a.findings, coverage: a.coverage, waivers: a.waivers });
const shape = (a: Analysis): unknown => ({ tree: treeShape(a.document), lines: a.lines.starts, model: a.model, data: a.data, symbols: a.symbols });

test('the steps give analyzeEdited()\'s analysis, yield the structure first and then between the checks', () => {
  for (const { name, text } of sources().filter((s) => s.name.startsWith('samples/'))) {
    const { analysis, structure, yields } = stepped(undefined, text);
    assert.deepStrictEqual(judgements(analysis), judgements(analyze(text, options)), name);
    assert.ok(structure, name);
    assert.equal(structure.document, analysis.document);
    assert.equal(structure.model, analysis.model);
    assert.ok(yields >= 4, `${name}: ${yields} yields`);
  }
});

test('while the checks run, the provisional analysis has the new structure and the old judgements moved through the edit', () => {
  const text = generateRelationship(400, 3);
  const rnd = prng(4_401);
  let previous = analyze(text, options);
  let current = text;
  let spliced = 0;
  let compared = 0;
  for (let k = 0; k < 120; k++) {
    const lines = current.split('\n');
    const i = 20 + below(lines.length - 21, rnd);
    // Characters typed at the end of a line, or a comment line inserted or removed: edits that change no judgement.
    const kind = pick(['type', 'type', 'comment', 'uncomment'], rnd);
    if (kind === 'type' && / \w+$/.test(lines[i]) && !/\d$/.test(lines[i]) && !/(id|owner|party|status|category|_on|due|date):/.test(lines[i])) lines[i] += pick(['x', 'é', '😀'], rnd);
    else if (kind === 'comment') lines.splice(i, 0, `${/^ */.exec(lines[i])![0]}# note ${k}`);
    else if (kind === 'uncomment') {
      const j = lines.findIndex((l, n) => n >= i && /^ *# note/.test(l));
      if (j >= 0) lines.splice(j, 1);
    }
    const next = lines.join('\n');
    const full = analyze(next, options);
    const before = previous;
    const { analysis, structure } = stepped(previous, next);
    assert.ok(structure);
    assert.deepStrictEqual(judgements(analysis), judgements(full), `edit ${k}: the steps differ from a full analysis`);
    if (structure.source.parsed.spliced) {
      spliced++;
      // The provisional analysis reads the previous one's lines and judgements, never its (taken over) tree.
      const provisional = provisionalAnalysis(before, structure);
      assert.deepStrictEqual(shape(provisional), shape(full), `edit ${k}: the provisional structure is not the new text's`);
      // Where the edit changed what is said (a typed reference no longer resolves), only the positions can agree.
      const said = (a: Analysis): string[] => a.findings.map((f) => `${f.code} ${f.message}`);
      if (JSON.stringify(said(before)) === JSON.stringify(said(full))) {
        compared++;
        assert.deepStrictEqual(judgements(provisional), judgements(full), `edit ${k} (${kind}): the old judgements, moved, are not where the new ones are`);
      }
    }
    previous = analysis;
    current = next;
  }
  assert.ok(spliced > 60 && compared > 40, `only ${spliced} of 120 edits were spliced, ${compared} compared`);
});

test('a range inside the replaced text moves to the replacement\'s bounds; ranges around it keep their text', () => {
  const before = 'schema_version: "2"\nmetadata:\n  id: REL-1\n  title: Old 😀 title\n  owner: nobody\n';
  const after = before.replace('Old 😀 title', 'New\r\n  x_more: two lines');
  assert.deepStrictEqual(textEdit(before, after), { start: before.indexOf('Old'), oldEnd: before.indexOf('\n  owner'), newEnd: after.indexOf('\n  owner') });
  const previous = analyze(before, options);
  const { structure } = stepped(previous, after);
  assert.ok(structure);
  const provisional = provisionalAnalysis(previous, structure);
  const edited = 3;
  assert.ok(previous.findings.some((f) => f.range.start.line > edited), 'the file has findings below the edited line');
  for (const [k, f] of previous.findings.entries()) {
    const moved = provisional.findings[k].range;
    if (f.range.start.line > edited) assert.deepStrictEqual(moved, { start: { ...f.range.start, line: f.range.start.line + 1 }, end: { ...f.range.end, line: f.range.end.line + 1 } }, `${f.code} moves down the added line`);
    else if (f.range.end.line < edited) assert.deepStrictEqual(moved, f.range, `${f.code} above the edit stays`);
    assert.ok(moved.end.line < structure.lines.lineCount, `${f.code} is inside the new text`);
  }
});
