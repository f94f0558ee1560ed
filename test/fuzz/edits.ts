// Random edits as an editor sends them: characters typed and deleted, lines inserted and removed, fragments of
// other files pasted, and what editors meet (CRLF, lone CR, tabs, emoji, a blank first line). Each edit is a
// range of the current text and its replacement, so it can go to the server as an incremental didChange.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-protocol';

export type Random = () => number;
export const pick = <T>(items: readonly T[], rnd: Random): T => items[Math.floor(rnd() * items.length)];
export const below = (n: number, rnd: Random): number => Math.floor(rnd() * n);

export interface Edit { kind: string; range: Range; text: string }

const SPICE = [':', '-', '[', ']', '{', '}', ',', '#', '|', '>', "'", '"', '?', '&a', '*a', '!', '\t', ' ', '  ', '---', '...', '😀', '👩‍👩‍👧', 'é', '\\', 'x', '1', '- ', ': ', 'id: ', 'p-', '\uFEFF', '\0'];
const BREAKS = ['\n', '\r\n', '\r'];
/** Beyond this size an edit deletes instead, so a long run keeps documents of a realistic size. */
const MAX_CHARS = 40_000;

/** One random edit of `doc`; `fragments` are texts to paste from (the other samples). */
export function randomEdit(doc: TextDocument, fragments: readonly string[], rnd: Random): Edit {
  const text = doc.getText();
  const at = below(text.length + 1, rnd);
  const here = doc.positionAt(at);
  const point = { start: here, end: here };
  const to = (end: number): Range => ({ start: here, end: doc.positionAt(Math.min(text.length, end)) });
  const lineRange = (count: number): Range => {
    const last = Math.min(doc.lineCount, here.line + count);
    return { start: { line: here.line, character: 0 }, end: last >= doc.lineCount ? doc.positionAt(text.length) : { line: last, character: 0 } };
  };
  const kind = text.length > MAX_CHARS ? 'deleteLines' : pick(KINDS, rnd);
  switch (kind) {
    case 'type': {
      let add = '';
      for (let k = 1 + below(3, rnd); k > 0; k--) add += pick(SPICE, rnd);
      return { kind, range: point, text: add };
    }
    case 'delete':
      return { kind, range: to(at + 1 + below(12, rnd)), text: '' };
    case 'replace':
      return { kind, range: to(at + below(8, rnd)), text: pick(SPICE, rnd) };
    case 'newLine':
      return { kind, range: point, text: pick(BREAKS, rnd) + ' '.repeat(below(9, rnd)) };
    case 'deleteLines':
      return { kind, range: lineRange(1 + below(text.length > MAX_CHARS ? 200 : 4, rnd)), text: '' };
    case 'paste': {
      const source = pick(fragments, rnd).split('\n');
      const start = below(source.length, rnd);
      return { kind, range: rnd() < 0.5 ? point : { start: { line: here.line, character: 0 }, end: { line: here.line, character: 0 } }, text: `${source.slice(start, start + 1 + below(12, rnd)).join('\n')}\n` };
    }
    case 'lineEnds': {
      const cut = text.slice(at, at + 400);
      const breaks = pick(BREAKS, rnd);
      return { kind, range: to(at + cut.length), text: cut.replace(/\r\n|\r|\n/g, breaks) };
    }
    case 'tab':
      return { kind, range: { start: { line: here.line, character: 0 }, end: { line: here.line, character: 0 } }, text: '\t' };
    case 'emoji':
      return { kind, range: point, text: pick(['😀', '🤝', '💧', '👩‍👩‍👧', '🇬🇧'], rnd) };
    default: // blankFirstLine
      return { kind, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: pick(['\n', '\r\n', '\r', '  \n'], rnd) };
  }
}

const KINDS = ['type', 'type', 'type', 'delete', 'delete', 'replace', 'newLine', 'newLine', 'deleteLines', 'paste', 'lineEnds', 'tab', 'emoji', 'blankFirstLine'] as const;
