// Quick fixes on a file with tens of thousands of people in one party: preparing the placeholders reads the
// people once, so a code action request finishes (a generous hang bound, not a speed assertion).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeActions } from '../../server/src/features/code-actions';
import { analyzeText, diagnostic, URI } from './fixture';

function crowd(people: number): string {
  const lines = [
    'schema_version: "1"',
    'metadata: {id: REL-BIG, title: Crowd, status: active, lifecycle_stage: staying_together, next_review_due: 2027-01-01}',
    'parties:',
    '  - {id: acme, name: Acme, role: customer}',
    '  - {id: beta, name: Beta, role: supplier}',
    'people:',
  ];
  for (let i = 0; i < people; i++) lines.push(`  - {id: p-${i}, name: P${i}, party: ${i % 50 === 0 ? 'beta' : 'acme'}}`);
  lines.push('principles:', '  collaborative_leadership:', '    x-note: to do', '');
  return lines.join('\n');
}

test('code actions on a file with 50,000 people in one party are computed', { timeout: 120_000 }, () => {
  const analysis = analyzeText(crowd(50_000));
  const finding = analysis.findings.find((f) => f.code === 'evidence.CL1');
  assert.ok(finding, analysis.findings.map((f) => f.code).join(', '));
  const actions = codeActions(analysis, URI, finding.range, [diagnostic(finding)]);
  // The placeholders still point at the file's own people: the first of each party.
  const scaffold = actions.find((a) => a.title.startsWith('Add "ser"'));
  assert.ok(scaffold, actions.map((a) => a.title).join(' | '));
  const text = scaffold.edit?.changes?.[URI]?.[0]?.newText ?? '';
  assert.match(text, /person: p-1\b/);
  assert.match(text, /person: p-0\b/);
});
