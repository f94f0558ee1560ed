// The built server's code cache over stdio, started as the extension starts it (RAC_CODE_CACHE names a folder in
// its storage): the first start writes the cache once its first diagnostics are out, later starts use it without
// writing it again, the first diagnostics are the same with and without it, and a cache file that is damaged, cut
// short or foreign neither stops the server nor changes what it says; it is written anew.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { serverEnvironment } from '../../client/src/server-launch';
import { LspClient } from './client';

const AS_OF = '2025-11-01';

// CRLF line ends, a tab inside a value and an emoji before an unresolved reference (UTF-16 columns), an enum typo,
// a duplicate id and unmet evidence; the profile beside it makes RM3 an error, so the diagnostics show it was read.
const TEXT = [
  'schema_version: "1"',
  'metadata:',
  '  id: REL-CACHE-1',
  '  title: "Cache\ttest"',
  '  status: actve',
  '  lifecycle_stage: awareness',
  '  next_review_due: 2025-01-01',
  'parties:',
  '  - {id: acme, name: Acme Ltd, role: supplier}',
  'people:',
  '  - {id: p-ann, name: Ann, party: acme}',
  '  - {id: p-ann, name: "Zoë 🚀", party: gama}',
  '',
].join('\r\n');
const FILES = { '.rac.yaml': 'rules:\n  RM3: error\n' };

let cacheDir: string;

before(() => {
  cacheDir = mkdtempSync(join(tmpdir(), 'rac-code-cache-'));
});
after(() => rmSync(cacheDir, { recursive: true, force: true }));

function cacheFiles(): string[] {
  return existsSync(cacheDir) ? readdirSync(cacheDir) : [];
}

/** Waits (bounded: a hang, not a speed limit) until the folder holds exactly one file whose bytes differ from `old`. */
async function written(old?: Buffer): Promise<Buffer> {
  for (let i = 0; i < 500; i++) {
    const files = cacheFiles();
    const bytes = files.length === 1 ? readFileSync(join(cacheDir, files[0])) : undefined;
    if (bytes && !(old && bytes.equals(old))) return bytes;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`the code cache was not written: ${cacheFiles().join(', ') || 'no file'}`);
}

/** One start: the first diagnostics of the file; the server is stopped before this returns. */
async function firstDiagnostics(withCache: boolean, then?: () => Promise<unknown>): Promise<Diagnostic[]> {
  const client = await LspClient.start({ settings: { asOf: AS_OF }, files: FILES, env: withCache ? serverEnvironment(cacheDir) : undefined });
  try {
    const uri = client.open('cached.relationship.yaml', TEXT);
    const diagnostics = await client.diagnostics(uri, 1);
    await client.waitFor('relationship/coverage');
    await then?.();
    assert.equal(client.stderr, '');
    // Each start has its own workspace folder: related information names the document by its uri.
    return JSON.parse(JSON.stringify(diagnostics).replaceAll(uri, 'DOCUMENT')) as Diagnostic[];
  } finally {
    await client.stop();
  }
}

let plain: Diagnostic[];

test('without a cache folder the server writes nothing; its diagnostics are the reference', async () => {
  plain = await firstDiagnostics(false);
  assert.deepEqual(cacheFiles(), []);
  const codes = plain.map((d) => d.code);
  for (const code of ['schema.enum', 'ref.duplicate-id', 'ref.unresolved', 'evidence.RM3']) assert.ok(codes.includes(code), `${code} in ${codes.join(', ')}`);
  assert.equal(plain.find((d) => d.code === 'evidence.RM3')?.severity, 1, 'the profile made RM3 an error');
  const unresolved = plain.find((d) => d.code === 'ref.unresolved');
  const line = TEXT.split('\r\n')[11];
  assert.deepEqual(unresolved?.range, { start: { line: 11, character: line.indexOf('gama') }, end: { line: 11, character: line.indexOf('gama') + 4 } }, 'UTF-16 columns after the emoji');
});

test('the first start writes the cache once its diagnostics are out; the next starts use it and leave it as it is', async () => {
  let cache: Buffer | undefined;
  const first = await firstDiagnostics(true, async () => (cache = await written()));
  assert.deepEqual(first, plain);
  assert.equal(cacheFiles().length, 1, `one file, no temporary file left: ${cacheFiles().join(', ')}`);
  for (let start = 0; start < 2; start++) {
    assert.deepEqual(await firstDiagnostics(true), plain);
    assert.deepEqual(cacheFiles().length, 1);
    assert.ok(readFileSync(join(cacheDir, cacheFiles()[0])).equals(cache!), 'a cache that was used is not written again');
  }
});

test('a damaged, cut short, foreign or empty cache file does not stop the server or change its answer, and is written anew', async () => {
  const file = join(cacheDir, cacheFiles()[0]);
  const good = readFileSync(file);
  const magic = good.indexOf('\n') + 1;
  const spoils: Record<string, () => Buffer> = {
    // V8 itself would abort the process on this one: the header is intact, the body is not.
    damaged: () => Buffer.from(good).map((b, i) => (i > good.length / 3 && i % 97 === 0 ? b ^ 0xff : b)) as Buffer,
    foreign: () => Buffer.from('not a cache at all\n'.repeat(100)),
    empty: () => Buffer.alloc(0),
    // A write cut off part way (a full disk): the header is whole, the data is not.
    'cut short': () => good.subarray(0, magic + 32 + 64),
  };
  for (const [name, spoil] of Object.entries(spoils)) {
    const bad = spoil();
    writeFileSync(file, bad);
    let rewritten: Buffer | undefined;
    assert.deepEqual(await firstDiagnostics(true, async () => (rewritten = await written(bad))), plain, name);
    assert.ok(rewritten!.subarray(0, magic).equals(good.subarray(0, magic)), `${name}: written anew`);
    // Written anew, it is used by the next start and not written again.
    assert.deepEqual(await firstDiagnostics(true), plain, name);
    assert.ok(readFileSync(file).equals(rewritten!), `${name}: the new cache is used`);
  }
});
