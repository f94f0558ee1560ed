// The language server over stdio under a random editing session: the built server (dist/server.js) gets
// thousands of incremental didChange edits on open samples (edits.ts) with requests between them, every
// feature and the custom requests, some with malformed params. It fails on a response error other than the
// documented ones (-32602 bad params, -32800 cancelled, a rename refused with a message), a request not
// answered within the client's bound (a hang, not a speed limit), an Error-level log message or anything on
// stderr, a range outside its document or inside a CRLF, and diagnostics published for a version older than
// one already published.
//
// `npm test` runs a fixed seed; a long run, random seed unless given:
//   npm run fuzz:lsp -- --edits 20000 [--seed N]
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { CancellationTokenSource } from 'vscode-jsonrpc';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { DEFAULT_TIMEOUT_MS, LspClient } from '../lsp/client';
import { repoFile } from '../unit/reference';
import { prng } from '../properties/documents';
import { below, pick, randomEdit, type Random } from './edits';
import { fuzzOptions, replayCommand, shorten } from './options';
import { badRange, lineWidths, rangesIn } from './ranges';

const opts = fuzzOptions(process.argv.slice(2), 'edits', { seed: 7_700, count: 200 });
const DOCS = 3;
/** Texts kept per document for checking the ranges of diagnostics published for an older version. */
const KEPT_VERSIONS = 64;

const POSITION_METHODS = ['textDocument/completion', 'textDocument/hover', 'textDocument/definition', 'textDocument/references', 'textDocument/prepareRename', 'textDocument/rename', 'textDocument/codeAction'] as const;
const DOCUMENT_METHODS = ['textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/documentLink', 'textDocument/codeLens', 'relationship/preview'] as const;
const STAGES = ['awareness', 'knowledge', 'working_together', 'exit', 'nonsense', ''];
const RENAME_METHODS = new Set(['textDocument/prepareRename', 'textDocument/rename']);

/** An open document; `texts` keeps recent versions' texts (TextDocument.update changes the document in place). */
interface Open { uri: string; doc: TextDocument; texts: Map<number, string> }
interface Counts { edits: number; requests: number; malformed: number; cancelled: number; errorsAllowed: number; reopened: number }

function sampleTexts(): string[] {
  const folder = repoFile('samples');
  return readdirSync(folder).filter((n) => n.endsWith('.relationship.yaml')).sort().map((n) => readFileSync(`${folder}/${n}`, 'utf8'));
}

/** A sample as an editor may hold it: CRLF, lone CR or a blank first line, by chance. */
function variant(text: string, rnd: Random): string {
  let out = text;
  const r = rnd();
  if (r < 0.2) out = out.replace(/\r?\n/g, '\r\n');
  else if (r < 0.3) out = out.replace(/\r?\n/g, '\r');
  if (rnd() < 0.2) out = pick(['\n', '\r\n', '\n\n'], rnd) + out;
  return out;
}

/** A position in the document, now and then past the end of its line (editors send those too). */
function randomPosition(doc: TextDocument, rnd: Random): Position {
  const p = doc.positionAt(below(doc.getText().length + 1, rnd));
  return rnd() < 0.05 ? { line: p.line, character: p.character + 1 + below(20, rnd) } : p;
}

function malformedParams(uri: string, rnd: Random): unknown {
  return pick<unknown>([
    null, {}, [], 'text', { textDocument: null }, { textDocument: { uri: 42 }, position: { line: 'a', character: 0 } },
    { textDocument: { uri }, position: { line: -1, character: 0 } }, { textDocument: { uri }, position: { line: 1e12, character: 1e12 } },
    { textDocument: { uri }, position: { line: 0.5, character: 0 } }, { textDocument: { uri }, position: null },
    { textDocument: { uri: 'file:///not/open.relationship.yaml' }, position: { line: 0, character: 0 } },
    { textDocument: { uri }, range: { start: { line: 3, character: 0 }, end: { line: 1, character: 0 } }, context: { diagnostics: 'x' } },
    { textDocument: { uri }, position: { line: 0, character: 0 }, newName: 7 }, { uri: { nested: true } }, { stage: 42 },
  ], rnd);
}

