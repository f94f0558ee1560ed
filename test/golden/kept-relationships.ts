// The relationships the repository keeps as complete examples: the samples, the stage baselines of the golden
// cases, the reference example and the pull-request scenario's files. Each meets every rule that counts at
// its stage, so a new rule needs its evidence added to them (YAML only); `npm run update-golden` lists the
// ones that lack it, and kept-relationships.test.ts fails until they have it. The flawed sample is kept too,
// but its unmet rules are the flaws its `# flaw:` comments explain (test/docs/samples.test.ts).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { analyze } from '../../server/src/core/index';
import { asOfFor, ROOT, SAMPLES_AS_OF } from './golden-case';

export interface Kept { path: string; asOf: string }

export function keptRelationships(): Kept[] {
  const under = (dir: string, pick: (name: string) => boolean): string[] =>
    readdirSync(join(ROOT, dir)).filter((n) => /\.relationship\.ya?ml$/.test(n) && pick(n)).sort().map((n) => `${dir}/${n}`);
  return [
    ...under('samples', (n) => !n.startsWith('flawed.')).map((path) => ({ path, asOf: SAMPLES_AS_OF })),
    ...under('test/golden/cases', (n) => n.startsWith('stage-')).map((path) => ({ path, asOf: asOfFor(readFileSync(join(ROOT, path), 'utf8')) })),
    { path: 'test/unit/fixtures/riverside-meridian.relationship.yaml', asOf: '2025-11-01' },
    ...under('test/diff/fixtures', () => true).map((path) => ({ path, asOf: SAMPLES_AS_OF })),
  ];
}

/** The rules that count at the file's stage and are not met (waived ones are fine). */
export function unmetRules(kept: Kept): string[] {
  const file = join(ROOT, kept.path);
  const dir = dirname(file);
  const analysis = analyze(readFileSync(file, 'utf8'), { asOf: kept.asOf, fileExists: (rel) => (kept.path.startsWith('samples/') && !existsSync(join(dir, rel)) ? 'missing' : 'exists') });
  return analysis.coverage.principles.flatMap((p) => p.rules).filter((r) => r.state === 'unmet').map((r) => r.id);
}
