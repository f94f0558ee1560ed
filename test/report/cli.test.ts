// `rac report`: arguments, files and folders, HTML and Markdown output, exit codes. Runs the command in
// process over the real file system (the fixtures), with standard output and error captured.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseReportArgs, runReport } from '../../server/src/cli/report';
import { nodeIo } from '../../server/src/node/cli-io';
import { assertInert } from './inert';

const besideBundle = join(__dirname, '..', '..', 'test', 'report', 'fixtures');
const FIXTURES = existsSync(besideBundle) ? besideBundle : join(process.cwd(), 'test', 'report', 'fixtures');
const GAPS = join(FIXTURES, 'gaps.relationship.yaml');
const COMPLETE = join(FIXTURES, 'complete.relationship.yaml');

async function rac(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io = { ...nodeIo(), stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t), today: () => '2025-11-01' };
  const code = await runReport(args, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

test('arguments: defaults, values, and usage errors', () => {
  assert.deepEqual(parseReportArgs([], '2025-11-01'), { paths: ['.'], format: 'html', asOf: '2025-11-01', ignore: [] });
  assert.deepEqual(parseReportArgs(['a', '--format=markdown', '-o', 'r.md', '--as-of', '2024-02-29', '--theme', 'dark', '--root', 'up', '--ignore', 'x/', '--ignore=y', '--', '-b'], 'x'),
    { paths: ['a', '-b'], format: 'markdown', output: 'r.md', asOf: '2024-02-29', theme: 'dark', root: 'up', ignore: ['x/', 'y'] });
  assert.deepEqual(parseReportArgs(['--help'], 'x'), { help: true });
  // The same messages as rac check and rac diff (cli/args.ts), did-you-mean included.
  assert.equal((parseReportArgs(['--format', 'pdf'], 'x') as { error: string }).error, '--format must be one of html, markdown, not "pdf"');
  assert.match((parseReportArgs(['--format', 'markdwn'], 'x') as { error: string }).error, /did you mean "markdown"\?/);
  assert.match((parseReportArgs(['--as-of', '2025-02-30'], 'x') as { error: string }).error, /YYYY-MM-DD/);
  assert.match((parseReportArgs(['-o'], 'x') as { error: string }).error, /needs a value/);
  assert.equal((parseReportArgs(['--fancy'], 'x') as { error: string }).error, "unknown option '--fancy'");
  assert.equal((parseReportArgs(['--themes', 'dark'], 'x') as { error: string }).error, "unknown option '--themes'; did you mean '--theme'?");
  assert.match((parseReportArgs(['--theme', 'dim'], 'x') as { error: string }).error, /--theme must be one of light, dark/);
});

test('html to a file: one self-contained page with the portfolio, display paths only', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rac-report-'));
  try {
    const file = join(dir, 'report.html');
    const r = await rac([GAPS, COMPLETE, '--as-of', '2025-11-01', '-o', file]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    const html = readFileSync(file, 'utf8');
    assertInert(html, { mode: 'report' });
    assert.ok(html.includes('class="portfolio-table"'));
    assert.ok(html.includes(relative(process.cwd(), GAPS).split('\\').join('/')));
    assert.ok(!html.includes('file://') && !html.includes(dir), 'no absolute paths or uris of the author');
    assert.ok(!/<link|@import|url\(/.test(html), 'no external resources');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('markdown to standard output, a folder walked, the as-of date applied', async () => {
  const r = await rac([FIXTURES, '--format', 'markdown', '--as-of', '2025-11-01']);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(r.stdout.startsWith('# Relationship portfolio'));
  assert.ok(r.stdout.includes('## Riverside Hospitals Trust – Meridian IT managed services partnership'));
  assert.ok(r.stdout.includes('as of 2025-11-01'));
});

test('usage problems exit 2; a missing path does not stop the others', async () => {
  const missing = await rac([GAPS, join(FIXTURES, 'nope.relationship.yaml'), '--format', 'markdown']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /nope\.relationship\.yaml: no such file or folder/);
  assert.ok(missing.stdout.includes('Northwind'));
  const bad = await rac(['--format', 'pdf']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /usage: rac report/);
  const help = await rac(['-h']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /--format <name>/);
});
