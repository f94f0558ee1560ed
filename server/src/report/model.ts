// PURE. The preview's and the report's input: the serialisable part of an Analysis plus what the pictures
// need (lifecycle, risk heat map, timeline). Built by the server for the webview and by the CLI for
// `rac report`; plain JSON so it crosses the LSP connection and the webview's postMessage unchanged.
import type { CheckDate, Coverage, DocumentInfo, Finding, Range, Stage, WaiverInfo } from '../core/index';

export interface ReportModel {
  uri: string;
  /** A display path or file name. */
  path: string;
  version: number;
  info: DocumentInfo;
  coverage: Coverage;
  findings: ReportFinding[];
  waivers: WaiverInfo[];
  lifecycle: Lifecycle;
  heatMap: HeatMap;
  timeline: TimelineItem[];
  /** Evidence links of the document, by principle; the renderer decides which may become active links. */
  links: ReportLink[];
  counts: { errors: number; warnings: number; information: number };
}

/** A finding without its edits: the preview asks the editor for quick fixes instead of applying them itself. */
export type ReportFinding = Pick<Finding, 'code' | 'severity' | 'message' | 'range' | 'principle' | 'rule'>;

export type StageState = 'done' | 'current' | 'later';

export interface Lifecycle {
  current: Stage;
  /** Whether metadata.lifecycle_stage names a stage (otherwise the analysis assumed awareness). */
  declared: boolean;
  stages: { id: Stage; label: string; state: StageState }[];
  /** The stage after the current one, absent at the last stage. */
  next?: Stage;
  /** Rules that start to count at the next stage, and whether their evidence is already there. */
  nextRules: { id: string; title: string; principle: string; satisfied: boolean; range: Range }[];
}

export type RiskLevel = 'low' | 'medium' | 'high' | 'extreme';

export interface HeatRisk {
  id: string;
  title: string;
  status?: string;
  category?: string;
  owner?: string;
  likelihood?: number;
  impact?: number;
  range: Range;
}

export interface HeatCell {
  likelihood: number;
  impact: number;
  /** likelihood × impact, 1–25. */
  score: number;
  level: RiskLevel;
  risks: HeatRisk[];
}

export interface HeatMap {
  /** 25 cells, rows from impact 5 down to 1, each row from likelihood 1 to 5. */
  cells: HeatCell[];
  /** Risks not closed that are placed on the map. */
  placed: number;
  /** Risks not closed whose likelihood or impact is not a whole number from 1 to 5. */
  unplaced: HeatRisk[];
  closed: number;
}

export type TimelineStatus = 'overdue' | 'soon' | 'ok';
/**
 * due: a date that must not pass (next review) · cadence: the next occurrence a cadence allows · recency: the
 * day a dated record becomes too old · item: an open item's due date · waiver: an expiry · end: planned end.
 */
/** A check's kind of date (core CheckDate), a waiver's expiry or the planned end. */
export type TimelineKind = CheckDate['kind'] | 'waiver' | 'end';

export interface TimelineItem {
  kind: TimelineKind;
  /** YYYY-MM-DD: when the thing is due (or expires). */
  date: string;
  status: TimelineStatus;
  label: string;
  /** What the date is derived from, e.g. "last held 2025-09-15, quarterly". */
  detail?: string;
  principle?: string;
  /** The catalog rule whose check reads this date. */
  rule?: string;
  range: Range;
}

export interface ReportLink {
  target: string;
  kind: 'url' | 'file';
  principle?: string;
  range: Range;
}

/** Days before a due date from which an item reads "soon". */
export const SOON_DAYS = 30;
