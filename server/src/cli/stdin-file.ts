// `rac check -`: standard input as one relationship file. --stdin-filename gives it a name, which places its
// evidence links (relative to that file's folder) and names it in every message; without one it is <stdin>,
// and links resolve against the working folder.
import { resolve } from 'node:path';
import type { Policy } from '../core/index';
import type { CliIo } from './io';
import { loadFile, oneLine, type LoadOptions } from './load-files';
import type { FileResult } from './types';

export const STDIN_NAME = '<stdin>';

/** The path standard input stands for: its name, or <stdin> in the working folder. */
export function stdinPath(io: CliIo, name: string | undefined): string {
  return resolve(io.cwd, name ?? STDIN_NAME);
}

export function loadStdin(io: CliIo, name: string | undefined, options: LoadOptions, policy?: Policy): FileResult {
  const absolute = stdinPath(io, name);
  let bytes: Uint8Array;
  try {
    bytes = io.readStdin();
  } catch (e) {
    return { path: name ?? STDIN_NAME, text: '', error: `cannot read standard input: ${oneLine(e)}` };
  }
  // The same reading as a file on disk (size limit, binary bytes, byte order mark), with the bytes from stdin.
  const fromStdin: CliIo = {
    ...io,
    stat: (path) => (path === absolute ? { kind: 'file', size: bytes.length } : io.stat(path)),
    readFile: (path) => (path === absolute ? bytes : io.readFile(path)),
  };
  return loadFile(absolute, fromStdin, options, policy);
}
