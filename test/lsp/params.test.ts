// Malformed request parameters over stdio: every custom request, and the fields the standard handlers read,
// answer InvalidParams (-32602) with a message that names the field — never an internal error, and never an
// Error-level log with a stack trace.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LogMessageParams } from 'vscode-languageserver-protocol';
import { LspClient } from './client';

const TEXT = 'schema_version: "1"\nmetadata:\n  id: REL-P\n';

async function refused(client: LspClient, method: string, params: unknown, field: RegExp): Promise<void> {
  await assert.rejects(client.request(method, params), (e: { code: number; message: string }) => {
    assert.equal(e.code, -32602, `${method} ${JSON.stringify(params)}: ${e.message}`);
    assert.match(e.message, field, `${method} ${JSON.stringify(params)}`);
    return true;
  });
}

describe('request parameters are validated', () => {
  let client: LspClient;
  let uri: string;
  before(async () => {
    client = await LspClient.start({ settings: { asOf: '2025-11-01' } });
    uri = client.open('p.relationship.yaml', TEXT);
    await client.diagnostics(uri, 1);
  });
  after(() => client.stop());

  test('relationship/scaffold: null, a wrong type and a missing stage', async () => {
    await refused(client, 'relationship/scaffold', null, /params must be object/);
    await refused(client, 'relationship/scaffold', { stage: {} }, /stage must be string/);
    await refused(client, 'relationship/scaffold', { stage: 7 }, /stage must be string/);
    await refused(client, 'relationship/scaffold', {}, /stage is required/);
    // A well-formed request still works.
    const { text } = await client.request<{ text: string }>('relationship/scaffold', { stage: 'awareness' });
    assert.match(text, /lifecycle_stage: awareness/);
  });

  test('relationship/preview: null, a wrong type and a missing uri', async () => {
    await refused(client, 'relationship/preview', null, /params must be object/);
    await refused(client, 'relationship/preview', { uri: 42 }, /uri must be string/);
    await refused(client, 'relationship/preview', { url: uri }, /uri is required/);
    assert.ok(await client.request('relationship/preview', { uri }));
  });

  test('relationship/checkWorkspace: no fields to miss, but params that are not an object are refused', async () => {
    await refused(client, 'relationship/checkWorkspace', 'all', /params must be object,null/);
    await refused(client, 'relationship/checkWorkspace', 3, /params must be object,null/);
    assert.equal((await client.request<{ files: number }>('relationship/checkWorkspace', null)).files, 0);
    assert.equal((await client.request<{ files: number }>('relationship/checkWorkspace', {})).files, 0);
  });

  test('standard requests: the fields each handler reads', async () => {
    const position = { line: 1, character: 2 };
    const textDocument = { uri };
    await refused(client, 'textDocument/hover', { textDocument: {}, position }, /textDocument\.uri is required/);
    await refused(client, 'textDocument/hover', { textDocument: { uri: 5 }, position }, /textDocument\.uri must be string/);
    await refused(client, 'textDocument/hover', { textDocument }, /position is required/);
    await refused(client, 'textDocument/completion', { textDocument, position: { line: '1', character: 0 } }, /position\.line must be integer/);
    await refused(client, 'textDocument/completion', { textDocument, position: { line: -1, character: 0 } }, /position\.line must be >= 0/);
    await refused(client, 'textDocument/definition', { textDocument, position: null }, /position must be object/);
    await refused(client, 'textDocument/references', { textDocument, position }, /context is required/);
    await refused(client, 'textDocument/references', { textDocument, position, context: {} }, /context\.includeDeclaration is required/);
    await refused(client, 'textDocument/prepareRename', { textDocument: null, position }, /textDocument must be object/);
    await refused(client, 'textDocument/rename', { textDocument, position, newName: 5 }, /newName must be string/);
    await refused(client, 'textDocument/codeAction', { textDocument, context: { diagnostics: [] } }, /range is required/);
    await refused(client, 'textDocument/codeAction', { textDocument, range: { start: position, end: position }, context: {} }, /context\.diagnostics is required/);
    await refused(client, 'textDocument/codeAction', { textDocument, range: { start: position }, context: { diagnostics: [] } }, /range\.end is required/);
    for (const method of ['textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/documentLink', 'textDocument/codeLens']) {
      await refused(client, method, {}, /textDocument is required/);
      await refused(client, method, { textDocument: { uri: [] } }, /textDocument\.uri must be string/);
    }
    // The same requests, well formed, are answered.
    assert.ok(await client.request('textDocument/hover', { textDocument, position: { line: 1, character: 1 } }));
    assert.ok(Array.isArray(await client.request('textDocument/documentSymbol', { textDocument })));
  });

  test('nothing was logged as an internal error with a stack trace', async () => {
    // A round trip after the requests above, so every log they caused has arrived.
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    const errors = client.received.filter((r) => r.method === 'window/logMessage' && (r.params as LogMessageParams).type === 1);
    assert.deepEqual(errors.map((r) => (r.params as LogMessageParams).message), []);
    assert.doesNotMatch(client.stderr, /\n\s+at /);
  });
});
