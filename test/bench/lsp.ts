// The language server over stdio against yaml-language-server given the same files and schema: open →
// diagnostics, edit → diagnostics, completion and hover, median and p95. Nothing here asserts a time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ClientCapabilities, Position } from 'vscode-languageserver-protocol';
import { serverEnvironment } from '../../client/src/server-launch';
import { LspClient, positionAt, serverPath } from '../lsp/client';
import { generateRelationship } from './generate';

export interface Server { name: string; start: () => Promise<LspClient>; languageId: string }

const schemaUri = pathToFileURL(join(process.cwd(), 'schemas/relationship.schema.json')).href;
const yamlSettings = { schemas: { [schemaUri]: ['*.relationship.yaml'] }, validate: true, hover: true, completion: true, format: { enable: false }, schemaStore: { enable: false } };

/** The bench's folders for the server's code cache (the extension gives one in its storage), removed at the end. */
const cacheRoot = mkdtempSync(join(tmpdir(), 'rac-bench-code-cache-'));
process.on('exit', () => rmSync(cacheRoot, { recursive: true, force: true }));
const sharedCache = join(cacheRoot, 'shared');
let firstStarts = 0;

/**
 * What VS Code's language client announces for completion lists (vscode-languageclient's completion feature): the
 * items of a list may share their edit range and other defaults. Every server measured gets it, as in the editor.
 */
const capabilities: ClientCapabilities = {
  textDocument: { completion: { completionItem: { snippetSupport: true }, completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] } } },
};

/** Our server started as the extension starts it (client/src/server-launch.ts): no flags, the same environment. */
function startOurs(codeCache: string): Promise<LspClient> {
  return LspClient.start({ settings: { asOf: '2026-11-01' }, capabilities, command: [process.execPath, serverPath(), '--stdio'], env: serverEnvironment(codeCache) });
}

/** Every start but the first writes no cache and uses the one the first start wrote, as in the editor. */
export const ourServer: Server = { name: 'relationship-as-code', languageId: 'relationship-yaml', start: () => startOurs(sharedCache) };
/** A start with no code cache yet, as the first one after the extension is installed or updated. */
export const ourFirstStart: Server = {
  name: 'relationship-as-code, no code cache yet',
  languageId: 'relationship-yaml',
  start: () => startOurs(join(cacheRoot, `first-${++firstStarts}`)),
};
export const yamlServer: Server = {
  name: 'yaml-language-server',
  languageId: 'yaml',
  start: async () => {
    const client = await LspClient.start({ capabilities, command: [process.execPath, join(process.cwd(), 'node_modules/yaml-language-server/bin/yaml-language-server'), '--stdio'], sections: { yaml: yamlSettings } });
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { yaml: yamlSettings } });
    return client;
  },
};
/** RAC_BENCH_PEER=0 leaves yaml-language-server out: repeated runs of our server (and the baseline) alone. */
export const servers: Server[] = process.env.RAC_BENCH_PEER === '0' ? [ourServer] : [ourServer, yamlServer];

/**
 * RAC_BASELINE=<a checkout with its dist/ built> adds that build's server beside ours (cold start, typing) and its
 * CLI on one thread (cli), so a change is measured before and after in the same run on the same machine. The
 * baseline runs as its own extension started it: plain `node dist/server.js`.
 */
export function withBaseline(list: Server[]): Server[] {
  const dir = process.env.RAC_BASELINE;
  if (!dir) return list;
  const baseline: Server = { name: 'baseline', languageId: 'relationship-yaml', start: () => LspClient.start({ settings: { asOf: '2026-11-01' }, capabilities, command: [process.execPath, join(dir, 'dist', 'server.js'), '--stdio'] }) };
  return [list[0], baseline, ...list.slice(1)];
}

export function stats(xs: number[]): { median: number; p95: number } {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p95: s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)] };
}

