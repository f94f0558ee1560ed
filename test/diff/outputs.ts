// The rac diff outputs that are kept as files: the scenario printed in each format (test/diff/expected/) and the
// docs example rendered into README.md. The tests compare them; `npm run update-golden` writes them (it runs
// the built CLI, as the tests do).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { EXPECTED, ROOT } from './git-repo';
import { AS_OF, buildDocsExample, buildScenario, DOCS_GITHUB_ENV, normalise } from './scenario';

export const FORMATS = { markdown: 'scenario.md', json: 'scenario.json', github: 'scenario.github.txt' } as const;
export const DOC = join(ROOT, 'README.md');
const START = '<!-- example:start -->\n';
const END = '<!-- example:end -->';

/** What rac diff prints for the scenario in one format, commit hashes replaced by placeholders. */
export function scenarioOutput(format: keyof typeof FORMATS): { stdout: string; stderr: string; status: number | null } {
  const repo = buildScenario();
  try {
    const r = repo.rac(['diff', '--base', 'base', '--as-of', AS_OF, '--format', format, 'relationships']);
    return { stdout: normalise(r.stdout, repo), stderr: r.stderr, status: r.status };
  } finally {
    repo.dispose();
  }
}

/** The docs example as README.md shows it: a blockquote, with a fixed plausible sha for the scenario's. */
export function docsExample(): { example: string; status: number | null; stderr: string } {
  const repo = buildDocsExample();
  try {
    const sha = repo.git('rev-parse', 'base').trim();
    const r = repo.rac(['diff', '--base', sha, '--as-of', AS_OF, 'partners'], { env: DOCS_GITHUB_ENV });
    const example = r.stdout.split(sha.slice(0, 7)).join('9e2b7a1').trimEnd().split('\n').map((l) => (l ? `> ${l}` : '>')).join('\n') + '\n';
    return { example, status: r.status, stderr: r.stderr };
  } finally {
    repo.dispose();
  }
}

/** The example as README.md holds it now, or undefined when the markers are missing. */
export function exampleInDoc(doc = readFileSync(DOC, 'utf8')): string | undefined {
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  return start >= 0 && end > start ? doc.slice(start + START.length, end) : undefined;
}

/** Rewrites the kept outputs; returns the files that changed. */
export function writeDiffOutputs(): string[] {
  const changed: string[] = [];
  mkdirSync(EXPECTED, { recursive: true });
  for (const [format, name] of Object.entries(FORMATS) as [keyof typeof FORMATS, string][]) {
    const path = join(EXPECTED, name);
    const actual = scenarioOutput(format).stdout;
    let current: string | undefined;
    try { current = readFileSync(path, 'utf8'); } catch { current = undefined; }
    if (current === actual) continue;
    writeFileSync(path, actual);
    changed.push(`test/diff/expected/${name}`);
  }
  const doc = readFileSync(DOC, 'utf8');
  const { example } = docsExample();
  if (exampleInDoc(doc) !== undefined && exampleInDoc(doc) !== example) {
    writeFileSync(DOC, doc.slice(0, doc.indexOf(START) + START.length) + example + doc.slice(doc.indexOf(END)));
    changed.push('README.md (the rac diff example)');
  }
  return changed;
}
