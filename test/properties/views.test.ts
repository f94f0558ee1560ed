// The tree's and the text's readings of a position agree (views.ts) at every position of every sample and of
// the golden fixtures, including inside block scalars, where completion must not offer keys in the prose.
// Then seeded random edits (documents.ts) that still parse, at every position; the position property test
// (positions.test.ts) compares the readings on its documents too, before their first syntax error.
//
// `npm test` compares every sample and one golden fixture in three (they mostly repeat one base file and the
// comparison is about 10 µs a position); after a build, `node dist-test/properties/views.test.js --all`
// compares every fixture.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, LineIndex, textContext } from '../../server/src/core/index';
import { generate, sources } from './documents';
import { comparableEnd, viewsDiffer } from './views';

const ALL = process.argv.includes('--all');

function firstDifference(text: string): string | undefined {
  const lines = new LineIndex(text);
  const analysis = analyze(text, { asOf: '2026-06-01' });
  const end = comparableEnd(analysis, lines);
  for (let offset = 0; offset <= end; offset++) {
    const wrong = viewsDiffer(analysis, lines, offset);
    if (wrong) {
      const p = lines.positionAt(offset);
      return `at ${p.line}:${p.character} (${JSON.stringify(lines.lineText(p.line))}): ${wrong}`;
    }
  }
  return undefined;
}

test(`${ALL ? 'every' : 'the samples and one in three'} golden fixture: the tree and the text name the same place at every position`, () => {
  let golden = 0;
  const chosen = sources().filter((s) => !s.name.startsWith('test/golden/') || ALL || golden++ % 3 === 0);
  const problems = chosen.map((s) => [s.name, firstDifference(s.text)]).filter(([, wrong]) => wrong).map(([name, wrong]) => `${name} ${wrong}`);
  assert.deepEqual(problems, []);
});

test('seeded edits that still parse: the tree and the text name the same place at every position', () => {
  const all = sources();
  const problems: string[] = [];
  let compared = 0;
  for (let i = 0; compared < 60 && i < 600; i++) {
    const doc = generate(all, 7, i, 2500);
    if (analyze(doc.text, { asOf: '2026-06-01' }).findings.some((f) => f.code.startsWith('syntax'))) continue;
    compared++;
    const wrong = firstDifference(doc.text);
    if (wrong) problems.push(`document ${i} of seed 7 (${doc.name}; ${doc.steps.join(', ')}) ${wrong}\n  text: ${JSON.stringify(doc.text.slice(0, 300))}`);
  }
  assert.equal(compared, 60, 'too few edited documents still parse');
  assert.deepEqual(problems, []);
});

// Small texts cut from documents the fuzz run found (npm run fuzz), each a line the two readings once split on.
const FOUND: readonly (readonly [string, string])[] = [
  ['"?" before a non-space starts a plain key', 'p:\n  b:\n    ?}party: \n      - {id: x}\n'],
  ['"? key" is an entry of the map, not a plain scalar going on', 'p:\n  ? x\n  b: \n  - x\n'],
  ['a block scalar header where a key belongs is the syntax error', 'a:\r\n  b: 1\r\n |--- scope: x\r\n  c: 2\r\n'],
  ['a quote never closed, with an escape error in what it swallowed', '  a: 1\n  scope: "Design 👩‍👩‍👧 build\n  start: 2\nparties:\n  - -\\?{id: hw}\n'],
  ['"key: value" inside an unclosed "{" after a lone \\r', 'a:\n  v:\r   {:  joint: Clean water\r\n    agreed_by: x\n'],
  ['a block scalar header after an emoji', 'p:\n  r:\n >🚰   rmp: {id: R, by: [a, b]}\n    s:😀\n'],
];

test('broken lines the fuzz run found: the tree and the text name the same place at every position', () => {
  const problems = FOUND.map(([what, text]) => [what, firstDifference(text)]).filter(([, wrong]) => wrong).map(([what, wrong]) => `${what}: ${wrong}`);
  assert.deepEqual(problems, []);
});

test('block scalars: no place is read in their prose, blank lines and indentation included', () => {
  const text = 'principles:\n  vision_and_values:\n    joint_vision: >\n      We share: one goal\n\n      - and [a list\n    agreed_by: [a]\n  x: |\n    # not a comment\n';
  const lines = new LineIndex(text);
  const prose = [[3, 0], [3, 3], [3, 6], [3, 15], [4, 0], [4, 5], [5, 2], [5, 8], [5, 15], [8, 2], [8, 10]];
  for (const [line, character] of prose) {
    const ctx = textContextAt(lines, line, character);
    assert.equal(ctx.on, 'none', `${line}:${character} ${JSON.stringify(lines.lineText(line))} read as ${JSON.stringify([ctx.on, ctx.container])}`);
  }
  for (const [bare, line, character] of [['key:\n  >\n  text [a, b]\n', 2, 8], [' >\n - {a: 1}\n', 1, 5]] as const) {
    const ctx = textContextAt(new LineIndex(bare), line, character);
    assert.equal(ctx.on, 'none', `${JSON.stringify(bare)} ${line}:${character}: a header alone on its line; its prose may start at its column`);
  }
  // After the prose, at the header's column or less: the next key of the map.
  const next = textContextAt(new LineIndex('a:\n  b: |\n    text\n  \n'), 3, 2);
  assert.deepEqual([next.on, next.container], ['key', ['a']]);
});

const textContextAt = (lines: LineIndex, line: number, character: number) => textContext(lines, lines.offsetAt({ line, character }));
