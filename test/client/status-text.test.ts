// The words of the language status item and of the workspace check, from what the server sends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkSummary, coverageStatus } from '../../client/src/status-text';
import type { CoverageParams } from '../../server/src/protocol';

const base: CoverageParams = {
  uri: 'file:///w/a.relationship.yaml', version: 3, covered: 9, waived: 0, required: 12, total: 12,
  stage: 'working_together', schemaVersion: '1', errors: 2, warnings: 0,
};

test('coverage of a file where every principle counts', () => {
  assert.deepEqual(coverageStatus(base), { text: '9/12 principles', detail: 'stage working_together · schema v1 · 2 errors', warn: true });
});

test('an early-stage file is measured against the required principles only', () => {
  const s = coverageStatus({ ...base, covered: 3, required: 3, stage: 'awareness', errors: 0, warnings: 1 });
  assert.equal(s.text, '3/3 principles');
  assert.equal(s.detail, 'stage awareness · 9 not yet required · schema v1 · 1 warning');
  assert.equal(s.warn, false);
});

test('nothing required yet, no schema_version, errors and warnings together', () => {
  const s = coverageStatus({ ...base, covered: 0, required: 0, schemaVersion: '', errors: 1, warnings: 4 });
  assert.equal(s.text, 'no principles required yet');
  assert.equal(s.detail, 'stage working_together · no schema_version · 1 error, 4 warnings');
});

test('a clean file says so', () => {
  assert.match(coverageStatus({ ...base, covered: 12, errors: 0 }).detail, /· no problems$/);
});

test('workspace check summary', () => {
  assert.equal(checkSummary({ files: 0, errors: 0, warnings: 0, skipped: [] }), 'No relationship files (*.relationship.yaml, *.relationship.yml) in this workspace.');
  assert.equal(checkSummary({ files: 1, errors: 0, warnings: 0, skipped: [] }), 'Checked 1 relationship file: no problems.');
  assert.equal(checkSummary({ files: 14, errors: 3, warnings: 1, skipped: [] }), 'Checked 14 relationship files: 3 errors, 1 warning.');
});

test('waived principles are not among the covered ones: the detail counts them apart', () => {
  const s = coverageStatus({ ...base, covered: 11, waived: 1, errors: 0 });
  assert.equal(s.text, '11/12 principles');
  assert.equal(s.detail, 'stage working_together · 1 waived · schema v1 · no problems');
});
