// Completion from the schema (keys, enum values, snippets, dates) and the model (ids for x-ref fields).
// The position comes from the text around the cursor (the core's textContext), so completion answers on
// the text being typed, parsed or not, without waiting for an analysis; the model lends the ids and may be
// a keystroke or two old.
import { CompletionItemKind, InsertTextFormat, InsertTextMode, type CompletionItem, type CompletionList, type Range } from 'vscode-languageserver';
import { childSchema, deref, isDateSchema, LineIndex, loadCatalog, noun, schemaAt, textContext, type JsonSchema, type Model, type TextContext } from '../core/index';

export interface CompletionSource {
  /** The text, or its line index (made from an earlier text's with LineIndex.edited: a keystroke reads a few characters, not the whole text). */
  text: string | LineIndex;
  offset: number;
  /** The document's latest model, for the ids of x-ref fields. */
  model?: Model;
  /** The date analyses are made for, and the calendar's today (YYYY-MM-DD). */
  asOf: string;
  today: string;
  /** The client takes a shared edit range (CompletionList.itemDefaults.editRange): items then carry only their text. */
  sharedRange?: boolean;
}

export function completions(source: CompletionSource): CompletionList {
  const lines = typeof source.text === 'string' ? new LineIndex(source.text) : source.text;
  // An offset past the line's end (between a \r and its \n) is read as the end of the line.
  const offset = lines.offsetAt(lines.positionAt(source.offset));
  const ctx = textContext(lines, offset);
  const out = new Items({ ...source, offset }, ctx, lines);
  const container = ctx.on === 'none' ? undefined : schemaAt(ctx.container);
  if (container) fill(out, container, ctx);
  return out.list();
}

function fill(out: Items, container: JsonSchema, ctx: TextContext): void {
  switch (ctx.on) {
    case 'key':
      keyItems(out, container, ctx.indent);
      if (ctx.siblings.length === 0 && !ctx.flow) mapSnippets(out, container, ctx.indent);
      break;
    case 'empty':
      if (typeOf(container) === 'array') newItems(out, container, ctx.indent);
      else {
        keyItems(out, container, ctx.indent);
        if (ctx.siblings.length === 0) mapSnippets(out, container, ctx.indent);
      }
      break;
    case 'item': {
      const item = childSchema(container, 0);
      if (!item) break;
      if (typeOf(item) === 'object') {
        if (!ctx.flow) {
          itemSnippets(out, item, ctx.indent, '');
          keyItems(out, item, ctx.indent);
        }
      } else valueItems(out, item, ctx);
      break;
    }
    case 'value': {
      const value = childSchema(container, ctx.key ?? '');
      if (value) valueItems(out, value, ctx);
      break;
    }
  }
}

class Items {
  readonly items: CompletionItem[] = [];
  private readonly range: Range;
  /** Positions are the completed text's own: the document may change while the list is built. */
  constructor(readonly source: CompletionSource, readonly ctx: TextContext, readonly lines: LineIndex) {
    this.range = { start: lines.positionAt(ctx.wordStart), end: lines.positionAt(Math.max(ctx.wordEnd, source.offset)) };
  }

  add(item: Omit<CompletionItem, 'textEdit'>, newText: string, snippet = false): void {
    const text = this.ctx.needsSpace ? ` ${newText}` : newText;
    // With a shared range the label is the text by default: a long list of ids goes out at two thirds its size.
    const out: CompletionItem = !this.source.sharedRange ? { ...item, textEdit: { range: this.range, newText: text } } : text === item.label ? { ...item } : { ...item, textEditText: text };
    if (snippet) out.insertTextFormat = InsertTextFormat.Snippet;
    // Multi-line inserts carry their own absolute indentation.
    if (text.includes('\n')) out.insertTextMode = InsertTextMode.asIs;
    this.items.push(out);
  }

  list(): CompletionList {
    return this.source.sharedRange ? { isIncomplete: false, itemDefaults: { editRange: this.range }, items: this.items } : { isIncomplete: false, items: this.items };
  }
}

function typeOf(schema: JsonSchema | undefined): string | undefined {
  const t = deref(schema)?.type;
  if (Array.isArray(t)) return t.find((x) => x !== 'null');
  if (t) return t;
  if (deref(schema)?.properties) return 'object';
  return undefined;
}

function doc(schema: JsonSchema | undefined): CompletionItem['documentation'] {
  const s = deref(schema);
  const value = s?.markdownDescription ?? s?.description;
  return value ? { kind: 'markdown', value } : undefined;
}

const pad = (n: number): string => ' '.repeat(Math.max(0, n));
const order = (i: number): string => String(i).padStart(3, '0');

