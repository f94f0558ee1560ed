// What the CLI's formatters read: one entry per file, analysed or not readable.
import type { Analysis } from '../core/index';

export interface FileResult {
  /** As given or found, with forward slashes, relative to the working folder when inside it. */
  path: string;
  text: string;
  analysis?: Analysis;
  /** Set when the file could not be read; it is then reported and counted as a usage failure. */
  error?: string;
}

/** What an empty file's finding suggests at the command line (the editor names its own command). */
export const NEW_FILE_HINT = '"rac init FILE.relationship.yaml" writes a skeleton to start from';

export type Format = 'text' | 'json' | 'sarif' | 'github' | 'markdown';
export const FORMATS: readonly Format[] = ['text', 'json', 'sarif', 'github', 'markdown'];

export interface FormatOptions {
  /** ANSI colours (text only): when standard output is a terminal and NO_COLOR is unset. */
  color: boolean;
  /** Findings only, no coverage lines (text). */
  quiet: boolean;
  /** Information findings listed too (text); otherwise only counted, so a clean file reads clean. */
  verbose?: boolean;
  /** The absolute working folder: display paths are relative to it (SARIF's %SRCROOT%). */
  cwd: string;
}

export type Formatter = (files: FileResult[], options: FormatOptions) => string;
