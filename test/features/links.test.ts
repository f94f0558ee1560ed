// Document links for evidence: URLs as written, paths resolved beside the file, nothing outside the workspace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentLinks } from '../../server/src/features/links';
import type { FileCheck } from '../../server/src/core/index';
import { analyzeText, crlf, rangeOf } from './fixture';

const TEXT = [
  'principles:',
  '  exit_strategy:',
  '    document: docs/exit plan#v2.pdf',
  '  collaborative_leadership:',
  '    executive_review: {cadence: quarterly, minutes: "https://example.org/minutes?q=1&x=😀"}',
  '  measurement_and_optimization:',
  '    relationship_reviews: {report: ../outside/report.pdf}',
  '  governance_and_processes:',
  '    raci: docs/missing-raci.xlsx',
  '  vision_and_values:',
  '    behaviour_charter: /etc/passwd',
  '',
].join('\n');

const files = (path: string): FileCheck => (path.startsWith('../') ? 'outside' : path.includes('missing') ? 'missing' : 'exists');
const DOC = 'file:///work/deal/deal.relationship.yaml';

test('relative paths resolve beside the document; URLs stay as written', () => {
  const links = documentLinks(analyzeText(TEXT, { fileExists: files }), DOC);
  const byText = new Map(links.map((l) => [JSON.stringify(l.range), l]));
  const exit = byText.get(JSON.stringify(rangeOf(TEXT, 'docs/exit plan#v2.pdf')));
  assert.equal(exit?.target, 'file:///work/deal/docs/exit%20plan%23v2.pdf');
  assert.equal(exit?.tooltip, 'Open docs/exit plan#v2.pdf');
  const url = byText.get(JSON.stringify(rangeOf(TEXT, 'https://example.org/minutes?q=1&x=😀')));
  assert.equal(url?.target, new URL('https://example.org/minutes?q=1&x=😀').href);
  const missing = byText.get(JSON.stringify(rangeOf(TEXT, 'docs/missing-raci.xlsx')));
  assert.equal(missing?.target, 'file:///work/deal/docs/missing-raci.xlsx');
  assert.match(missing?.tooltip ?? '', /not found/);
});

test('no link for a path outside the workspace or an absolute path', () => {
  const links = documentLinks(analyzeText(TEXT, { fileExists: files }), DOC);
  assert.equal(links.length, 3);
  assert.ok(!links.some((l) => l.target?.includes('outside') || l.target?.includes('passwd')));
});

test('an untitled document links URLs only; other schemes never', () => {
  const links = documentLinks(analyzeText(TEXT), 'untitled:Untitled-1');
  assert.deepEqual(links.map((l) => l.target), [new URL('https://example.org/minutes?q=1&x=😀').href]);
  const schemes = 'principles:\n  exit_strategy:\n    document: "javascript:alert(1)"\n  governance_and_processes:\n    raci: "command:workbench.action.quit"\n';
  assert.deepEqual(documentLinks(analyzeText(schemes), DOC), []);
});

test('CRLF: the same links on the same ranges', () => {
  assert.deepEqual(documentLinks(analyzeText(crlf(TEXT), { fileExists: files }), DOC), documentLinks(analyzeText(TEXT, { fileExists: files }), DOC));
});
