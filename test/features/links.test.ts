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

/** A relationship whose exit strategy document is this URL: one evidence link, at a known range. */
const withUrl = (url: string): string => `principles:\n  exit_strategy:\n    document: "${url}"\n  governance_and_processes:\n    raci: https://example.org/raci.pdf\n`;

test('an https link with credentials: no document link, a warning that never repeats the password', () => {
  const text = withUrl('https://user:secret@example.org/plan.pdf');
  const analysis = analyzeText(text);
  assert.deepEqual(documentLinks(analysis, DOC).map((l) => [l.target, l.tooltip]), [['https://example.org/raci.pdf', 'Open https://example.org/raci.pdf']]);
  const [f, ...rest] = analysis.findings.filter((x) => x.code.startsWith('link.'));
  assert.equal(rest.length, 0);
  assert.equal(f.code, 'link.credentials');
  assert.equal(f.severity, 'warning');
  assert.deepEqual(f.range, rangeOf(text, '"https://user:secret@example.org/plan.pdf"'));
  assert.match(f.message, /example\.org carries a user name or password/);
  assert.doesNotMatch(f.message, /secret|user:/);
});

test('http: and addresses of this machine, its network or its cloud metadata service are never links', () => {
  const hosts = ['https://169.254.169.254/latest/meta-data/', 'https://2852039166/x', 'https://[::ffff:169.254.169.254]/x', 'https://localhost:8080/a.pdf', 'https://10.1.2.3/a.pdf', 'https://[fe80::1]/a.pdf', 'https://127.0.0.1/a.pdf', 'https://metadata.google.internal/computeMetadata/v1/'];
  for (const host of hosts) {
    const text = withUrl(host);
    const analysis = analyzeText(text);
    assert.deepEqual(documentLinks(analysis, DOC).map((l) => l.target), ['https://example.org/raci.pdf'], host);
    const found = analysis.findings.filter((x) => x.code.startsWith('link.'));
    assert.deepEqual(found.map((x) => [x.code, x.severity, x.range]), [['link.private-host', 'warning', rangeOf(text, `"${host}"`)]], host);
    assert.match(found[0].message, /not at a document others can open/);
  }
  assert.match(analyzeText(withUrl('https://2852039166/x')).findings.find((x) => x.code === 'link.private-host')?.message ?? '', /points at 169\.254\.169\.254, a link-local address where cloud servers hand out their credentials/);
  const http = analyzeText(withUrl('http://example.org/plan.pdf'));
  assert.deepEqual(documentLinks(http, DOC).map((l) => l.target), ['https://example.org/raci.pdf']);
  assert.deepEqual(http.findings.filter((x) => /plan\.pdf/.test(x.message)).map((x) => [x.code, x.severity, /http: is not encrypted/.test(x.message)]), [['schema.pattern', 'error', true]]);
});

test('public https hosts stay links, dotted like private ranges or not', () => {
  for (const host of ['https://172.32.0.1/a.pdf', 'https://8.8.8.8/a.pdf', 'https://example.org:8443/a%20b.pdf', 'https://[2001:db8::1]/a.pdf']) {
    const analysis = analyzeText(withUrl(host));
    assert.deepEqual(documentLinks(analysis, DOC).map((l) => l.target), [new URL(host).href, 'https://example.org/raci.pdf'], host);
    assert.deepEqual(analysis.findings.filter((x) => x.code.startsWith('link.')), [], host);
  }
});
