// The yaml library's errors in our words, at the place to fix. Its own texts speak of its grammar ("Nested
// mappings are not allowed in compact mappings", "Block collections are not allowed within flow
// collections") and never reach the user: every code it can produce has a message here, and where one code
// covers several mistakes its text only chooses among our messages.
import { isMap, isScalar, isSeq, visit, type Document, type ErrorCode, type Node, type YAMLError } from 'yaml';

/** One message for each code the library can report, for when nothing more precise is known. */
export const SYNTAX_MESSAGES: Readonly<Record<ErrorCode, string>> = {
  ALIAS_PROPS: 'an alias (*name) cannot carry an anchor (&) or a tag (!): remove them, or write the value out',
  BAD_ALIAS: 'an anchor (&name) or alias (*name) needs a name: write one right after the "&" or "*", or remove the sign',
  BAD_COLLECTION_TYPE: 'this tag (!…) does not fit a list or a map: remove the tag',
  BAD_DIRECTIVE: 'a relationship file needs no YAML directive (a line starting with "%"): remove the line',
  BAD_DQ_ESCAPE: 'this escape sequence is not valid in double quotes: write \\\\ for a backslash, or use single quotes',
  BAD_INDENT: 'this line is not indented like its siblings: indent it to the same column as the other keys of its map or items of its list',
  BAD_PROP_ORDER: 'put the anchor (&name) or tag (!tag) after the "-", "?" or ":" sign, just before the value it marks',
  BAD_SCALAR_START: 'this value starts with a character YAML reserves: quote the value',
  BLOCK_AS_IMPLICIT_KEY: 'a key must fit on one line: check the indentation of this line and the ones around it, or quote the value',
  BLOCK_IN_FLOW: 'inside {…} or […], items are separated by commas and cannot hold an indented block: add the missing "," or write the items as an indented block without the brackets',
  DUPLICATE_KEY: 'this key is already a key of this map: remove or rename one of them',
  IMPOSSIBLE: 'this part cannot be read as YAML: check the line for a stray character or a misplaced comment',
  KEY_OVER_1024_CHARS: 'this key is longer than YAML allows (1,024 characters before its ":"): shorten it, or check for a missing line break',
  MISSING_CHAR: 'something is missing here: a closing quote or bracket, a ":" after a key, or a "," between items',
  MULTILINE_IMPLICIT_KEY: 'a key must fit on one line: check the indentation of the line above, or quote the value',
  MULTIPLE_ANCHORS: 'a value can carry one anchor (&name) only: remove the others',
  MULTIPLE_DOCS: 'a relationship file holds one relationship: move this document to a file of its own, or remove the "---" separator',
  MULTIPLE_TAGS: 'a value can carry one tag (!tag) only: remove the others',
  NON_STRING_KEY: 'a key must be plain text: quote it',
  RESOURCE_EXHAUSTION: 'the document nests too deeply to read: flatten it',
  TAB_AS_INDENT: 'a tab indents this line, and YAML indents with spaces only: replace the tab with spaces',
  TAG_RESOLVE_FAILED: 'this tag (!…) does not fit the value: remove the tag',
  UNEXPECTED_TOKEN: 'this character is out of place here: remove it, or quote the value that contains it',
};

