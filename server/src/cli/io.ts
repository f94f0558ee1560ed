// Everything the commands touch outside their arguments: streams, environment, clock and file system. main.ts
// passes the real one (server/src/node/cli-io.ts); tests can pass their own.
import type { FileCheck } from '../core/index';
import type { WalkOptions, WalkResult } from '../node/walk';
import type { LoadOptions } from './load-files';
import type { AnalysisJob, AnalysisOutcome } from './parallel-load';

export type PathKind = 'file' | 'directory' | 'other' | 'missing';

export interface CliIo {
  /** The working folder: relative paths and displayed paths are relative to it. */
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether standard output is a terminal (colour is only used then). */
  readonly stdoutIsTTY: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
  /** All of standard input, for `rac check -` (read once, when asked). */
  readStdin(): Uint8Array;
  /** Today as YYYY-MM-DD, the local calendar date (server/src/node/today.ts): the only clock the commands read. */
  today(): string;
  /** Bytes of a file; throws an Error with a `code` (ENOENT, EISDIR…) when it cannot be read. */
  readFile(path: string): Uint8Array;
  /**
   * What is at a path, following symbolic links, with the size of a file in bytes. `error` says why a path
   * that may exist could not be inspected (permissions).
   */
  stat(path: string): { kind: PathKind; size: number; error?: string };
  exists(path: string): boolean;
  /** Writes a file, replacing it. */
  writeFile(path: string, text: string): void;
  /**
   * Replaces an existing file's content at once (a temporary file beside it, then renamed over it), so a reader
   * or a crash never sees half of it; its permissions are kept.
   */
  replaceFile(path: string, text: string): void;
  /** Writes a new file; throws an Error with code EEXIST when the path exists (never replaces anything). */
  createFile(path: string, text: string): void;
  appendFile(path: string, text: string): void;
  /** The relationship files under a folder, sorted, with the ones skipped and why (see node/walk.ts). */
  walk(dir: string, options: WalkOptions): Promise<WalkResult>;
  /** The workspace root of a file or folder without --root: the enclosing git work tree, else its folder (node/workspace-root.ts). */
  findWorkspaceRoot(path: string, isFolder?: boolean): string;
  /** The evidence-link check for one document, contained in the workspace root (see node/files.ts). */
  fileExistsFor(documentPath: string, workspaceRoot: string): (relativePath: string) => FileCheck;
  /**
   * Starts threads to analyse `files` files (see cli/parallel-load.ts). Absent: everything runs on the calling
   * thread (a single core, RAC_THREADS=1, or a test's io).
   */
  startThreads?(files: number, options: LoadOptions): AnalysisThreads;
}

/** Threads started to analyse files: given the jobs once, they answer with the outcomes in job order. */
export interface AnalysisThreads {
  analyse(jobs: AnalysisJob[]): Promise<AnalysisOutcome[]>;
  /** Stops the threads (once the outcomes are in, or when the jobs are never given). */
  close(): void;
}
