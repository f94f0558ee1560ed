// `rac diff`: what a change did to one relationship file, computed from the Analysis of each side. Pure: the
// git access lives in diff-git.ts, the printing in diff-markdown.ts, diff-json.ts and diff-github.ts.
import type { Analysis, Coverage, Finding, PrincipleStatus, RuleState } from '../core/index';
import { flatFinding, type FlatFinding } from './flat-finding';

export type ChangeKind = 'added' | 'modified' | 'deleted' | 'renamed';

/** A side's coverage counts, as the engine gives them. */
export type CoverageSide = Pick<Coverage, 'covered' | 'waived' | 'required' | 'total' | 'notYetRequired' | 'stage'> & {
  /**
   * The side's syntax errors, when it does not parse: its coverage is then not compared (the rules of the
   * sections that do not parse are unknown, and its evidence findings are not reported).
   */
  syntaxErrors?: number;
};

/** One principle whose status or score differs between the sides (absent side: the file did not exist). */
export interface PrincipleChange {
  id: string;
  clause: number;
  title: string;
  before?: PrincipleSide;
  after?: PrincipleSide;
  /** up: better status or more rules met; down: worse; same: only not-yet-required or waived rules moved. */
  direction: 'up' | 'down' | 'same';
}

export interface PrincipleSide { status: PrincipleStatus; met: number; counted: number }

export interface RuleChange {
  id: string;
  title: string;
  principle: string;
  before: RuleState;
  after: RuleState;
}

/** A finding as rac check --format json gives it: 1-based line and column. */
export type FindingRef = FlatFinding;

export interface FileDiff {
  /** The path in the head (the base path for a deleted file), forward slashes, relative to the working folder. */
  path: string;
  /** The same file relative to the repository's top level, for links to the hosted file. */
  repoPath: string;
  /** For a renamed file: its path in the base. */
  oldPath?: string;
  kind: ChangeKind;
  before?: CoverageSide;
  after?: CoverageSide;
  /** Principles whose status or score changed; for an added or deleted file, every principle. */
  principles: PrincipleChange[];
  /** Rules whose state changed (files present on both sides only: for a new file every rule would be listed). */
  rules: RuleChange[];
  /** Principles that became covered / stopped being covered (files present on both sides only). */
  gained: string[];
  lost: string[];
  newFindings: FindingRef[];
  /** Findings of the base that the head no longer has (a deleted file fixes nothing: it has none listed). */
  fixedFindings: FindingRef[];
}

export interface DiffTotals {
  files: number;
  added: number;
  deleted: number;
  renamed: number;
  modified: number;
  gained: number;
  lost: number;
  newErrors: number;
  newWarnings: number;
  newOther: number;
  fixed: number;
  /** Files that lost at least one covered principle. */
  filesWithLoss: number;
}

export interface CompareInput {
  kind: ChangeKind;
  path: string;
  repoPath: string;
  oldPath?: string;
  before?: Analysis;
  after?: Analysis;
}

export function compareFile(input: CompareInput): FileDiff {
  const { before, after } = input;
  // A side that does not parse says nothing about coverage: nothing is compared, and a head that does not
  // parse fixes nothing (its evidence findings are only held back until it parses).
  const broken = (before && syntaxErrors(before)) || (after && syntaxErrors(after));
  const both = !!before && !!after && !broken;
  const principles = broken ? [] : principleChanges(before?.coverage, after?.coverage);
  const gained = both ? principles.filter((p) => p.after?.status === 'covered' && p.before?.status !== 'covered').map((p) => p.id) : [];
  // Unknown and waived are not covered: a principle that can no longer be judged is lost until it can, and one
  // whose gap is now waived is lost until the evidence is there.
  const notCovered: ReadonlySet<PrincipleStatus | undefined> = new Set(['partial', 'missing', 'unknown', 'waived']);
  const lost = both ? principles.filter((p) => p.before?.status === 'covered' && notCovered.has(p.after?.status)).map((p) => p.id) : [];
  const beforeFindings = before?.findings ?? [];
  const afterFindings = after?.findings ?? [];
  return {
    path: input.path,
    repoPath: input.repoPath,
    ...(input.oldPath !== undefined ? { oldPath: input.oldPath } : {}),
    kind: input.kind,
    ...(before ? { before: side(before) } : {}),
    ...(after ? { after: side(after) } : {}),
    principles,
    rules: both ? ruleChanges(before.coverage, after.coverage) : [],
    gained,
    lost,
    newFindings: unmatched(afterFindings, beforeFindings),
    fixedFindings: after && !syntaxErrors(after) ? unmatched(beforeFindings, afterFindings) : [],
  };
}

export function totals(files: FileDiff[]): DiffTotals {
  const count = (kind: ChangeKind) => files.filter((f) => f.kind === kind).length;
  const news = files.flatMap((f) => f.newFindings);
  return {
    files: files.length,
    added: count('added'),
    deleted: count('deleted'),
    renamed: count('renamed'),
    modified: count('modified'),
    gained: files.reduce((n, f) => n + f.gained.length, 0),
    lost: files.reduce((n, f) => n + f.lost.length, 0),
    newErrors: news.filter((f) => f.severity === 'error').length,
    newWarnings: news.filter((f) => f.severity === 'warning').length,
    newOther: news.filter((f) => f.severity !== 'error' && f.severity !== 'warning').length,
    fixed: files.reduce((n, f) => n + f.fixedFindings.length, 0),
    filesWithLoss: files.filter((f) => f.lost.length > 0).length,
  };
}

