// `rac diff --format markdown`: the reviewer's summary, posted as the job summary and as one pull-request
// comment. Shaped like coverage comments (a headline that reads alone, a table per file, the long parts
// folded in <details>) and kept under 60 KB, below GitHub's 64 KB comment limit, with a note of what was
// left out. Every string that comes from a document or a path is escaped for Markdown and HTML.
import type { Severity } from '../core/index';
import type { ChangeKind, CoverageSide, DiffReport, FileDiff, FindingRef, PrincipleChange, PrincipleSide, RuleChange } from './diff-compare';
import { escapeMarkdown, stateBadge, stateEmoji, statusBadge } from '../report/index';

/** GitHub rejects comments over 65,536 characters; 60 KB of UTF-8 leaves room for the workflow's marker. */
export const SUMMARY_LIMIT = 60 * 1024;
/** New errors shown outside <details> per file; the rest are folded. */
const OPEN_ERRORS = 10;
/** Unreadable files listed one by one; the rest are counted. */
const MAX_UNREADABLE = 20;
/** Room kept for the note on what was left out (it names up to five files). */
const NOTE_ROOM = 2048;

export interface LinkTarget {
  /** `https://github.com/owner/repo/blob/<sha>/`: links point at the hosted file; absent: relative links. */
  blobBase?: string;
}

/** The blob base from the variables GitHub Actions sets, when all three are there. */
export function githubBlobBase(env: Record<string, string | undefined>): string | undefined {
  const server = env.GITHUB_SERVER_URL;
  const repo = env.GITHUB_REPOSITORY;
  const sha = env.GITHUB_SHA;
  if (!server || !repo || !sha || !/^https?:\/\//.test(server)) return undefined;
  return `${server.replace(/\/+$/, '')}/${repo.split('/').map(encodeURIComponent).join('/')}/blob/${encodeURIComponent(sha)}/`;
}

export function formatDiffMarkdown(report: DiffReport, links: LinkTarget = {}, limit = SUMMARY_LIMIT): string {
  const head = [`### ${headline(report)}`, '', intro(report), ''];
  const shown = report.unreadable.slice(0, MAX_UNREADABLE);
  for (const u of shown) head.push('> [!WARNING]', `> could not read ${code(u.path)}: ${escapeMarkdown(u.error)}`, '');
  if (report.unreadable.length > shown.length) head.push(`${report.unreadable.length - shown.length} more files could not be read.`, '');
  const sections = report.files.map((f) => ({ path: f.path, full: fileSection(f, links, false), compact: fileSection(f, links, true) }));
  const foot = [legend(report)];
  const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

  // Greedy: each file in full while it fits, else its heading and counts, else left out with the rest; the
  // files with new errors and losses come first (buildReport), so they are the last to be cut.
  const body: { path: string; text: string; compact: boolean }[] = [];
  let omitted: string[] = [];
  let used = bytes([...head, ...foot].join('\n')) + NOTE_ROOM;
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i];
    const full = bytes(s.full) + 2;
    const small = bytes(s.compact) + 2;
    if (used + full <= limit) { body.push({ path: s.path, text: s.full, compact: false }); used += full; continue; }
    if (used + small <= limit) { body.push({ path: s.path, text: s.compact, compact: true }); used += small; continue; }
    omitted = sections.slice(i).map((x) => x.path);
    break;
  }
  const render = () => {
    const note = trimNote(body.filter((b) => b.compact).map((b) => b.path), omitted);
    return [...head, ...body.flatMap((b) => [b.text, '']), ...(note ? [note, ''] : []), ...foot].join('\n') + '\n';
  };
  let text = render();
  // The note's room was an estimate (paths can be long): give back sections until the whole text fits.
  while (bytes(text) > limit && body.length) {
    omitted = [body.pop()!.path, ...omitted];
    text = render();
  }
  return text;
}

export function headline(report: DiffReport): string {
  const t = report.totals;
  if (t.files === 0 && report.unreadable.length === 0) return 'Relationship coverage: no relationship files changed';
  const parts = [
    plural(t.files, 'file') + ' changed',
    plural(t.gained, 'principle') + ' gained',
    `${t.lost} lost`,
    plural(t.newErrors, 'new error'),
  ];
  if (t.newWarnings) parts.push(plural(t.newWarnings, 'new warning'));
  if (t.fixed) parts.push(`${t.fixed} fixed`);
  return `Relationship coverage: ${parts.join(' · ')}`;
}

