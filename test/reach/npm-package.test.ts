// The npm package users install (`npx relationship-as-code check`, `npm i -g relationship-as-code`): packed
// from this repository, it holds the CLI bundle, the schemas, README and LICENSE and nothing else; installed
// into an empty prefix (offline: it has no dependencies to fetch, the bundle carries them) its `rac` checks a
// sample from a folder outside the repository, and npx runs the same bin.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { ROOT } from '../diff/git-repo';

const home = mkdtempSync(join(tmpdir(), 'rac-npm-'));
after(() => rmSync(home, { recursive: true, force: true }));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown> & { name: string; version: string; files: string[]; bin: Record<string, string> };
const tarball = join(home, `${pkg.name}-${pkg.version}.tgz`);
// npm with nothing from this machine's configuration, and no network: everything it needs is the tarball.
const npmEnv = {
  PATH: `${dirname(process.execPath)}:${process.env.PATH ?? '/usr/bin:/bin'}`,
  HOME: join(home, 'home'),
  npm_config_cache: join(home, 'cache'),
  npm_config_offline: 'true',
  npm_config_update_notifier: 'false',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
};
const npm = (args: string[], cwd: string) => spawnSync('npm', args, { cwd, env: npmEnv, encoding: 'utf8', timeout: 120_000 });

let packed: string[] = [];
before(() => {
  mkdirSync(npmEnv.HOME);
  // --ignore-scripts: pack the bundles `npm test` built; prepack's production build would rewrite dist/ under
  // the tests running beside this one.
  const r = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', home], ROOT);
  assert.equal(r.status, 0, r.stderr);
  packed = (JSON.parse(r.stdout) as { files: { path: string }[] }[])[0].files.map((f) => f.path).sort();
});

test('package.json: public, named, with the rac bin, a files allow-list, engines, repository and keywords', () => {
  assert.equal(pkg.private, undefined);
  assert.equal(pkg.name, 'relationship-as-code');
  assert.deepEqual(pkg.bin, { rac: 'dist/cli.js' });
  assert.ok(Array.isArray(pkg.files) && pkg.files.length > 0);
  assert.match((pkg.engines as Record<string, string>).node, /^>=20/);
  assert.match((pkg.repository as { url: string }).url, /github\.com\/relationship-as-code\/relationship-as-code/);
  assert.ok((pkg.keywords as string[]).includes('cli'));
  // The CLI bundle carries its dependencies: installing it fetches nothing.
  assert.equal(pkg.dependencies, undefined);
});

test('the tarball holds the CLI bundle, the schemas, README and LICENSE, and nothing else', () => {
  assert.deepEqual(packed, [
    'LICENSE', 'README.md', 'dist/cli.js', 'package.json',
    'schemas/principles.schema.json', 'schemas/principles.yaml', 'schemas/profile.schema.json', 'schemas/relationship.schema.json',
  ]);
});

test('installed alone into an empty prefix, rac checks samples from a folder outside the repository', () => {
  const prefix = join(home, 'prefix');
  const install = npm(['install', '--global', '--prefix', prefix, tarball], home);
  assert.equal(install.status, 0, install.stderr);
  assert.ok(existsSync(join(prefix, 'lib', 'node_modules', pkg.name, 'dist', 'cli.js')));
  assert.ok(!existsSync(join(prefix, 'lib', 'node_modules', pkg.name, 'node_modules')), 'no dependency was installed');
  const work = join(home, 'work');
  cpSync(join(ROOT, 'samples'), work, { recursive: true });
  const rac = (args: string[]) => spawnSync(join(prefix, 'bin', 'rac'), args, { cwd: work, env: { PATH: `${dirname(process.execPath)}:/usr/bin:/bin` }, encoding: 'utf8' });
  const flawed = rac(['check', 'flawed.relationship.yaml', '--as-of', '2026-11-01']);
  assert.equal(flawed.status, 1, flawed.stderr);
  assert.match(flawed.stdout, /^flawed\.relationship\.yaml:145:10: error unknown key "ownr"/m);
  const clean = rac(['check', 'outsourcing-partnership.relationship.yaml', '--as-of', '2026-11-01']);
  assert.equal(clean.status, 0, clean.stderr + clean.stdout);
  assert.match(clean.stdout, /coverage 11\/12: 11 of 12 required principles covered, 1 waived/);
});

test('npx runs the package\'s only bin, as `npx relationship-as-code check` does from the registry', () => {
  const work = join(home, 'npx');
  mkdirSync(work);
  cpSync(join(ROOT, 'samples', 'flawed.relationship.yaml'), join(work, 'flawed.relationship.yaml'));
  const r = npm(['exec', '--yes', '--package', tarball, '--', 'rac', 'check', 'flawed.relationship.yaml', '--as-of', '2026-11-01', '--format', 'json'], work);
  assert.equal(r.status, 1, r.stderr);
  const report = JSON.parse(r.stdout) as { files: { findings: { code: string }[] }[] };
  assert.ok(report.files[0].findings.some((f) => f.code === 'schema.additionalProperties'));
  // A package spec and no command: npx runs the bin named like the package, or else its only bin (rac).
  const bare = spawnSync('npx', ['--yes', `./${basename(tarball)}`, '--version'], { cwd: home, env: npmEnv, encoding: 'utf8', timeout: 120_000 });
  assert.equal(bare.status, 0, bare.stderr);
  assert.ok(bare.stdout.includes(pkg.version));
});
