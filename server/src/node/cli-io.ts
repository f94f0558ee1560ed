// The CliIo of a real process: Node's streams, environment, clock and file system.
import { appendFileSync, existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { CliIo, PathKind } from '../cli/io';
import { startAnalysisThreads, threadCount } from './analysis-threads';
import { fileExistsFor } from './files';
import { localToday } from './today';
import { walkRelationshipFiles } from './walk';
import { findWorkspaceRoot } from './workspace-root';

/** `threadScript`: the CLI bundle, which serves analysis jobs when started as a worker thread. */
export function nodeIo(threadScript?: string): CliIo {
  const threads = threadScript ? threadCount(process.env) : 0;
  return {
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    today: () => localToday(),
    readStdin: () => readFileSync(0),
    readFile: (path) => readFileSync(path),
    stat: (path) => {
      try {
        const s = statSync(path);
        const kind: PathKind = s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other';
        return { kind, size: s.size };
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing', size: 0 };
        return { kind: 'other', size: 0, error: (e as Error).message };
      }
    },
    exists: (path) => existsSync(path),
    writeFile: (path, text) => writeFileSync(path, text),
    replaceFile: (path, text) => replaceFile(path, text),
    // "wx" fails with EEXIST instead of replacing, also when two runs race for the same name.
    createFile: (path, text) => writeFileSync(path, text, { flag: 'wx' }),
    appendFile: (path, text) => appendFileSync(path, text),
    walk: walkRelationshipFiles,
    findWorkspaceRoot,
    fileExistsFor,
    ...(threadScript && threads > 1 ? { startThreads: (files, options) => startAnalysisThreads(threadScript, threads, files, options) } : {}),
  };
}

/** Writes beside the file, then renames over it: the file is either the old text or the new one, never half. */
function replaceFile(path: string, text: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text, { mode: statSync(path).mode, flag: 'wx' });
    renameSync(temporary, path);
  } catch (e) {
    rmSync(temporary, { force: true });
    throw e;
  }
}
