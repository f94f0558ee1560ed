// Entry of `npm run bench` (built by `node esbuild.mjs --bench`).
import { benchCli, benchEngine } from './engine';

console.log(`node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`);
console.log('Engine: analyze() vs a bare YAML parse of the same text (median)');
for (const row of benchEngine()) console.log(row);
console.log('');
for (const row of benchCli()) console.log(row);
