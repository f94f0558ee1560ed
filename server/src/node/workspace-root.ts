// The workspace root of a file the CLI checks, when --root does not name one: the nearest enclosing git work
// tree (a folder holding `.git`, a folder in a clone or a file in a worktree or submodule; no git process is
// needed), else the file's own folder. Never the current folder by accident: `cd elsewhere && rac check
// /repo/x` judges x's evidence links exactly as `cd /repo && rac check x` does.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The workspace root for a file (or, given a folder, for the files below it). */
export function findWorkspaceRoot(path: string, isFolder = false): string {
  const start = resolve(isFolder ? path : dirname(path));
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return start;
  }
}