export function median(xs: number[]): number {
  return stats(xs).median;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** Waits until the server validates against the schema (a known error is reported), so timings are warm. */
export async function warmUp(client: Server & { client: LspClient }): Promise<void> {
  const c = client.client;
  const uri = c.uri('warm.relationship.yaml');
  const after = c.mark();
  void c.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: client.languageId, version: 1, text: 'schema_version: "1"\nmetadata:\n  ownr: x\n' } });
  await c.waitFor<{ uri: string; diagnostics: unknown[] }>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.length > 0, { after, timeoutMs: 120_000, what: `${client.name} validating a warm-up file` });
}

function positionOf(text: string, needle: string, delta = 0): Position {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" not in the generated file`);
  return positionAt(text, at + delta);
}

export async function benchLsp(sizes = [300, 3_000, 30_000]): Promise<string[]> {
  const rows = ['| lines | measure | relationship-as-code median / p95 (ms) | yaml-language-server median / p95 (ms) | speed-up (median) |', '|---:|---|---:|---:|---:|'];
  for (const size of sizes) {
    const text = generateRelationship(size, 7);
    const lines = text.split('\n').length;
    const mid = `R-${Math.floor((size - 140) / 64)}`;
    const riskAt = text.indexOf(`id: ${mid}\n`);
    const ownerValue = positionAt(text, text.indexOf('owner: ', riskAt) + 'owner: '.length);
    const keyLine = positionOf(text, `        status: open`, 8); // start of a key inside a risk item
    const hoverKey = positionOf(text, 'likelihood:', 2);
    const hoverPrinciple = positionOf(text, '  risk_management:', 4);
    const results = new Map<string, Map<string, { median: number; p95: number }>>();
    for (const server of servers) {
      const client = await server.start();
      const m = new Map<string, { median: number; p95: number }>();
      try {
        await warmUp({ ...server, client });
        const runs = size >= 30_000 ? 5 : 9;
        const open: number[] = [];
        let uri = '';
        for (let i = 0; i < runs; i++) {
          uri = client.uri(`r${size}-${i}.relationship.yaml`);
          const after = client.mark();
          open.push(await timed(async () => {
            void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: server.languageId, version: 1, text } });
            await client.waitFor<{ uri: string }>('textDocument/publishDiagnostics', (p) => p.uri === uri, { after, timeoutMs: 300_000, what: `${server.name} diagnostics on open` });
          }));
          if (i < runs - 1) client.close(uri);
        }
        m.set('open → diagnostics', stats(open));
        const edit: number[] = [];
        for (let v = 2; v < 2 + runs; v++) {
          const after = client.mark();
          edit.push(await timed(async () => {
            client.edit(uri, { start: { line: 3, character: 9 }, end: { line: 3, character: 9 } }, 'x', v);
            await client.waitFor<{ uri: string }>('textDocument/publishDiagnostics', (p) => p.uri === uri, { after, timeoutMs: 300_000, what: `${server.name} diagnostics on edit` });
          }));
        }
        m.set('edit → diagnostics', stats(edit));
        for (const [label, method, position] of [
          ['completion (reference value)', 'textDocument/completion', ownerValue],
          ['completion (key in a list item)', 'textDocument/completion', keyLine],
          ['hover (field key)', 'textDocument/hover', hoverKey],
          ['hover (principle key)', 'textDocument/hover', hoverPrinciple],
        ] as const) {
          const samples: number[] = [];
          for (let i = 0; i < 40; i++) samples.push(await timed(() => client.request(method, { textDocument: { uri }, position })));
          m.set(label, stats(samples.slice(5))); // the first few requests warm the code paths up
        }
      } finally {
        await client.stop();
      }
      results.set(server.name, m);
    }
    const ours = results.get('relationship-as-code')!;
    const theirs = results.get('yaml-language-server');
    for (const [measure, a] of ours) {
      // Without the peer (RAC_BENCH_PEER=0) its columns stay empty.
      const b = theirs?.get(measure);
      rows.push(`| ${lines} | ${measure} | ${a.median.toFixed(1)} / ${a.p95.toFixed(1)} | ${b ? `${b.median.toFixed(1)} / ${b.p95.toFixed(1)} | ${(b.median / a.median).toFixed(1)}×` : '— | —'} |`);
    }
  }
  return rows;
}
