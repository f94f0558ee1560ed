// Node-only file system adapters shared by the CLI and the language server: the evidence-link check the core
// receives as `fileExists`, and the containment test the folder walk (walk.ts) applies to symbolic links.
import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { FileCheck } from '../core/index';

export const RELATIONSHIP_FILE = /\.relationship\.ya?ml$/;

/**
 * The `fileExists` for one document: a link resolves against the document's folder and must stay inside the
 * workspace root. A link that leaves it by its path is refused before the file system is asked about it; one
 * that leaves it through a symbolic link is refused too (the existing part of the path is resolved with
 * realpath). No file is ever opened or read.
 */
export function fileExistsFor(documentPath: string, workspaceRoot: string): (relativePath: string) => FileCheck {
  const root = resolve(workspaceRoot);
  const folder = dirname(resolve(documentPath));
  // Resolved once, at the first link: the editor may name the document by its real path and the root through a
  // link, or the other way round. Not before, as many documents have no relative link (rac check makes one
  // checker per file). The link's own target is not touched before it is known to stay inside.
  let real: { root: string; folder: string } | undefined;
  const reals = (): { root: string; folder: string } => (real ??= { root: realOrSelf(root), folder: realOrSelf(folder) });
  return (link) => {
    if (link.includes('\0')) return 'missing';
    const target = resolve(folder, link);
    if (!inside(root, target) && !inside(reals().root, resolve(reals().folder, link))) return 'outside';
    const found = realPrefix(target);
    if (!found) return 'missing';
    if (!inside(reals().root, found.path)) return 'outside';
    return found.complete ? 'exists' : 'missing';
  };
}

/** Whether `path` is `root` or below it (both absolute and normalised). */
export function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`));
}

/** The path with its symbolic links resolved, or as it is when it does not exist (yet). */
export function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * The real path of the longest existing prefix of `path` with the rest appended, and whether the whole path
 * exists. Undefined when not even the file system root resolves.
 */
function realPrefix(path: string): { path: string; complete: boolean } | undefined {
  let existing = path;
  const rest: string[] = [];
  for (;;) {
    try {
      const real = realpathSync(existing);
      return { path: rest.length ? join(real, ...rest.reverse()) : real, complete: rest.length === 0 };
    } catch {
      const parent = dirname(existing);
      if (parent === existing) return undefined;
      rest.push(basename(existing));
      existing = parent;
    }
  }
}
