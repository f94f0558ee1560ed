// Bundles test entries that `npm test` does not run (the browser and tool suites) the way it bundles its own.
// Usage: node scripts/bundle-tests.mjs OUTDIR ENTRY...
import * as esbuild from 'esbuild';
import process from 'node:process';
import { testBundleOptions } from './test-bundle.mjs';

const [outdir, ...entryPoints] = process.argv.slice(2);
await esbuild.build({ ...testBundleOptions, entryPoints, outdir });
