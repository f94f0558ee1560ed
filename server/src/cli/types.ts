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

export type Format = 'text' | 'json' | 'sarif' | 'github' | 'markdown';
