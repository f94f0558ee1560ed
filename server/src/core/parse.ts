// Text → one YAML document with syntax findings. Never throws: every failure becomes a finding.
import { parseAllDocuments, isAlias, isCollection, visit, type Alias, type Document, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { blankOut, tooDeepBlocks, tooDeepFlows } from './nesting-depth';
import { scanTree, type DuplicateKey, type TreeScan } from './tree-scan';
import { firstCause, SYNTAX_MESSAGES } from './syntax-messages';
import type { Finding, Related } from './types';
import type { LineIndex } from './text';

/** Aliases expand into the data; past this many, a document is treated as an alias bomb. */
export const MAX_ALIAS_COUNT = 100;

export interface Parsed {
  document: Document.Parsed | undefined;
  data: unknown;
  findings: Finding[];
  /**
   * Whether an edit may be spliced into this parse (incremental.ts): one document without directives, no syntax
   * finding but repeated keys, no anchor, alias, collection key or nesting past the limits.
   */
  spliceable: boolean;
  /** Made by splicing an edit into the previous parse (incremental.ts), not by parsing the whole text: where. */
  spliced?: Splice;
}

/**
 * Where an edit was spliced into the previous parse, for what is derived from the tree to follow it
 * (model-splice.ts): entries `first` to `first + replaced - 1` of the last of `containers` gave way to `fresh`
 * entries parsed from [start, newEnd) of the new text, which was [start, end) of the previous one. Both are whole
 * lines (or run to the end of the text); what follows moved by newEnd - end.
 */
export interface Splice {
  start: number; end: number; newEnd: number;
  /** The block collections from the root to the one whose entries were replaced, and the entry taken in each above it. */
  containers: (YAMLMap<Node, Node> | YAMLSeq<Node>)[]; steps: number[];
  first: number; replaced: number; fresh: number;
}

/**
 * uniqueKeys is off because the library's check is quadratic (see tree-scan.ts); logLevel is silent
 * because its warnings would reach stderr and the editor's log in its own words: we report in ours.
 */
export const PARSE_OPTIONS = { uniqueKeys: false, logLevel: 'silent', prettyErrors: false, keepSourceTokens: false } as const;

/** A repeated key's finding, with the place of its first use. */
export function duplicateFinding({ at, first }: DuplicateKey, text: string, lines: LineIndex): Finding {
  const key = text.slice(at[0], at[1]);
  return {
    code: 'syntax.duplicate-key', severity: 'error', message: `"${key}" is already a key of this map: remove or rename one of them`, range: lines.range(at[0], at[1]),
    related: [{ range: lines.range(first[0], first[1]), message: `"${key}" is first used here` }],
  };
}

export function parse(text: string, lines: LineIndex): Parsed {
  const findings: Finding[] = [];
  const error = (code: string, message: string, start: number, end: number, related?: Related[]): void => {
    findings.push({ code, severity: 'error', message, range: lines.range(start, end), ...(related ? { related } : {}) });
  };
  // A collection nested past the limit is reported and left out (blanked, so offsets hold) before parsing:
  // the parser would run out of stack at a place that changes from call to call.
  const deepBlocks = tooDeepBlocks(text);
  const shallow = deepBlocks.length ? blankOut(text, deepBlocks) : text;
  const deepFlows = tooDeepFlows(shallow);
  const readable = deepFlows.length ? blankOut(shallow, deepFlows) : shallow;
  for (const { start } of [...deepBlocks, ...deepFlows].sort((a, b) => a.start - b.start)) error('syntax.too-deep', SYNTAX_MESSAGES.RESOURCE_EXHAUSTION, start, start + 1);
  let docs: Document.Parsed[];
  try {
    // The parser breaks lines at \n only; a lone \r (old Mac line ends) is a line end too, as in LSP positions.
    // The swap keeps every offset, so node ranges still index the original text.
    docs = parseAllDocuments(readable.replace(/\r(?!\n)/g, '\n'), PARSE_OPTIONS) as Document.Parsed[];
  } catch {
    error('syntax', SYNTAX_MESSAGES.IMPOSSIBLE, 0, Math.min(1, text.length));
    return { document: undefined, data: undefined, findings, spliceable: false };
  }
  if (!Array.isArray(docs)) docs = [];
  const document = docs[0];
  for (const extra of docs.slice(1)) {
    const start = extra.range[0];
    const marker = text.startsWith('---', start) ? start : text.lastIndexOf('---', start);
    if (marker < 0 && extra.contents === null) continue;
    const at = marker < 0 ? start : marker;
    error('syntax.multiple-documents', SYNTAX_MESSAGES.MULTIPLE_DOCS, at, at + 3);
  }
  if (!document) return { document, data: undefined, findings, spliceable: false };
  // Only the first structural error is reported (an unclosed quote before it first): the ones after it mostly follow from it (a tab or a missing
  // bracket derails the rest of the file, and 5,000 open brackets give 5,000 errors) and would bury it.
  // The library's warnings (an unknown tag or directive, which it reads as plain text) are not reported.
  const structural = document.errors.length > 0;
  if (structural) {
    const d = firstCause(document.errors, document, text);
    error(d.code, d.message, d.start, d.end);
  }
  // Duplicate keys leave the tree intact, so each of them is reported, with the key it repeats.
  const otherFindings = findings.length;
  const scan = scanTree([document.contents]);
  for (const d of scan.duplicates) findings.push(duplicateFinding(d, text, lines));
  const control = controlCharacter(text);
  if (control) {
    const more = control.count > 1 ? ` (and ${control.count - 1} more)` : '';
    const hex = text.charCodeAt(control.at).toString(16).toUpperCase().padStart(4, '0');
    error('syntax', `control character U+${hex}${more} is not allowed in YAML: the file may be binary or saved in another encoding`, control.at, control.at + 1);
  }
  // A list or map used as a key means nothing in a relationship file, and converting one to data stringifies
  // it, which grows with the cube of its nesting (10,000 "{" took minutes): reported, then left out of the data.
  // A key can also be an alias of a list or a map (`{*a : v}` with `&a {x: 1}`).
  const anchors = anchorIndex(scan);
  const complexKey = firstCollectionKey(scan, anchors);
  if (complexKey && !structural) {
    const [start, end] = complexKey;
    const short = end - start <= 80 && !/[\r\n]/.test(text.slice(start, end));
    error('syntax', 'a key must be plain text, not a list or a map: quote it, or move the list or map into the value', start, short ? end : start + 1);
  }
  let data: unknown;
  try {
    data = (complexKey ? withoutCollectionKeys(document, anchors) : document).toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    // The library's own text is never shown: the kind of failure picks our message and its place.
    const unresolved = anchors.aliases.find((a) => !anchors.target(a));
    if (e instanceof RangeError) {
      const range = anchors.aliases[0]?.range ?? document.range;
      error('syntax.too-deep', SYNTAX_MESSAGES.RESOURCE_EXHAUSTION, range[0], range[1]);
    } else if (unresolved?.range) {
      error('syntax', `the alias "*${unresolved.source}" names no anchor above it: mark the value it repeats with "&${unresolved.source}" before this line, or write the value out`, unresolved.range[0], unresolved.range[1]);
    } else {
      const range = anchors.aliases[0]?.range ?? document.range;
      error('syntax.alias-limit', `aliases expand too far (more than ${MAX_ALIAS_COUNT} copies): write the values out or use fewer aliases`, range[0], range[1]);
    }
    data = undefined;
  }
  // Findings before the repeated keys' are the parser's (too deep, several documents, a structural error).
  const spliceable = otherFindings === 0 && !control && docs.length === 1 && document.warnings.length === 0 && !complexKey && anchors.aliases.length === 0 && !anchors.anchored
    && !/^%/m.test(text) && data !== undefined;
  return { document, data, findings, spliceable };
}

/** C0 and C1 controls other than tab, line feed, carriage return and next line (U+0085). */
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F]/g;