// Keys ─────────────────────────────────────────────────────────────────────────────────────────────────

function keyItems(out: Items, schema: JsonSchema, indent: number): void {
  const s = deref(schema);
  if (!s) return;
  const present = new Set(out.ctx.siblings);
  const refKeys = deref(s.propertyNames)?.['x-ref'];
  if (typeof refKeys === 'string') {
    // A map keyed by ids (benefit_split: {party: share}).
    for (const [id, def] of out.source.model?.ids.get(refKeys) ?? []) {
      if (present.has(id)) continue;
      out.add({ label: id, kind: CompletionItemKind.Reference, detail: def.label, sortText: `0_${id}` }, out.ctx.hasColon ? id : `${id}: `);
    }
    return;
  }
  const required = new Set(s.required ?? []);
  Object.entries(s.properties ?? {}).forEach(([key, sub], i) => {
    if (present.has(key) || key.startsWith('x-')) return;
    const child = deref(sub);
    const group = required.has(key) ? '0' : '1';
    const detail = [required.has(key) ? 'required' : undefined, child?.title, describeType(child)].filter(Boolean).join(' · ');
    const insert = keyInsert(out.ctx, key, child, indent);
    out.add({ label: key, kind: CompletionItemKind.Property, detail, documentation: doc(child), sortText: `${group}${order(i)}a`, filterText: key }, insert.text, insert.snippet);
    if (out.ctx.flow || out.ctx.hasColon || !child) return;
    // Whole sections and lists from the schema's snippets.
    for (const snippet of child.defaultSnippets ?? []) {
      if (!isMap(snippet.body)) continue;
      const body = renderEntries(snippet.body, indent + 2).join('\n');
      out.add({ label: key, kind: CompletionItemKind.Snippet, detail: snippet.description ?? snippet.label, documentation: snippetDoc(child, `${key}:\n${body}`), sortText: `${group}${order(i)}b`, filterText: key }, `${key}:\n${body}`, true);
    }
    const item = typeOf(child) === 'array' ? childSchema(child, 0) : undefined;
    for (const snippet of item?.defaultSnippets ?? []) {
      const body = renderItem(snippet.body, indent + 2).join('\n');
      out.add({ label: key, kind: CompletionItemKind.Snippet, detail: `${key} with one ${snippet.label ?? 'item'}`, documentation: snippetDoc(child, `${key}:\n${body}`), sortText: `${group}${order(i)}c`, filterText: key }, `${key}:\n${body}`, true);
    }
  });
}

function describeType(schema: JsonSchema | undefined): string | undefined {
  const t = typeOf(schema);
  if (schema?.enum) return 'one of ' + schema.enum.slice(0, 4).map(String).join(', ') + (schema.enum.length > 4 ? ', …' : '');
  if (typeof schema?.['x-ref'] === 'string') return `${noun(schema['x-ref'])} id`;
  if (isDateSchema(schema)) return 'date';
  if (schema?.['x-evidence-link']) return 'evidence link: a relative path or an https: URL';
  if (t === 'array') {
    const item = childSchema(schema, 0);
    const ref = item?.['x-ref'];
    return typeof ref === 'string' ? `list of ${noun(ref)} ids` : 'list';
  }
  return t === 'object' ? 'map' : t;
}

/** "key: " for a scalar, "key:" and a new indented line for a map or a list; an enum offers its values. */
function keyInsert(ctx: TextContext, key: string, child: JsonSchema | undefined, indent: number): { text: string; snippet: boolean } {
  if (ctx.hasColon) return { text: key, snippet: false };
  if (ctx.flow) return { text: `${key}: `, snippet: false };
  const t = typeOf(child);
  if (t === 'object') return { text: `${key}:\n${pad(indent + 2)}`, snippet: false };
  if (t === 'array') {
    const item = childSchema(child, 0);
    return typeOf(item) === 'object' ? { text: `${key}:\n${pad(indent + 2)}- `, snippet: false } : { text: `${key}: [$1]`, snippet: true };
  }
  const values = child?.enum?.filter((v) => typeof v === 'string') as string[] | undefined;
  if (values?.length) return { text: `${key}: \${1|${values.map(escapeChoice).join(',')}|}`, snippet: true };
  return { text: `${key}: `, snippet: false };
}

