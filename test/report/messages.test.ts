// The webview ↔ extension messages: what each side accepts from the other.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isExtensionMessage, isWebviewMessage, parseRange, previewStateUri } from '../../client/src/preview/messages';

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
