// Waived is never covered: the staying_together baseline (12 of 12) with its trust evidence deleted and
// TM1–TM5 waived reads 11 covered, 1 waived in every face that counts coverage — the engine, the text line,
// JSON and SARIF, Markdown, the HTML ring and portfolio, and --min-coverage of the built CLI.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../server/src/core/index';
import { coverageLine } from '../../server/src/cli/format-text';
import { jsonReport } from '../../server/src/cli/format-json';
import { sarifLog } from '../../server/src/cli/format-sarif';
import { formatMarkdown } from '../../server/src/cli/format-markdown';
import { buildReportModel } from '../../server/src/report/build-model';
import { renderFile } from '../../server/src/report/html-file';
import { renderPortfolio } from '../../server/src/report/html-portfolio';
import type { FileResult } from '../../server/src/cli/types';
import { rac, workspace } from './run-cli';

const AS_OF = '2026-06-01';
const baseline = readFileSync(join(process.cwd(), 'test', 'golden', 'cases', 'stage-staying-together.relationship.yaml'), 'utf8');
const WAIVERS = ['TM1', 'TM2', 'TM3', 'TM4', 'TM5']
  .map((rule) => `  - {rule: ${rule}, reason: Trust work restarts after the merger, approved_by: p-md-kce, approved_on: 2026-05-01, expires: 2026-12-31}\n`).join('');

/** The trust section deleted and each of its rules waived. */
const waivedText = baseline
  .replace(/^ {2}trust_and_mutual_benefit:\n(?: {4}.*\n)+/m, '')
  .replace(/^principles:\n/m, `waivers:\n${WAIVERS}principles:\n`);

test('the baseline covers 12 of 12, and the edit removed the trust section and added five waivers', () => {
  assert.equal(analyze(baseline, { asOf: AS_OF }).coverage.covered, 12);
  assert.doesNotMatch(waivedText, /trust_and_mutual_benefit/);
  assert.equal(waivedText.match(/rule: TM\d/g)?.length, 5);
});

test('the engine: 11 covered, 1 waived, 12 required; trust is waived with every rule waived', () => {
  const a = analyze(waivedText, { asOf: AS_OF });
  assert.deepEqual({ covered: a.coverage.covered, waived: a.coverage.waived, required: a.coverage.required }, { covered: 11, waived: 1, required: 12 });
  const trust = a.coverage.principles.find((p) => p.id === 'trust_and_mutual_benefit')!;
  assert.equal(trust.status, 'waived');
  assert.deepEqual(trust.rules.map((r) => r.state), ['waived', 'waived', 'waived', 'waived', 'waived']);
  assert.deepEqual(a.findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => f.code), []);
});

test('the text line, JSON, SARIF and Markdown count the waived principle apart', () => {
  const a = analyze(waivedText, { asOf: AS_OF });
  const files: FileResult[] = [{ path: 'w.relationship.yaml', text: waivedText, analysis: a }];
  assert.match(coverageLine(a.coverage), /^coverage 11\/12: 11 of 12 required principles covered, 1 waived · stage staying_together/);
  const json = jsonReport(files).files[0].coverage!;
  assert.deepEqual([json.covered, json.waived], [11, 1]);
  assert.equal(json.principles.find((p) => p.id === 'trust_and_mutual_benefit')?.status, 'waived');
  const sarifCoverage = (sarifLog(files, { cwd: '/w' }).runs[0].properties as { coverage: { coverage: { covered: number; waived: number } }[] }).coverage[0].coverage;
  assert.deepEqual([sarifCoverage.covered, sarifCoverage.waived], [11, 1]);
  assert.match(formatMarkdown(files), /\*\*11 of 12 required principles covered\*\*, 1 waived/);
});

test('the HTML report: the ring shows 11/12, is not in the covered tone, and the card says waived; the portfolio does not count it fully covered', () => {
  const a = analyze(waivedText, { asOf: AS_OF });
  const model = buildReportModel(a, { uri: 'file:///w/w.relationship.yaml', path: 'w.relationship.yaml', version: 1 });
  const html = renderFile(model, 0, 'report', 2);
  assert.match(html, /<div class="ring s-waived"[^>]*aria-label="11\/12 principles covered, 1 waived">/);
  assert.match(html, />11\/12<small>covered, 1 waived<\/small>/);
  assert.match(html, /class="card s-waived"[^>]*data-principle="trust_and_mutual_benefit"/);
  const portfolio = renderPortfolio([model], 'report', false);
  assert.match(portfolio, /1 relationship file, 0 fully covered/);
  assert.match(portfolio, /11\/12 \(1 waived\)/);
});

test('--min-coverage: a waived principle does not count towards the minimum', () => {
  const dir = workspace({ 'w.relationship.yaml': waivedText, 'full.relationship.yaml': baseline });
  const all = rac(['check', '--as-of', AS_OF, '--min-coverage', 'all', 'w.relationship.yaml'], dir);
  assert.equal(all.status, 1, all.stderr);
  assert.match(all.stderr, /w\.relationship\.yaml covers 11 of the 12 principles its stage \(staying_together\) requires; --min-coverage all wants every one \(1 is waived, and waived is not covered\)/);
  assert.equal(rac(['check', '--as-of', AS_OF, '--min-coverage', '12', 'w.relationship.yaml'], dir).status, 1);
  assert.equal(rac(['check', '--as-of', AS_OF, '--min-coverage', '11', 'w.relationship.yaml'], dir).status, 0);
  assert.equal(rac(['check', '--as-of', AS_OF, '--min-coverage', 'all', 'full.relationship.yaml'], dir).status, 0);
});
