// Command-line paths → analysed files. Folders are walked; a file that cannot be read as text is kept as a
// result with its reason, so the others are still checked and reported.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { analyze, type Analysis, type AnalyzeOptions } from '../core/index';
import type { CliIo } from './io';
import type { FileResult } from './types';

/** Larger files are refused: a relationship is a few hundred lines, and the editor has to stay responsive. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface LoadOptions {
  asOf: string;
  /** Evidence links must stay inside this folder (absolute). */
  root: string;
  severity?: AnalyzeOptions['severity'];
}

export interface Loaded {
  /** Sorted by display path. */
  files: FileResult[];
  /** Paths given that do not exist or cannot be read: usage problems, one line each. */
  problems: string[];
  /** Folders given, as given, that hold no relationship file: each command decides what that means. */
  emptyFolders: string[];
}

export function loadFiles(paths: readonly string[], io: CliIo, options: LoadOptions): Loaded {
  const { found, problems, emptyFolders } = findFiles(paths, io);
  return { files: sortByPath(found.map((absolute) => loadFile(absolute, io, options))), problems, emptyFolders };
}

/** The absolute paths of the files the command-line paths name or hold, without reading them. */
export function findFiles(paths: readonly string[], io: CliIo): Omit<Loaded, 'files'> & { found: string[] } {
  const problems: string[] = [];
  const emptyFolders: string[] = [];
  const found = new Set<string>();
  for (const given of paths) {
    const absolute = resolve(io.cwd, given);
    const stat = io.stat(absolute);
    if (stat.kind === 'directory') {
      const inside = io.findRelationshipFiles(absolute);
      if (inside.length === 0) emptyFolders.push(given);
      for (const f of inside) found.add(f);
    } else if (stat.kind === 'file') {
      found.add(absolute);
    } else if (stat.kind === 'missing') {
      problems.push(`${given}: no such file or folder`);
    } else {
      problems.push(`${given}: ${stat.error ?? 'not a regular file or folder'}`);
    }
  }
  return { found: [...found], problems, emptyFolders };
}

/** Sorted by display path, the order every format prints. */
export function sortByPath(files: FileResult[]): FileResult[] {
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export function loadFile(absolute: string, io: CliIo, options: LoadOptions): FileResult {
  const path = displayPath(io.cwd, absolute);
  const text = readText(absolute, io);
  if (typeof text !== 'string') return { path, text: '', error: text.error };
  return { path, text, ...analyseText(text, io.fileExistsFor(absolute, options.root), options) };
}

/** One file's analysis, or why it failed; the same on the main thread and on a worker thread. */
export function analyseText(text: string, fileExists: AnalyzeOptions['fileExists'], options: LoadOptions): { analysis: Analysis } | { error: string } {
  try {
    return { analysis: analyze(text, { asOf: options.asOf, fileExists, severity: options.severity }) };
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
  if (size > MAX_FILE_BYTES) return { error: `file too large (${mib(size)} MiB; the limit is ${mib(MAX_FILE_BYTES)} MiB)` };
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(absolute);
  } catch (e) {
    return { error: readError(e) };
  }
  if (bytes.length > MAX_FILE_BYTES) return { error: `file too large (${mib(bytes.length)} MiB; the limit is ${mib(MAX_FILE_BYTES)} MiB)` };
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

function mib(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
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
