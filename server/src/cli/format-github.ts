// `rac check --format github`: GitHub Actions workflow commands, one annotation per finding on the file and
// range it concerns, then a plain coverage line per file. Values are escaped as the runner requires, so
// nothing in a document can end a command early or start another one.
import type { Severity } from '../core/index';
import { coverageLine } from './format-text';
import { flatFinding, type FlatFinding } from './flat-finding';
import type { FileResult, FormatOptions } from './types';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** A command's message: %, CR and LF are encoded. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A command's property value: as data, and the separators ":" and "," too. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export type AnnotatedFinding = Pick<FlatFinding, 'code' | 'severity' | 'message' | 'line' | 'column' | 'endLine' | 'endColumn'>;

/** One annotation. Columns are given only for a range on one line, the only case GitHub uses them. */
export function annotationLine(path: string, f: AnnotatedFinding): string {
  const props = [`file=${escapeProperty(path)}`, `line=${f.line}`, `endLine=${f.endLine}`];
  if (f.line === f.endLine) props.push(`col=${f.column}`, `endColumn=${Math.max(f.column, f.endColumn)}`);
  props.push(`title=${escapeProperty(`rac ${f.code}`)}`);
  return `::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(f.message)}`;
}

export function formatGithub(files: FileResult[], options: Pick<FormatOptions, 'quiet'>): string {
  const out: string[] = [];
  for (const file of files) {
    if (file.error || !file.analysis) {
      out.push(`::error file=${escapeProperty(file.path)},title=${escapeProperty('rac io')}::${escapeData(`${file.path}: ${file.error ?? 'not analysed'}`)}`);
      continue;
    }
    for (const f of file.analysis.findings) out.push(annotationLine(file.path, flatFinding(f)));
    // Plain log lines never start with "::", so a path cannot turn one into a command.
    if (!options.quiet) out.push(`rac: ${escapeData(file.path)}: ${coverageLine(file.analysis.coverage)}`);
  }
  return out.length ? out.join('\n') + '\n' : '';
}
