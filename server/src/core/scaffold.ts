// PURE. A new relationship file for a lifecycle stage, built from the schema's defaultSnippets (the same bodies
// completion offers) and the principle catalog: the principle sections whose rules count at that stage.
// The result is clean for its stage (no error, no warning) on the day it is written and for 90 days after: its
// placeholders are obvious and distinct, its cadences are ones a new relationship can keep for a quarter, it holds
// no field that only later stages read (no joint plan in an awareness file), and it links no evidence file (the
// author adds the links when the documents exist; a link a counted rule requires is an example.com placeholder).
import { stringify } from 'yaml';
import { analyze } from './analyze';
import { loadCatalog, stageIndex, staticSegments, type RuleSpec } from './catalog';
import { cadenceDays, fromDay, pastDateKeys, toDay } from './dates';
import { CURRENT_VERSION } from './migrate';
import { readPatterns, reads, type ReadPattern } from './rule-reads';
import { schemaAt } from './schema';
import type { Path, Stage } from './types';

export interface ScaffoldOptions {
  /**
   * YYYY-MM-DD: dates of things that happened become this day (records start "today"); dates ahead (next review,
   * due dates) a year later. Default: the snippets' dates.
   */
  asOf?: string;
}

type Data = Record<string, unknown>;

/** The file's text: a comment saying what to do next, then the YAML. */
export function scaffold(stage: Stage, options: ScaffoldOptions = {}): string {
  const header = `# A new relationship at stage ${stage}. Replace the placeholder values, then run "rac check" for what is still missing.\n`;
  return header + stringify(scaffoldData(stage, options), { lineWidth: 0 });
}

export function scaffoldData(stage: Stage, options: ScaffoldOptions = {}): Data {
  const root = snippet([]);
  // A relationship at exit is exiting: the status the exit records (EX10, EX11) count in, and the one
  // stage.status-mismatch expects there.
  const metadata = { ...snippet(['metadata']), lifecycle_stage: stage, ...(stage === 'exit' ? { status: 'exiting' } : {}) };
  const parties = Array.isArray(root.parties) ? root.parties : [];
  const people = Array.isArray(root.people) ? [...root.people] : [];
  const principles: Data = {};
  const current = stageIndex(stage);
  for (const p of loadCatalog().principles) {
    if (!p.evidence.some((r) => stageIndex(r.from_stage) <= current)) continue;
    const section = snippet(['principles', p.id]);
    if (Object.keys(section).length) principles[p.id] = section;
  }
  addLateFields(principles, current);
  // The history's last stage must be the file's stage (RM4), whatever stage the snippet shows.
  const history = (principles.relationship_management as Data | undefined)?.stage_history;
  if (Array.isArray(history)) for (const entry of history) if (entry && typeof entry === 'object') (entry as Data).stage = stage;

  const data: Data = { schema_version: root.schema_version ?? CURRENT_VERSION, metadata, parties, people, principles };
  const rules = [...loadCatalog().rules.values()].map((r) => r.rule);
  const counted = rules.filter((r) => stageIndex(r.from_stage) <= current).flatMap(readPatterns);
  dropLaterFields(data, rules, counted);
  if (options.asOf) replaceDates(data, options.asOf);
  resolveReferences(data, options.asOf ?? '2026-01-01');
  freshStart(data, options.asOf ?? '2026-01-01', counted);
  return data;
}

/**
 * A field that only a later stage asks for (the exit activation record, the evaluation after closing) stays out of
 * its section's snippet, where every earlier stage would inherit it: the template of a stage where such a rule
 * counts adds the field's own snippet, to fill in when the status comes to need it.
 */
function addLateFields(principles: Data, current: number): void {
  for (const p of loadCatalog().principles) {
    for (const rule of p.evidence) {
      if (stageIndex(rule.from_stage) > current) continue;
      const path = staticSegments(rule.checks[0]);
      const key = path[path.length - 1];
      const section = principles[path[1]];
      if (path[0] !== 'principles' || path.length !== 3 || !section || typeof section !== 'object' || key in section) continue;
      const body = schemaAt(path)?.defaultSnippets?.[0]?.body;
      if (body !== undefined) (section as Data)[key] = expandSnippet(body);
    }
  }
}

