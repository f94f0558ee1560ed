// Entry of `npm run bench` (built by `node esbuild.mjs --bench`). `npm run bench -- engine` (or cli, cold, lsp,
// typing) runs one part.
import { availableParallelism, cpus, loadavg } from 'node:os';
import { benchColdStart } from './cold-start';
import { benchCli, benchEngine } from './engine';
import { benchLsp } from './lsp';
import { benchTyping } from './typing';

/** The machine is often shared: each part says how busy it was (1, 5 and 15 minute load averages) when it ended. */
const load = (): string => `(load average ${loadavg().map((l) => l.toFixed(1)).join(', ')} on ${availableParallelism()} cores)`;

async function main(): Promise<void> {
  const only = process.argv[2];
  const cpu = cpus();
  console.log(`node ${process.version}, ${new Date().toISOString().slice(0, 10)}, ${availableParallelism()} cores (nproc), ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'} ${load()}\n`);
  if (!only || only === 'engine') {
    console.log('Engine: analyze() vs a bare YAML parse of the same text (median)');
    for (const row of benchEngine()) console.log(row);
    console.log(`${load()}\n`);
  }
  if (!only || only === 'cli') {
    for (const row of benchCli()) console.log(row);
    console.log(`${load()}\n`);
  }
  if (!only || only === 'cold') {
    console.log('Cold start');
    for (const row of await benchColdStart()) console.log(row);
    console.log(`${load()}\n`);
  }
  if (!only || only === 'lsp') {
    console.log('Language server over stdio vs yaml-language-server (same files, same schema)');
    for (const row of await benchLsp()) console.log(row);
    console.log(`${load()}\n`);
  }
  if (!only || only === 'typing') {
    console.log('Requests while typing into a big file (the same edits and requests for both servers)');
    for (const row of await benchTyping()) console.log(row);
    console.log(load());
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
