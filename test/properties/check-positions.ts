// Runs every position feature of the language server at every position of one document, in process, on the
// document's Analysis (as the server does), and says what is wrong: a throw, a range outside the document or
// ending inside a line break (between \r and \n), a completion edit that is not on the cursor's line around the
// cursor, a tree and a text reading of the position that name different places (views.ts). Document-wide features (symbols, folding, links, lenses) run once; code actions run per line with the
// diagnostics on that line, as an editor asks for them.
import type { DocumentSymbol, Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { analyze, LineIndex, type Analysis } from '../../server/src/core/index';
import { codeActions } from '../../server/src/features/code-actions';
import { codeLenses } from '../../server/src/features/code-lens';
import { completions } from '../../server/src/features/completion';
import { definition } from '../../server/src/features/definition';
import { toDiagnostics } from '../../server/src/features/diagnostics';
import { foldingRanges } from '../../server/src/features/folding';
import { hover } from '../../server/src/features/hover';
import { documentLinks } from '../../server/src/features/links';
import { references } from '../../server/src/features/references';
import { prepareRename, rename } from '../../server/src/features/rename';
import { documentSymbols } from '../../server/src/features/symbols';
import { stubFileExists } from '../golden/golden-case';
import { comparableEnd, viewsDiffer } from './views';

export const FEATURES = ['analyze', 'views', 'completion', 'hover', 'definition', 'references', 'prepareRename', 'rename', 'documentSymbols', 'foldingRanges', 'documentLinks', 'codeLenses', 'codeActions'] as const;
export type Feature = (typeof FEATURES)[number];

/** Called before each call: the hang detector reads which call is running from it. */
export type Probe = (feature: Feature, position: Position) => void;

export class PositionProblem extends Error {
  constructor(readonly feature: Feature, readonly position: Position, message: string) {
    super(`${feature} at ${position.line}:${position.character}: ${message}`);
  }
}

const URI = 'file:///work/deal/generated.relationship.yaml';
const AS_OF = '2026-06-01';

/** Checks one document; throws a PositionProblem for the first thing wrong. Returns the number of calls made. */
export function checkPositions(text: string, probe: Probe = () => undefined): number {
  const lines = new LineIndex(text);
  let calls = 0;
  const run = <T>(feature: Feature, position: Position, call: () => T): T => {
    probe(feature, position);
    calls++;
    try {
      return call();
    } catch (e) {
      throw new PositionProblem(feature, position, `threw ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    }
  };
  const check = (feature: Feature, position: Position, range: Range | undefined | null, what = 'range'): void => {
    const wrong = range ? outside(lines, range) : undefined;
    if (wrong) throw new PositionProblem(feature, position, `${what} ${JSON.stringify(range)} ${wrong}`);
  };
  const checkEdit = (feature: Feature, position: Position, edit: WorkspaceEdit | null | undefined): void => {
    for (const edits of Object.values(edit?.changes ?? {})) for (const e of edits) check(feature, position, e.range, 'edit');
  };

  const start: Position = { line: 0, character: 0 };
  const analysis: Analysis = run('analyze', start, () => analyze(text, { asOf: AS_OF, fileExists: stubFileExists }));
  const diagnostics = toDiagnostics(analysis, URI, 1000);
  const comparable = comparableEnd(analysis, lines);

  for (const s of run('documentSymbols', start, () => documentSymbols(analysis))) checkSymbol(s, (r) => check('documentSymbols', start, r));
  for (const f of run('foldingRanges', start, () => foldingRanges(analysis))) {
    if (!(f.startLine >= 0 && f.startLine <= f.endLine && f.endLine < lines.lineCount)) throw new PositionProblem('foldingRanges', start, `lines ${f.startLine}..${f.endLine} of ${lines.lineCount}`);
  }
  for (const l of run('documentLinks', start, () => documentLinks(analysis, URI))) check('documentLinks', start, l.range);
  for (const l of run('codeLenses', start, () => codeLenses(analysis, URI))) check('codeLenses', start, l.range);

  for (let line = 0; line < lines.lineCount; line++) {
    const width = lines.lineText(line).length;
    const lineRange = { start: { line, character: 0 }, end: { line, character: width } };
    const here = diagnostics.filter((d) => d.range.start.line <= line && line <= d.range.end.line);
    for (const action of run('codeActions', lineRange.start, () => codeActions(analysis, URI, lineRange, here))) checkEdit('codeActions', lineRange.start, action.edit);
    for (let character = 0; character <= width; character++) {
      const position = { line, character };
      const offset = lines.offsetAt(position);
      const differ = offset <= comparable ? run('views', position, () => viewsDiffer(analysis, lines, offset)) : undefined;
      if (differ) throw new PositionProblem('views', position, differ);
      checkCompletion(run('completion', position, () => completionAt(analysis, text, lines, position)), position, check);
      check('hover', position, run('hover', position, () => hover(analysis, position))?.range);
      for (const l of run('definition', position, () => definition(analysis, URI, position))) check('definition', position, l.range);
      for (const l of run('references', position, () => references(analysis, URI, position, true))) check('references', position, l.range);
      const renameRange = run('prepareRename', position, () => prepareRename(analysis, position));
      check('prepareRename', position, renameRange);
      if (renameRange) {
        const result = run('rename', position, () => rename(analysis, URI, position, 'renamed-id'));
        if ('edit' in result) checkEdit('rename', position, result.edit);
      }
    }
  }
  return calls;
}

function completionAt(analysis: Analysis, text: string, lines: LineIndex, position: Position): TextEdit[] {
  const list = completions({ text, offset: lines.offsetAt(position), model: analysis.model, asOf: AS_OF, today: AS_OF });
  return list.items.map((i) => i.textEdit as TextEdit);
}

/** LSP: a completion edit is on one line and contains the position completion was asked at. */
function checkCompletion(edits: TextEdit[], position: Position, check: (feature: Feature, position: Position, range: Range) => void): void {
  for (const e of edits) {
    check('completion', position, e.range);
    const r = e.range;
    if (r.start.line !== position.line || r.end.line !== position.line || r.start.character > position.character || r.end.character < position.character) {
      throw new PositionProblem('completion', position, `edit range ${JSON.stringify(r)} is not a one-line range around the cursor`);
    }
  }
}

function checkSymbol(s: DocumentSymbol, check: (r: Range) => void): void {
  check(s.range);
  check(s.selectionRange);
  for (const c of s.children ?? []) checkSymbol(c, check);
}

/** Why a range is not a range of the document (undefined when it is). */
export function outside(lines: LineIndex, range: Range): string | undefined {
  for (const p of [range.start, range.end]) {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character)) return 'has a position that is not integers';
    if (p.line < 0 || p.line >= lines.lineCount) return `has line ${p.line}, outside 0..${lines.lineCount - 1}`;
    const width = lines.lineText(p.line).length;
    if (p.character < 0 || p.character > width) return `has column ${p.character} on line ${p.line} of ${width} characters (past its end or inside its line break)`;
  }
  const { start, end } = range;
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) return 'ends before it starts';
  return undefined;
}
