// Text → one YAML document with syntax findings. Never throws: every failure becomes a finding.
import { parseAllDocuments, isAlias, isCollection, isMap, isScalar, isSeq, visit, type Document, type Node, type YAMLError } from 'yaml';
import type { Finding } from './types';
import type { LineIndex } from './text';

/** Aliases expand into the data; past this many, a document is treated as an alias bomb. */
export const MAX_ALIAS_COUNT = 100;

const hints: Record<string, string> = {
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
    // The parser breaks lines at \n only; a lone \r (old Mac line ends) is a line end too, as in LSP positions.
    // The swap keeps every offset, so node ranges still index the original text.
    docs = parseAllDocuments(text.replace(/\r(?!\n)/g, '\n'), { uniqueKeys: true, prettyErrors: false, keepSourceTokens: false }) as Document.Parsed[];
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
  // Only the first structural error is reported: the ones after it mostly follow from it (a tab or a missing
  // bracket derails the rest of the file, and 5,000 open brackets give 5,000 errors) and would bury it.
  // Duplicate keys leave the tree intact, so each of them is reported.
  let structural = false;
  for (const e of document.errors) {
    if (e.code !== 'DUPLICATE_KEY') {
      if (structural) continue;
      structural = true;
    }
    const d = describe(e, document, text);
    error(d.code, d.message, d.start, d.end);
  }
  const control = controlCharacter(text);
  if (control) {
    const more = control.count > 1 ? ` (and ${control.count - 1} more)` : '';
    const hex = text.charCodeAt(control.at).toString(16).toUpperCase().padStart(4, '0');
    error('syntax', `control character U+${hex}${more} is not allowed in YAML: the file may be binary or saved in another encoding`, control.at, control.at + 1);
  }
  // A list or map used as a key means nothing in a relationship file, and converting one to data stringifies
  // it, which grows with the cube of its nesting (10,000 "{" took minutes): reported, then left out of the data.
  const complexKey = firstCollectionKey(document);
  if (complexKey && !structural) {
    const [start, end] = complexKey;
    const short = end - start <= 80 && !/[\r\n]/.test(text.slice(start, end));
    error('syntax', 'a key must be plain text, not a list or a map: quote it, or move the list or map into the value', start, short ? end : start + 1);
  }
  let data: unknown;
  try {
    data = (complexKey ? withoutCollectionKeys(document) : document).toJS({ maxAliasCount: MAX_ALIAS_COUNT });
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

interface Described { code: string; message: string; start: number; end: number }

/** A parser error as an author reads it, at the place to fix: the opening quote or bracket, the whole key. */
function describe(e: YAMLError, document: Document.Parsed, text: string): Described {
  const start = e.pos[0];
  const end = e.pos[1] === start ? start + 1 : e.pos[1];
  if (e.code === 'RESOURCE_EXHAUSTION') {
    // The parser ran out of stack composing nested collections.
    return { code: 'syntax.too-deep', message: 'the document nests too deeply to read: flatten it', start, end };
  }
  if (e.code === 'DUPLICATE_KEY') {
    const key = innermost(document, start, (n) => isScalar(n) && n.range![0] === start);
    const keyEnd = key?.range?.[1] ?? end;
    return { code: 'syntax.duplicate-key', message: `"${text.slice(start, keyEnd)}" is already a key of this map: remove or rename one of them`, start, end: keyEnd };
  }
  if (e.code === 'MISSING_CHAR' && /quote/.test(e.message)) {
    const quoted = innermost(document, start, (n) => isScalar(n) && (n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE'));
    const at = quoted?.range?.[0];
    if (at !== undefined) return { code: 'syntax', message: `this quoted text is never closed: add the closing ${text[at]} where it ends`, start: at, end: at + 1 };
  }
  const close = /end with an? ([\]}])/.exec(e.message)?.[1];
  if (close) {
    const open = close === '}' ? '{' : '[';
    const unclosed = innermost(document, start, (n) => (isMap(n) || isSeq(n)) && n.flow === true && text[n.range![0]] === open && !text.slice(n.range![0], n.range![1]).trimEnd().endsWith(close));
    const at = unclosed?.range?.[0];
    if (at !== undefined) return { code: 'syntax', message: `this "${open}" is never closed: add "${close}" at the end of the ${open === '{' ? 'map' : 'list'}`, start: at, end: at + 1 };
  }
  const hint = hints[e.code];
  const message = e.message.split('\n')[0].replace(/\s+at line \d+, column \d+:?$/, '');
  return { code: 'syntax', message: hint ? `${message}: ${hint}` : message, start, end };
}

/** The deepest node around an offset that satisfies the test. */
function innermost(document: Document.Parsed, offset: number, test: (node: Node) => boolean): Node | undefined {
  let found: Node | undefined;
  try {
    visit(document, {
      Node(_key, node) {
        const r = node.range;
        if (r && r[0] <= offset && offset <= r[2] && test(node) && (!found || r[0] >= found.range![0])) found = node;
      },
    });
  } catch {
    // Deep nesting can exhaust the stack; the error then stays where the parser put it.
  }
  return found;
}

/** The first character YAML forbids outright (C0 and C1 controls other than tab and line breaks), and how many there are. */
function controlCharacter(text: string): { at: number; count: number } | undefined {
  let at = -1;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13) || (c >= 0x7f && c <= 0x9f && c !== 0x85)) {
      if (at < 0) at = i;
      count++;
    }
  }
  return at < 0 ? undefined : { at, count };
}

/** The range of the first key that is a list or a map, if any. */
function firstCollectionKey(document: Document.Parsed): [number, number] | undefined {
  let found: [number, number] | undefined;
  try {
    visit(document, {
      Pair(_key, pair) {
        const key = pair.key as Node | null;
        if (isCollection(key)) {
          found = key.range ? [key.range[0], key.range[1]] : [0, 0];
          return visit.BREAK;
        }
      },
    });
  } catch {
    // Deep nesting can exhaust the stack here too: the parser has reported it.
  }
  return found;
}

/** A copy of the document without the pairs whose key is a list or a map (a stack overflow here is "too deep"). */
function withoutCollectionKeys(document: Document.Parsed): Document.Parsed {
  const copy = document.clone() as Document.Parsed;
  visit(copy, {
    Pair(_key, pair) {
      if (isCollection(pair.key as Node | null)) return visit.REMOVE;
    },
  });
  return copy;
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
