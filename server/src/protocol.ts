// Custom messages between the extension and the language server, declared once with their types.
import { NotificationType, RequestType, type TextEdit } from 'vscode-languageserver-protocol';
import type { Stage } from './core/index';
import type { ReportModel } from './report/model';

/** Pushed after each analysis: what the language status item shows. */
export interface CoverageParams {
  uri: string;
  version: number;
  covered: number;
  /** Required principles whose only gaps are waived: not in covered. */
  waived: number;
  required: number;
  total: number;
  stage: string;
  schemaVersion: string;
  errors: number;
  warnings: number;
}
export const CoverageNotification = new NotificationType<CoverageParams>('relationship/coverage');

/** The preview's content for an open document (null when the server does not know the document). */
export interface PreviewParams { uri: string }
export const PreviewRequest = new RequestType<PreviewParams, ReportModel | null, void>('relationship/preview');

/**
 * Analyses every relationship file under the workspace folders and publishes diagnostics for closed ones too.
 * The walk skips node_modules, hidden folders and what .gitignore files exclude; a symbolic link to a file
 * outside the workspace folder is not read but listed in `skipped` with the reason. Cancelling the request
 * answers RequestCancelled; cancelling the server's progress answers what was checked, with `cancelled`.
 */
export interface CheckWorkspaceResult {
  files: number;
  errors: number;
  warnings: number;
  skipped: { uri: string; reason: string }[];
  cancelled?: boolean;
}
export const CheckWorkspaceRequest = new RequestType<Record<string, never> | null, CheckWorkspaceResult, void>('relationship/checkWorkspace');

/**
 * "New Relationship File": the scaffold of a new file for a lifecycle stage, dated the server's as-of day (the
 * relationship.asOf setting, else today on the local clock), so the file opens without "date in the future".
 */
export interface ScaffoldParams { stage: Stage }
export interface ScaffoldResult { text: string }
export const ScaffoldRequest = new RequestType<ScaffoldParams, ScaffoldResult, void>('relationship/scaffold');

/**
 * "Migrate to Schema Version 2": the edits that move an open document from schema_version "1" to the current
 * format (the same as `rac migrate` and the format.v1 quick fix), for the document's `version`. The client applies
 * them as a WorkspaceEdit, so the change is the user's to undo or save; the server never writes a file. Null when
 * the server does not know the document.
 */
export interface MigrateParams { uri: string }
export type MigrateResult =
  | { status: 'migrated'; version: number; edits: TextEdit[]; changes: string[] }
  | { status: 'current' }
  | { status: 'refused'; reason: string };
export const MigrateRequest = new RequestType<MigrateParams, MigrateResult | null, void>('relationship/migrate');

/**
 * From the server to the client, in the browser (github.dev, vscode.dev): whether each evidence-link target
 * exists, answered through the editor's file system (`workspace.fs.stat`), since a web worker has no disk.
 */
export interface FileExistsParams { uris: string[] }
export interface FileExistsResult { exists: boolean[] }
export const FileExistsRequest = new RequestType<FileExistsParams, FileExistsResult, void>('relationship/fileExists');

/**
 * From the server to the client, in the browser: the workspace's relationship files (`workspace.findFiles`)
 * and the text of one that is not open (`workspace.fs.readFile`; null when it cannot be read), for "Check All
 * Relationship Files in Workspace".
 */
export interface FindRelationshipFilesResult { uris: string[] }
export const FindRelationshipFilesRequest = new RequestType<Record<string, never>, FindRelationshipFilesResult, void>('relationship/findFiles');
export interface ReadFileParams { uri: string }
export interface ReadFileResult { text: string | null }
export const ReadFileRequest = new RequestType<ReadFileParams, ReadFileResult, void>('relationship/readFile');

/**
 * The code action kinds of the quick fixes that complete evidence, under "quickfix": the rule's placeholders
 * (quickfix.relationship.evidence.GP5), a missing principle's section (quickfix.relationship.section.<id>) and
 * a waiver (quickfix.relationship.waiver.GP5). The preview's Fix button picks its action by this kind.
 */
export const FIX_KIND = 'quickfix.relationship';

export function fixKind(what: 'evidence' | 'section' | 'waiver', id: string): string {
  return `${FIX_KIND}.${what}.${id}`;
}

/** The kind of the fix the preview's Fix button applies for a finding of the coverage report. */
export function fixKindFor(target: { code: string; rule: string; principle?: string }): string {
  return target.code === 'evidence.missing-principle' && target.principle ? fixKind('section', target.principle) : fixKind('evidence', target.rule);
}
