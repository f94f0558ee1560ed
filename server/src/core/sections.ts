// After a structural syntax error the parser's tree is its best guess: a tab in metadata can swallow every
// section after it. Each top-level section (and, when principles is the broken one, each principle) is read
// again on its own, so an error costs only the section it stands in; the sections that do not parse alone are
// named, so the rules reading them are "unknown" rather than judged on what the guess left.
import { parseDocument } from 'yaml';
import { MAX_ALIAS_COUNT } from './parse';
import type { Path } from './types';

export interface Recovered {
  /** The sections that parse on their own, merged. */
  data: Record<string, unknown>;
  /** The sections that do not: ["metadata"], ["principles", "exit_strategy"]; [] for the whole file. */
  broken: Path[];
}

/** A key at the start of a line, the only shape a section of this format has (quoted or not). */
const KEY_LINE = /^(["']?)([A-Za-z_][\w-]*)\1[ \t]*:(?:[ \t]|$)/;

interface Chunk { key: string; text: string }

/** Lines grouped by the keys at `indent` spaces that start them; what comes before the first key is dropped. */
function chunks(lines: string[], indent: number): Chunk[] {
  const out: Chunk[] = [];
  const pad = ' '.repeat(indent);
  for (const line of lines) {
    const m = line.startsWith(pad) && line[indent] !== ' ' && line[indent] !== '\t' ? KEY_LINE.exec(line.slice(indent)) : null;
    if (m) out.push({ key: m[2], text: line });
    else if (out.length) out[out.length - 1].text += '\n' + line;
  }
  return out;
}

/** The chunk as data, when it parses alone to a map holding its own key; undefined otherwise. */
function readAlone(chunk: Chunk): Record<string, unknown> | undefined {
  try {
    const doc = parseDocument(chunk.text, { uniqueKeys: false, logLevel: 'silent', prettyErrors: false });
    if (doc.errors.length) return undefined;
    const data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown;
    if (!data || typeof data !== 'object' || Array.isArray(data) || !Object.hasOwn(data, chunk.key)) return undefined;
    return data as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

export function recoverSections(text: string): Recovered {
  const lines = text.split(/\r\n|\r|\n/);
  const data: Record<string, unknown> = {};
  const broken: Path[] = [];
  const top = chunks(lines, 0);
  if (top.length === 0) return { data, broken: [[]] };
  for (const chunk of top) {
    const alone = readAlone(chunk);
    if (alone) {
      Object.assign(data, alone);
      continue;
    }
    if (chunk.key !== 'principles') {
      broken.push([chunk.key]);
      continue;
    }
    const inner = chunk.text.split('\n').slice(1);
    const first = inner.find((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
    const indent = first ? first.length - first.trimStart().length : 0;
    const parts = indent > 0 && !/^principles[ \t]*:[ \t]*[^\s#]/.test(chunk.text) ? chunks(inner, indent) : [];
    if (parts.length === 0) {
      broken.push(['principles']);
      continue;
    }
    const principles: Record<string, unknown> = {};
    for (const part of parts) {
      const value = readAlone(part);
      if (value) Object.assign(principles, value);
      else broken.push(['principles', part.key]);
    }
    data.principles = principles;
  }
  return { data, broken };
}
