// The golden scenario: one repository whose working tree changes relationship files in every way rac diff
// reports (evidence added, evidence removed, a new error on moved lines, a rename, a deletion, a new file,
// an untouched file, a non-relationship file, a file outside the reviewed folder).
import { edit, fixture, TempRepo } from './git-repo';

export const AS_OF = '2026-11-01';

export function buildScenario(): TempRepo {
  const repo = new TempRepo().init();
  const full = fixture('partnership.relationship.yaml');
  const early = fixture('early.relationship.yaml');

  // Base: two gaps that the change fills (EX8 last_tested, IK4 ip_policy).
  const withGaps = edit(edit(full, /^ {4}last_tested: 2026-04-22\n/m, ''), /^ {4}ip_policy: .*\n/m, '');
  // An existing error (unknown key "ownr") that must not count as new when its line moves.
  const withError = edit(full, '        owner: p-ops-cfs\n        owning_party: cfs\n', '        owner: p-ops-cfs\n        ownr: p-ops-cfs\n        owning_party: cfs\n');

  repo
    .write('relationships/evidence-added.relationship.yaml', withGaps)
    .write('relationships/evidence-removed.relationship.yaml', full)
    .write('relationships/new-error.relationship.yaml', withError)
    .write('relationships/old-name.relationship.yaml', full)
    .write('relationships/deleted.relationship.yaml', early)
    .write('relationships/unchanged.relationship.yaml', full)
    .write('relationships/notes.md', '# Notes\n')
    .write('elsewhere/outside.relationship.yaml', full)
    .commitAll('base');
  repo.git('tag', 'base');

  repo
    // Evidence added: both gaps filled → exit_strategy and information sharing become covered.
    .write('relationships/evidence-added.relationship.yaml', full)
    // Evidence removed: the trust measurement goes → trust_and_mutual_benefit is lost.
    .write('relationships/evidence-removed.relationship.yaml', edit(full, /^ {4}trust_measurement:\n(?: {6}.*\n)+/m, ''))
    // A new error below three new comment lines (which move the existing "ownr" error down).
    .write('relationships/new-error.relationship.yaml', edit('# reviewed in the June board\n# owner: partnership office\n# see the RMP\n' + withError, 'likelihood: 4', 'likelihood: 7'))
    // A rename with a small edit.
    .write('relationships/renamed.relationship.yaml', edit(full, 'version: 3.2.0\n  status', 'version: 3.3.0\n  status'))
    .remove('relationships/old-name.relationship.yaml')
    .remove('relationships/deleted.relationship.yaml')
    // A new file (untracked), named and written with characters Markdown and HTML must escape.
    .write('relationships/new (draft) #1.relationship.yaml', edit(early, 'brk, name: Brookfield Recycling Ltd, role: supplier}', 'brk, name: Brookfield Recycling Ltd, role: supplier, "<b>tier|1</b>": x}'))
    .write('relationships/notes.md', '# Notes\n\nChanged.\n')
    .write('elsewhere/outside.relationship.yaml', edit(full, 'likelihood: 4', 'likelihood: 9'));
  // Stage the rename so git sees both sides of it (an untracked new name would read as a deletion plus a new file).
  repo.git('add', 'relationships/renamed.relationship.yaml', 'relationships/old-name.relationship.yaml');
  return repo;
}

/** Commit hashes depend on git's object format; the golden files hold a placeholder instead. */
export function normalise(text: string, repo: TempRepo): string {
  const sha = repo.git('rev-parse', 'base').trim();
  return text.split(sha).join('<base-sha>').split(sha.slice(0, 7)).join('<base>');
}

/**
 * The example in README.md (Pull-request review): a pull request that fills two evidence gaps in one partnership,
 * drops its trust measurement, mistypes a key, and adds an early-stage partnership.
 */
export function buildDocsExample(): TempRepo {
  const repo = new TempRepo('rac-diff-docs-').init();
  const full = fixture('partnership.relationship.yaml');
  const withGaps = edit(edit(full, /^ {4}last_tested: 2026-04-22\n/m, ''), /^ {4}ip_policy: .*\n/m, '');
  repo.write('partners/ashdown-corran.relationship.yaml', withGaps).commitAll('base');
  repo.git('tag', 'base');
  let head = edit(full, /^ {4}trust_measurement:\n(?: {6}.*\n)+/m, '');
  head = edit(head, '        owner: p-ops-cfs\n        owning_party: cfs\n', '        ownr: p-ops-cfs\n        owning_party: cfs\n');
  repo.write('partners/ashdown-corran.relationship.yaml', head);
  repo.write('partners/northgate-brookfield.relationship.yaml', fixture('early.relationship.yaml'));
  repo.git('add', '--all');
  return repo;
}

/** GitHub's variables for the docs example, so its links look like the ones a pull request gets. */
export const DOCS_GITHUB_ENV = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/partnerships', GITHUB_SHA: '4f1c2d9' };
