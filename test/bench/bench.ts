// Entry of `npm run bench` (built by `node esbuild.mjs --bench`). `npm run bench -- engine` (or lsp, cli)
// runs one part.
import { benchCli, benchEngine } from './engine';
import { benchLsp } from './lsp';

async function main(): Promise<void> {
  const only = process.argv[2];
  console.log(`node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`);
  if (!only || only === 'engine') {
    console.log('Engine: analyze() vs a bare YAML parse of the same text (median)');
    for (const row of benchEngine()) console.log(row);
    console.log('');
  }
  if (!only || only === 'cli') {
    for (const row of benchCli()) console.log(row);
    console.log('');
  }
  if (!only || only === 'lsp') {
    console.log('Language server over stdio vs yaml-language-server (same files, same schema)');
    for (const row of await benchLsp()) console.log(row);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
