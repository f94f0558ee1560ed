// The JSON Schema for other YAML tools: README's modeline names the schema at its release path, and the plain
// YAML language server (yaml-language-server, what Red Hat's YAML extension runs) validates a relationship
// file by that line alone: no settings mapping files to schemas, no schema store (so nothing is fetched).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../lsp/client';
import { ROOT } from '../diff/git-repo';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const modeline = /<!-- schema-modeline -->\n```yaml\n(# yaml-language-server: \$schema=(\S+))\n```/.exec(readme);
const yamlSettings = { validate: true, hover: true, completion: true, schemaStore: { enable: false } };
let client: LspClient | undefined;
after(async () => client?.stop());

test('README\'s modeline names the schema at the path every release ships it', () => {
  assert.ok(modeline, 'README shows the modeline after <!-- schema-modeline -->');
  assert.equal(modeline[2], 'https://raw.githubusercontent.com/relationship-as-code/relationship-as-code/v1/schemas/relationship.schema.json');
  // The release folder (scripts/build-action.mjs) and the npm package ("files") both hold that path.
  assert.match(readFileSync(join(ROOT, 'scripts', 'build-action.mjs'), 'utf8'), /'schemas\/relationship\.schema\.json'/);
  assert.ok((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[] }).files.includes('schemas/relationship.schema.json'));
});

test('with the modeline alone, yaml-language-server validates a relationship file against the schema', async () => {
  assert.ok(modeline);
  client = await LspClient.start({ command: [process.execPath, join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'), '--stdio'], sections: { yaml: yamlSettings } });
  void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { yaml: yamlSettings } });
  // The same line with the schema of this checkout in place of the release's address.
  const line = modeline[1].replace(modeline[2], pathToFileURL(join(ROOT, 'schemas', 'relationship.schema.json')).href);
  const text = `${line}\n${readFileSync(join(ROOT, 'samples', 'flawed.relationship.yaml'), 'utf8')}`;
  const uri = client.open('flawed.relationship.yaml', text, 1, 'yaml');
  // yaml-language-server publishes without a version.
  const diagnostics = await client.diagnostics(uri);
  const messages = diagnostics.map((d) => (typeof d.message === 'string' ? d.message : d.message.value));
  assert.ok(messages.some((m) => /ownr/.test(m)), `the unknown key "ownr" is reported: ${messages.join(' | ')}`);
  assert.ok(messages.some((m) => /fortnighly|fortnightly|allowed values/i.test(m)), `the invalid cadence is reported: ${messages.join(' | ')}`);
});
