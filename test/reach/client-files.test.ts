// The browser server's evidence-link answers (server/src/browser/client-files.ts) against a fake connection:
// provisional "exists" until the client answers, one batched request, answers cached, links outside the
// workspace refused without asking, names percent-encoded, the cache dropped when files are created or deleted,
// and a client that cannot answer leaves links unchecked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection } from 'vscode-languageserver';
import { ClientWorkspaceFiles } from '../../server/src/browser/client-files';
import { isInside, linkTarget } from '../../server/src/features/link-target';

const FOLDER = 'vscode-vfs://github/acme/deals';
const DOC = `${FOLDER}/partners/acme.relationship.yaml`;

function fakeConnection(answer: (uris: string[]) => boolean[] | Promise<boolean[]>) {
  const requests: string[][] = [];
  const errors: string[] = [];
  const connection = {
    sendRequest: async (_type: unknown, params: { uris: string[] }) => {
      requests.push(params.uris);
      return { exists: await answer(params.uris) };
    },
    console: { error: (m: string) => errors.push(m) },
  } as unknown as Connection;
  return { connection, requests, errors };
}

test('links resolve against the document URI, stay inside the folder, and name files, not URL syntax', () => {
  assert.equal(linkTarget(DOC, 'docs/rmp.md'), `${FOLDER}/partners/docs/rmp.md`);
  assert.equal(linkTarget(DOC, '../shared/exit plan#2.pdf'), `${FOLDER}/shared/exit%20plan%232.pdf`);
  assert.equal(linkTarget(DOC, 'docs/50%.md'), `${FOLDER}/partners/docs/50%25.md`);
  assert.equal(linkTarget(DOC, 'a\0b'), undefined);
  assert.ok(isInside(FOLDER, `${FOLDER}/partners/docs/rmp.md`));
  assert.ok(!isInside(FOLDER, 'vscode-vfs://github/acme/other/x.md'));
  assert.ok(!isInside(FOLDER, 'vscode-vfs://github/acme/deals-old/x.md'), 'a sibling folder with the same prefix');
  assert.ok(!isInside(FOLDER, linkTarget(DOC, '../../../x.md') ?? ''));
});

test('unknown links are provisionally "exists", asked in one request, then answered from the cache', async () => {
  const fake = fakeConnection((uris) => uris.map((u) => !u.includes('missing')));
  const files = new ClientWorkspaceFiles(fake.connection);
  files.setFolders([FOLDER]);
  const check = files.linkCheck(DOC);
  assert.ok(check);
  const stamp = files.stamp;
  assert.deepEqual([check('docs/rmp.md'), check('docs/missing.md'), check('../../../etc/passwd')], ['exists', 'exists', 'outside']);
  assert.equal(await files.settle(DOC), true, 'analyse again: the answers came');
  assert.deepEqual(fake.requests, [[`${FOLDER}/partners/docs/rmp.md`, `${FOLDER}/partners/docs/missing.md`]]);
  assert.notEqual(files.stamp, stamp, 'the analysis cache key changes');
  const again = files.linkCheck(DOC);
  assert.deepEqual([again?.('docs/rmp.md'), again?.('docs/missing.md')], ['exists', 'missing']);
  assert.equal(await files.settle(DOC), false, 'every answer was known');
  assert.equal(fake.requests.length, 1, 'nothing asked twice');
});

test('documents outside every folder are not checked; two documents settling at once share the requests', async () => {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => { release = resolve; });
  const fake = fakeConnection(async (uris) => { await gate; return uris.map(() => true); });
  const files = new ClientWorkspaceFiles(fake.connection);
  files.setFolders([FOLDER]);
  assert.equal(files.linkCheck('untitled:Untitled-1'), undefined);
  assert.equal(files.linkCheck('vscode-vfs://github/acme/other/a.relationship.yaml'), undefined);
  const other = `${FOLDER}/b.relationship.yaml`;
  files.linkCheck(DOC)?.('docs/a.md');
  const first = files.settle(DOC);
  files.linkCheck(other)?.('docs/b.md');
  const second = files.settle(other);
  release();
  assert.deepEqual(await Promise.all([first, second]), [true, true]);
  assert.deepEqual(fake.requests, [[`${FOLDER}/partners/docs/a.md`], [`${FOLDER}/docs/b.md`]]);
});

test('created or deleted files drop the cached answers and ask the server to analyse again; edits do not', async () => {
  const fake = fakeConnection((uris) => uris.map(() => false));
  const files = new ClientWorkspaceFiles(fake.connection);
  files.setFolders([FOLDER]);
  let redo = 0;
  files.onDidChange(() => redo++);
  files.linkCheck(DOC)?.('docs/rmp.md');
  await files.settle(DOC);
  assert.equal(files.linkCheck(DOC)?.('docs/rmp.md'), 'missing');
  files.filesChanged([{ uri: `${FOLDER}/partners/docs/rmp.md`, type: 2 }]);
  assert.equal(redo, 0, 'a changed file still exists');
  files.filesChanged([{ uri: `${FOLDER}/partners/docs/rmp.md`, type: 1 }]);
  assert.equal(redo, 1);
  assert.equal(files.linkCheck(DOC)?.('docs/rmp.md'), 'exists', 'asked again, provisionally exists');
});

test('a client that cannot answer leaves the links unchecked and says why', async () => {
  const fake = fakeConnection(() => { throw new Error('no handler'); });
  const files = new ClientWorkspaceFiles(fake.connection);
  files.setFolders([FOLDER]);
  files.linkCheck(DOC)?.('docs/missing.md');
  assert.equal(await files.settle(DOC), true);
  assert.equal(files.linkCheck(DOC)?.('docs/missing.md'), 'exists');
  assert.match(fake.errors.join('\n'), /checking evidence links through the editor failed: no handler/);
  assert.equal(files.displayName(`${FOLDER}/partners/a%20b.relationship.yaml`), 'a b.relationship.yaml');
  assert.equal(await files.readText(DOC), undefined, 'a file the client cannot read');
});
