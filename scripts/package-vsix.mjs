// `npm run package`: the .vsix, written by vsce from a staging folder. package.json's "files" is the npm
// package's allow-list (the `rac` CLI and the schemas), and vsce refuses a package that has both "files" and a
// .vscodeignore, so the extension's own allow-list (.vscodeignore) is applied in a copy whose package.json has
// no "files". The copy holds the top-level entries .vscodeignore keeps; vsce then applies it there as usual.
// Usage: node scripts/package-vsix.mjs (after node esbuild.mjs --production); writes relationship-as-code-<version>.vsix.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const stage = join(root, 'dist-vsix');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const ignore = readFileSync(join(root, '.vscodeignore'), 'utf8');

// The first path segment of every "!kept/path" line: dist, syntaxes, images, README.md…
const kept = new Set(ignore.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('!')).map((l) => l.slice(1).split('/')[0]));

rmSync(stage, { recursive: true, force: true });
mkdirSync(stage);
for (const entry of kept) {
  if (entry === 'package.json') continue;
  if (!existsSync(join(root, entry))) {
    console.error(`package-vsix: .vscodeignore keeps ${entry}, which does not exist (build first: node esbuild.mjs --production)`);
    process.exit(1);
  }
  cpSync(join(root, entry), join(stage, entry), { recursive: true });
}
cpSync(join(root, '.vscodeignore'), join(stage, '.vscodeignore'));
const { files: _npmFiles, ...vsixManifest } = manifest;
writeFileSync(join(stage, 'package.json'), `${JSON.stringify(vsixManifest, null, 2)}\n`);

const out = join(root, `${manifest.name}-${manifest.version}.vsix`);
const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], { cwd: stage, stdio: 'inherit' });
rmSync(stage, { recursive: true, force: true });
process.exit(r.status ?? 1);
