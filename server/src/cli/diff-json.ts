// `rac diff --format json`: the Markdown summary's content as data, for bots and dashboards. The shape
// (version 1; fields are only added, never renamed, within a version):
//
// {
//   "version": 1,
//   "headline": "Relationship coverage: 3 files changed · 2 principles gained · 1 lost · 4 new errors",
//   "base": { "ref": "origin/main", "commit": "<40 hex>" },
//   "asOf": "YYYY-MM-DD",                       // both sides are analysed for this day
//   "totals": { "files", "added", "deleted", "renamed", "modified",
//               "gained", "lost",                // principles that became covered / stopped being covered (waived is not covered)
//               "newErrors", "newWarnings", "newOther", "fixed", "filesWithLoss" },
//   "files": [{                                  // files with new errors or losses first, then by path
//     "path": "relationships/a.relationship.yaml",   // relative to the working folder (deleted: base path)
//     "repoPath": "relationships/a.relationship.yaml", // relative to the repository's top level
//     "oldPath"?: "…",                           // renamed files: the path in the base (from the top level)
//     "kind": "added" | "modified" | "deleted" | "renamed",
//     "before"?: Side, "after"?: Side,           // absent: the file does not exist on that side
//     "principles": [{ "id", "clause", "title", "before"?: P, "after"?: P, "direction": "up" | "down" | "same" }],
//                                                // only principles that changed; every one for an added/deleted file
//     "rules": [{ "id", "title", "principle", "before": State, "after": State }],
//     "gained": [principle id], "lost": [principle id],
//     "newFindings": [Finding], "fixedFindings": [Finding]
//   }],
//   "unreadable": [{ "path", "error" }]
// }
// Side    = { "covered", "waived", "required", "total", "notYetRequired", "stage", "syntaxErrors"? }
//           waived: required principles whose only gaps are waived (never counted in covered)
//           syntaxErrors: the side does not parse; then no principle or rule is compared, and a head that
//           does not parse lists no fixed findings
// P       = { "status": "covered" | "waived" | "partial" | "missing" | "not_yet_required" | "unknown", "met", "counted" }
// State   = "met" | "unmet" | "not_yet_required" | "no_longer_required" | "waived" | "unknown"
// Finding = { "code", "severity", "message", "line", "column", "endLine", "endColumn", "principle", "rule" }
//           as in rac check --format json (1-based, principle and rule null when none; fixed findings carry
//           their position in the base)
import type { DiffReport } from './diff-compare';
import { headline } from './diff-markdown';

export function formatDiffJson(report: DiffReport): string {
  const { base, asOf, totals, files, unreadable } = report;
  return JSON.stringify({ version: 1, headline: headline(report), base, asOf, totals, files, unreadable }, null, 2) + '\n';
}
