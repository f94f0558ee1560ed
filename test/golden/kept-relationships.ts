// The relationships the repository keeps as complete examples: the samples, the stage baselines of the golden
// cases, the reference example, the complete report fixture and the pull-request scenario's files. Each meets every rule that counts at
// its stage, so a new rule needs its evidence added to them (YAML only); `npm run update-golden` lists the
// ones that lack it, and kept-relationships.test.ts fails until they have it. The flawed sample is kept too:
// its unmet rules must be flaws that a `# flaw:` comment explains (as test/docs/samples.test.ts checks).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { analyze, scaffold, STAGES } from '../../server/src/core/index';
import { asOfFor, ROOT, SAMPLES_AS_OF } from './golden-case';

export interface Kept {
  path: string;
  asOf: string;
  /** Unmet rules are allowed where a `# flaw:` comment (at most three lines above) explains their finding. */
  flaws?: boolean;
}

export function keptRelationships(): Kept[] {
  const under = (dir: string, pick: (name: string) => boolean): string[] =>
    readdirSync(join(ROOT, dir)).filter((n) => /\.relationship\.ya?ml$/.test(n) && pick(n)).sort().map((n) => `${dir}/${n}`);
  return [
    ...under('samples', () => true).map((path) => ({ path, asOf: SAMPLES_AS_OF, flaws: path.endsWith('/flawed.relationship.yaml') })),
    ...under('test/golden/cases', (n) => n.startsWith('stage-')).map((path) => ({ path, asOf: asOfFor(readFileSync(join(ROOT, path), 'utf8')) })),
    { path: 'test/unit/fixtures/riverside-meridian.relationship.yaml', asOf: '2025-11-01' },
    { path: 'test/report/fixtures/complete.relationship.yaml', asOf: '2025-11-01' },
    ...under('test/diff/fixtures', () => true).map((path) => ({ path, asOf: SAMPLES_AS_OF })),
  ];
}

/** The rules that count at the file's stage and are not met (waived ones are fine). */
export function unmetRules(kept: Kept): string[] {
  const file = join(ROOT, kept.path);
  const dir = dirname(file);
  const text = readFileSync(file, 'utf8');
  const analysis = analyze(text, { asOf: kept.asOf, fileExists: (rel) => (kept.path.startsWith('samples/') && !existsSync(join(dir, rel)) ? 'missing' : 'exists') });
  const flawLines = kept.flaws ? text.split('\n').flatMap((line, i) => (/^\s*# flaw: /.test(line) ? [i] : [])) : [];
  const explained = (rule: string): boolean => analysis.findings.some((f) => f.rule === rule && flawLines.some((l) => l < f.range.start.line && f.range.start.line - l <= 3));
  return analysis.coverage.principles.flatMap((p) => p.rules).filter((r) => r.state === 'unmet' && !explained(r.id)).map((r) => r.id);
}

/**
 * The rules each stage's `rac init` template does not meet at that stage: the templates are complete too, built
 * from the sections' defaultSnippets in schemas/relationship.schema.json (test/cli/init.test.ts checks them).
 */
export function templateGaps(): { stage: string; unmet: string[] }[] {
  return STAGES.map((stage) => {
    const analysis = analyze(scaffold(stage, { asOf: SAMPLES_AS_OF }), { asOf: SAMPLES_AS_OF, fileExists: () => 'exists' });
    return { stage, unmet: analysis.coverage.principles.flatMap((p) => p.rules).filter((r) => r.state === 'unmet').map((r) => r.id) };
  }).filter((g) => g.unmet.length > 0);
}
