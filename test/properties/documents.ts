// Seeded documents for the property tests: the samples, the golden fixtures and the feature fixture, cut into
// windows or truncated, then given what editors meet: blank first lines, CRLF and lone \r line ends, tabs,
// emoji, and random deletions and insertions. Document i of a seed depends only on (seed, i), so a failure is
// replayed by its two numbers.
import { readdirSync, readFileSync } from 'node:fs';
import { repoFile } from '../unit/reference';
import { NAV } from '../features/fixture';

/** mulberry32: a small seeded PRNG, so every run with a seed makes the same documents. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Source { name: string; text: string }
export interface GeneratedDocument { name: string; text: string; steps: string[] }

type Random = () => number;
const pick = <T>(items: readonly T[], rnd: Random): T => items[Math.floor(rnd() * items.length)];
const below = (n: number, rnd: Random): number => Math.floor(rnd() * n);

/** Every sample, every golden fixture and the feature fixture, sorted so a seed means the same documents everywhere. */
export function sources(): Source[] {
  const out: Source[] = [{ name: 'test/features/fixture.ts NAV', text: NAV }];
  for (const dir of ['samples', 'test/golden/cases']) {
    const folder = repoFile(...dir.split('/'));
    for (const name of readdirSync(folder).filter((n) => /\.relationship\.ya?ml$/.test(n)).sort()) {
      out.push({ name: `${dir}/${name}`, text: readFileSync(`${folder}/${name}`, 'utf8') });
    }
  }
  return out;
}

/** Small texts that have broken position code before; each is checked as it is, before the generated ones. */
export const EDGE_CASES: readonly string[] = [
  '', '\n', '\r', '\r\n', '\n\n', '\r\r', '\r\n\r\n', '\n\r', ' ', '\t', '#', '-', ':', '- ', '---\n', '\uFEFF', '😀', '\n😀:\n',
  '\nmetadata:\n  ', '\n\nmetadata:\n  id: x\n  ', 'schema_version: "1"\nmetadata:\n  lifecycle_stage: x\rwor\n',
  'schema_version: "1"\rmetadata:\r  id: x\r  ', 'a:\r  b: |\r    x\r\r    y\r  c: 1\r', 'a: >\n  text\n\n  more\nb: [x,\n  y, {c: |',
  'people:\n  - {id: p, name: "😀\r\n", party: a}\r\n  - id: q\r\n', 'x: "unclosed\n  y: 1', '- - - ', '\t- a: b\n\t\t- c',
];

const SPICE = [':', '-', '[', ']', '{', '}', ',', '#', '|', '>', "'", '"', '?', '\t', '\n', '\r', '\r\n', ' ', '  ', '---', '😀', '💧', 'é', '\\', 'x', '1', '- ', ': '];
const EMOJI = ['😀', '🤝', '💧', '🚰', '👩‍👩‍👧', '🇬🇧'];

type Step = (text: string, rnd: Random) => string;

/** A run of lines (a window of the file, as a file of its own). */
const window: Step = (text, rnd) => {
  const lines = text.split('\n');
  const length = 3 + below(30, rnd);
  const start = below(Math.max(1, lines.length - length + 1), rnd);
  return lines.slice(start, start + length).join('\n');
};
const truncate: Step = (text, rnd) => text.slice(0, below(text.length + 1, rnd));
const blankFirstLines: Step = (text, rnd) => pick(['\n', '\n\n', '\r\n', '\r', '  \n', '\n\n\n'], rnd) + text;
const crlf: Step = (text) => text.replace(/\r?\n/g, '\r\n');
const loneCr: Step = (text) => text.replace(/\r?\n/g, '\r');
const mixedLineEnds: Step = (text, rnd) => text.replace(/\r?\n/g, () => pick(['\n', '\r\n', '\r'], rnd));
const tabs: Step = (text, rnd) => text.replace(/^( {2})+/gm, (indent) => (rnd() < 0.3 ? indent.replace(/ {2}/, '\t') : indent));
const emoji: Step = (text, rnd) => {
  let out = text;
  for (let k = 1 + below(4, rnd); k > 0; k--) {
    const at = below(out.length + 1, rnd);
    out = out.slice(0, at) + pick(EMOJI, rnd) + out.slice(at);
  }
  return out;
};
const deleteSome: Step = (text, rnd) => {
  const at = below(text.length + 1, rnd);
  return text.slice(0, at) + text.slice(at + 1 + below(10, rnd));
};
const insertSome: Step = (text, rnd) => {
  const at = below(text.length + 1, rnd);
  let add = '';
  for (let k = 1 + below(3, rnd); k > 0; k--) add += pick(SPICE, rnd);
  return text.slice(0, at) + add + text.slice(at);
};

const LINE_ENDS: Record<string, Step> = { crlf, loneCr, mixedLineEnds };
const DAMAGE: Record<string, Step> = { tabs, emoji, deleteSome, insertSome };

/** Document i of a seed: a cut of one source, then line ends, blank first lines and damage, each by chance. */
export function generate(all: readonly Source[], seed: number, i: number, maxChars: number): GeneratedDocument {
  const rnd = prng((Math.imul(seed, 0x9e3779b1) ^ Math.imul(i + 1, 0x85ebca6b)) >>> 0);
  const source = pick(all, rnd);
  const steps: string[] = [];
  let text = source.text;
  const apply = (name: string, step: Step): void => {
    text = step(text, rnd);
    steps.push(name);
  };
  if (text.length > maxChars || rnd() < 0.5) apply('window', window);
  if (text.length > maxChars) text = text.slice(0, maxChars);
  if (rnd() < 0.3) apply('truncate', truncate);
  if (rnd() < 0.45) {
    const name = pick(Object.keys(LINE_ENDS), rnd);
    apply(name, LINE_ENDS[name]);
  }
  if (rnd() < 0.3) apply('blankFirstLines', blankFirstLines);
  for (let k = below(5, rnd); k > 0; k--) {
    const name = pick(Object.keys(DAMAGE), rnd);
    apply(name, DAMAGE[name]);
  }
  return { name: source.name, text, steps };
}
