// The folder walk shared by `rac` and the language server's checkWorkspace: which relationship files a folder
// holds. It never blocks: folders are read with fs/promises and the walk gives the event loop a turn every few
// hundred entries, so an editor keeps getting hovers and completions while a large tree is searched; it stops as
// soon as `cancelled()` says so. Skipped: node_modules, hidden folders (.git, .vscode…), what .gitignore files
// (from the workspace root down) and extra --ignore patterns exclude, and symbolic links whose target lies
// outside the workspace root — those are reported, by the same policy as evidence links (files.ts).
import type { Dirent } from 'node:fs';
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import ignore, { type Ignore } from 'ignore';
import { inside, RELATIONSHIP_FILE } from './files';

export interface WalkOptions {
  /** The workspace root: links out of it are skipped, and .gitignore files apply from it down. */
  root: string;
  /** Patterns in .gitignore syntax relative to `ignoreBase` (rac's --ignore): they exclude whatever they match. */
  ignore?: readonly string[];
  /** The folder `ignore` patterns are relative to (default: the root). */
  ignoreBase?: string;
  /** Which files to list (absolute path): default, *.relationship.yaml and *.relationship.yml. */
  accept?: (path: string) => boolean;
  /** Asked between folders: true stops the walk, which then returns what it found so far. */
  cancelled?: () => boolean;
  /** Told every PROGRESS_EVERY folders how far the walk got. */
  progress?: (folders: number, files: number) => void;
}

export interface Skipped { path: string; reason: string }

export interface WalkResult {
  /** Absolute, sorted. */
  files: string[];
  /** Files that matched but were not read, with the reason, sorted by path. */
  skipped: Skipped[];
  /** The walk was stopped before it ended. */
  cancelled: boolean;
}

export const PROGRESS_EVERY = 100;
/** Entries handled before the event loop gets a turn. */
const SLICE = 256;

/** One .gitignore: its patterns apply to paths relative to its folder. */
interface Rules { dir: string; rules: Ignore }

export async function walkRelationshipFiles(start: string, options: WalkOptions): Promise<WalkResult> {
  const root = resolve(options.root);
  const realRoot = await realOrSelf(root);
  const accept = options.accept ?? ((path: string) => RELATIONSHIP_FILE.test(path));
  const extra = options.ignore?.length ? { dir: resolve(options.ignoreBase ?? root), rules: ignore().add([...options.ignore]) } : undefined;
  const files: string[] = [];
  const skipped: Skipped[] = [];
  let folders = 0;
  let handled = 0;

  const excluded = (path: string, isDir: boolean, levels: readonly Rules[]): boolean => {
    let out = false;
    for (const level of levels) {
      const verdict = test(level, path, isDir);
      if (verdict?.ignored) out = true;
      else if (verdict?.unignored) out = false;
    }
    return out || !!(extra && test(extra, path, isDir)?.ignored);
  };

  const stack: { dir: string; levels: readonly Rules[] }[] = [{ dir: resolve(start), levels: await inheritedRules(root, resolve(start)) }];
  while (stack.length) {
    if (options.cancelled?.()) return finish(true);
    const { dir, levels: inherited } = stack.pop()!;
    const entries = await entriesOf(dir);
    const own = entries.some((e) => e.name === '.gitignore' && e.isFile()) ? await rulesOf(dir) : undefined;
    const levels = own ? [...inherited, own] : inherited;
    const below: string[] = [];
    for (const entry of entries) {
      if (++handled % SLICE === 0) {
        await nextTurn();
        if (options.cancelled?.()) return finish(true);
      }
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!hidden(entry.name) && !excluded(path, true, levels)) below.push(path);
      } else if (accept(path) && !excluded(path, false, levels)) {
        if (entry.isFile()) files.push(path);
        else if (entry.isSymbolicLink()) await linked(path);
      }
    }
    // Reversed onto the stack, so folders are visited in name order (the result is sorted anyway).
    for (const path of below.reverse()) stack.push({ dir: path, levels });
    if (++folders % PROGRESS_EVERY === 0) options.progress?.(folders, files.length);
  }
  return finish(false);

  /** A link to a file is listed when its target stays inside the root; links to folders are never followed. */
  async function linked(path: string): Promise<void> {
    let target: string;
    try {
      target = await realpath(path);
    } catch {
      return; // a dangling link names no file
    }
    if (!inside(realRoot, target)) {
      skipped.push({ path, reason: `a symbolic link to ${target}, outside the workspace root ${root}: not read` });
      return;
    }
    if (await isFile(target)) files.push(path);
  }

  function finish(cancelled: boolean): WalkResult {
    files.sort();
    skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { files, skipped, cancelled };
  }
}

/** Folders never walked: dependencies and anything hidden (.git, .vscode, .cache…). */
function hidden(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

/** The .gitignore files of the folders from the root down to the start's parent: they apply below the start too. */
async function inheritedRules(root: string, start: string): Promise<Rules[]> {
  if (!inside(root, start) || root === start) return [];
  const levels: Rules[] = [];
  for (let dir = dirname(start); ; dir = dirname(dir)) {
    const rules = await rulesOf(dir);
    if (rules) levels.unshift(rules);
    if (dir === root || dirname(dir) === dir) break;
  }
  return levels;
}

/** A folder's .gitignore: a regular file only, so a link cannot make the walk read outside the tree. */
async function rulesOf(dir: string): Promise<Rules | undefined> {
  try {
    const path = join(dir, '.gitignore');
    if (!(await lstat(path)).isFile()) return undefined;
    return { dir, rules: ignore().add(await readFile(path, 'utf8')) };
  } catch {
    return undefined; // none, or unreadable: nothing is excluded by it
  }
}

/** The verdict of one set of rules on a path below its folder (a folder's path ends in "/", as git writes it). */
function test(level: Rules, path: string, isDir: boolean): { ignored: boolean; unignored: boolean } | undefined {
  if (path === level.dir || !inside(level.dir, path)) return undefined;
  const posix = relative(level.dir, path).split(sep).join('/') + (isDir ? '/' : '');
  return ignore.isPathValid(posix.replace(/\/$/, '')) ? level.rules.test(posix) : undefined;
}

async function entriesOf(dir: string): Promise<Dirent[]> {
  try {
    return (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return []; // unreadable folders are skipped, as `find` and git do
  }
}

async function realOrSelf(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return path;
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
