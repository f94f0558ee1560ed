// What both runs of the web-worker server compare (test/reach/browser-bundle.test.ts in a node:vm sandbox,
// test/browser/server.browser.ts in Chromium): for every sample, the diagnostics the server publishes against
// the findings of `rac check --format json` for the same file, date and workspace root.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { diagnosticKey, findingKey, type WorkerLspClient } from './worker-lsp';

export const SAMPLES_AS_OF = '2026-11-01';

export interface SampleComparison { name: string; server: string[]; cli: string[] }

export async function compareSamples(client: WorkerLspClient, root: string, cli: string): Promise<SampleComparison[]> {
  const samples = join(root, 'samples');
  const names = readdirSync(samples).filter((n) => n.endsWith('.relationship.yaml')).sort();
  const result: SampleComparison[] = [];
  for (const name of names) {
    const uri = pathToFileURL(join(samples, name)).href;
    client.open(uri, readFileSync(join(samples, name), 'utf8'));
    const server = (await client.diagnosticsOf(uri)).map(diagnosticKey).sort();
    const r = spawnSync(process.execPath, [cli, 'check', '--format', 'json', '--as-of', SAMPLES_AS_OF, '--root', samples, name], { cwd: samples, encoding: 'utf8' });
    const report = JSON.parse(r.stdout) as { files: { findings: Parameters<typeof findingKey>[0][] }[] };
    result.push({ name, server, cli: report.files[0].findings.map(findingKey).sort() });
  }
  return result;
}