/** The snippets of a map itself, in an empty map (the root of an empty file, a principle with no keys yet). */
function mapSnippets(out: Items, schema: JsonSchema, indent: number): void {
  for (const snippet of deref(schema)?.defaultSnippets ?? []) {
    if (!isMap(snippet.body)) continue;
    const text = renderEntries(snippet.body, indent).join('\n').slice(indent);
    out.add({ label: snippet.label ?? 'snippet', kind: CompletionItemKind.Snippet, detail: snippet.description, documentation: snippetDoc(schema, text), sortText: `2${snippet.label ?? ''}` }, text, true);
  }
}

// List items ───────────────────────────────────────────────────────────────────────────────────────────

/** On an empty line of a list: whole items starting with "- ". */
function newItems(out: Items, list: JsonSchema, indent: number): void {
  const item = childSchema(list, 0);
  if (!item) return;
  if (typeOf(item) === 'object') {
    itemSnippets(out, item, indent + 2, '- ');
    out.add({ label: '- ', kind: CompletionItemKind.Snippet, detail: 'a new item', sortText: '9' }, '- ');
    return;
  }
  for (const v of scalarValues(out, item, out.ctx)) out.add({ ...v.item, label: `- ${v.item.label}`, filterText: v.item.label }, `- ${v.text}`);
}

/** An item's snippets, after "- " (prefix '') or with the dash (prefix "- "); `indent` is the item's key column. */
function itemSnippets(out: Items, item: JsonSchema, indent: number, prefix: string): void {
  for (const snippet of deref(item)?.defaultSnippets ?? []) {
    if (!isMap(snippet.body)) continue;
    const text = prefix + renderEntries(snippet.body, indent).join('\n').slice(indent);
    out.add({ label: `${prefix}${snippet.label ?? 'item'}`, kind: CompletionItemKind.Snippet, detail: snippet.description, documentation: snippetDoc(item, text), sortText: `0${snippet.label ?? ''}`, filterText: snippet.label }, text, true);
  }
}

// Values ───────────────────────────────────────────────────────────────────────────────────────────────

interface Value { item: Omit<CompletionItem, 'textEdit'>; text: string }

function valueItems(out: Items, schema: JsonSchema, ctx: TextContext): void {
  const s = deref(schema);
  if (!s) return;
  if (typeOf(s) === 'array' && !ctx.flow) {
    // "approved_by: |" → "[p-sponsor]": a flow list of ids.
    const item = childSchema(s, 0);
    if (typeof item?.['x-ref'] === 'string') for (const v of scalarValues(out, item, ctx)) out.add(v.item, `[${v.text}]`);
    return;
  }
  for (const v of scalarValues(out, s, ctx)) out.add(v.item, v.text);
}

function scalarValues(out: Items, schema: JsonSchema, ctx: TextContext): Value[] {
  const s = deref(schema);
  const values: Value[] = [];
  if (!s) return values;
  const quoted = /^["']/.test(out.lines.text.slice(ctx.wordStart - 1, ctx.wordStart));
  const scalar = (v: string): string => (quoted ? v : yamlScalar(v, ctx.flow));
  if (s.const !== undefined) {
    values.push({ item: { label: JSON.stringify(s.const), kind: CompletionItemKind.Constant, documentation: doc(s) }, text: quoted ? String(s.const) : JSON.stringify(s.const) });
  }
  s.enum?.forEach((v, i) => {
    const label = String(v);
    const description = s.markdownEnumDescriptions?.[i] ?? (s.enumDescriptions as string[] | undefined)?.[i];
    values.push({ item: { label, kind: CompletionItemKind.EnumMember, documentation: description ? { kind: 'markdown', value: description } : undefined, sortText: `0${order(i)}` }, text: typeof v === 'string' ? scalar(v) : label });
  });
  const ref = s['x-ref'];
  if (typeof ref === 'string') {
    const taken = takenIds(out.source.model, ctx);
    for (const [id, def] of out.source.model?.ids.get(ref) ?? []) {
      if (taken.has(id)) continue;
      values.push({ item: { label: id, kind: CompletionItemKind.Reference, detail: def.label, sortText: `1${id}` }, text: scalar(id) });
    }
    for (const allowed of s['x-ref-allow'] ?? []) {
      values.push({ item: { label: allowed, kind: CompletionItemKind.Keyword, detail: `not a ${noun(ref)}: allowed here`, sortText: `2${allowed}` }, text: scalar(allowed) });
    }
  }
  if (isDateSchema(s)) {
    const { today, asOf } = out.source;
    values.push({ item: { label: today, kind: CompletionItemKind.Value, detail: 'today', sortText: '0today' }, text: today });
    if (asOf !== today) values.push({ item: { label: asOf, kind: CompletionItemKind.Value, detail: 'the as-of date (relationship.asOf)', sortText: '1asof' }, text: asOf });
  }
  if (typeOf(s) === 'boolean') for (const b of ['true', 'false']) values.push({ item: { label: b, kind: CompletionItemKind.Value }, text: b });
  if (isWaiverRule(ctx)) {
    for (const [id, { rule, principle }] of loadCatalog().rules) {
      values.push({
        item: { label: id, kind: CompletionItemKind.EnumMember, detail: rule.title, documentation: { kind: 'markdown', value: `**${id}** ${rule.title} (${principle.clause} ${principle.title})\n\n${rule.why}` }, sortText: `0${id}` },
        text: id,
      });
    }
  }
  return values;
}

function isWaiverRule(ctx: TextContext): boolean {
  const p = ctx.path;
  return p.length === 3 && p[0] === 'waivers' && typeof p[1] === 'number' && p[2] === 'rule';
}

/** Ids already listed in the same list (approved_by: [a, b, |] offers neither a nor b). */
function takenIds(model: Model | undefined, ctx: TextContext): Set<string> {
  const taken = new Set<string>();
  if (!model || ctx.on !== 'item') return taken;
  const list = ctx.container;
  for (const r of model.references) {
    if (r.path.length !== list.length + 1 || r.path[list.length] === ctx.index) continue;
    if (list.every((seg, i) => r.path[i] === seg)) taken.add(r.id);
  }
  return taken;
}

function snippetDoc(schema: JsonSchema | undefined, text: string): CompletionItem['documentation'] {
  const description = deref(schema)?.markdownDescription ?? '';
  const preview = text.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{\d+\|([^,|}]*)[^}]*\}/g, '$1').replace(/\$\d+/g, '');
  return { kind: 'markdown', value: `${description}\n\n\`\`\`yaml\n${preview}\n\`\`\`` };
}