test(`the server over stdio under ${opts.count} random edits with requests between them (seed ${opts.seed})`, { timeout: 30 * 60_000 }, async (t) => {
  const rnd = prng(opts.seed);
  const samples = sampleTexts();
  const client = await LspClient.start({ settings: { asOf: '2026-11-01' } });
  const counts: Counts = { edits: 0, requests: 0, malformed: 0, cancelled: 0, errorsAllowed: 0, reopened: 0 };
  const problems: string[] = [];
  const history: string[] = [];
  const problem = (message: string, withHistory = true): void => {
    if (problems.length < 20) problems.push(withHistory ? `${message}\n  after: ${history.slice(-4).join(' | ')}` : message);
  };
  const docs: Open[] = [];
  /** Every document opened, by uri: a reopened slot gets a new uri, so versions start again at 1 for it alone. */
  const everOpen = new Map<string, Open>();
  const openDoc = (slot: number): void => {
    const text = variant(pick(samples, rnd), rnd);
    const uri = client.uri(`doc-${everOpen.size}.relationship.yaml`);
    const doc = TextDocument.create(uri, 'relationship-yaml', 1, text);
    docs[slot] = { uri, doc, texts: new Map([[1, text]]) };
    everOpen.set(uri, docs[slot]);
    client.open(uri, text, 1);
  };
  for (let slot = 0; slot < DOCS; slot++) openDoc(slot);

  /** A request answered or refused; now and then cancelled as soon as it is sent, as editors do while typing. */
  const send = (method: string, params: unknown): Promise<unknown> => {
    if (rnd() >= 0.05) return client.request(method, params);
    counts.cancelled++;
    const source = new CancellationTokenSource();
    const answer = client.connection.sendRequest(method, params, source.token);
    source.cancel();
    return Promise.race([answer, new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out after ${DEFAULT_TIMEOUT_MS} ms waiting for the cancelled ${method}`)), DEFAULT_TIMEOUT_MS).unref())]);
  };

  const ask = async (method: string, params: unknown, open: Open, malformed: boolean): Promise<void> => {
    counts.requests++;
    if (malformed) counts.malformed++;
    const widths = lineWidths(open.doc);
    try {
      const result = await send(method, params);
      for (const found of rangesIn(result, open.uri)) {
        const target = docs.find((d) => d.uri === found.uri);
        const wrong = target ? badRange(target === open ? widths : lineWidths(target.doc), found.range) : undefined;
        if (wrong) problem(`${method} at version ${open.doc.version}: ${found.where} ${JSON.stringify(found.range)} ${wrong}`);
      }
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      const message = e instanceof Error ? e.message : String(e);
      const documented = code === -32602 || code === -32800 || (RENAME_METHODS.has(method) && code === -32803 && message.length > 0);
      if (documented) counts.errorsAllowed++;
      else problem(`${method} ${malformed ? 'with malformed params ' : ''}answered ${code === undefined ? 'nothing' : `error ${String(code)}`}: ${message.split('\n')[0]}\n  params: ${shorten(JSON.stringify(params), 300)}`);
    }
  };

  const requestsFor = (open: Open): Promise<void>[] => {
    const out: Promise<void>[] = [];
    const textDocument = { uri: open.uri };
    for (let k = 1 + below(5, rnd); k > 0; k--) {
      const r = rnd();
      if (r < 0.002) {
        out.push(ask('relationship/checkWorkspace', rnd() < 0.5 ? null : {}, open, false));
      } else if (r < 0.08) {
        const method = pick([...POSITION_METHODS, ...DOCUMENT_METHODS, 'relationship/scaffold'], rnd);
        out.push(ask(method, malformedParams(open.uri, rnd), open, true));
      } else if (r < 0.1) {
        out.push(ask('relationship/scaffold', { stage: pick(STAGES, rnd) }, open, false));
      } else if (r < 0.3) {
        const method = pick(DOCUMENT_METHODS, rnd);
        out.push(ask(method, method === 'relationship/preview' ? { uri: open.uri } : { textDocument }, open, false));
      } else {
        const method = pick(POSITION_METHODS, rnd);
        const position = randomPosition(open.doc, rnd);
        if (method === 'textDocument/codeAction') {
          const end = randomPosition(open.doc, rnd);
          const [a, b] = open.doc.offsetAt(end) < open.doc.offsetAt(position) ? [end, position] : [position, end];
          out.push(ask(method, { textDocument, range: { start: a, end: b }, context: { diagnostics: [] } }, open, false));
        } else if (method === 'textDocument/rename') {
          out.push(ask(method, { textDocument, position, newName: pick(['X-1', 'renamed', 'a b', '', 'é-😀', 'p-new'], rnd) }, open, false));
        } else if (method === 'textDocument/references') {
          out.push(ask(method, { textDocument, position, context: { includeDeclaration: rnd() < 0.5 } }, open, false));
        } else out.push(ask(method, { textDocument, position }, open, false));
      }
    }
    return out;
  };

  try {
    for (let i = 0; i < opts.count; i++) {
      const slot = below(DOCS, rnd);
      if (rnd() < 0.005) {
        client.close(docs[slot].uri);
        openDoc(slot);
        counts.reopened++;
        history.push(`reopened ${slot}`);
        continue;
      }
      const open = docs[slot];
      const edit = randomEdit(open.doc, samples, rnd);
      const version = open.doc.version + 1;
      open.doc = TextDocument.update(open.doc, [{ range: edit.range, text: edit.text }], version);
      open.texts.set(version, open.doc.getText());
      open.texts.delete(version - KEPT_VERSIONS);
      client.edit(open.uri, edit.range, edit.text, version);
      counts.edits++;
      history.push(`${slot} v${version} ${edit.kind} ${JSON.stringify(edit.range)} ${JSON.stringify(edit.text).slice(0, 40)}`);
      if (history.length > 50) history.shift();
      if (rnd() < 0.9) await Promise.all(requestsFor(open));
      if (client.stderr) problem(`the server wrote to stderr: ${shorten(client.stderr)}`);
      if (problems.length >= 20) break;
      if (opts.long && counts.edits % 2000 === 0) console.log(`# ${counts.edits} edits, ${counts.requests} requests so far`);
    }
    // Settle: the last versions' diagnostics arrive after the debounce.
    await Promise.all(docs.map((d) => client.diagnostics(d.uri, d.doc.version).catch((e: unknown) => problem(`no diagnostics for the last version: ${String(e)}`))));
  } finally {
    await client.stop();
  }

  const lastVersion = new Map<string, number>();
  let published = 0;
  for (const r of client.received) {
    if (r.method === 'window/logMessage' || r.method === 'window/showMessage') {
      const { type, message } = r.params as { type: number; message: string };
      if (type === 1) problem(`${r.method} at Error level: ${shorten(message)}`, false);
    }
    if (r.method !== 'textDocument/publishDiagnostics') continue;
    const p = r.params as PublishDiagnosticsParams;
    published++;
    if (p.version === undefined) continue;
    const before = lastVersion.get(p.uri);
    if (before !== undefined && p.version < before) problem(`diagnostics for version ${p.version} of ${p.uri} after version ${before}`, false);
    lastVersion.set(p.uri, p.version);
    const text = everOpen.get(p.uri)?.texts.get(p.version);
    if (text === undefined) continue;
    const widths = lineWidths(TextDocument.create(p.uri, 'relationship-yaml', p.version, text));
    for (const d of p.diagnostics) {
      const wrong = badRange(widths, d.range);
      if (wrong) problem(`a diagnostic of version ${p.version} of ${p.uri} (${String(d.code)}) ${JSON.stringify(d.range)} ${wrong}`, false);
    }
  }
  t.diagnostic(`${counts.edits} edits, ${counts.requests} requests (${counts.malformed} malformed, ${counts.cancelled} cancelled at once, ${counts.errorsAllowed} answered with a documented error), ${counts.reopened} reopened, ${published} diagnostics published (seed ${opts.seed})`);
  assert.equal(problems.length, 0, `${problems.length} problems (seed ${opts.seed}); replay: ${replayCommand('fuzz:lsp', 'edits', opts)}\n${problems.join('\n')}`);
});
