// Typing into a big file: keystrokes every 100 ms with a pause of 600 ms after every tenth (so analyses do run),
// and a hover and a completion sent with every keystroke and every 100 ms of each pause. Reports the latency
// of those requests (median and p95), how long the last edit took to reach diagnostics, and the server's
// resident memory after all the edits. Both servers get the same file, edits and requests. Each server types
// RAC_BENCH_RUNS times (default 3, interleaved so a burst of load hits every server alike): latencies are
// pooled over the runs, the settle time is the median run, memory the median and the largest. Nothing asserts.
import { readFileSync } from 'node:fs';
import type { LspClient } from '../lsp/client';
import { positionAt } from '../lsp/client';
import { generateRelationship } from './generate';
import { median, servers, stats, warmUp, withBaseline, type Server } from './lsp';

const KEYSTROKE_MS = 100;
const PAUSE_MS = 600;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function rssMb(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
  } catch {
    return NaN;
  }
}

interface Run { hovers: number[]; completions: number[]; settle: number; rss: number }

export async function benchTyping(size = 30_000, keystrokes = 100, runs = Number(process.env.RAC_BENCH_RUNS ?? 3)): Promise<string[]> {
  const text = generateRelationship(size, 11);
  const lines = text.split('\n').length;
  const list = withBaseline(servers);
  const results = list.map(() => [] as Run[]);
  for (let r = 0; r < runs; r++) {
    for (const [k, server] of list.entries()) results[k].push(await typeInto(server, text, size, keystrokes));
  }
  const rows = [
    `| ${lines} lines, ${keystrokes} keystrokes, ${runs} runs | hover median / p95 (ms) | completion median / p95 (ms) | last edit → diagnostics, median (ms) | server RSS after, median / largest (MB) |`,
    '|---|---:|---:|---:|---:|',
  ];
  for (const [k, server] of list.entries()) {
    const h = stats(results[k].flatMap((x) => x.hovers));
    const c = stats(results[k].flatMap((x) => x.completions));
    const rss = results[k].map((x) => x.rss);
    rows.push(`| ${server.name} | ${h.median.toFixed(1)} / ${h.p95.toFixed(1)} | ${c.median.toFixed(1)} / ${c.p95.toFixed(1)} | ${median(results[k].map((x) => x.settle)).toFixed(0)} | ${median(rss).toFixed(0)} / ${Math.max(...rss).toFixed(0)} |`);
  }
  return rows;
}

async function typeInto(server: Server, text: string, size: number, keystrokes: number): Promise<Run> {
  const typedLine = text.indexOf('title: Risk number 3 in the generated register');
  const typeAt = positionAt(text, text.indexOf('\n', typedLine));
  const late = text.lastIndexOf('likelihood:');
  const hoverAt = positionAt(text, late + 2);
  const completeAt = positionAt(text, text.indexOf('owner: ', late) + 'owner: '.length);
  const client: LspClient = await server.start();
  try {
    await warmUp({ ...server, client });
    const uri = client.uri(`typing-${size}.relationship.yaml`);
    const opened = client.mark();
    void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: server.languageId, version: 1, text } });
    await client.waitFor<{ uri: string }>('textDocument/publishDiagnostics', (p) => p.uri === uri, { after: opened, timeoutMs: 300_000, what: `${server.name} diagnostics on open` });
    const hovers: number[] = [];
    const completions: number[] = [];
    const ask = async (): Promise<void> => {
      const t0 = performance.now();
      const h = client.request('textDocument/hover', { textDocument: { uri }, position: hoverAt }).then(() => hovers.push(performance.now() - t0));
      const c = client.request('textDocument/completion', { textDocument: { uri }, position: completeAt }).then(() => completions.push(performance.now() - t0));
      await Promise.all([h, c]);
    };
    let version = 1;
    let lastEdit = 0;
    let mark = 0;
    for (let k = 0; k < keystrokes; k++) {
      const started = performance.now();
      mark = client.mark();
      lastEdit = performance.now();
      client.edit(uri, { start: { line: typeAt.line, character: typeAt.character + k }, end: { line: typeAt.line, character: typeAt.character + k } }, 'x', ++version);
      await ask();
      const gap = (k + 1) % 10 === 0 ? PAUSE_MS : KEYSTROKE_MS;
      while (performance.now() - started < gap) {
        await sleep(Math.min(KEYSTROKE_MS, Math.max(0, gap - (performance.now() - started))));
        if (performance.now() - started < gap) await ask();
      }
    }
    const finalVersion = version;
    await client.waitFor<{ uri: string; version?: number }>('textDocument/publishDiagnostics', (p) => p.uri === uri && (p.version === undefined || p.version === finalVersion), { after: mark, timeoutMs: 300_000, what: `${server.name} diagnostics after typing` });
    return { hovers, completions, settle: performance.now() - lastEdit, rss: rssMb(client.pid) };
  } finally {
    await client.stop();
  }
}
