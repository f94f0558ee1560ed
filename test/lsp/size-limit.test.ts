// Over stdio, the editor's face of the size limit: a document over 5 MiB gets one diagnostic at 0:0 saying so
// and no analysis, as `rac check` refuses it; workspace checks do not read such a file at all.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspClient } from './client';

const MIB = 1024 * 1024;
const comment = (bytes: number): string => `# ${'x'.repeat(bytes - 3)}\n`;
const BIG = `${comment(Math.round(5.3 * MIB) - 12)}metadata: 1\n`;

let client: LspClient;
before(async () => {
  client = await LspClient.start({ settings: { asOf: '2026-06-01' }, files: { 'closed/big.relationship.yaml': BIG } });
});
after(() => client.stop());

test('an open document over the limit: one error at 0:0 with its size and the limit, no analysis', async () => {
  const uri = client.open('big.relationship.yaml', BIG);
  const diagnostics = await client.diagnostics(uri, 1);
  assert.deepEqual(diagnostics.map((d) => [d.code, d.severity, d.range]), [['file.too-large', 1, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }]]);
  assert.match(String(diagnostics[0].message), /^file too large \(5\.3 MiB; the limit is 5 MiB\)/);
  // The same document within the limit is analysed: the stray key is reported again.
  client.change(uri, `${comment(5 * MIB - 12)}metadata: 1\n`, 2);
  const analysed = await client.diagnostics(uri, 2);
  assert.ok(!analysed.some((d) => d.code === 'file.too-large'));
  assert.ok(analysed.some((d) => d.code === 'schema.type'), analysed.map((d) => d.code).join(', '));
});

test('a closed file over the limit found by a workspace check: the same one diagnostic', async () => {
  const after = client.mark();
  const result = await client.request<{ files: number; errors: number }>('relationship/checkWorkspace', {});
  assert.equal(result.errors >= 1, true);
  const uri = client.uri('closed/big.relationship.yaml');
  const pushed = await client.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri, { after });
  assert.deepEqual(pushed.diagnostics.map((d) => [d.code, d.range.start, String(d.message).split(':')[0]]), [['file.too-large', { line: 0, character: 0 }, 'file too large (5.3 MiB; the limit is 5 MiB)']]);
});
