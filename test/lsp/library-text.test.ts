// Over stdio: the yaml library's warnings and error texts never reach the editor, neither as diagnostics nor
// in the server's log (window/logMessage) nor on its stderr, which editors show as an error-level log.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from './client';

const LIBRARY = /stringified|mapAsMap|Nested mappings|compact mappings|Block collections|flow collections|Implicit keys|Map keys must/;

let client: LspClient;
before(async () => {
  client = await LspClient.start({ settings: { asOf: '2026-06-01' } });
});
after(() => client.stop());

test('an alias of a map used as a key: our diagnostic at the key, no library text anywhere', async () => {
  const uri = client.open('alias-key.relationship.yaml', 'a: &a {x: 1}\nb: {*a : v}\n');
  const syntax = (await client.diagnostics(uri, 1)).filter((d) => String(d.code).startsWith('syntax'));
  assert.deepEqual(syntax.map((d) => [d.range, d.message]), [[
    { start: { line: 1, character: 4 }, end: { line: 1, character: 6 } },
    'a key must be plain text, not a list or a map: quote it, or move the list or map into the value',
  ]]);
  const colon = client.open('colon.relationship.yaml', 'metadata:\n  title: St Marys: cleaning partnership\n  status: {a: 1\n    b: 2}\n');
  const messages = (await client.diagnostics(colon, 1)).map((d) => String(d.message));
  assert.ok(messages.some((m) => /quote the whole value/.test(m)), messages.join('\n'));
  // A request after the documents were analysed: anything logged while analysing has arrived before its answer.
  await client.request('textDocument/documentSymbol', { textDocument: { uri } });
  const logged = client.received.filter((r) => r.method === 'window/logMessage' || r.method === 'window/showMessage').map((r) => JSON.stringify(r.params));
  assert.deepEqual(logged.filter((l) => LIBRARY.test(l)), []);
  assert.doesNotMatch(client.stderr, LIBRARY);
  assert.ok(messages.every((m) => !LIBRARY.test(m)), messages.join('\n'));
});
