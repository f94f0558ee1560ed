// Temporary git repositories for the rac diff tests, isolated from the machine: HOME is the temporary folder,
// the system config is ignored and author, committer and dates are fixed, so commits hash the same on every run.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The repository root, found from the bundle (dist-test/diff/) or the working folder. */
export const ROOT = existsSync(join(__dirname, '..', '..', 'test', 'diff', 'fixtures')) ? join(__dirname, '..', '..') : process.cwd();
// RAC_CLI runs the tests against another build of the CLI (a release bundle, say).
export const CLI = process.env.RAC_CLI ?? join(ROOT, 'dist', 'cli.js');
export const FIXTURES = join(ROOT, 'test', 'diff', 'fixtures');
export const EXPECTED = join(ROOT, 'test', 'diff', 'expected');

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** A clean environment: nothing from the machine's git config or from a CI run the tests may be inside. */
export function isolatedEnv(home: string, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 't',
    GIT_AUTHOR_EMAIL: 't@e',
    GIT_COMMITTER_NAME: 't',
    GIT_COMMITTER_EMAIL: 't@e',
    GIT_AUTHOR_DATE: '2026-05-01T12:00:00Z',
    GIT_COMMITTER_DATE: '2026-05-01T12:00:00Z',
    LC_ALL: 'C',
  };
  return { ...env, ...extra };
}

export class TempRepo {
  readonly home: string;
  readonly dir: string;

  constructor(prefix = 'rac-diff-') {
    this.home = mkdtempSync(join(tmpdir(), prefix));
    this.dir = join(this.home, 'repo');
    mkdirSync(this.dir);
  }

  get env(): Record<string, string> {
    return isolatedEnv(this.home);
  }

  init(): this {
    this.git('init', '--quiet');
    this.git('checkout', '--quiet', '-b', 'main');
    return this;
  }

  git(...args: string[]): string {
    const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@e', '-c', 'commit.gpgsign=false', ...args], { cwd: this.dir, env: this.env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
    return r.stdout;
  }

  write(path: string, text: string): this {
    const full = join(this.dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
    return this;
  }

  read(path: string): string {
    return readFileSync(join(this.dir, path), 'utf8');
  }

  remove(path: string): this {
    rmSync(join(this.dir, path));
    return this;
  }

  commitAll(message: string): this {
    this.git('add', '--all');
    this.git('commit', '--quiet', '-m', message);
    return this;
  }

  /** Runs the built CLI inside the repository (or `cwd` below it) with the isolated environment. */
  rac(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): SpawnSyncReturns<string> {
    return spawnSync(process.execPath, [CLI, ...args], { cwd: opts.cwd ?? this.dir, env: { ...this.env, ...opts.env }, encoding: 'utf8' });
  }

  dispose(): void {
    rmSync(this.home, { recursive: true, force: true });
  }
}

/** Replaces exactly one occurrence, so a fixture edit that no longer applies fails loudly. */
export function edit(text: string, from: string | RegExp, to: string): string {
  const hits = typeof from === 'string' ? text.split(from).length - 1 : (text.match(new RegExp(from.source, from.flags.includes('g') ? from.flags : from.flags + 'g')) ?? []).length;
  if (hits !== 1) throw new Error(`edit: expected one match of ${String(from)}, found ${hits}`);
  return text.replace(from, to);
}

/**
 * A repository whose one file `a.relationship.yaml` is `base` in the commit HEAD and `head` in the working tree,
 * added to `repos` so the test file disposes of it.
 */
export function repoWith(repos: TempRepo[], head: string, base = fixture('partnership.relationship.yaml')): TempRepo {
  const repo = new TempRepo().init();
  repos.push(repo);
  repo.write('a.relationship.yaml', base).commitAll('base');
  repo.write('a.relationship.yaml', head);
  return repo;
}
