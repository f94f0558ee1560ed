// The yaml library's own words never reach the user of rac: not its warnings on stderr, not its error texts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AS_OF, rac, workspace } from './run-cli';

test('an alias of a map used as a key: a finding of ours at the key, and nothing on stderr', () => {
  const dir = workspace({ 'alias-key.relationship.yaml': 'a: &a {x: 1}\nb: {*a : v}\n' });
  const r = rac(['check', '--as-of', AS_OF, 'alias-key.relationship.yaml'], dir);
  assert.equal(r.stderr, '');
  assert.equal(r.status, 1);
  assert.match(r.stdout, /^alias-key\.relationship\.yaml:2:5: error a key must be plain text, not a list or a map/m);
  assert.doesNotMatch(r.stdout, /stringified|mapAsMap/);
});

test('an unquoted ": " in a value and a block inside {…}: our messages, at the place to fix', () => {
  const dir = workspace({
    'colon.relationship.yaml': 'metadata:\n  title: St Marys: cleaning partnership\n',
    'flow.relationship.yaml': 'metadata: {title: x\n  status: active}\n',
  });
  const r = rac(['check', '--as-of', AS_OF, 'colon.relationship.yaml', 'flow.relationship.yaml'], dir);
  assert.equal(r.stderr, '');
  assert.match(r.stdout, /^colon\.relationship\.yaml:2:18: error this value contains ": ", which YAML reads as the start of a key: quote the whole value/m);
  assert.match(r.stdout, /^flow\.relationship\.yaml:2:3: error inside \{…\} or \[…\]/m);
  assert.doesNotMatch(r.stdout, /Nested mappings|compact mappings|Block collections|flow collections/);
});