/** Where one code covers several mistakes: the library's text (never shown) → our message. */
const refinements: { code: ErrorCode; when: RegExp; message: string }[] = [
  { code: 'MISSING_CHAR', when: /^Implicit map keys need to be followed by map values/, message: 'a key needs a ":" after it (key: value); if this line continues the value above, indent it further or quote that value' },
  { code: 'MISSING_CHAR', when: /^Missing , (or : )?between/, message: 'a "," is missing between these items' },
  { code: 'MISSING_CHAR', when: /^Missing space after :/, message: 'put a space after ":" (key: value)' },
  { code: 'MISSING_CHAR', when: /^Comments must be separated/, message: 'a comment needs a space before its "#": write " #", or quote the value that contains "#"' },
  { code: 'MISSING_CHAR', when: /^Tags and anchors must be separated/, message: 'put a space after the anchor (&name) or tag (!tag)' },
  { code: 'MISSING_CHAR', when: /^Sequence item without - indicator/, message: 'a list item starts with "- ": add the dash, or indent this line like the value above it' },
  { code: 'MISSING_CHAR', when: /directives-end|same line with directives/, message: 'start the document on the line after "---"' },
  { code: 'MISSING_CHAR', when: /^Missing newline after/, message: 'start a new line after the anchor (&name) or tag (!tag) of a list or a map' },
  { code: 'UNEXPECTED_TOKEN', when: /^Block scalar header/, message: 'after "|" or ">" only "-", "+" or an indentation digit may follow on the line: move the text to the next line' },
  { code: 'UNEXPECTED_TOKEN', when: /^Unexpected , in/, message: 'there is an extra "," here: remove it, or put a value between the commas' },
  { code: 'UNEXPECTED_TOKEN', when: /^Unexpected empty item/, message: 'there is an empty item here: remove the extra ","' },
  { code: 'BAD_ALIAS', when: /ending in :/, message: 'an anchor or alias name ending in ":" is ambiguous: put a space before the ":"' },
];

export interface Described { code: string; message: string; start: number; end: number }

/**
 * The error to report of a document's structural errors: the first, unless one that causes others starts
 * before it. The library reports an unclosed quote at the end of the text, after the errors in what the quote
 * swallowed (an escape like "\\?" three lines down); and a "key: value" inside a "{" that is never closed
 * ("{:  a: b") after the errors of the lines it ran on into. A map that starts where the first error does
 * ("{title: x⏎ status: y}", a key over two lines) is that error: the comma missing before the next line.
 */
export function firstCause(errors: readonly YAMLError[], document: Document.Parsed, text: string): Described {
  let first = describe(errors[0], document, text);
  const quote = errors.find((e) => e.code === 'MISSING_CHAR' && /quote/.test(e.message));
  const block = errors.find((e) => e.code === 'BLOCK_IN_FLOW' && e.pos[0] < errors[0].pos[0]);
  for (const cause of [quote, block]) {
    if (!cause || cause === errors[0]) continue;
    const d = describe(cause, document, text);
    if (d.start < first.start) first = d;
  }
  return first;
}

/** A parser error as an author reads it, at the place to fix: the opening quote or bracket, the whole key. */
export function describe(e: YAMLError, document: Document.Parsed, text: string): Described {
  const start = e.pos[0];
  const end = e.pos[1] === start ? start + 1 : e.pos[1];
  if (e.code === 'RESOURCE_EXHAUSTION') return { code: 'syntax.too-deep', message: SYNTAX_MESSAGES.RESOURCE_EXHAUSTION, start, end };
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
  if (e.code === 'BLOCK_AS_IMPLICIT_KEY' || e.code === 'MULTILINE_IMPLICIT_KEY') {
    const colon = colonInValue(text, start);
    if (colon !== undefined) return { code: 'syntax', message: 'this value contains ": ", which YAML reads as the start of a key: quote the whole value ("…")', start: colon, end: colon + 1 };
  }
  if (e.code === 'BLOCK_AS_IMPLICIT_KEY' || e.code === 'MULTILINE_IMPLICIT_KEY' || e.code === 'BAD_INDENT') {
    // The library marks the end of the line before the misplaced one (or the value that the line was read into),
    // or the start of the misplaced line itself (" |x" under a map indented by two: a key's place, no key).
    const line = e.code === 'BAD_INDENT' ? indentedContent(text, start) ?? nextContentLine(text, start, false) : indentedContent(text, start) ?? nextContentLine(text, start, true);
    if (line && e.code === 'BAD_INDENT') return { code: 'syntax', message: SYNTAX_MESSAGES.BAD_INDENT, start: line[0], end: line[1] };
    if (line && e.code !== 'BAD_INDENT' && innermost(document, start, (n) => (isMap(n) || isSeq(n)) && n.flow === true)) {
      // Inside {…} or […] a line break does not end an item: the comma before this line is missing.
      return { code: 'syntax', message: SYNTAX_MESSAGES.BLOCK_IN_FLOW, start: line[0], end: line[1] };
    }
    if (line && indentOf(text, line[0]) > indentOf(text, start)) {
      return { code: 'syntax', message: 'this line is indented further than the key above it: indent it like its siblings, or quote the text if it continues the value above', start: line[0], end: line[1] };
    }
    if (e.code === 'MULTILINE_IMPLICIT_KEY') {
      return { code: 'syntax', message: 'this line has no ":" after its key (key: value): add it, or indent the line under the key whose value it continues', start, end: Math.max(start + 1, endOfLine(text, start)) };
    }
  }
  if (e.code === 'BAD_SCALAR_START' && text[start]) {
    return { code: 'syntax', message: `this value starts with "${text[start]}", a character YAML reserves: quote the value`, start, end: start + 1 };
  }
  const refined = refinements.find((r) => r.code === e.code && r.when.test(e.message));
  return { code: 'syntax', message: refined?.message ?? SYNTAX_MESSAGES[e.code] ?? SYNTAX_MESSAGES.IMPOSSIBLE, start, end };
}

