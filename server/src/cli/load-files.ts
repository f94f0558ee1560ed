// Command-line paths → analysed files. Folders are walked and patterns expanded (node/walk.ts, node/glob.ts); a
// file that cannot be read as text is kept as a result with its reason, so the others are still checked and
// reported. Each file's evidence links are bounded by --root, else by its git work tree, else by its folder.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { analyze, MAX_FILE_BYTES, tooLargeMessage, type Analysis, type AnalyzeOptions, type Policy } from '../core/index';
import { globBase, globMatcher, isGlob } from '../node/glob';
import { toLocation } from '../node/profiles';
import type { PolicyOptions, ProfileLoader, ProfileProblems } from '../profile-chain';
import type { Skipped } from '../node/walk';
import type { CliIo } from './io';
import { NEW_FILE_HINT, type FileResult } from './types';

export interface LoadOptions {
  asOf: string;
  /** --root: evidence links must stay inside this folder (absolute). Unset: each file's git work tree, else its folder. */
  root?: string;
  /** --ignore: .gitignore-style patterns, relative to the working folder, that folder walks and patterns skip. */
  ignore?: readonly string[];
  /** Where each file's profiles come from (--config, --no-config); absent: the catalog alone. */
  profiles?: { loader: ProfileLoader; options: PolicyOptions };
}

/** The policy of one file, and the profiles that had errors (the command stops on them). */
export async function policyOf(absolute: string, io: Pick<CliIo, 'findWorkspaceRoot'>, options: LoadOptions): Promise<{ policy?: Policy; problems: ProfileProblems[] }> {
  if (!options.profiles) return { problems: [] };
  const root = options.root ?? io.findWorkspaceRoot(absolute);
  const resolved = await options.profiles.loader.policyFor(toLocation(absolute), toLocation(root), options.profiles.options);
  return { policy: resolved.policy, problems: resolved.problems };
}

export interface Loaded {
  /** Sorted by display path. */
  files: FileResult[];
  /** Paths given that do not exist or cannot be read: usage problems, one line each. */
  problems: string[];
  /** Folders given, as given, that hold no relationship file: each command decides what that means. */
  emptyFolders: string[];
  /** Files a walk found but did not read (symbolic links out of the workspace root), by display path, with the reason. */
  skipped: Skipped[];
  /** Profiles with errors (each once): the command prints them and stops with exit 2. */
  profileProblems: ProfileProblems[];
}

export async function loadFiles(paths: readonly string[], io: CliIo, options: LoadOptions): Promise<Loaded> {
  const { found, ...rest } = await findFiles(paths, io, options);
  const { policies, profileProblems } = await policiesOf(found, io, options);
  return { files: sortByPath(found.map((absolute, i) => loadFile(absolute, io, options, policies[i]))), ...rest, profileProblems };
}

/** The absolute paths of the files the command-line paths name or hold, without reading them. */
export async function findFiles(paths: readonly string[], io: CliIo, options: LoadOptions): Promise<Omit<Loaded, 'files' | 'profileProblems'> & { found: string[] }> {
  const problems: string[] = [];
  const emptyFolders: string[] = [];
  const skipped = new Map<string, string>();
  const found = new Set<string>();
  const walk = async (folder: string, accept?: (path: string) => boolean) => {
    const root = options.root ?? io.findWorkspaceRoot(folder, true);
    const result = await io.walk(folder, { root, ignore: options.ignore, ignoreBase: io.cwd, accept });
    for (const s of result.skipped) skipped.set(displayPath(io.cwd, s.path), s.reason);
    for (const f of result.files) found.add(f);
    return result.files.length + result.skipped.length;
  };
  for (const given of paths) {
    const absolute = resolve(io.cwd, given);
    const stat = io.stat(absolute);
    if (stat.kind === 'directory') {
      if ((await walk(absolute)) === 0) emptyFolders.push(given);
    } else if (stat.kind === 'file') {
      found.add(absolute);
    } else if (stat.kind === 'missing' && isGlob(given)) {
      // Expanded here, not by the shell: a quoted pattern means the same in every shell and in CI files.
      const base = resolve(io.cwd, globBase(given));
      const matches = globMatcher(given.split(sep).join('/'));
      const accept = (path: string) => matches(isAbsolute(given) ? path.split(sep).join('/') : relative(io.cwd, path).split(sep).join('/'));
      if (io.stat(base).kind !== 'directory' || (await walk(base, accept)) === 0) problems.push(`${given}: no files match this pattern`);
    } else if (stat.kind === 'missing') {
      problems.push(`${given}: no such file or folder`);
    } else {
      problems.push(`${given}: ${stat.error ?? 'not a regular file or folder'}`);
    }
  }
  const sortedSkipped = [...skipped].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([path, reason]) => ({ path, reason }));
  return { found: [...found], problems, emptyFolders, skipped: sortedSkipped };
}

