// Everything `npm run update-golden` regenerates, in one bundle: the golden cases and samples, the README's
// exact excerpts, the rac diff outputs, and the check that the kept relationships meet every counted rule.
export { caseNames, CASES_DIR, mismatch, outName, renderFile, renderSample, SAMPLE_OUT_DIR, sampleNames } from './golden-case';
export { keptRelationships, templateGaps, unmetRules } from './kept-relationships';
export { withExcerpts } from '../docs/readme-outputs';
export { writeDiffOutputs } from '../diff/outputs';
export { migrationFixtures, migratedGoldens, readGolden, shown as migratedShown } from './migrated';
