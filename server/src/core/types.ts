// The engine's vocabulary. Everything here is plain data so the server, the CLI and the preview can read it.
import type { Document } from 'yaml';
import type { Catalog } from './catalog';
import type { OffRule, Policy } from './profile-types';
import type { Parsed } from './parse';
import type { Indexed } from './model';
import type { LineIndex } from './text';
import type { RuleOutcomes } from './rule-memo';

/** Zero-based line and UTF-16 code unit column, as LSP counts them. */
export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }
export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type Path = readonly (string | number)[];

export interface TextEdit { range: Range; newText: string }
export interface Fix { title: string; edits: TextEdit[]; preferred?: boolean }
export interface Related { range: Range; message: string }

export interface Finding {
  /** Stable code: syntax, schema.<keyword>, ref.unresolved, evidence.<RULE>, … */
  code: string;
  severity: Severity;
  /** What is wrong and how to fix it. */
  message: string;
  range: Range;
  principle?: string;
  rule?: string;
  related?: Related[];
  fixes?: Fix[];
  /**
   * The data path the finding is about, where a fix needs it without reading the message: for schema.required
   * the map's path plus the missing key, for schema.additionalProperties the unknown key's, for schema.enum and
   * schema.type the value's.
   */
  path?: (string | number)[];
}

export const STAGES = ['awareness', 'knowledge', 'internal_assessment', 'partner_selection', 'working_together', 'value_creation', 'staying_together', 'exit'] as const;
export type Stage = (typeof STAGES)[number];

/**
 * `unknown`: the data the rule reads is broken (a syntax error in its section, a value of the wrong type), or the
 * stage that decides whether it counts cannot be read. `not_yet_required` and `no_longer_required`: the file is
 * before or after the rule's window (from_stage through until_stage, while the status is one of when_status).
 */
export type RuleState = 'met' | 'unmet' | 'not_yet_required' | 'no_longer_required' | 'waived' | 'unknown';
/**
 * `waived`: some counted rule is waived and every other counted rule is met. Waived is never covered: the
 * evidence is not there, someone accepted its absence for a while. `unknown`: some counted rule is unknown and
 * none is unmet, so whether the principle is covered cannot be judged yet.
 */
export type PrincipleStatus = 'covered' | 'waived' | 'partial' | 'missing' | 'not_yet_required' | 'unknown';

/**
 * How each status and state is shown, in one table for every face: the words, the symbol of the HTML report
 * and preview (also the Markdown report's tables), the symbol of the editor (hover, code lens, outline) and
 * the emoji of pull-request comments. Constants only: the webview's renderer reads them too.
 */
export interface Glyphs { label: string; html: string; editor: string; emoji: string }

export const STATUS_GLYPHS: Record<PrincipleStatus, Glyphs> = {
  covered: { label: 'Covered', html: '✓', editor: '✓', emoji: '✅' },
  waived: { label: 'Waived', html: '⊘', editor: '⚑', emoji: '📝' },
  partial: { label: 'Partial', html: '◐', editor: '⚠', emoji: '⚠️' },
  missing: { label: 'Missing', html: '✕', editor: '✗', emoji: '❌' },
  not_yet_required: { label: 'Not yet required', html: '○', editor: '⏳', emoji: '⏳' },
  unknown: { label: 'Unknown', html: '?', editor: '?', emoji: '❔' },
};

export const STATE_GLYPHS: Record<RuleState, Glyphs> = {
  met: { label: 'met', html: '✓', editor: '✓', emoji: '✅' },
  unmet: { label: 'unmet', html: '✕', editor: '✗', emoji: '❌' },
  not_yet_required: { label: 'not yet required', html: '○', editor: '⏳', emoji: '⏳' },
  no_longer_required: { label: 'no longer required', html: '◌', editor: '⌛', emoji: '⌛' },
  waived: { label: 'waived', html: '⊘', editor: '⚑', emoji: '📝' },
  unknown: { label: 'unknown', html: '?', editor: '?', emoji: '❔' },
};

/** What decides when a rule counts: a RuleSpec, or a RuleResult's fields (core/rule-window.ts judges it). */
export interface RuleWindow { from_stage: Stage; until_stage?: Stage; when_status?: readonly string[] }

/** The words for a rule outside its window, for every face (the webview's renderer too, so it lives here). */
export function notCountedText(state: RuleState, rule: RuleWindow): string {
  return `${state === 'no_longer_required' ? 'no longer' : 'not yet'} required (counts ${windowPhrase(rule)})`;
}

/** A rule result's window, to put in words. */
export function resultWindow(r: Pick<RuleResult, 'fromStage' | 'untilStage' | 'whenStatus'>): RuleWindow {
  return { from_stage: r.fromStage, until_stage: r.untilStage, when_status: r.whenStatus };
}

/** "from exit", "from awareness through staying_together", "at staying_together only", "from exit while status is closed". */
export function windowPhrase(rule: RuleWindow): string {
  const stages = !rule.until_stage ? `from ${rule.from_stage}`
    : rule.until_stage === rule.from_stage ? `at ${rule.from_stage} only` : `from ${rule.from_stage} through ${rule.until_stage}`;
  return rule.when_status?.length ? `${stages} while status is ${rule.when_status.join(' or ')}` : stages;
}