/** Each file's policy (its profiles), and the profiles with errors, each once. */
export async function policiesOf(found: readonly string[], io: Pick<CliIo, 'findWorkspaceRoot'>, options: LoadOptions): Promise<{ policies: (Policy | undefined)[]; profileProblems: ProfileProblems[] }> {
  const profileProblems = new Map<string, ProfileProblems>();
  const policies = await Promise.all(found.map(async (absolute) => {
    const { policy, problems } = await policyOf(absolute, io, options);
    for (const p of problems) profileProblems.set(p.location, p);
    return policy;
  }));
  return { policies, profileProblems: [...profileProblems.values()] };
}

/** Sorted by display path, the order every format prints. */
export function sortByPath(files: FileResult[]): FileResult[] {
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The folder that bounds a file's evidence links (--root, else its git work tree, else its folder) and its name in messages. */
export function linkRoot(absolute: string, io: Pick<CliIo, 'cwd' | 'findWorkspaceRoot'>, options: LoadOptions): { root: string; rootName: string } {
  const root = options.root ?? io.findWorkspaceRoot(absolute);
  return { root, rootName: relative(io.cwd, root) === '' ? '.' : displayPath(io.cwd, root) };
}

export function loadFile(absolute: string, io: CliIo, options: LoadOptions, policy?: Policy): FileResult {
  const path = displayPath(io.cwd, absolute);
  const text = readText(absolute, io);
  if (typeof text !== 'string') return { path, text: '', error: text.error };
  const { root, rootName } = linkRoot(absolute, io, options);
  return { path, text, ...analyseText(text, io.fileExistsFor(absolute, root), rootName, options, policy) };
}

/** The engine's options for one file of the CLI. */
export function analyzeOptions(fileExists: AnalyzeOptions['fileExists'], rootName: string, options: LoadOptions, policy?: Policy): AnalyzeOptions {
  return { asOf: options.asOf, fileExists, workspaceRoot: rootName, policy, newFileHint: NEW_FILE_HINT };
}

/** One file's analysis, or why it failed; the same on the main thread and on a worker thread. */
export function analyseText(text: string, fileExists: AnalyzeOptions['fileExists'], rootName: string, options: LoadOptions, policy?: Policy): { analysis: Analysis } | { error: string } {
  try {
    return { analysis: analyze(text, analyzeOptions(fileExists, rootName, options, policy)) };
  } catch (e) {
    // The engine promises never to throw; if it does, this file is reported and the others still run.
    return { error: `internal error while analysing: ${oneLine(e)}` };
  }
}

/** What readText needs of the io: the git base side gives it the bytes of a commit's file instead. */
export type FileReader = Pick<CliIo, 'stat' | 'readFile'>;

/**
 * The file as text, or why it is not text: too large, binary (NUL bytes), or unreadable. Invalid UTF-8 is
 * decoded with replacement characters, which the engine reports like any other stray character. A UTF-8 byte
 * order mark is dropped, as editors do, so columns match what the author sees.
 */
export function readText(absolute: string, io: FileReader): string | { error: string } {
  const { size } = io.stat(absolute);
  if (size > MAX_FILE_BYTES) return { error: tooLargeMessage(size) };
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(absolute);
  } catch (e) {
    return { error: readError(e) };
  }
  if (bytes.length > MAX_FILE_BYTES) return { error: tooLargeMessage(bytes.length) };
  if (bytes.includes(0)) return { error: 'binary file (it contains NUL bytes): a relationship file is UTF-8 text' };
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
  return text;
}

function readError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'cannot read the file: permission denied';
  if (code === 'ENOENT') return 'the file disappeared before it could be read';
  if (code === 'EISDIR') return 'this is a folder, not a file';
  return `cannot read the file: ${oneLine(e)}`;
}

export function oneLine(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.split(/\r?\n/)[0].trim() || 'unknown error';
}

/** Relative to the working folder with forward slashes when inside it, else absolute (forward slashes too). */
export function displayPath(cwd: string, absolute: string): string {
  const rel = relative(cwd, absolute);
  if (rel === '' || isAbsolute(rel) || rel === '..' || rel.startsWith(`..${sep}`)) return absolute.split(sep).join('/');
  return rel.split(sep).join('/');
}