/** Whether a pattern reads something at or below `path` (a rule reading joint_rmp.approved_by reads joint_rmp). */
function readsUnder(pattern: ReadPattern, path: Path): boolean {
  return path.every((seg, i) => pattern.segments[i] === seg);
}

/**
 * The metadata fields and principle keys that only rules counting at later stages read (a joint plan, a contract
 * reference, partner selection in an awareness file): left out, so a new file asks for no more than its stage.
 */
function dropLaterFields(data: Data, rules: RuleSpec[], counted: ReadPattern[]): void {
  const all = rules.flatMap(readPatterns);
  const later = (path: Path) => all.some((p) => readsUnder(p, path)) && !counted.some((p) => readsUnder(p, path));
  const holders: [Data, Path][] = [[data.metadata as Data, ['metadata']]];
  for (const [id, section] of Object.entries(data.principles as Data)) {
    if (section && typeof section === 'object' && !Array.isArray(section)) holders.push([section as Data, ['principles', id]]);
  }
  for (const [holder, at] of holders) for (const key of Object.keys(holder)) if (later([...at, key])) delete holder[key];
}

/** A snippet body with its placeholders replaced by their defaults; {} when the schema has none there. */
function snippet(path: Path): Data {
  const body = schemaAt(path)?.defaultSnippets?.[0]?.body;
  const expanded = expandSnippet(body);
  return expanded && typeof expanded === 'object' && !Array.isArray(expanded) ? (expanded as Data) : {};
}

/** A snippet body as plain data: every placeholder replaced by its default (the field reference shows these too). */
export function expandSnippet(value: unknown): unknown {
  if (typeof value === 'string') return placeholders(value);
  if (Array.isArray(value)) return value.map(expandSnippet);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expandSnippet(v)]));
  return value;
}

/** Snippet syntax → text: ${1:default} → default (innermost first), ${1|a,b|} → a, $1 and ${1} → nothing. */
export function placeholders(text: string): string {
  let out = text;
  for (let guard = 0; guard < 16; guard++) {
    const next = out.replace(/\$\{\d+:([^${}]*)\}/g, '$1').replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1');
    if (next === out) break;
    out = next;
  }
  return out.replace(/\$\{\d+\}|\$\d+/g, '').replace(/\\([$}\\])/g, '$1');
}

/** A date that lies ahead (a review due, a deadline) stays a year ahead, so a new file does not go stale. */
const AHEAD_DAYS = 365;

function replaceDates(value: unknown, day: string, listKey?: string): void {
  if (!value || typeof value !== 'object') return;
  const ahead = fromDay((toDay(day) ?? 0) + AHEAD_DAYS);
  const target = value as Record<string | number, unknown>;
  for (const [k, v] of Object.entries(value)) {
    // A list item is named by the key that holds the list.
    const key = Array.isArray(value) ? listKey ?? '' : k;
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) target[k] = isAhead(key) ? ahead : day;
    else replaceDates(v, day, key);
  }
}

/** Due dates and next reviews lie ahead; records of what happened (and start dates) are today. */
function isAhead(key: string): boolean {
  return !pastDateKeys.has(key) && key !== 'start_date';
}

/** Everything a real relationship starts with, less what makes a placeholder file fail its own stage. */
function freshStart(data: Data, asOf: string, counted: ReadPattern[]): void {
  // Cadences shorter than a quarter would be overdue before the author has filled the file in.
  forEachField(data, (holder, key, value) => {
    if ((key === 'cadence' || key === 'review_cadence') && typeof value === 'string' && (cadenceDays[value] ?? Infinity) < 90) holder[key] = 'quarterly';
  });
  // Distinct, obviously unfilled people: "A. Person" eleven times reads like a real (and duplicated) name.
  for (const person of (data.people as Data[] | undefined) ?? []) {
    person.name = `Name of ${String(person.id)}`;
    person.title = `Role of ${String(person.id)}`;
  }
  // Evidence files do not exist yet; a link to one would be a warning from the first run.
  const { model } = analyze(stringify(data), { asOf });
  const files = model.links.filter((l) => l.kind === 'file').map((l) => l.path);
  files.sort((a, b) => Number(b[b.length - 1]) - Number(a[a.length - 1]) || 0);
  for (const path of files) {
    // A link a counted rule asks for (BO6's business case document) stays, as an obvious placeholder URL.
    const required = counted.some((p) => reads(p, path));
    const name = String(valueAt(data, path)).split('/').pop();
    if (required) setAt(data, path, `https://example.com/${name}`);
    else removeAt(data, path);
  }
}

