// Text → one YAML document with syntax findings. Never throws: every failure becomes a finding.
import { parseAllDocuments, isAlias, visit, type Document } from 'yaml';
import type { Finding } from './types';
import type { LineIndex } from './text';

/** Aliases expand into the data; past this many, a document is treated as an alias bomb. */
export const MAX_ALIAS_COUNT = 100;

const hints: Record<string, string> = {
  DUPLICATE_KEY: 'a key may appear once in a map: remove or rename one of them',
  TAB_AS_INDENT: 'YAML indents with spaces only: replace the tab with spaces',
  BAD_INDENT: 'indent this line to the level of its siblings',
  MISSING_CHAR: 'a closing bracket, brace or quote is missing',
  MULTILINE_IMPLICIT_KEY: 'a key must fit on one line: check the indentation of the line above or quote the value',
  BLOCK_AS_IMPLICIT_KEY: 'a key must fit on one line: check the indentation of the line above',
  UNEXPECTED_TOKEN: 'remove the stray character or quote the value',
  BAD_SCALAR_START: 'quote the value: it starts with a character YAML reserves',
  BAD_DQ_ESCAPE: 'fix the escape sequence or use single quotes',
  BAD_ALIAS: 'an alias must name an anchor defined above it',
  KEY_OVER_1024_CHARS: 'shorten the key',
  IMPOSSIBLE: 'the YAML parser could not read this part',
};

export interface Parsed {
  document: Document.Parsed | undefined;
  data: unknown;
  findings: Finding[];
}

export function parse(text: string, lines: LineIndex): Parsed {
  const findings: Finding[] = [];
  const error = (code: string, message: string, start: number, end: number): void => {
    findings.push({ code, severity: 'error', message, range: lines.range(start, end) });
  };
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, { uniqueKeys: true, prettyErrors: false, keepSourceTokens: false }) as Document.Parsed[];
  } catch (e) {
    error('syntax', `the YAML parser failed: ${String((e as Error)?.message ?? e)}`, 0, 0);
    return { document: undefined, data: undefined, findings };
  }
  if (!Array.isArray(docs)) docs = [];
  const document = docs[0];
  for (const extra of docs.slice(1)) {
    const start = extra.range[0];
    const marker = text.startsWith('---', start) ? start : text.lastIndexOf('---', start);
    if (marker < 0 && extra.contents === null) continue;
    const at = marker < 0 ? start : marker;
    error('syntax.multiple-documents', 'a relationship file holds one relationship: move this document to a file of its own, or remove the "---" separator', at, at + 3);
  }
  if (!document) return { document, data: undefined, findings };
  for (const e of document.errors) {
    const code = e.code;
    const hint = hints[code];
    const [start, end] = e.pos;
    const message = e.message.split('\n')[0].replace(/\s+at line \d+, column \d+:?$/, '');
    error(code === 'DUPLICATE_KEY' ? 'syntax.duplicate-key' : 'syntax', hint ? `${message}: ${hint}` : message, start, end === start ? start + 1 : end);
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const alias = firstAlias(document);
    const message = e instanceof RangeError
      ? 'the document nests too deeply to read: flatten it'
      : `aliases expand too far (more than ${MAX_ALIAS_COUNT} copies): write the values out or use fewer aliases`;
    const range = alias?.range ?? document.range;
    error(e instanceof RangeError ? 'syntax.too-deep' : 'syntax.alias-limit', message, range[0], range[1]);
    data = undefined;
  }
  return { document, data, findings };
}

function firstAlias(document: Document.Parsed): { range: [number, number, number] } | undefined {
  let found: { range: [number, number, number] } | undefined;
  try {
    visit(document, {
      Alias(_key, node) {
        if (isAlias(node) && node.range) {
          found = { range: node.range };
          return visit.BREAK;
        }
      },
    });
  } catch {
    // Deep nesting can exhaust the stack here too; the finding then points at the document.
  }
  return found;
}
