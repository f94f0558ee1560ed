// No-throw fuzzing: 300 seeded mutations of the reference example (deleted, inserted and duplicated characters,
// random indentation, random bytes). Each must give an Analysis, never a throw, with every range inside the text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, LineIndex, type Analysis, type Range } from '../../server/src/core/index';
import { referenceText } from './reference';
import { prng } from '../properties/documents';

const SPICE = [':', '-', '[', ']', '{', '}', ',', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`', '?', '\t', '\n', '\r', '\r\n', ' ', '---', '...', '\u0000', '\uFEFF', '🚰', 'é', '\\', 'x', '1'];

type Mutation = (text: string, rnd: () => number) => string;

const pick = <T>(items: readonly T[], rnd: () => number): T => items[Math.floor(rnd() * items.length)];
const at = (text: string, rnd: () => number): number => Math.floor(rnd() * (text.length + 1));

const mutations: Mutation[] = [
  function deleteCharacters(text, rnd) {
    const start = at(text, rnd);
    return text.slice(0, start) + text.slice(start + 1 + Math.floor(rnd() * 12));
  },
  function insertCharacters(text, rnd) {
    const i = at(text, rnd);
    let add = '';
    for (let n = 1 + Math.floor(rnd() * 4); n > 0; n--) add += pick(SPICE, rnd);
    return text.slice(0, i) + add + text.slice(i);
  },
  function duplicateSlice(text, rnd) {
    const start = at(text, rnd);
    const end = Math.min(text.length, start + Math.floor(rnd() * 200));
    return text.slice(0, end) + text.slice(start, end) + text.slice(end);
  },
  function reindentLine(text, rnd) {
    const lines = text.split('\n');
    const i = Math.floor(rnd() * lines.length);
    const body = lines[i].replace(/^[ \t]*/, '');
    lines[i] = pick([' ', '  ', '\t', '   '], rnd).repeat(Math.floor(rnd() * 6)) + body;
    return lines.join('\n');
  },
  function randomBytes(text, rnd) {
    const bytes = Buffer.alloc(1 + Math.floor(rnd() * 16));
    for (let k = 0; k < bytes.length; k++) bytes[k] = Math.floor(rnd() * 256);
    const i = at(text, rnd);
    return text.slice(0, i) + bytes.toString('utf8') + text.slice(i);
  },
];

function assertInside(range: Range, lines: LineIndex, what: string): void {
  for (const p of [range.start, range.end]) {
    assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character), `${what}: not integers ${JSON.stringify(range)}`);
    assert.ok(p.line >= 0 && p.line < lines.lineCount, `${what}: line ${p.line} outside 0..${lines.lineCount - 1}`);
    assert.ok(p.character >= 0 && p.character <= lines.lineText(p.line).length, `${what}: column ${p.character} outside line ${p.line}`);
  }
  const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  assert.ok(ordered, `${what}: ends before it starts ${JSON.stringify(range)}`);
}

function assertSane(a: Analysis, text: string, label: string): void {
  const lines = new LineIndex(text);
  for (const f of a.findings) {
    assertInside(f.range, lines, `${label} ${f.code}`);
    for (const r of f.related ?? []) assertInside(r.range, lines, `${label} ${f.code} related`);
    for (const fix of f.fixes ?? []) for (const e of fix.edits) assertInside(e.range, lines, `${label} ${f.code} fix`);
    assert.ok(f.message.length > 0, `${label} ${f.code}: empty message`);
  }
  const c = a.coverage;
  assert.ok(c.covered <= c.required && c.required <= c.total && c.total === 12, `${label}: coverage ${c.covered}/${c.required}/${c.total}`);
  assert.equal(c.required + c.notYetRequired, c.total);
  for (const p of c.principles) for (const r of p.rules) assertInside(r.range, lines, `${label} rule ${r.id}`);
}

test('300 seeded mutations of the reference example: no throw, every range inside the document', () => {
  const base = referenceText();
  const rnd = prng(44001);
  let broken = 0;
  for (let i = 0; i < 300; i++) {
    let text = base;
    const steps = 1 + Math.floor(rnd() * 4);
    const applied: string[] = [];
    for (let s = 0; s < steps; s++) {
      const m = pick(mutations, rnd);
      applied.push(m.name);
      text = m(text, rnd);
    }
    const label = `mutation ${i} (${applied.join(', ')})`;
    let analysis: Analysis | undefined;
    assert.doesNotThrow(() => {
      analysis = analyze(text, { asOf: '2026-06-01', fileExists: () => 'exists' });
    }, label);
    assertSane(analysis!, text, label);
    if (analysis!.findings.some((f) => f.code.startsWith('syntax'))) broken++;
  }
  // The mutations must actually hurt: a fuzzer that never breaks the syntax tests nothing.
  assert.ok(broken > 30, `only ${broken} of 300 mutations broke the syntax`);
});

test('pathological inputs: no throw, ranges inside', () => {
  const inputs = [
    '', '\uFEFF', '\n\n\n', '\r', '\r\r\n', '---', '...', '--- |\n  x', '- - - -', '{', '[', '"', "'", '&a *a', '*unknown', '!!binary AAAA',
    'a: &x [*x]', 'a: !!set {x, y}', '? complex\n: key', '\t\t\t', '\u0000\u0001\u0002', 'schema_version: "1"\n'.repeat(3),
    `principles: ${'{a: '.repeat(300)}${'}'.repeat(300)}`, 'x'.repeat(100_000), `metadata:\n${'  - \n'.repeat(1000)}`,
  ];
  inputs.forEach((text, i) => {
    let analysis: Analysis | undefined;
    assert.doesNotThrow(() => { analysis = analyze(text, { asOf: '2026-06-01' }); }, `input ${i}`);
    assertSane(analysis!, text, `input ${i} ${JSON.stringify(text.slice(0, 20))}`);
  });
});
