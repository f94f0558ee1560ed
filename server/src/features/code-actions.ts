// Quick fixes for the findings under the cursor. Each one is a real edit: the core's suggestions (unknown
// key, enum value, unresolved reference), a missing required key, placeholder evidence from the schema's
// snippets, or a waiver. A finding with no sound fix gets no action rather than a no-op one.
import { isMap, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import {
  bump, checkContext, findingKey, checks, evaluate, fillFor, findPair, isBlank, loadCatalog, parsePath, placeholder, rootSchema, rulesUnder, schemaAt, select,
  staticSegments, strings, toDay, valueAt, walk, type Analysis, type Fill, type Finding, type Path, type RuleSpec,
} from '../core/index';
import { fixKind } from '../protocol';
import { lspTextEdit } from './convert';
import type { DiagnosticData } from './diagnostics';
import { YamlEdits, type RenderOptions } from './yaml-edit';

export function codeActions(analysis: Analysis, uri: string, _range: Range, diagnostics: Diagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  const fixer = new Fixer(analysis);
  let byKey: Map<string, Finding> | undefined;
  for (const diagnostic of diagnostics) {
    const key = (diagnostic.data as Partial<DiagnosticData> | undefined)?.key;
    if (typeof key !== 'string') continue;
    byKey ??= new Map(analysis.findings.map((f) => [findingKey(f), f]));
    const finding = byKey.get(key);
    if (!finding) continue; // a diagnostic of an older version: its edits would land in the wrong place
    for (const fix of fixer.fixes(finding)) {
      out.push({
        title: fix.title,
        kind: fix.kind ?? CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.preferred || undefined,
        edit: { changes: { [uri]: fix.edits } },
      });
    }
  }
  return out;
}

/** A fix; `kind` (see fixKind) marks the ones that complete evidence, so the preview's Fix button finds them. */
interface Fix { title: string; edits: TextEdit[]; preferred?: boolean; kind?: string }

/** Builds the fixes of one analysis; shares the editor and the fill values between findings. */
class Fixer {
  private readonly doc: Document.Parsed | undefined;
  private readonly edits: YamlEdits;
  private fillCache: Fill | undefined;

  constructor(private readonly analysis: Analysis) {
    this.doc = analysis.document;
    this.edits = new YamlEdits(analysis.lines, this.doc?.contents as Node | null | undefined);
  }

  /** What the checks see of `data` (the analysed document's by default) at the analysis's as-of date. */
  private context(data: unknown = this.analysis.data): ReturnType<typeof checkContext> {
    return checkContext((data ?? {}) as Record<string, unknown>, toDay(this.analysis.coverage.asOf) ?? 0);
  }

  private get fill(): Fill {
    this.fillCache ??= fillFor(this.analysis);
    return this.fillCache;
  }

  fixes(finding: Finding): Fix[] {
    const out: Fix[] = [];
    for (const fix of finding.fixes ?? []) {
      const edits = fix.edits.filter((e) => e.newText !== this.textAt(e.range));
      if (edits.length) out.push({ title: fix.title, edits: edits.map(lspTextEdit), preferred: fix.preferred });
    }
    // A file that does not parse cleanly has no reliable tree to insert into.
    if (!this.doc || this.doc.errors.length || !isMap(this.doc.contents)) return out;
    const add = (fix: Fix | undefined) => {
      if (fix) out.push(fix);
    };
    if (finding.code === 'schema.required') add(this.requiredKey(finding));
    else if (finding.code === 'evidence.missing-principle' && finding.principle) add(kinded(this.principleSection(finding.principle), fixKind('section', finding.principle)));
    else if (finding.code.startsWith('evidence.') && finding.rule) {
      add(kinded(this.evidence(finding.rule), fixKind('evidence', finding.rule)));
      add(kinded(this.waiver(finding.rule), fixKind('waiver', finding.rule)));
    }
    return out;
  }

  private textAt(range: Range): string {
    const lines = this.analysis.lines;
    return lines.text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
  }

  /** schema.required: the key, with a placeholder value, in the map that lacks it (the finding's path says both). */
  private requiredKey(finding: Finding): Fix | undefined {
    const key = finding.path?.at(-1);
    if (typeof key !== 'string') return undefined;
    const mapPath = finding.path!.slice(0, -1);
    const steps = walk(this.doc, mapPath);
    const map = mapPath.length === 0 ? (this.doc!.contents as Node) : steps.length === mapPath.length ? steps[steps.length - 1].value : undefined;
    if (!isMap(map) || findPair(map.items as Pair<Node, Node>[], key)) return undefined;
    const keyPath = [...mapPath, key];
    const value = placeholder(keyPath, this.fill, rulesUnder(keyPath));
    if (value === null || value === undefined) return undefined; // e.g. a reference with nothing to point at yet
    return { title: `Add the missing key "${key}"`, edits: [this.edits.insertPair(map, key, value, { before: nextSibling(map, mapPath, key) })], preferred: true };
  }

  /** evidence.missing-principle: the principle's whole section under principles. */
  private principleSection(principle: string): Fix | undefined {
    const path = ['principles', principle];
    const edit = this.insert(path, placeholder(path, this.fill, rulesUnder(path)));
    return edit && { title: `Add the "${principle}" section with placeholders`, edits: [edit], preferred: true };
  }

  /** evidence.<RULE>: the first missing part of the rule's path, with placeholders that satisfy it. */
  private evidence(ruleId: string): Fix | undefined {
    // The rules the file was checked with: an organisation's rule gets its fix from its check kind too.
    const entry = (this.analysis.catalog ?? loadCatalog()).rules.get(ruleId);
    if (!entry) return undefined;
    const rule = entry.rule;
    for (const spec of rule.checks) {
      const path = staticSegments(spec);
      // A rule that reads another principle's section (CB2 reads the governance bodies) wants records of its
      // own, which placeholders there would not give.
      if (path[0] === 'principles' && path[1] !== entry.principle.id) continue;
      const fix = this.scaffold(rule, path);
      if (fix) return fix;
    }
    for (const spec of rule.checks) {
      const list = checks.get(spec.check)?.appendsTo?.(spec.args);
      if (list !== undefined) return this.appendStage(list, rule);
    }
    return this.missingFields(rule) ?? this.missingKinds(rule);
  }

  /**
   * An includes rule whose list lacks a kind (no exit risk, no relationship KPI): one new item per missing
   * value ("list[*].field"), or the values added to the first item's list ("list[*].values[*]").
   */
  private missingKinds(rule: RuleSpec): Fix | undefined {
    const spec = rule.checks.find((s) => checks.get(s.check)?.wants);
    if (!spec) return undefined;
    // "list[*].key" or "list[*].key[*]": a list of maps, one key read from each.
    const star = spec.segments.indexOf('*');
    const tail = spec.segments.slice(star + 1);
    const shaped = star > 0 && tail[0] !== undefined && tail[0] !== '*' && (tail.length === 1 || (tail.length === 2 && tail[1] === '*'));
    if (!shaped) return undefined;
    const listPath = spec.segments.slice(0, star);
    const key = tail[0];
    const intoFirst = tail.length === 2;
    const list = walk(this.doc, listPath).at(-1)?.value;
    const items = valueAt(this.analysis.data, listPath);
    if (!isSeq(list) || !Array.isArray(items) || walk(this.doc, listPath).length !== listPath.length) return undefined;
    const have = new Set(items.flatMap((item) => strings((item as Record<string, unknown> | null)?.[key])));
    const missing = (checks.get(spec.check)?.wants?.(spec.args, this.context()) ?? []).filter((v) => !have.has(v));
    if (missing.length === 0) return undefined;
    let edit: TextEdit | undefined;
    let data: unknown;
    if (intoFirst) {
      // The values go into the first item's own list.
      const first = list.items[0];
      const inner = isMap(first) ? (first.items as Pair<Node, Node>[]).find((p) => isScalar(p.key) && String(p.key.value) === key) : undefined;
      const current = strings((items[0] as Record<string, unknown> | null)?.[key]);
      if (!isMap(first)) return undefined;
      if (!inner) edit = this.edits.insertPair(first, key, missing);
      else if (isSeq(inner.value)) edit = this.edits.appendItems(inner.value, missing);
      else if (isEmpty(inner.value)) edit = this.edits.setValue(inner.key, inner.value, missing, { inFlow: !!first.flow });
      data = setIn(this.analysis.data, [...listPath, 0, key], [...current, ...missing]);
    } else {
      const taken = new Set(items.map((item) => String((item as Record<string, unknown> | null)?.id)));
      const added = missing.map((value, i) => {
        // The rule shapes the new item too (an own-party entry names a person of that party).
        const item = placeholder([...listPath, items.length + i], this.fill, [rule]);
        if (!item || typeof item !== 'object' || Array.isArray(item)) return { [key]: value };
        const obj = { ...(item as Record<string, unknown>), [key]: value };
        if (typeof obj.id === 'string') {
          while (taken.has(obj.id as string)) obj.id = bump(obj.id as string);
          taken.add(obj.id as string);
        }
        return obj;
      });
      edit = this.edits.appendItems(list, added);
      data = setIn(this.analysis.data, listPath, [...items, ...added]);
    }
    if (!edit || !this.holdsOn(rule, data)) return undefined;
    return { title: `Add ${missing.map((m) => `"${m}"`).join(' and ')} to ${listPath[listPath.length - 1]} with placeholders for ${rule.id} ${rule.title}`, edits: [edit], preferred: true };
  }

  /**
   * The fields a rule reads that are blank in the maps it checks (a KPI without a unit, a programme without
   * a cadence, a value item without its benefit split): added to every such map at once, so the rule is met
   * rather than its finding moved on to the next item.
   */
  private missingFields(rule: RuleSpec): Fix | undefined {
    const wanted = new Map<string, { path: Path; fields: Set<string> }>();
    for (const spec of rule.checks) {
      const reads = checks.get(spec.check)?.fieldsRead?.(spec) ?? fieldOfItems(spec.segments);
      if (!reads) continue;
      for (const target of select(this.analysis.data, reads.segments)) {
        const obj = target.value as Record<string, unknown>;
        if (!target.exists || !obj || typeof obj !== 'object' || Array.isArray(obj)) continue;
        if (!Object.entries(reads.where).every(([k, v]) => strings(v).includes(String(obj[k])))) continue;
        const blank = reads.fields.filter((f) => isBlank(obj[f]));
        if (blank.length === 0) continue;
        const key = JSON.stringify(target.path);
        const entry = wanted.get(key) ?? { path: target.path, fields: new Set<string>() };
        for (const f of blank) entry.fields.add(f);
        wanted.set(key, entry);
      }
    }
    let data = this.analysis.data;
    const edits: TextEdit[] = [];
    const added = new Set<string>();
    for (const { path, fields } of wanted.values()) {
      const node = walk(this.doc, path).at(-1)?.value;
      const obj = valueAt(data, path) as Record<string, unknown>;
      // Merge keys and the like make the data differ from the map as written: leave those alone.
      if (!isMap(node) || node.items.length !== Object.keys(obj).length) return undefined;
      const entries: [string, unknown][] = [];
      for (const f of fields) {
        const value = placeholder([...path, f], this.fill);
        if (value === null || value === undefined) return undefined; // a reference with nothing to point at
        data = setIn(data, [...path, f], value);
        added.add(f);
        const pair = (node.items as Pair<Node, Node>[]).find((p) => isScalar(p.key) && String(p.key.value) === f);
        if (!pair) {
          entries.push([f, value]);
          continue;
        }
        // `unit:` with nothing after it: fill it in rather than add the key twice.
        const edit = isEmpty(pair.value) ? this.edits.setValue(pair.key, pair.value, value, { inFlow: !!node.flow }) : undefined;
        if (!edit) return undefined;
        edits.push(edit);
      }
      if (entries.length) edits.push(this.edits.insertPairs(node, entries));
    }
    if (edits.length === 0 || !this.holdsOn(rule, data)) return undefined;
    const what = [...added].map((f) => `"${f}"`).join(', ');
    const count = wanted.size > 1 ? ` to ${wanted.size} items` : '';
    return { title: `Add ${what} with placeholders${count} for ${rule.id} ${rule.title}`, edits, preferred: true };
  }

  private scaffold(rule: RuleSpec, path: string[]): Fix | undefined {
    if (path.length === 0) return undefined;
    const steps = walk(this.doc, path);
    if (steps.length === path.length && !isEmpty(steps[steps.length - 1].value)) return undefined;
    // Insert from the first missing (or empty) part down: a missing rmp gets the whole rmp, not just the field.
    const present = steps.length > 0 && isEmpty(steps[steps.length - 1].value) ? steps.length - 1 : steps.length;
    const target = path.slice(0, present + 1);
    const value = placeholder(target, this.fill, rulesUnder(target));
    // Offered only when the placeholders meet the rule (BO4 needs a KPI to point at first).
    if (!this.holds(rule, target, value)) return undefined;
    const edit = this.insert(target, value);
    return edit && { title: `Add "${target[target.length - 1]}" with placeholders for ${rule.id} ${rule.title}`, edits: [edit], preferred: true };
  }

  /** RM4: a stage_history entry for the current stage (or the list, when there is none). */
  private appendStage(list: string, rule: RuleSpec): Fix | undefined {
    const path = parsePath(list);
    const steps = walk(this.doc, path);
    const node = steps.length === path.length ? steps[steps.length - 1].value : undefined;
    if (!isSeq(node)) return this.scaffold(rule, path);
    const item = placeholder([...path, node.items.length], this.fill);
    const current = valueAt(this.analysis.data, path);
    if (!this.holds(rule, path, [...(Array.isArray(current) ? current : []), item])) return undefined;
    return { title: `Add a ${path[path.length - 1]} entry for "${this.fill.stage}"`, edits: [this.edits.appendItem(node, item)], preferred: true };
  }

  /** Whether the rule is met once `value` stands at `path`: checked on the data, without parsing again. */
  private holds(rule: RuleSpec, path: Path, value: unknown): boolean {
    return this.holdsOn(rule, setIn(this.analysis.data, path, value));
  }

  private holdsOn(rule: RuleSpec, data: unknown): boolean {
    return evaluate(rule, this.context(data)).met;
  }

  /** A waiver for a rule that counts and is unmet: reason and expiry to be confirmed by the approver. */
  private waiver(ruleId: string): Fix | undefined {
    const state = this.analysis.coverage.principles.flatMap((p) => p.rules).find((r) => r.id === ruleId)?.state;
    const approver = this.fill.allPeople[0];
    if (state !== 'unmet' || approver === undefined) return undefined;
    const item = { rule: ruleId, reason: 'TODO: why', approved_by: approver, expires: this.fill.later };
    const steps = walk(this.doc, ['waivers']);
    const node = steps[0]?.value ?? null;
    let edit: TextEdit | undefined;
    if (steps.length === 1 && isSeq(node)) edit = this.edits.appendItem(node, item, { flowItems: true });
    else if (steps.length === 1 && isEmpty(node)) edit = this.insert(['waivers'], [item], { flowItems: true });
    else if (steps.length === 0) edit = this.insert(['waivers'], [item], { flowItems: true });
    return edit && { title: `Waive ${ruleId} until ${this.fill.later} (approved by ${approver}; give the reason)`, edits: [edit] };
  }

  /** Puts a value at a path whose last key is missing or empty: into the nearest map, in schema order. */
  private insert(path: Path, value: unknown, options: RenderOptions = {}): TextEdit | undefined {
    if (value === null || value === undefined) return undefined;
    const steps = walk(this.doc, path);
    const last = steps[steps.length - 1];
    const holder = steps.length >= 2 ? steps[steps.length - 2].value : (this.doc!.contents as Node);
    const inFlow = (isMap(holder) || isSeq(holder)) && !!holder.flow;
    if (steps.length === path.length) return isEmpty(last.value) ? this.edits.setValue(last.key, last.value, value, { ...options, inFlow }) : undefined;
    if (steps.length > 0 && isEmpty(last.value)) return this.edits.setValue(last.key, last.value, nest(path.slice(steps.length), value), { ...options, inFlow });
    const parent = steps.length === 0 ? (this.doc!.contents as Node) : last.value;
    if (!isMap(parent)) return undefined;
    const key = String(path[steps.length]);
    const parentPath = path.slice(0, steps.length);
    return this.edits.insertPair(parent, key, nest(path.slice(steps.length + 1), value), { ...options, before: nextSibling(parent, parentPath, key) });
  }
}

function kinded(fix: Fix | undefined, kind: string): Fix | undefined {
  return fix && { ...fix, kind };
}

/** A path "list[*].field" reads one field of every item, whatever its kind. */
function fieldOfItems(segments: string[]): { segments: string[]; fields: string[]; where: Record<string, unknown> } | undefined {
  const field = segments.at(-1);
  return segments.length >= 3 && segments.at(-2) === '*' && field !== '*' && field !== undefined ? { segments: segments.slice(0, -1), fields: [field], where: {} } : undefined;
}

/** Nothing there yet: no value, null, an empty string or an empty list (an empty map takes keys instead). */
function isEmpty(node: Node | null | undefined): boolean {
  return !node || (isScalar(node) && (node.value === null || node.value === '')) || (isSeq(node) && node.items.length === 0);
}

/** A copy of `data` with `value` at `path`: only the maps and lists on the way are copied. */
function setIn(data: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const base = Array.isArray(data) ? [...data] : data && typeof data === 'object' ? { ...(data as Record<string, unknown>) } : typeof head === 'number' ? [] : {};
  const container = base as Record<string | number, unknown>;
  container[head] = setIn(container[head], rest, value);
  return base;
}

function nest(path: Path, value: unknown): unknown {
  return path.reduceRight<unknown>((v, key) => ({ [key]: v }), value);
}

/** The first key already in the map that the schema orders after `key`: a new key goes before it. */
function nextSibling(map: YAMLMap, path: Path, key: string): string | undefined {
  const order = Object.keys((path.length === 0 ? rootSchema : schemaAt(path))?.properties ?? {});
  const at = order.indexOf(key);
  if (at < 0) return undefined;
  const keys = (map.items as Pair<Node, Node>[]).map((p) => (isScalar(p.key) ? String(p.key.value) : ''));
  return keys.find((k) => order.indexOf(k) > at);
}
