// `rac diff`'s only access to git: which relationship files changed between a base commit and the working tree,
// and their text in the base. git is spawned with an argument array (never a shell), reads only (no index
// refresh, no checkout), and with literal pathspecs so a path like ":(glob)x" or "-x" means that file.
import { spawnSync } from 'node:child_process';
import { posix } from 'node:path';
import type { ChangeKind } from './diff-compare';

/** A failure of the setup (no git, not a repository, unknown ref): reported as is, exit code 2. */
export class GitError extends Error {}

export interface ChangedPath {
  kind: ChangeKind;
  /** Relative to the repository's top level, forward slashes; for a deleted file, its path in the base. */
  path: string;
  /** For a renamed file, its path in the base. */
  oldPath?: string;
}

export interface Repository {
  /** The top level of the working tree, as git prints it. */
  top: string;
  /** The commit the ref names, in full. */
  resolve(ref: string): string;
  /** Relationship files that differ between the commit and the working tree under the pathspecs (relative to cwd). */
  changedFiles(commit: string, pathspecs: string[], isRelationshipFile: (path: string) => boolean): ChangedPath[];
  /** A file's bytes in the commit. */
  read(commit: string, path: string): Buffer;
  /** Whether the commit has a file or folder at the path (from the top level). */
  has(commit: string, path: string): boolean;
  /** Every file and folder of the commit (paths from the top level), for evidence-link checks in the base. */
  tree(commit: string): Set<string>;
}

interface Run { status: number | null; stdout: Buffer; stderr: string; error?: NodeJS.ErrnoException }

/**
 * Opens the repository that holds `cwd`. `env` is the environment git runs with; settings a user's git config
 * could change the output with are pinned on the command line instead.
 */
export function openRepository(cwd: string, env: Record<string, string | undefined>): Repository {
  const gitEnv: Record<string, string | undefined> = {
    ...env,
    // Read-only: `git diff` may otherwise take index.lock to refresh stat data.
    GIT_OPTIONAL_LOCKS: '0',
    GIT_LITERAL_PATHSPECS: '1',
    GIT_TERMINAL_PROMPT: '0',
    GIT_PAGER: 'cat',
  };
  const git = (args: string[]): Run => {
    const r = spawnSync('git', ['-c', 'core.quotePath=false', '-c', 'diff.relative=false', ...args], { cwd, env: gitEnv, maxBuffer: 1 << 30, windowsHide: true });
    return { status: r.status, stdout: r.stdout ?? Buffer.alloc(0), stderr: (r.stderr ?? Buffer.alloc(0)).toString('utf8').trim(), ...(r.error ? { error: r.error as NodeJS.ErrnoException } : {}) };
  };

  const probe = git(['rev-parse', '--show-toplevel']);
  if (probe.error) {
    throw new GitError(probe.error.code === 'ENOENT'
      ? 'git was not found on PATH: rac diff reads the base versions with git; install git or run rac check instead'
      : `could not run git: ${probe.error.message}`);
  }
  if (probe.status !== 0) throw new GitError(`${cwd} is not inside a git working tree (git: ${firstLine(probe.stderr) || 'rev-parse failed'})`);
  const top = probe.stdout.toString('utf8').replace(/\n$/, '');

  const must = (args: string[], what: string): Buffer => {
    const r = git(args);
    if (r.status !== 0) throw new GitError(`${what} failed (git: ${firstLine(r.stderr) || `exit ${r.status}`})`);
    return r.stdout;
  };

  return {
    top,
    resolve(ref) {
      // No revision starts with "-"; refusing it keeps a ref from being read as an option on any git version.
      if (ref === '' || ref.startsWith('-')) throw new GitError(`"${ref}" is not a git ref: give --base a branch, tag or commit (e.g. origin/main)`);
      const r = git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
      if (r.status === 0) return r.stdout.toString('utf8').trim();
      const shallow = git(['rev-parse', '--is-shallow-repository']).stdout.toString('utf8').trim() === 'true';
      throw new GitError(`unknown git ref "${ref}": no commit by that name in ${top}`
        + (shallow ? ' (this clone is shallow: fetch the base, e.g. actions/checkout with fetch-depth: 0)' : ' (fetch it first, e.g. git fetch origin main)'));
    },
    changedFiles(commit, pathspecs, isRelationshipFile) {
      const specs = pathspecs.length ? pathspecs : ['.'];
      const diff = must(['diff', '--name-status', '-z', '-M', '--no-ext-diff', '--no-textconv', '--no-color', commit, '--', ...specs], `git diff ${commit}`);
      // New files not yet added to git are part of the working tree too (rac diff before the first commit).
      const untracked = must(['ls-files', '--others', '--exclude-standard', '--full-name', '-z', '--', ...specs], 'git ls-files');
      const out = parseNameStatus(diff.toString('utf8'), isRelationshipFile);
      for (const path of splitZ(untracked.toString('utf8'))) {
        if (isRelationshipFile(path) && !out.some((c) => c.path === path)) out.push({ kind: 'added', path });
      }
      return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
    read(commit, path) {
      return must(['cat-file', 'blob', `${commit}:${path}`], `reading ${path} at ${commit.slice(0, 12)}`);
    },
    has(commit, path) {
      return git(['cat-file', '-e', `${commit}:${path}`]).status === 0;
    },
    tree(commit) {
      return new Set(splitZ(must(['ls-tree', '-r', '-t', '--full-tree', '--name-only', '-z', commit], 'git ls-tree').toString('utf8')));
    },
  };
}

/**
 * `git diff --name-status -z` output: records of a status, then one path (two for a rename or copy), each
 * NUL-terminated. Type changes and unmerged paths count as modified; a rename that moves a file into or out
 * of the relationship naming counts as an addition or a deletion.
 */
export function parseNameStatus(z: string, isRelationshipFile: (path: string) => boolean): ChangedPath[] {
  const t = splitZ(z);
  const out: ChangedPath[] = [];
  for (let i = 0; i < t.length;) {
    const status = t[i];
    const letter = status.charAt(0);
    if (letter === 'R' || letter === 'C') {
      const from = t[i + 1];
      const to = t[i + 2];
      i += 3;
      if (from === undefined || to === undefined) break;
      const a = isRelationshipFile(from);
      const b = isRelationshipFile(to);
      if (letter === 'R' && a && b) out.push({ kind: 'renamed', path: to, oldPath: from });
      else {
        if (letter === 'R' && a) out.push({ kind: 'deleted', path: from });
        if (b) out.push({ kind: 'added', path: to });
      }
      continue;
    }
    const path = t[i + 1];
    i += 2;
    if (path === undefined || !isRelationshipFile(path)) continue;
    out.push({ kind: letter === 'A' ? 'added' : letter === 'D' ? 'deleted' : 'modified', path });
  }
  return out;
}

function splitZ(s: string): string[] {
  const parts = s.split('\0');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts;
}

function firstLine(s: string): string {
  return s.split('\n').find((l) => l.trim() !== '')?.replace(/^fatal: /, '') ?? '';
}

/** A path relative to a base folder, as a repository path (forward slashes, no ".."), or undefined when outside. */
export function repoRelative(fromDir: string, target: string): string | undefined {
  const joined = posix.normalize(posix.join(fromDir, target.replace(/\\/g, '/')));
  if (joined === '..' || joined.startsWith('../') || posix.isAbsolute(joined)) return undefined;
  return joined === '.' ? '' : joined.replace(/\/$/, '');
}