/**
 * The ":" followed by a space (or the line's end) in a plain value that starts at `from` on the same line,
 * outside a comment: `title: St Marys: cleaning` → the colon after "Marys".
 */
function colonInValue(text: string, from: number): number | undefined {
  const lineEnd = endOfLine(text, from);
  const rest = text.slice(from, lineEnd);
  if (/^\s*$/.test(rest) || /^\s*["'[{|>]/.test(rest)) return undefined;
  const comment = /(^|\s)#/.exec(rest);
  const value = comment ? rest.slice(0, comment.index) : rest;
  const colon = /:(?=\s|$)/.exec(value);
  return colon ? from + colon.index : undefined;
}

/**
 * The next line that holds something, as [first non-space, end of content): the line the mistake is on.
 * Unless `always`, only when `offset` is at the end of its line (only spaces or a comment after it).
 */
function nextContentLine(text: string, offset: number, always: boolean): [number, number] | undefined {
  let end = endOfLine(text, offset);
  if (!always && !/^\s*(#.*)?$/.test(text.slice(offset, end))) return undefined;
  while (end < text.length) {
    const start = end + (text.startsWith('\r\n', end) ? 2 : 1);
    end = endOfLine(text, start);
    const content = /\S/.exec(text.slice(start, end));
    if (content) return [start + content.index, start + text.slice(start, end).trimEnd().length];
  }
  return undefined;
}

/** When `offset` is in the indentation of its line, that line's content as [first non-space, end of content). */
function indentedContent(text: string, offset: number): [number, number] | undefined {
  let start = offset;
  while (start > 0 && text.charCodeAt(start - 1) === 32) start--;
  if (start > 0 && text.charCodeAt(start - 1) !== 10 && text.charCodeAt(start - 1) !== 13) return undefined;
  let first = offset;
  while (text.charCodeAt(first) === 32) first++;
  const end = endOfLine(text, first);
  return end > first ? [first, first + text.slice(first, end).trimEnd().length] : undefined;
}

/** The number of spaces that start the line holding `offset`. */
function indentOf(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && text.charCodeAt(start - 1) !== 10 && text.charCodeAt(start - 1) !== 13) start--;
  let i = start;
  while (text.charCodeAt(i) === 32) i++;
  return i - start;
}

function endOfLine(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
  return i;
}

/** The deepest node around an offset that satisfies the test. */
export function innermost(document: Document.Parsed, offset: number, test: (node: Node) => boolean): Node | undefined {
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
