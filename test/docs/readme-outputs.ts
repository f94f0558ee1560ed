// The outputs README.md shows, produced by the checker: exactly, what the minimal example prints and the early
// sample's coverage line; as a selection of lines, the flawed sample's text and github output. readme.test.ts
// compares them; `npm run update-golden` writes them, so a new rule that changes them is one command away from
// a true README.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { analyze } from '../../server/src/core/index';
import { formatters } from '../../server/src/cli/formatters';

export const README_AS_OF = '2026-11-01';
const EXAMPLE = 'acme-bolt.relationship.yaml';
const EARLY = 'samples/research-collaboration.relationship.yaml';

/** The body of the first fenced block after `from` (an index), with where it starts and ends. */
function blockAt(text: string, from: number): { start: number; end: number; body: string } | undefined {
  const m = /```[a-z]*\n([\s\S]*?)\n```/.exec(text.slice(from));
  if (!m || from < 0) return undefined;
  const start = from + m.index + m[0].indexOf('\n') + 1;
  return { start, end: start + m[1].length, body: m[1] };
}

interface Excerpt { name: string; at: (readme: string) => number; actual: (readme: string, root: string) => string }

const excerpts: Excerpt[] = [
  {
    name: `the output of ${EXAMPLE}`,
    at: (readme) => readme.indexOf(`<!-- output: ${EXAMPLE} -->`),
    actual: (readme, root) => {
      const example = blockAt(readme, readme.indexOf(`<!-- example: ${EXAMPLE} -->`));
      const text = `${example?.body ?? ''}\n`;
      // The README says docs/rmp.md sits beside the file.
      const analysis = analyze(text, { asOf: README_AS_OF, fileExists: () => 'exists' });
      return formatters.text([{ path: EXAMPLE, text, analysis }], { color: false, quiet: false, verbose: true, cwd: root }).replace(/\n$/, '');
    },
  },
  {
    name: `the coverage line of ${EARLY}`,
    at: (readme) => readme.indexOf('```text', readme.indexOf('\n## Coverage\n')),
    actual: (_readme, root) => {
      const text = readFileSync(join(root, EARLY), 'utf8');
      const dir = dirname(join(root, EARLY));
      const analysis = analyze(text, { asOf: README_AS_OF, fileExists: (rel) => (existsSync(join(dir, rel)) ? 'exists' : 'missing') });
      const last = formatters.text([{ path: EARLY, text, analysis }], { color: false, quiet: false, cwd: root }).trim().split('\n').pop() ?? '';
      return last.slice(`${EARLY}: `.length);
    },
  },
];

const FLAWED = 'samples/flawed.relationship.yaml';

/** The flawed sample's output in a format, as `rac check --format <format> --as-of 2026-11-01` prints it. */
export function flawedOutput(root: string, format: 'text' | 'github'): string[] {
  const text = readFileSync(join(root, FLAWED), 'utf8');
  const dir = dirname(join(root, FLAWED));
  const analysis = analyze(text, { asOf: README_AS_OF, fileExists: (rel) => (existsSync(join(dir, rel)) ? 'exists' : 'missing') });
  return formatters[format]([{ path: FLAWED, text, analysis }], { color: false, quiet: false, cwd: root }).split('\n');
}

/** Which line of the output a README line stands for: its place and code, the coverage line, the annotation's head. */
function lineKey(line: string): string | undefined {
  const finding = /^(\S+:\d+:\d+): .* (\[[^\]]+\])$/.exec(line);
  if (finding) return `${finding[1]} ${finding[2]}`;
  const coverage = /^(\S+): coverage /.exec(line);
  if (coverage) return `${coverage[1]} coverage`;
  const annotation = /^(::\w+ [^:]*::)/.exec(line);
  return annotation?.[1];
}

/** The selections of the flawed sample's output: marker, format. */
export const SELECTIONS = [
  { marker: `<!-- output: ${FLAWED} -->`, format: 'text' },
  { marker: `<!-- output: github ${FLAWED} -->`, format: 'github' },
] as const;

/** A selection with each line that the output no longer holds replaced by the output's line of the same key. */
function reselect(selection: string, actual: string[]): string {
  return selection.split('\n').map((line) => {
    if (actual.includes(line)) return line;
    const key = lineKey(line);
    return (key && actual.find((a) => lineKey(a) === key)) ?? line;
  }).join('\n');
}

/** Each exact excerpt: what README.md holds and what the checker prints. */
export function readmeExcerpts(readme: string, root: string): { name: string; inReadme: string | undefined; actual: string }[] {
  return excerpts.map((e) => ({ name: e.name, inReadme: blockAt(readme, e.at(readme))?.body, actual: e.actual(readme, root) }));
}

/** README.md with every exact excerpt replaced by the checker's output. */
export function withExcerpts(readme: string, root: string): string {
  let out = readme;
  for (const e of excerpts) {
    const block = blockAt(out, e.at(out));
    if (block) out = out.slice(0, block.start) + e.actual(out, root) + out.slice(block.end);
  }
  for (const { marker, format } of SELECTIONS) {
    const block = blockAt(out, out.indexOf(marker));
    if (block) out = out.slice(0, block.start) + reselect(block.body, flawedOutput(root, format)) + out.slice(block.end);
  }
  return out;
}
