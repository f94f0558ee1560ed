// `rac diff --format github`: workflow commands that annotate the new findings on the pull request's files.
// GitHub shows at most 50 annotations a job, so only new findings at or above --fail-on are annotated (new
// errors and warnings when --fail-on never), errors first, and at most 50; a plain log line counts the rest.
import type { Severity } from '../core/index';
import { failsOn, type FailOn } from './check';
import type { DiffReport, FindingRef } from './diff-compare';
import { annotationLine } from './format-github';

export const ANNOTATION_LIMIT = 50;

const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

export function annotated(severity: Severity, failOn: FailOn): boolean {
  return failsOn(severity, failOn === 'never' ? 'warning' : failOn);
}

export function formatDiffGithub(report: DiffReport, failOn: FailOn): string {
  const picked: { path: string; f: FindingRef; order: number }[] = [];
  for (const file of report.files) {
    for (const f of file.newFindings) if (annotated(f.severity, failOn)) picked.push({ path: file.repoPath, f, order: picked.length });
  }
  picked.sort((a, b) => RANK[a.f.severity] - RANK[b.f.severity] || a.order - b.order);
  const lines = picked.slice(0, ANNOTATION_LIMIT).map(({ path, f }) => annotationLine(path, f));
  if (picked.length > ANNOTATION_LIMIT) {
    lines.push(`rac diff: ${picked.length - ANNOTATION_LIMIT} more new findings are not annotated (GitHub shows at most ${ANNOTATION_LIMIT} a job); the job summary lists them`);
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}