function intro(report: DiffReport): string {
  const t = report.totals;
  const kinds = ([['modified', t.modified], ['added', t.added], ['renamed', t.renamed], ['deleted', t.deleted]] as const)
    .filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`);
  const what = kinds.length ? `${kinds.join(', ')} · ` : '';
  const short = report.base.commit.slice(0, 7);
  // In a pull request the ref is already the base commit's sha: print it once.
  const base = report.base.commit.startsWith(report.base.ref) && report.base.ref.length >= 7 ? code(short) : `${code(report.base.ref)} (${short})`;
  return `${what}compared with ${base} as of ${report.asOf}`;
}

function fileSection(f: FileDiff, links: LinkTarget, compact: boolean): string {
  const out = [`#### ${code(f.path)} · ${coverageChange(f.before, f.after)}`];
  const notes: string[] = [];
  if (f.kind === 'renamed' && f.oldPath !== undefined) notes.push(`renamed from ${code(f.oldPath)}`);
  if (f.kind === 'added') notes.push('new file');
  if (f.kind === 'deleted') notes.push('deleted');
  if (f.gained.length) notes.push(`▲ gained ${f.gained.length}`);
  if (f.lost.length) notes.push(`▼ lost ${f.lost.length}`);
  const counts = severityCounts(f.newFindings);
  if (counts) notes.push(`new: ${counts}`);
  if (f.fixedFindings.length) notes.push(`${f.fixedFindings.length} fixed`);
  if (notes.length) out.push('', notes.join(' · '));
  if (compact) {
    out.push('', '<sub>details left out to keep this summary short: run rac diff locally for them</sub>');
    return out.join('\n');
  }

  const bothSides = f.kind === 'modified' || f.kind === 'renamed';
  if (f.principles.length) {
    const table = principleTable(f.principles, f.rules);
    // A new or deleted file lists all 12 principles: useful, but long, so folded.
    if (bothSides) out.push('', ...table);
    else out.push('', details(f.kind === 'added' ? 'Principles in the new file' : 'Principles before the deletion', table));
  } else if (bothSides && !f.before?.syntaxErrors && !f.after?.syntaxErrors) {
    out.push('', 'No principle changed status.');
  }

  const errors = f.newFindings.filter((x) => x.severity === 'error');
  if (errors.length) {
    out.push('', '**New errors**', '', ...errors.slice(0, OPEN_ERRORS).map((x) => findingItem(f, x, links)));
    if (errors.length > OPEN_ERRORS) out.push('', details(`${errors.length - OPEN_ERRORS} more new errors`, errors.slice(OPEN_ERRORS).map((x) => findingItem(f, x, links))));
  }
  if (f.rules.length) out.push('', details(`Rules that changed (${f.rules.length})`, ruleTable(f)));
  const others = f.newFindings.filter((x) => x.severity !== 'error');
  if (others.length) out.push('', details(`Other new findings (${others.length})`, others.map((x) => findingItem(f, x, links))));
  if (f.fixedFindings.length) out.push('', details(`Fixed findings (${f.fixedFindings.length})`, f.fixedFindings.map((x) => fixedItem(x))));
  return out.join('\n');
}

/** The principles that changed, with the rules that moved each one (their new state), so the table reads alone. */
function principleTable(rows: PrincipleChange[], rules: RuleChange[]): string[] {
  const withRules = rules.length > 0;
  const moved = (id: string) => rules.filter((r) => r.principle === id).map((r) => `${escapeMarkdown(r.id)} ${stateEmoji[r.after]}`).join(' ');
  return [
    `| Principle | Before | After | |${withRules ? ' Rules now |' : ''}`,
    `|---|---|---|:-:|${withRules ? '---|' : ''}`,
    ...rows.map((p) => `| ${p.clause} ${escapeMarkdown(p.title)} | ${statusCell(p.before)} | ${statusCell(p.after)} | ${p.direction === 'up' ? '▲' : p.direction === 'down' ? '▼' : ''} |${withRules ? ` ${moved(p.id)} |` : ''}`),
  ];
}

function ruleTable(f: FileDiff): string[] {
  return [
    '| Rule | Principle | Before | After |',
    '|---|---|---|---|',
    ...f.rules.map((r) => `| ${escapeMarkdown(r.id)} ${escapeMarkdown(r.title)} | ${escapeMarkdown(r.principle)} | ${stateBadge(r.before)} | ${stateBadge(r.after)} |`),
  ];
}

function findingItem(f: FileDiff, x: FindingRef, links: LinkTarget): string {
  return `- ${link(`${f.path}:${x.line}`, lineHref(f, x.line, links))} ${severityWord(x.severity)} ${escapeMarkdown(x.message)} ${code(x.code)}`;
}