// Rendering snippet bodies as YAML block text ─────────────────────────────────────────────────────────

function isMap(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** Lines of `key: value` at an absolute indentation; placeholders (${1:…}) are kept. */
export function renderEntries(body: Record<string, unknown>, indent: number): string[] {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (isMap(value)) {
      if (Object.keys(value).length === 0) lines.push(`${pad(indent)}${key}: {}`);
      else lines.push(`${pad(indent)}${key}:`, ...renderEntries(value, indent + 2));
    } else if (Array.isArray(value)) {
      if (value.length === 0) lines.push(`${pad(indent)}${key}: []`);
      else if (value.every((v) => !isMap(v) && !Array.isArray(v))) lines.push(`${pad(indent)}${key}: [${value.map((v) => snippetScalar(v, true)).join(', ')}]`);
      else lines.push(`${pad(indent)}${key}:`, ...value.flatMap((v) => renderItem(v, indent + 2)));
    } else {
      lines.push(`${pad(indent)}${key}: ${snippetScalar(value, false)}`);
    }
  }
  return lines;
}

/** A list item "- …" at `indent` (the dash's column). */
export function renderItem(value: unknown, indent: number): string[] {
  if (isMap(value)) {
    const lines = renderEntries(value, indent + 2);
    if (lines.length === 0) return [`${pad(indent)}- {}`];
    lines[0] = `${pad(indent)}- ${lines[0].trimStart()}`;
    return lines;
  }
  return [`${pad(indent)}- ${snippetScalar(value, false)}`];
}

function snippetScalar(value: unknown, flow: boolean): string {
  if (typeof value !== 'string') return value === null || value === undefined ? 'null' : String(value);
  // Quote by what the author will see once the placeholders are filled with their defaults.
  const shown = value.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{\d+\}|\$\d+/g, 'x');
  return needsQuotes(shown, flow) ? `"${value.replace(/"/g, '\\"')}"` : value;
}

/** A YAML scalar for plain text: quoted when a plain scalar would read differently. */
export function yamlScalar(value: string, flow: boolean): string {
  return needsQuotes(value, flow) ? JSON.stringify(value) : value;
}

function needsQuotes(s: string, flow: boolean): boolean {
  if (s === '' || s !== s.trim()) return true;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(s)) return true;
  if (/: |\s#|:$/.test(s)) return true;
  if (flow && /[,[\]{}]/.test(s)) return true;
  if (/^(true|false|yes|no|on|off|null|~|y|n)$/i.test(s)) return true;
  return /^[-+]?(\.\d+|\d[\d_]*(\.\d*)?)([eE][-+]?\d+)?$|^0x[0-9a-f]+$|^0o[0-7]+$|^[-+]?\.(inf|nan)$/i.test(s);
}

function escapeChoice(v: string): string {
  return v.replace(/[\\$}|,]/g, '\\$&');
}