export interface WaiverInfo {
  rule: string; reason: string; approvedBy: string; expires: string; expired: boolean;
  /** approved_on as written (empty when absent). */
  approvedOn: string;
  /** The waiver's index in the waivers list, for findings and fixes about the waiver itself. */
  index: number;
  /** The rule id's value. */
  range: Range;
}

export interface RuleResult {
  id: string;
  title: string;
  principle: string;
  state: RuleState;
  /** Whether the evidence is there, whatever the state (a not-yet-required rule can already be satisfied). */
  satisfied: boolean;
  fromStage: Stage;
  /** The last stage at which the rule counts. */
  untilStage?: Stage;
  /** The statuses in which the rule counts. */
  whenStatus?: string[];
  /** The ISO 44001 clause the rule evidences ("8.6"); absent for an organisation's rule that names none. */
  iso44001?: string;
  why: string;
  /** What is missing, when not satisfied. */
  detail?: string;
  range: Range;
  waiver?: WaiverInfo;
  /** The profile that added the rule (the organisation's own); absent for the catalog's rules. */
  source?: string;
}

export interface PrincipleCoverage {
  id: string;
  clause: number;
  title: string;
  summary: string;
  status: PrincipleStatus;
  /** met ÷ counted, 0 when nothing counts. */
  score: number;
  met: number;
  counted: number;
  rules: RuleResult[];
  /** The principle's key in the document, when present. */
  range?: Range;
}

export interface Coverage {
  /** Principles whose counted rules are all met. */
  covered: number;
  /** Principles with a waived counted rule whose other counted rules are met: required, never counted as covered. */
  waived: number;
  /** Principles with at least one counted rule. */
  required: number;
  total: number;
  notYetRequired: number;
  /** Required principles whose coverage cannot be judged (status unknown): never counted as covered. */
  unknown: number;
  /**
   * The stage the rules were judged at. When `stageKnown` is false the declared stage could not be read (a
   * value that is not a stage): only the rules that count from the first stage were judged, and `stage` is that
   * first stage; faces say "stage unknown" rather than naming it.
   */
  stage: Stage;
  stageKnown: boolean;
  /** Why some rules are unknown, in a sentence ("metadata does not parse"), when any is. */
  unknownBecause?: string[];
  asOf: string;
  principles: PrincipleCoverage[];
  /** Rules a profile turned off: not counted, listed so a reader sees the policy. */
  off?: OffRule[];
}

export interface IdDefinition {
  collection: string;
  id: string;
  /** The id value. */
  range: Range;
  /** The whole item. */
  itemRange: Range;
  path: Path;
  /** A human label: the item's title, name or text. */
  label?: string;
}

export interface IdReference {
  collection: string;
  id: string;
  range: Range;
  path: Path;
  /** A key of a map (benefit_split) rather than a value. */
  isKey: boolean;
  /** Words accepted here besides the collection's ids (owning_party: joint). */
  allow?: string[];
}

export interface EvidenceLink { target: string; kind: 'url' | 'file'; range: Range; path: Path }

export interface Model {
  definitions: IdDefinition[];
  references: IdReference[];
  links: EvidenceLink[];
  /** collection → id → first definition. */
  ids: Map<string, Map<string, IdDefinition>>;
}

export type SymbolKind = 'section' | 'principle' | 'list' | 'item' | 'field';
export interface SymbolNode {
  name: string;
  detail?: string;
  kind: SymbolKind;
  range: Range;
  selectionRange: Range;
  children: SymbolNode[];
}

export interface DocumentInfo {
  id?: string; title?: string; version?: string; status?: string; stage: Stage; stageDeclared: boolean;
  /** False when lifecycle_stage is written but is not a stage (or cannot be read): coverage cannot place the file. */
  stageKnown: boolean;
}

export interface Analysis {
  findings: Finding[];
  coverage: Coverage;
  model: Model;
  symbols: SymbolNode[];
  waivers: WaiverInfo[];
  info: DocumentInfo;
  /** The parsed document and its line index, for features that need the syntax tree (completion). */
  document: Document.Parsed | undefined;
  lines: LineIndex;
  /** The document as plain data (undefined when it does not parse to a map). */
  data: unknown;
  /** The rules the file was checked with: the catalog with its profiles folded in (added rules included). */
  catalog?: Catalog;
  /**
   * The text, parse, line index and model (with dates) the analysis was made from: the next edit's analysis
   * splices into them (analyzeEdited). `outcomes` are its rules' outcomes, which that analysis keeps for the rules
   * whose data the edit did not change (rule-memo.ts).
   */
  source?: { text: string; parsed: Parsed; lines: LineIndex; indexed: Indexed; outcomes?: RuleOutcomes };
}

export type FileCheck = 'exists' | 'missing' | 'outside';

export interface AnalyzeOptions {
  /** The day the analysis is made for, YYYY-MM-DD: the core has no clock. */
  asOf: string;
  /** Answers for an evidence path relative to the file; absent: links are not checked. */
  fileExists?: (relativePath: string) => FileCheck;
  /** How the workspace root that bounds evidence links is named in messages (a folder path). */
  workspaceRoot?: string;
  /**
   * How this face writes a new file, named in the finding on an empty file: each face points at its own way (the
   * CLI at rac init, the editor at its command). Default: the editor's command.
   */
  newFileHint?: string;
  /**
   * The organisation's profiles that apply to the file (.rac.yaml and its extends chain, matching overrides):
   * folded into the catalog here, so every face applies the same policy. Absent: the catalog alone.
   */
  policy?: Policy;
}