function forEachField(value: unknown, visit: (holder: Data, key: string, value: unknown) => void): void {
  if (Array.isArray(value)) for (const v of value) forEachField(v, visit);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      visit(value as Data, k, v);
      forEachField(v, visit);
    }
  }
}

/**
 * The snippets are written one by one, so their ids do not meet: a party "party-a", an approver "p-sponsor-a".
 * Unknown parties become the file's parties, unknown people are added to people, and other references to items
 * the stage does not include yet are left out.
 */
function resolveReferences(data: Data, asOf: string): void {
  const parties = (data.parties as Data[]).map((p) => String(p.id));
  // "-a"/"-b" ids name their party; the others take turns, so a body's chair and member are of different parties.
  let turn = 0;
  const partyFor = (id: string): string => {
    const side = /(^|[-_])a$/i.test(id) ? 0 : /(^|[-_])b$/i.test(id) ? 1 : turn++;
    return parties[side % Math.max(1, parties.length)] ?? id;
  };
  const person = snippet(['people', 0]);
  for (let pass = 0; pass < 3; pass++) {
    const { model } = analyze(stringify(data), { asOf });
    const unresolved = model.references.filter((r) => !model.ids.get(r.collection)?.has(r.id));
    if (unresolved.length === 0) return;
    const removals: Path[] = [];
    for (const r of unresolved) {
      if (r.collection === 'parties' && r.isKey) renameKey(data, r.path, partyFor(r.id));
      else if (r.collection === 'parties') setAt(data, r.path, partyFor(r.id));
      else if (r.collection === 'people') {
        const people = data.people as Data[];
        if (!people.some((p) => p.id === r.id)) people.push({ ...person, id: r.id, party: partyFor(r.id) });
      } else removals.push(r.path);
    }
    // Last index first, so removing one list item does not shift the next one removed.
    removals.sort((a, b) => Number(b[b.length - 1]) - Number(a[a.length - 1]) || 0);
    for (const path of removals) removeAt(data, path);
  }
}

function parentOf(data: Data, path: Path): unknown {
  let node: unknown = data;
  for (const segment of path.slice(0, -1)) node = (node as Record<string | number, unknown> | undefined)?.[segment];
  return node;
}

function valueAt(data: Data, path: Path): unknown {
  return (parentOf(data, path) as Record<string | number, unknown> | undefined)?.[path[path.length - 1]];
}

function setAt(data: Data, path: Path, value: unknown): void {
  const parent = parentOf(data, path);
  if (parent && typeof parent === 'object') (parent as Record<string | number, unknown>)[path[path.length - 1]] = value;
}

/** A map keyed by ids (a benefit split by party): the key renamed in place, the order kept. */
function renameKey(data: Data, path: Path, to: string): void {
  const parent = parentOf(data, path);
  const from = String(path[path.length - 1]);
  if (!parent || typeof parent !== 'object' || Array.isArray(parent)) return;
  const entries = Object.entries(parent).map(([k, v]) => [k === from ? to : k, v] as const);
  for (const k of Object.keys(parent)) delete (parent as Data)[k];
  Object.assign(parent, Object.fromEntries(entries));
}

function removeAt(data: Data, path: Path): void {
  const parent = parentOf(data, path);
  const last = path[path.length - 1];
  if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
  else if (parent && typeof parent === 'object') delete (parent as Data)[String(last)];
}