// Unknown ranks with partial: neither covered nor missing. Waived lies between partial and covered: every gap
// left is an accepted one, but the evidence is still not there.
const RANK: Record<PrincipleStatus, number> = { not_yet_required: -1, missing: 0, partial: 1, unknown: 1, waived: 1.5, covered: 2 };

function principleChanges(before: Coverage | undefined, after: Coverage | undefined): PrincipleChange[] {
  const ids = (after ?? before)?.principles ?? [];
  const out: PrincipleChange[] = [];
  for (const p of ids) {
    const b = before?.principles.find((x) => x.id === p.id);
    const a = after?.principles.find((x) => x.id === p.id);
    const bs = b && { status: b.status, met: b.met, counted: b.counted };
    const as = a && { status: a.status, met: a.met, counted: a.counted };
    if (bs && as && bs.status === as.status && bs.met === as.met && bs.counted === as.counted) continue;
    out.push({ id: p.id, clause: p.clause, title: p.title, ...(bs ? { before: bs } : {}), ...(as ? { after: as } : {}), direction: direction(bs, as) });
  }
  return out;
}

function direction(b: PrincipleSide | undefined, a: PrincipleSide | undefined): PrincipleChange['direction'] {
  if (!b) return a?.status === 'covered' ? 'up' : 'same';
  if (!a) return b.status === 'covered' || b.status === 'waived' || b.status === 'partial' ? 'down' : 'same';
  if (RANK[a.status] !== RANK[b.status]) return RANK[a.status] > RANK[b.status] ? 'up' : 'down';
  // Same status: compare the share of counted rules met (partial 2/4 → partial 3/4 is progress).
  const share = (s: PrincipleSide) => (s.counted ? s.met / s.counted : 0);
  if (share(a) !== share(b)) return share(a) > share(b) ? 'up' : 'down';
  return 'same';
}

function ruleChanges(before: Coverage, after: Coverage): RuleChange[] {
  const was = new Map(before.principles.flatMap((p) => p.rules.map((r) => [r.id, r.state] as const)));
  const out: RuleChange[] = [];
  for (const p of after.principles) {
    for (const r of p.rules) {
      const old = was.get(r.id);
      if (old !== undefined && old !== r.state) out.push({ id: r.id, title: r.title, principle: p.id, before: old, after: r.state });
    }
  }
  return out;
}

function side(a: Analysis): CoverageSide {
  const c = a.coverage;
  const errors = syntaxErrors(a);
  return { covered: c.covered, waived: c.waived, required: c.required, total: c.total, notYetRequired: c.notYetRequired, stage: c.stage, ...(errors ? { syntaxErrors: errors } : {}) };
}

/** How many syntax errors the side has (0: it parses). */
export function syntaxErrors(a: Analysis): number {
  return a.findings.filter((f) => f.severity === 'error' && (f.code === 'syntax' || f.code.startsWith('syntax.'))).length;
}

/**
 * The findings of `mine` that `theirs` does not have. Matched by what the finding says, not where: code,
 * severity, message, principle and rule, so a finding on a line that moved is not new. Counted as a multiset:
 * a second identical finding is new even when the first was already there. Severity is part of the key on
 * purpose: a warning that became an error is a new error for --fail-on.
 */
function unmatched(mine: Finding[], theirs: Finding[]): FindingRef[] {
  const pool = new Map<string, number>();
  for (const f of theirs) pool.set(key(f), (pool.get(key(f)) ?? 0) + 1);
  const out: FindingRef[] = [];
  for (const f of mine) {
    const k = key(f);
    const left = pool.get(k) ?? 0;
    if (left > 0) pool.set(k, left - 1);
    else out.push(flatFinding(f));
  }
  return out;
}

function key(f: Finding): string {
  return JSON.stringify([f.code, f.severity, f.message, f.principle ?? '', f.rule ?? '']);
}

/** Everything a `rac diff` report prints, whatever the format. */
export interface DiffReport {
  /** The ref as given, and the commit it named. */
  base: { ref: string; commit: string };
  asOf: string;
  /** Files with something to report first (new errors, lost principles), then by path. */
  files: FileDiff[];
  totals: DiffTotals;
  /** Files that could not be read on one side; each is also a usage failure (exit 2). */
  unreadable: { path: string; error: string }[];
}

export function buildReport(base: DiffReport['base'], asOf: string, files: FileDiff[], unreadable: DiffReport['unreadable'] = []): DiffReport {
  const weight = (f: FileDiff) => (f.newFindings.some((x) => x.severity === 'error') ? 0 : f.lost.length ? 1 : f.newFindings.length ? 2 : 3);
  const sorted = [...files].sort((a, b) => weight(a) - weight(b) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { base, asOf, files: sorted, totals: totals(sorted), unreadable };
}