/** A fixed finding's line is in the base: no link into the head, where it no longer is. */
function fixedItem(x: FindingRef): string {
  return `- ${severityWord(x.severity)} ${escapeMarkdown(x.message)} ${code(x.code)}`;
}

function lineHref(f: FileDiff, line: number, links: LinkTarget): string {
  const path = links.blobBase ? f.repoPath : f.path;
  return `${links.blobBase ?? ''}${encodePath(path)}#L${line}`;
}

export function coverageChange(before: CoverageSide | undefined, after: CoverageSide | undefined): string {
  const unparsed = [[after, 'head'], [before, 'base']] as const;
  const notes = unparsed.filter(([c]) => c?.syntaxErrors).map(([c, name]) => `the ${name} does not parse: ${plural(c!.syntaxErrors!, 'error')}`);
  // Coverage of a side that does not parse is not a number to compare: say so instead of a collapse.
  if (notes.length) return `${notes.join(' · ')}, so coverage is not compared`;
  // Waived principles are not covered: they show beside the count, never in it.
  const side = (c: CoverageSide | undefined) => (c ? `${c.covered}/${c.total}${c.waived ? ` (${c.waived} waived)` : ''}` : 'none');
  let arrow = '';
  if (before && after && after.covered !== before.covered) arrow = after.covered > before.covered ? ` ▲${after.covered - before.covered}` : ` ▼${before.covered - after.covered}`;
  const later = after ?? before;
  const required = later && later.notYetRequired ? ` (${later.required} required, ${later.notYetRequired} not yet)` : '';
  return `${side(before)} → ${side(after)}${arrow}${required}`;
}

function statusCell(s: PrincipleSide | undefined): string {
  if (!s) return '—';
  return s.status === 'not_yet_required' ? statusBadge(s.status) : `${statusBadge(s.status)} ${s.met}/${s.counted}`;
}

function severityWord(s: Severity): string {
  return s === 'error' ? '**error**' : s;
}

function severityCounts(findings: FindingRef[]): string {
  const order: Severity[] = ['error', 'warning', 'information', 'hint'];
  return order.map((s) => [s, findings.filter((x) => x.severity === s).length] as const)
    .filter(([, n]) => n > 0).map(([s, n]) => plural(n, s === 'information' ? 'note' : s)).join(', ');
}

function legend(report: DiffReport): string {
  const kinds: ChangeKind[] = ['added', 'deleted'];
  const extra = report.files.some((f) => kinds.includes(f.kind)) ? ' · none: the file does not exist on that side' : '';
  const unknown = report.files.some((f) => f.principles.some((p) => p.before?.status === 'unknown' || p.after?.status === 'unknown') || f.rules.some((r) => r.before === 'unknown' || r.after === 'unknown'));
  const ended = report.files.some((f) => f.rules.some((r) => r.before === 'no_longer_required' || r.after === 'no_longer_required'));
  return `<sub>✅ covered / met · ⚠️ partial · ❌ missing / unmet · ⏳ not yet required${ended ? ` · ${stateEmoji.no_longer_required} no longer required` : ''} · 📝 waived${unknown ? ` · ${stateEmoji.unknown} unknown` : ''} · ▲ better · ▼ worse${extra} · new and fixed findings are matched by code and message, not by line · rac diff</sub>`;
}

function trimNote(compacted: string[], omitted: string[]): string | undefined {
  if (!compacted.length && !omitted.length) return undefined;
  const parts: string[] = [];
  if (compacted.length) parts.push(`the details of ${plural(compacted.length, 'file')}`);
  if (omitted.length) {
    const names = omitted.slice(0, 5).map(code).join(', ');
    parts.push(`${plural(omitted.length, 'more file')} (${names}${omitted.length > 5 ? ', …' : ''})`);
  }
  return `> [!NOTE]\n> Left out to keep this summary under ${SUMMARY_LIMIT / 1024} KB: ${parts.join(' and ')}. Run \`rac diff\` locally or use \`--format json\` for the full report.`;
}

function details(summary: string, lines: string[]): string {
  return `<details><summary>${summary}</summary>\n\n${lines.join('\n')}\n\n</details>`;
}

function code(s: string): string {
  return `<code>${escapeMarkdown(s)}</code>`;
}

function link(text: string, href: string): string {
  return `[${escapeMarkdown(text)}](${href})`;
}

/** Each path segment percent-encoded, so spaces, parentheses and "#" cannot end the link early. */
function encodePath(path: string): string {
  return path.split('/').map((seg) => encodeURIComponent(seg).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join('/');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

