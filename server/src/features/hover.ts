// Hover: a principle key shows its rules and their state; a reference shows the item it points at; a waiver's
// rule shows that rule; any other key or value shows its description from the schema. Markdown, with every
// string taken from the document escaped.
import type { Hover, Position } from 'vscode-languageserver';
import { deref, escapeMarkdown, loadCatalog, nodeAt, notCountedText, noun, resultWindow, sameItems, schemaAt, STATE_GLYPHS, STATUS_GLYPHS, type Analysis, type IdDefinition, type IdReference, type NodeAt, type PrincipleCoverage, type RuleResult } from '../core/index';
import { codeSpan, contains } from './convert';

export function hover(analysis: Analysis, position: Position): Hover | null {
  const hit = nodeAt(analysis, position);
  if (!hit) return null;
  const value = principleHover(analysis, hit) ?? waiverRuleHover(analysis, hit) ?? referenceHover(analysis, hit, position) ?? fieldDescription(hit);
  return value ? { contents: { kind: 'markdown', value }, range: hit.range } : null;
}

/** "⚠ partial": the editor's glyph and the status's words. */
function statusText(status: PrincipleCoverage['status']): string {
  return `${STATUS_GLYPHS[status].editor} ${STATUS_GLYPHS[status].label.toLowerCase()}`;
}

function principleHover(analysis: Analysis, hit: NodeAt): string | undefined {
  if (hit.on !== 'key' || hit.path.length !== 2 || hit.path[0] !== 'principles') return undefined;
  const p = analysis.coverage.principles.find((x) => x.id === hit.path[1]);
  if (!p) return undefined;
  const stage = analysis.coverage.stageKnown ? `*${analysis.coverage.stage}*` : 'unknown';
  const score = p.counted > 0 ? `**${p.met}/${p.counted}** counted rules met` : `no rule counts yet at stage ${stage}`;
  return [
    `**${p.clause} · ${p.title}** — ${statusText(p.status)} · ${score}`,
    p.summary,
    p.rules.map((r) => `- ${ruleLine(r)}  \n  *${r.why}*`).join('\n'),
  ].join('\n\n');
}


function ruleLine(r: RuleResult): string {
  const clause = r.iso44001 ? ` · ISO 44001 ${r.iso44001}` : '';
  const head = `${STATE_GLYPHS[r.state].editor} **${r.id}** ${r.title}${clause}`;
  switch (r.state) {
    case 'met':
      return head;
    case 'unmet':
      return r.detail ? `${head} — ${escapeMarkdown(r.detail)}` : head;
    case 'not_yet_required':
    case 'no_longer_required':
      return `${head} — ${notCountedText(r.state, resultWindow(r))}`;
    case 'unknown':
      return `${head} — unknown: the data it reads does not parse, has the wrong type, or the stage cannot be read; fix that error first`;
    case 'waived': {
      const w = r.waiver;
      if (!w) return `${head} — waived`;
      const until = w.expires ? ` until ${escapeMarkdown(w.expires)}` : '';
      const by = w.approvedBy ? ` (approved by ${codeSpan(w.approvedBy)}${w.approvedOn ? ` on ${escapeMarkdown(w.approvedOn)}` : ''})` : '';
      return `${head} — waived${until}: ${escapeMarkdown(w.reason)}${by}`;
    }
  }
}

function ruleResult(analysis: Analysis, id: string): RuleResult | undefined {
  for (const p of analysis.coverage.principles) for (const r of p.rules) if (r.id === id) return r;
  return undefined;
}

function waiverRuleHover(analysis: Analysis, hit: NodeAt): string | undefined {
  const p = hit.path;
  if (hit.on !== 'value' || p.length !== 3 || p[0] !== 'waivers' || p[2] !== 'rule') return undefined;
  const id = scalarText(hit);
  const spec = id === undefined ? undefined : (analysis.catalog ?? loadCatalog()).rules.get(id);
  if (!spec || id === undefined) return undefined;
  const result = ruleResult(analysis, id);
  return [
    `**${id}** ${spec.rule.title} — rule of **${spec.principle.clause} · ${spec.principle.title}**${spec.rule.iso44001 ? ` · evidences ISO 44001 clause ${spec.rule.iso44001}` : ''}`,
    `*${spec.rule.why}*`,
    result ? `Now: ${ruleLine(result)}` : undefined,
  ].filter(Boolean).join('\n\n');
}

function referenceHover(analysis: Analysis, hit: NodeAt, position: Position): string | undefined {
  const ref = analysis.model.references.find((r) => contains(r.range, position) && sameItems(r.path, hit.path));
  if (ref) return [pointedAt(analysis, ref), fieldDescription(hit)].filter(Boolean).join('\n\n---\n\n');
  const def = hit.on === 'value' ? analysis.model.definitions.find((d) => contains(d.range, position)) : undefined;
  if (def) {
    const uses = analysis.model.references.filter((r) => r.collection === def.collection && r.id === def.id).length;
    const head = `**${noun(def.collection)}** ${codeSpan(def.id)}${def.label ? ` — ${escapeMarkdown(def.label)}` : ''}`;
    return `${head}\n\nReferenced ${uses === 1 ? 'once' : `${uses} times`} in this file.`;
  }
  return undefined;
}

function pointedAt(analysis: Analysis, ref: IdReference): string {
  const what = noun(ref.collection);
  const def = analysis.model.ids.get(ref.collection)?.get(ref.id);
  if (!def) return `**${what}** ${codeSpan(ref.id)} is not defined in ${codeSpan(ref.collection)}.`;
  const head = `**${what}** ${codeSpan(def.id)}${def.label ? ` — ${escapeMarkdown(def.label)}` : ''}`;
  const fields = itemFields(analysis, def).map(([k, v]) => `- ${k}: ${escapeMarkdown(v)}`);
  return [head, fields.join('\n'), `Defined on line ${def.range.start.line + 1}.`].filter(Boolean).join('\n\n');
}

/** A couple of the item's own scalar fields, beside its id and label. */
function itemFields(analysis: Analysis, def: IdDefinition): [string, string][] {
  let item: unknown = analysis.data;
  for (const seg of def.path) item = item && typeof item === 'object' ? (item as Record<string | number, unknown>)[seg] : undefined;
  if (!item || typeof item !== 'object') return [];
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(item as Record<string, unknown>)) {
    if (k === 'id' || String(v) === def.label || (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean')) continue;
    out.push([k, String(v)]);
    if (out.length === 3) break;
  }
  return out;
}

function fieldDescription(hit: NodeAt): string | undefined {
  const schema = deref(schemaAt(hit.path));
  if (!schema) return undefined;
  const description = schema.markdownDescription ?? schema.description;
  const parts = [description];
  if (hit.on === 'value' && schema.enum) {
    const value = scalarText(hit);
    const i = schema.enum.findIndex((v) => String(v) === value);
    const text = i >= 0 ? schema.markdownEnumDescriptions?.[i] ?? (schema.enumDescriptions as string[] | undefined)?.[i] : undefined;
    if (value !== undefined && text) parts.push(`${codeSpan(value)}: ${text}`);
  }
  const out = parts.filter(Boolean).join('\n\n');
  return out || undefined;
}

function scalarText(hit: NodeAt): string | undefined {
  const v = (hit.node as { value?: unknown }).value;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}
