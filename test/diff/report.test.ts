// rac diff's comparison and printing, in process: finding matching, Markdown escaping and links, the 60 KB
// trimming, and the GitHub annotations (escaping, threshold, the 50 cap).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type Analysis, type Finding } from '../../server/src/core/index';
import { buildReport, compareFile, type FileDiff, type FindingRef } from '../../server/src/cli/diff-compare';
import { formatDiffMarkdown, githubBlobBase, SUMMARY_LIMIT } from '../../server/src/cli/diff-markdown';
import { ANNOTATION_LIMIT, formatDiffGithub } from '../../server/src/cli/diff-github';
import { edit, fixture } from './git-repo';
import { AS_OF } from './scenario';

const full = fixture('partnership.relationship.yaml');
const run = (text: string): Analysis => analyze(text, { asOf: AS_OF });
const base = { ref: 'main', commit: '0123456789abcdef0123456789abcdef01234567' };

function finding(over: Partial<Finding> & { line?: number }): Finding {
  const line = over.line ?? 0;
  return { code: 'schema.type', severity: 'error', message: 'm', range: { start: { line, character: 2 }, end: { line, character: 5 } }, ...over };
}

function withFindings(a: Analysis, findings: Finding[]): Analysis {
  return { ...a, findings };
}

test('findings are matched by code, severity, message, principle and rule, not by line', () => {
  const a = run(full);
  const before = withFindings(a, [finding({ line: 3 }), finding({ line: 9, code: 'ref.unresolved', message: 'x' })]);
  const after = withFindings(a, [finding({ line: 40 }), finding({ line: 41 }), finding({ line: 9, code: 'ref.unresolved', message: 'x', severity: 'warning' })]);
  const d = compareFile({ kind: 'modified', path: 'a.relationship.yaml', repoPath: 'a.relationship.yaml', before, after });
  // The moved finding matches; its twin is new (a multiset); the severity change is a new warning and a fixed error.
  assert.deepEqual(d.newFindings.map((f) => [f.code, f.severity, f.line]), [['schema.type', 'error', 42], ['ref.unresolved', 'warning', 10]]);
  assert.deepEqual(d.fixedFindings.map((f) => [f.code, f.severity, f.line]), [['ref.unresolved', 'error', 10]]);
});

test('principles gained and lost, rules that changed, and the coverage sides', () => {
  const before = run(edit(full, /^ {4}last_tested: 2026-04-22\n/m, ''));
  const after = run(edit(full, /^ {4}trust_measurement:\n(?: {6}.*\n)+/m, ''));
  const d = compareFile({ kind: 'modified', path: 'a', repoPath: 'a', before, after });
  assert.deepEqual(d.gained, ['exit_strategy']);
  assert.deepEqual(d.lost, ['trust_and_mutual_benefit']);
  assert.deepEqual(d.rules.map((r) => [r.id, r.before, r.after]), [['TM2', 'met', 'unmet'], ['TM5', 'met', 'unmet'], ['EX8', 'unmet', 'met']]);
  assert.deepEqual(d.principles.map((p) => [p.id, p.direction]), [['trust_and_mutual_benefit', 'down'], ['exit_strategy', 'up']]);
  // CB4 is waived on both sides: its principle is waived, not covered.
  assert.deepEqual([d.before?.covered, d.before?.waived], [10, 1]);
  assert.deepEqual([d.after?.covered, d.after?.waived], [10, 1]);
});

test('a principle whose gap is waived instead of met is lost: waived is not covered', () => {
  const before = run(full);
  const gap = edit(full, /^ {4}trust_measurement:\n(?: {6}.*\n)+/m, '');
  const after = run(edit(gap, /^waivers:\n/m, 'waivers:\n' + ['TM2', 'TM5'].map((rule) => `  - {rule: ${rule}, reason: Trust survey moved to the spring, approved_by: p-ceo-cfs, approved_on: 2026-10-01, expires: 2027-03-31}\n`).join('')));
  assert.equal(after.coverage.principles.find((p) => p.id === 'trust_and_mutual_benefit')?.status, 'waived');
  const d = compareFile({ kind: 'modified', path: 'a', repoPath: 'a', before, after });
  assert.deepEqual(d.lost, ['trust_and_mutual_benefit']);
  assert.deepEqual(d.principles.map((p) => [p.id, p.before?.status, p.after?.status, p.direction]), [['trust_and_mutual_benefit', 'covered', 'waived', 'down']]);
  assert.deepEqual([d.before?.covered, d.before?.waived, d.after?.covered, d.after?.waived], [11, 1, 10, 2]);
  const md = formatDiffMarkdown(buildReport(base, AS_OF, [d]));
  assert.match(md, /11\/12 \(1 waived\) → 10\/12 \(2 waived\) ▼1/);
});

