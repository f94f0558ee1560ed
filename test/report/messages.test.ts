// The webview ↔ extension messages (what each side accepts from the other) and the Fix button's choice of action.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isExtensionMessage, isWebviewMessage, parseRange, previewStateUri } from '../../client/src/preview/messages';
import { pickQuickFix } from '../../client/src/preview/quick-fix-pick';

const range = { start: { line: 3, character: 4 }, end: { line: 3, character: 9 } };

test('the extension accepts well-formed webview messages only', () => {
  assert.ok(isWebviewMessage({ type: 'ready' }));
  assert.ok(isWebviewMessage({ type: 'reveal', uri: 'file:///a', range }));
  assert.ok(isWebviewMessage({ type: 'quickFix', uri: 'file:///a', rule: 'RM2', code: 'evidence.RM2', range }));
  assert.ok(isWebviewMessage({ type: 'openPreview', uri: 'file:///a', principleId: 'exit_strategy' }));
  assert.ok(isWebviewMessage({ type: 'openPreview', uri: 'file:///a' }));
  for (const bad of [null, 'reveal', [], { type: 'reveal', uri: 'file:///a' }, { type: 'reveal', uri: 1, range },
    { type: 'reveal', uri: 'x', range: { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } } },
    { type: 'reveal', uri: 'x', range: { start: { line: 1.5, character: 0 }, end: { line: 2, character: 0 } } },
    { type: 'quickFix', uri: 'x', rule: 'RM2', range }, { type: 'openPreview', uri: 'x', principleId: 4 }, { type: 'exec', command: 'rm' }]) {
    assert.equal(isWebviewMessage(bad), false, JSON.stringify(bad));
  }
});

test('the webview accepts updates and scroll requests only', () => {
  assert.ok(isExtensionMessage({ type: 'update', models: [] }));
  assert.ok(isExtensionMessage({ type: 'scrollTo', principleId: 'risk_management' }));
  assert.equal(isExtensionMessage({ type: 'update', models: {} }), false);
  assert.equal(isExtensionMessage({ type: 'scrollTo' }), false);
  assert.equal(isExtensionMessage({ type: 'html', html: '<script>' }), false);
});

test('data-range attributes read back as ranges, anything else as nothing', () => {
  assert.deepEqual(parseRange('3,4,3,9'), range);
  for (const bad of [undefined, '', '1,2,3', '1,2,3,4,5', 'a,b,c,d', '1,-2,3,4', '1.5,2,3,4']) assert.equal(parseRange(bad), undefined, String(bad));
});

test('a restored panel finds its document in the saved state', () => {
  assert.equal(previewStateUri({ uri: 'file:///w/a.relationship.yaml' }), 'file:///w/a.relationship.yaml');
  assert.equal(previewStateUri({ portfolio: true }), undefined);
  assert.equal(previewStateUri(undefined), undefined);
  assert.equal(previewStateUri({ uri: 7 }), undefined);
});

test('the Fix button picks the preferred fix for its rule by its kind, never a waiver, never another rule\'s fix', () => {
  const add = { title: 'Add a relationship_managers entry with placeholders for CL2 a relationship manager for every party', isPreferred: true, kind: { value: 'quickfix.relationship.evidence.CL2' } };
  const waive = { title: 'Waive CL2 until 2026-05-01 (approved by p-ceo-nw; give the reason)', kind: { value: 'quickfix.relationship.waiver.CL2' } };
  const other = { title: 'Add "last_held" with placeholders for CL3 executive reviews held on cadence', isPreferred: true, kind: { value: 'quickfix.relationship.evidence.CL3' } };
  const section = { title: 'Add the "trust_and_mutual_benefit" section with placeholders', isPreferred: true, kind: 'quickfix.relationship.section.trust_and_mutual_benefit' };
  const otherSection = { title: 'Add the "value_creation" section with placeholders', isPreferred: true, kind: 'quickfix.relationship.section.value_creation' };
  assert.equal(pickQuickFix([waive, other, add], { code: 'evidence.CL2', rule: 'CL2' }), add);
  assert.equal(pickQuickFix([waive], { code: 'evidence.CL2', rule: 'CL2' }), undefined);
  assert.equal(pickQuickFix([other], { code: 'evidence.CL2', rule: 'CL2' }), undefined);
  assert.equal(pickQuickFix([{ title: 'Add X for CL2', kind: 'quickfix.relationship.evidence.CL22' }], { code: 'evidence.CL2', rule: 'CL2' }), undefined);
  // The title plays no part: an action titled for the rule but of another kind is not picked.
  assert.equal(pickQuickFix([{ title: 'Add X for CL2', isPreferred: true, kind: 'quickfix' }], { code: 'evidence.CL2', rule: 'CL2' }), undefined);
  assert.equal(pickQuickFix([otherSection, section], { code: 'evidence.missing-principle', rule: 'TM1', principle: 'trust_and_mutual_benefit' }), section);
  const plain = { ...add, isPreferred: false };
  assert.equal(pickQuickFix([plain, add], { code: 'evidence.CL2', rule: 'CL2' }), add, 'the preferred one first');
});