/** The first character YAML forbids outright (C0 and C1 controls other than tab and line breaks), and how many there are. */
export function controlCharacter(text: string): { at: number; count: number } | undefined {
  CONTROL.lastIndex = 0;
  const first = CONTROL.exec(text);
  if (!first) return undefined;
  let count = 1;
  while (CONTROL.exec(text)) count++;
  return { at: first.index, count };
}

interface Anchors {
  /** Every alias, in document order. */
  aliases: Alias[];
  /** Whether any node carries an anchor. */
  anchored: boolean;
  /** The node an alias repeats: the last value anchored with its name before it. */
  target(alias: Alias): Node | undefined;
}

/**
 * The document's anchors, from the walk that found its repeated keys: the library's Alias.resolve walks the whole
 * document for each alias, which many alias keys would make quadratic.
 */
function anchorIndex(scan: TreeScan): Anchors {
  return {
    aliases: scan.aliases,
    anchored: scan.anchored.size > 0,
    target(alias) {
      const at = alias.range?.[0] ?? Infinity;
      const nodes = scan.anchored.get(alias.source) ?? [];
      for (let i = nodes.length - 1; i >= 0; i--) if ((nodes[i].range?.[0] ?? Infinity) < at) return nodes[i];
      return undefined;
    },
  };
}

function isCollectionKey(key: Node | null, anchors: Anchors): boolean {
  return isCollection(key) || (isAlias(key) && isCollection(anchors.target(key)));
}

/** The range of the first key that is a list or a map (or an alias of one), if any. */
function firstCollectionKey(scan: TreeScan, anchors: Anchors): [number, number] | undefined {
  const key = scan.complexKeys.find((k) => isCollectionKey(k, anchors));
  if (!key) return undefined;
  return key.range ? [key.range[0], key.range[1]] : [0, 0];
}

/** A copy of the document without the pairs whose key is a list or a map (a stack overflow here is "too deep"). */
function withoutCollectionKeys(document: Document.Parsed, anchors: Anchors): Document.Parsed {
  // Alias keys are judged in the original: its nodes, not the copy's, are the ones the index knows.
  const aliasKeys = new Set<number>();
  for (const alias of anchors.aliases) if (alias.range && isCollection(anchors.target(alias))) aliasKeys.add(alias.range[0]);
  const copy = document.clone() as Document.Parsed;
  visit(copy, {
    Pair(_key, pair) {
      const key = pair.key as Node | null;
      if (isCollection(key) || (isAlias(key) && key.range && aliasKeys.has(key.range[0]))) return visit.REMOVE;
    },
  });
  return copy;
}
