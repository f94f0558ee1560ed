// `npm run build:action`: the GitHub Action as a release, one self-contained folder (default dist-action/):
// action.yml, the bundled CLI (dist/cli.js, its dependencies inside), the schemas, LICENSE and a short README.
// It runs with no node_modules and no network; .github/workflows/release.yml publishes it on a v* tag.
// The same release serves pre-commit: .pre-commit-hooks.yaml and a package.json with only the `rac` bin and
// no dependencies, so pre-commit's node install of the tag fetches and builds nothing.
// Usage: node scripts/build-action.mjs [--out <folder>] (after node esbuild.mjs --production).
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = join(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const at = argv.indexOf('--out');
const out = resolve(at >= 0 && argv[at + 1] ? argv[at + 1] : join(root, 'dist-action'));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const { version } = manifest;

// What the folder holds, from where in the repository.
const files = [
  ['action.yml', 'action.yml'],
  ['dist/cli.js', 'dist/cli.js'],
  ['LICENSE', 'LICENSE'],
  ['.pre-commit-hooks.yaml', '.pre-commit-hooks.yaml'],
  ['schemas/relationship.schema.json', 'schemas/relationship.schema.json'],
  ['schemas/principles.schema.json', 'schemas/principles.schema.json'],
  ['schemas/profile.schema.json', 'schemas/profile.schema.json'],
  ['schemas/principles.yaml', 'schemas/principles.yaml'],
];
for (const [from] of files) {
  if (!existsSync(join(root, from))) {
    console.error(`build-action: ${from} is missing (build first: node esbuild.mjs --production)`);
    process.exit(1);
  }
}
rmSync(out, { recursive: true, force: true });
for (const [from, to] of files) {
  mkdirSync(join(out, to, '..'), { recursive: true });
  copyFileSync(join(root, from), join(out, to));
}
const readme = readFileSync(join(root, 'scripts', 'build-action.README.md'), 'utf8').replaceAll('{{version}}', version);
writeFileSync(join(out, 'README.md'), readme);
// The npm package's identity and bin, without the extension's fields, scripts or dependencies.
const keep = ['name', 'version', 'description', 'license', 'repository', 'homepage', 'bugs', 'keywords', 'bin'];
const release = Object.fromEntries(keep.filter((k) => k in manifest).map((k) => [k, manifest[k]]));
release.engines = { node: manifest.engines.node };
release.files = files.map(([, to]) => to).filter((to) => to.startsWith('dist/') || to.startsWith('schemas/'));
writeFileSync(join(out, 'package.json'), `${JSON.stringify(release, null, 2)}\n`);
console.log(`build-action: ${out} (relationship-as-code ${version})`);
