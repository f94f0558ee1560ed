// Cold start, each run in a fresh process: the language server from spawn to the first diagnostics of a 300-line
// file, with the code cache an earlier start wrote and with none yet (beside yaml-language-server), and the
// extension's activation (loading dist/extension.js and running activate() against a stand-in for the vscode
// module: the part of activation this project's code decides).
// Nothing here asserts a time.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LspClient } from '../lsp/client';
import { generateRelationship } from './generate';
import { median, ourFirstStart, ourServer, servers, withBaseline } from './lsp';

/**
 * The CPU time (user + system) the server process has used, in ms, from Linux's /proc (10 ms steps); NaN elsewhere.
 * On a busy machine it says more than the wall time, which includes waiting for a core.
 */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * (1000 / 100);
  } catch {
    return NaN;
  }
}

async function spawnToDiagnostics(start: () => Promise<LspClient>, languageId: string, text: string): Promise<{ wall: number; cpu: number }> {
  const t0 = performance.now();
  const client = await start();
  try {
    const uri = client.uri('cold.relationship.yaml');
    void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    // yaml-language-server may first publish an empty list while its schema loads: wait for the real findings.
    await client.waitFor<{ uri: string; diagnostics: unknown[] }>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.length > 0, { timeoutMs: 120_000, what: 'the first diagnostics' });
    return { wall: performance.now() - t0, cpu: cpuMs(client.pid) };
  } finally {
    await client.stop();
  }
}

/**
 * A stand-in for `vscode`: every property is a callable that returns another stand-in, and nothing is a promise.
 * The module object lists the names @types/vscode exports, because a bundled `import * as vscode` copies them.
 */
const ACTIVATE = `
const Module = require('node:module');
const stub = () => new Proxy(function () {}, {
  get: (_t, key) => (key === 'then' ? undefined : key === Symbol.toPrimitive ? () => '' : stub()),
  apply: () => stub(),
  construct: () => stub(),
  set: () => true,
});
const names = JSON.parse(process.argv[2]);
const vscode = { ...Object.fromEntries(names.map((n) => [n, stub()])), version: '1.139.0' };
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'vscode' ? vscode : load.call(this, request, ...rest); };
process.on('unhandledRejection', () => {});
const t0 = performance.now();
const extension = require(process.argv[1]);
const loaded = performance.now();
extension.activate({ subscriptions: [], extensionUri: stub(), extensionPath: process.cwd(), globalState: stub(), workspaceState: stub() });
const activated = performance.now();
console.log(JSON.stringify({ load: loaded - t0, activate: activated - loaded }));
`;

function activation(): { load: number; activate: number } {
  const types = readFileSync(join(process.cwd(), 'node_modules', '@types', 'vscode', 'index.d.ts'), 'utf8');
  const names = [...new Set([...types.matchAll(/^\s*export (?:namespace|class|enum|const|function|let) (\w+)/gm)].map((m) => m[1]))];
  const r = spawnSync(process.execPath, ['-e', ACTIVATE, join(process.cwd(), 'dist', 'extension.js'), JSON.stringify(names)], { encoding: 'utf8' });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !line.startsWith('{')) throw new Error(`activation run failed: ${r.stderr}`);
  return JSON.parse(line) as { load: number; activate: number };
}

export async function benchColdStart(runs = 9): Promise<string[]> {
  const text = generateRelationship(340, 5).replace('  status: active\n', '  status: active\n  stauts: x\n');
  const lines = text.split('\n').length;
  const [ours, ...others] = withBaseline(servers);
  const list = [ours, ourFirstStart, ...others];
  const samples = list.map(() => [] as { wall: number; cpu: number }[]);
  // Not timed: the first start writes the code cache the timed starts of our server use.
  await spawnToDiagnostics(ourServer.start, ourServer.languageId, text);
  // Interleaved, so a burst of load on a shared machine hits every server alike.
  for (let i = 0; i < runs; i++) {
    for (const [k, server] of list.entries()) samples[k].push(await spawnToDiagnostics(server.start, server.languageId, text));
  }
  const act = Array.from({ length: runs }, activation);
  return [
    `| measure (${runs} fresh processes, median) | ${list.map((s) => `${s.name} (ms)`).join(' | ')} |`,
    `|---|${list.map(() => '---:').join('|')}|`,
    `| spawn → first diagnostics, ${lines} lines | ${samples.map((s) => median(s.map((x) => x.wall)).toFixed(0)).join(' | ')} |`,
    `| the server's CPU time until then (user + system) | ${samples.map((s) => median(s.map((x) => x.cpu)).toFixed(0)).join(' | ')} |`,
    `| extension: load dist/extension.js | ${median(act.map((a) => a.load)).toFixed(1)} |${' |'.repeat(list.length - 1)}`,
    `| extension: activate() | ${median(act.map((a) => a.activate)).toFixed(1)} |${' |'.repeat(list.length - 1)}`,
  ];
}
