// PURE. How one line of block YAML looks, read from its characters alone: indentation, "- " indicators, a key
// and its ":", and what kind of value follows. The completion scanner reads lines this way because it must
// work on text that is being typed and does not parse.

export interface Shape {
  /** Blank, comment-only, a directive or a document marker. */
  blank: boolean;
  marker: boolean;
  indent: number;
  /** Columns of the "- " indicators that start the line. */
  dashes: number[];
  /** Column after the dashes. */
  body: number;
  key?: string;
  keyStart: number;
  keyEnd: number;
  /** Column of the ":" after the key. */
  colon: number;
  /** The line opens an explicit key ("? key"): an entry of the map, not a plain scalar going on. */
  explicitKey: boolean;
  /** What follows the key (or the dashes when there is no key). */
  value: 'none' | 'block-scalar' | 'flow' | 'scalar';
  valueStart: number;
}

export const isSpace = (c: string | undefined): boolean => c === undefined || c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** The shape of one line's text (without its line break). */
export function shapeOf(line: string): Shape {
  // A byte order mark before the first key is not indentation.
  const bom = line.charCodeAt(0) === 0xfeff ? 1 : 0;
  let i = bom;
  while (line[i] === ' ') i++;
  const indent = i - bom;
  const s: Shape = { blank: false, marker: false, indent, dashes: [], body: i, keyStart: -1, keyEnd: -1, colon: -1, explicitKey: false, value: 'none', valueStart: line.length };
  if (line.slice(i).trim() === '' || line[i] === '#' || line[i] === '%') return { ...s, blank: true };
  if ((line.startsWith('---', i) || line.startsWith('...', i)) && i === 0 && isSpace(line[3])) return { ...s, blank: true, marker: true };
  while (line[i] === '-' && isSpace(line[i + 1])) {
    s.dashes.push(i);
    i++;
    while (line[i] === ' ') i++;
  }
  s.body = i;
  s.explicitKey = line[i] === '?' && isSpace(line[i + 1]);
  const keyEnd = keyEndAt(line, i);
  if (keyEnd !== undefined) {
    s.key = unquote(line.slice(i, keyEnd.end).trim());
    s.keyStart = i;
    s.keyEnd = keyEnd.end;
    s.colon = keyEnd.colon;
    i = skipBlanks(line, keyEnd.colon + 1);
  }
  // An anchor or a tag ("&a", "!!str") comes before the value: the value's kind is what follows them.
  while (line[i] === '&' || line[i] === '!') {
    while (i < line.length && line[i] !== ' ' && line[i] !== '\t') i++;
    i = skipBlanks(line, i);
  }
  s.valueStart = i;
  const rest = line.slice(i);
  if (rest === '' || rest.startsWith('#')) s.value = 'none';
  else if (/^[|>][-+0-9]*\s*(#.*)?$/.test(rest)) s.value = 'block-scalar';
  else if (rest[0] === '[' || rest[0] === '{') s.value = 'flow';
  else s.value = 'scalar';
  return s;
}

/** The column after the spaces and tabs from `i` (a tab separates a value from its ":", though it never indents). */
function skipBlanks(line: string, i: number): number {
  while (line[i] === ' ' || line[i] === '\t') i++;
  return i;
}

/** Where a block key starting at `i` ends: the text before its ":" and the colon's column. */
function keyEndAt(line: string, i: number): { end: number; colon: number } | undefined {
  const c = line[i];
  if (c === undefined || c === '#' || c === '[' || c === '{' || c === '|' || c === '>') return undefined;
  // "?" before anything but a space starts a plain scalar ("?}party:" is a key).
  if (c === '?' && isSpace(line[i + 1])) return undefined;
  let j = i;
  if (c === '"' || c === "'") {
    j = quoteEnd(line, i);
    const end = j;
    while (line[j] === ' ') j++;
    return line[j] === ':' && isSpace(line[j + 1]) ? { end, colon: j } : undefined;
  }
  for (; j < line.length; j++) {
    if (line[j] === ':' && isSpace(line[j + 1])) return { end: j, colon: j };
    if (line[j] === '#' && line[j - 1] === ' ') return undefined;
  }
  return undefined;
}

/** The offset after a quoted scalar that starts at `i` (or `limit` when it is not closed before it). */
export function quoteEnd(text: string, i: number, limit = text.length): number {
  const q = text[i];
  let j = i + 1;
  while (j < limit) {
    if (q === '"' && text[j] === '\\') j += 2;
    else if (text[j] === q) {
      if (q === "'" && text[j + 1] === "'") j += 2;
      else return j + 1;
    } else j++;
  }
  return limit;
}

function unquote(s: string): string {
  if (s.length >= 2 && ((s[0] === '"' && s.endsWith('"')) || (s[0] === "'" && s.endsWith("'")))) return s.slice(1, -1);
  return s;
}

/** The end of the word that starts at `start` (for replacing a whole key or value, not only its typed part). */
export function wordEndFrom(text: string, start: number, limit: number, flow: boolean): number {
  let j = start;
  while (j < limit) {
    const d = text[j];
    if (d === ' ' || d === '\t' || d === '\n' || d === '\r' || d === '#') break;
    if (d === ':' && isSpace(text[j + 1])) break;
    if (flow && ',[]{}:'.includes(d)) break;
    j++;
  }
  return j;
}