test('an added file has no fixed findings and no gains; a deleted file has no new or fixed findings', () => {
  const a = withFindings(run(full), [finding({})]);
  const added = compareFile({ kind: 'added', path: 'a', repoPath: 'a', after: a });
  assert.equal(added.newFindings.length, 1);
  assert.equal(added.fixedFindings.length, 0);
  assert.deepEqual([added.gained, added.lost], [[], []]);
  assert.equal(added.principles.length, 12);
  const deleted = compareFile({ kind: 'deleted', path: 'a', repoPath: 'a', before: a });
  assert.deepEqual([deleted.newFindings, deleted.fixedFindings, deleted.lost], [[], [], []]);
});

test('strings from documents are escaped in the summary: no HTML, no table break, no link, one line each', () => {
  const news = [ref(3, 'error', 'unknown key "<img src=x onerror=alert(1)>" | [x](javascript:alert(1)) *b*\n## heading')];
  const md = formatDiffMarkdown(buildReport(base, AS_OF, [diffWith('<b>a|b</b>\n# x.relationship.yaml', news)]));
  assert.ok(!/<(img|b)[ >]/.test(md), md);
  assert.ok(!/(?<!\\)\]\(javascript/.test(md), 'no link from a document');
  assert.ok(!/^#+ (heading|x\.)/m.test(md), 'a newline in a string never starts a line');
  assert.match(md, /<code>&lt;b&gt;a\\\|b&lt;\/b&gt; # x\.relationship\.yaml<\/code>/);
  assert.match(md, /\\\| \\\[x\\\]\(javascript:alert\(1\)\) \\\*b\\\*/);
});

test('a document that names @someone notifies nobody: every @ in the summary is followed by U+2060', () => {
  const news = [ref(3, 'error', 'unknown key "@octocat" in owner @acme/reviewers')];
  const md = formatDiffMarkdown(buildReport(base, AS_OF, [diffWith('@team.relationship.yaml', news)]));
  assert.ok(md.includes('@\u2060octocat') && md.includes('@\u2060acme/reviewers') && md.includes('@\u2060team'), md);
  assert.doesNotMatch(md, /@(?!\u2060)/);
});

function diffWith(path: string, news: FindingRef[], over: Partial<FileDiff> = {}): FileDiff {
  return { path, repoPath: `sub/${path}`, kind: 'modified', before: side(10), after: side(10), principles: [], rules: [], gained: [], lost: [], newFindings: news, fixedFindings: [], ...over };
}

function side(covered: number) {
  return { covered, waived: 0, required: 12, total: 12, notYetRequired: 0, stage: 'working_together' as const };
}

function ref(line: number, severity: FindingRef['severity'] = 'error', message = 'bad value'): FindingRef {
  return { code: 'schema.type', severity, message, line, column: 3, endLine: line, endColumn: 9, principle: null, rule: null };
}

test('file:line links are relative, or absolute blob links when GitHub variables are set', () => {
  const report = buildReport(base, AS_OF, [diffWith('x (1).relationship.yaml', [ref(12)])]);
  assert.match(formatDiffMarkdown(report), /\[x \(1\)\.relationship\.yaml:12\]\(x%20%281%29\.relationship\.yaml#L12\)/);
  const blob = githubBlobBase({ GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/rel', GITHUB_SHA: 'abc123' });
  assert.equal(blob, 'https://github.com/acme/rel/blob/abc123/');
  assert.match(formatDiffMarkdown(report, { blobBase: blob }), /\]\(https:\/\/github\.com\/acme\/rel\/blob\/abc123\/sub\/x%20%281%29\.relationship\.yaml#L12\)/);
  assert.equal(githubBlobBase({ GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/rel' }), undefined);
  assert.equal(githubBlobBase({ GITHUB_SERVER_URL: 'javascript:alert(1)//', GITHUB_REPOSITORY: 'a/b', GITHUB_SHA: 'c' }), undefined);
});

test('more than ten new errors in a file: ten shown, the rest folded in <details>', () => {
  const md = formatDiffMarkdown(buildReport(base, AS_OF, [diffWith('a.relationship.yaml', Array.from({ length: 13 }, (_, i) => ref(i + 1)))]));
  const open = md.slice(0, md.indexOf('<details><summary>3 more new errors</summary>'));
  assert.equal(open.match(/^- \[/gm)?.length, 10);
  assert.equal(md.match(/^- \[/gm)?.length, 13);
});

test('many files: the summary stays under 60 KB, keeps the files with new errors first and says what it left out', () => {
  const files: FileDiff[] = [];
  for (let i = 0; i < 400; i++) {
    const path = `rel/file-${String(i).padStart(3, '0')}.relationship.yaml`;
    // Every tenth file has a new error; the others only new warnings (long ones) and a lost principle.
    const news = i % 10 === 0 ? [ref(5, 'error', 'a new error')] : Array.from({ length: 8 }, (_, k) => ref(k + 1, 'warning', 'w'.repeat(120)));
    files.push(diffWith(path, news, { lost: i % 10 === 0 ? [] : ['exit_strategy'] }));
  }
  const md = formatDiffMarkdown(buildReport(base, AS_OF, files));
  assert.ok(Buffer.byteLength(md, 'utf8') <= SUMMARY_LIMIT, `${Buffer.byteLength(md, 'utf8')} bytes`);
  assert.match(md.split('\n')[0], /^### Relationship coverage: 400 files changed · 0 principles gained · 360 lost · 40 new errors · 2880 new warnings$/);
  assert.match(md, /> Left out to keep this summary under 60 KB: .*more files \(<code>rel\/file-/);
  // The 40 files with new errors come first and are all there in full.
  for (let i = 0; i < 400; i += 10) assert.ok(md.includes(`rel/file-${String(i).padStart(3, '0')}.relationship.yaml:5`), `file ${i}`);
  assert.ok(md.trimEnd().endsWith('rac diff</sub>'), 'the legend closes the summary');
});

test('one huge file section is shortened to its headline and counts, and the note says so', () => {
  const news = Array.from({ length: 3000 }, (_, k) => ref(k + 1, 'warning', 'long '.repeat(20)));
  const md = formatDiffMarkdown(buildReport(base, AS_OF, [diffWith('big.relationship.yaml', news)]));
  assert.ok(Buffer.byteLength(md, 'utf8') <= SUMMARY_LIMIT);
  assert.match(md, /#### <code>big\.relationship\.yaml<\/code>/);
  assert.match(md, /new: 3000 warnings/);
  assert.match(md, /Left out to keep this summary under 60 KB: the details of 1 file\./);
});

test('annotations: new findings at or above --fail-on, errors first, at most 50, escaped', () => {
  const nasty = ref(7, 'error', '100% wrong\nsecond line, with: colons\r');
  const files = [
    diffWith('w.relationship.yaml', Array.from({ length: 30 }, (_, i) => ref(i + 1, 'warning'))),
    diffWith('e,1:x%.relationship.yaml', [nasty, ...Array.from({ length: 40 }, (_, i) => ref(i + 10))]),
    diffWith('i.relationship.yaml', [ref(1, 'information')]),
  ];
  const report = buildReport(base, AS_OF, files);

  const errorsOnly = formatDiffGithub(report, 'error').trimEnd().split('\n');
  assert.equal(errorsOnly.length, 41);
  assert.ok(errorsOnly.every((l) => l.startsWith('::error ')));
  assert.equal(errorsOnly[0], '::error file=sub/e%2C1%3Ax%25.relationship.yaml,line=7,endLine=7,col=3,endColumn=9,title=rac schema.type::100%25 wrong%0Asecond line, with: colons%0D');

  const withWarnings = formatDiffGithub(report, 'warning').trimEnd().split('\n');
  assert.equal(withWarnings.filter((l) => l.startsWith('::')).length, ANNOTATION_LIMIT);
  assert.equal(withWarnings.filter((l) => l.startsWith('::error ')).length, 41, 'every error before any warning');
  assert.equal(withWarnings[ANNOTATION_LIMIT], 'rac diff: 21 more new findings are not annotated (GitHub shows at most 50 a job); the job summary lists them');
  assert.ok(!withWarnings.some((l) => l.includes('i.relationship.yaml')), 'information is never annotated');

  // --fail-on never annotates new errors and warnings alike (nothing fails, but reviewers still see them).
  assert.deepEqual(formatDiffGithub(report, 'never'), formatDiffGithub(report, 'warning'));
  assert.equal(formatDiffGithub(buildReport(base, AS_OF, []), 'error'), '');
});
