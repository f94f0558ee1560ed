// The engine's only entry: text in, Analysis out. Pure and synchronous; never throws.
import { toDay } from './dates';
import { dateFindings, invalidDatePaths } from './date-findings';
import { checkContext, evidenceSteps } from './evidence';
import { computeCoverage } from './coverage';
import { linkFindings } from './link-findings';
import { breachedTriggerFindings, trustGapFindings } from './measure-findings';
import { Locator } from './locate';
import { indexEdited } from './model-splice';
import { reparse } from './incremental';
import { parse } from './parse';
import { refFindings } from './refs';
import { documentSymbols, principleTitles } from './symbols';
import { LineIndex, textEdit, type TextEdit } from './text';
import { effectivePolicy } from './policy';
import { oversize, tooLargeMessage } from './size-limit';
import { schemaFindings } from './validate';
import { formatFindings } from './format-version';
import { readWaivers } from './waivers';
import { waiverPolicy } from './waiver-policy';
import { recoverSections } from './sections';
import { readStage } from './stage';
import { stageFindings } from './stage-findings';
import { runSteps } from './steps';
import type { Document } from 'yaml';
import type { Analysis, AnalyzeOptions, DocumentInfo, Finding, Model, Path, Severity, SymbolNode } from './types';

export function analyze(text: string, options: AnalyzeOptions): Analysis {
  return analyzeEdited(undefined, text, options);
}

/**
 * The analysis of `text`, the same as analyze() gives, made from the previous analysis of the same document when
 * there is one: only the part the edit touched is parsed again (incremental.ts), the line index and the model
 * follow the splice (text.ts, model-splice.ts), and the checks run on the whole spliced result (they take a small
 * part of the time parsing does). When the splice is taken, the previous
 * analysis's syntax tree becomes the new one's (its nodes are moved, not copied): the caller must replace the
 * previous analysis with the returned one and not read its `document` or `symbols` again.
 */
export function analyzeEdited(previous: Analysis | undefined, text: string, options: AnalyzeOptions): Analysis {
  return runSteps(analysisSteps(previous, text, options));
}

/**
 * The parse of a new text and what is read from its tree alone, before any check: what requests that read the
 * tree (completion, hover, definition) need.
 */
export interface AnalysisStructure {
  document: Document.Parsed | undefined;
  lines: LineIndex;
  model: Model;
  /** The document as plain data (undefined when it does not parse to a map). */
  data: unknown;
  source: NonNullable<Analysis['source']>;
  /** Where the new text differs from the one the previous analysis was made from, when there is one. */
  edit?: TextEdit;
}

/**
 * analyzeEdited() in steps, for a caller that must stay responsive (the language server): it yields between the
 * checks, each a few milliseconds on a big file, and first of all the structure, once the text is parsed and
 * its model read. When that structure was spliced from the previous analysis, the previous analysis's tree is
 * already this one's: a caller that keeps answering while the steps run answers from the structure (with
 * provisionalAnalysis), not from the previous analysis. The result is exactly analyzeEdited()'s.
 */
export function* analysisSteps(previous: Analysis | undefined, text: string, options: AnalyzeOptions): Generator<AnalysisStructure | undefined, Analysis, void> {
  const previousSource = previous?.source;
  const edit = previousSource && textEdit(previousSource.text, text);
  const lines = previousSource && edit ? LineIndex.edited(previousSource.lines, text, edit) : new LineIndex(text);
  const asOf = toDay(options.asOf);
  const findings: Finding[] = [];
  if (asOf === undefined) throw new RangeError(`asOf must be a YYYY-MM-DD date, got "${options.asOf}"`);
  const bytes = oversize(text);
  if (bytes !== undefined) return tooLargeAnalysis(bytes, options, lines);

  const parsed = (previousSource && reparse(previousSource, text, lines, edit)) || parse(text, lines);
  findings.push(...parsed.findings);
  const document = parsed.document;
  const locate = new Locator(document, lines, parsed.spliceable ? false : undefined);
  const isMapData = !!parsed.data && typeof parsed.data === 'object' && !Array.isArray(parsed.data);
  const data = (isMapData ? parsed.data : {}) as Record<string, unknown>;
  const syntaxBroken = parsed.findings.length > 0;
  // After a structural syntax error the tree is the parser's best guess: schema errors on it would mostly be noise.
  const treeBroken = parsed.findings.some((f) => f.code === 'syntax' || f.code === 'syntax.too-deep');
  // Not text.trim(): that copies a megabyte on every keystroke in a big file.
  const empty = !/\S/.test(text);
  const blank = empty || (!syntaxBroken && (parsed.data === null || parsed.data === undefined));

  if (blank || (!isMapData && !syntaxBroken)) {
    const range = blank ? lines.range(0, 0) : locate.head(document?.contents as never) ?? lines.range(0, 0);
    const start = `start with schema_version: "2", metadata and parties (${options.newFileHint ?? 'the "Relationship: New Relationship File" command writes a skeleton'})`;
    findings.push({
      code: 'schema.type',
      severity: 'error',
      message: empty ? `the file is empty: ${start}`
        : blank ? `the file holds no data yet, only comments: ${start}`
        : 'a relationship file is a map of keys (schema_version, metadata, parties, principles…), not a single value or a list',
      range,
    });
  }
  const indexed = indexEdited(previousSource, parsed, lines);
  const { model, dates } = indexed;
  // The previous outcomes until the rules have run: an analysis stopped before them (superseded) passes them on.
  const source: NonNullable<Analysis['source']> = { text, parsed, lines, indexed, outcomes: previousSource?.outcomes };
  yield { document, lines, model, data: isMapData ? parsed.data : undefined, source, edit };

  let broken: Path[] = [];
  if (!blank && (isMapData || syntaxBroken) && !treeBroken && parsed.data !== undefined) {
    const schema = schemaFindings(parsed.data, locate);
    findings.push(...schema.findings);
    broken = schema.broken;
    yield;
  }
  findings.push(...formatFindings(parsed.data, document, lines, locate, syntaxBroken));
  yield;
  findings.push(...refFindings(model));
  yield;
  if (!treeBroken) broken.push(...invalidDatePaths(dates));

  // A broken tree is the parser's guess: coverage reads each section that parses on its own instead, and the
  // rules reading the others are unknown (their findings are not reported on a broken tree anyway).
  const recovered = treeBroken ? recoverSections(text) : undefined;
  const judged = recovered?.data ?? data;
  if (recovered) broken = recovered.broken;
  const metadataBroken = broken.some((p) => p.length === 0 || p[0] === 'metadata');
  const metadata = (data.metadata && typeof data.metadata === 'object' ? data.metadata : {}) as Record<string, unknown>;
  const { stage, declared, known: stageKnown } = readStage(judged.metadata, recovered && metadataBroken ? text : undefined);
  // The profiles' overrides may depend on the metadata, so the policy is folded once the file is read.
  const judgedMetadata = (judged.metadata && typeof judged.metadata === 'object' ? judged.metadata : {}) as Record<string, unknown>;
  const policy = effectivePolicy(options.policy, judgedMetadata);
  const catalog = policy.catalog;
  const { waivers, findings: waiverFindings } = readWaivers(judged, asOf, locate, { known: policy.known, maxDays: policy.maxWaiverDays, schemaVersion: judged.schema_version });
  yield;
  const evidence = yield* evidenceSteps(catalog, checkContext(judged, asOf), stage, waivers, locate, { stageKnown, broken }, previousSource?.outcomes);
  source.outcomes = evidence.outcomes;
  waiverFindings.push(...waiverPolicy(waivers, evidence.results, catalog, judged, locate, lines));
  // A file that is not a map of keys has one finding, saying so; rule-by-rule warnings would only bury it.
  if (!syntaxBroken && isMapData) {
    findings.push(...waiverFindings, ...evidence.findings, ...dateFindings(dates, asOf), ...linkFindings(model.links, options.fileExists, options.workspaceRoot),
      ...breachedTriggerFindings(judged, locate), ...trustGapFindings(judged, locate));
    findings.push(...stageFindings(data, stage, stageKnown, locate));
    yield;
  }

  const principles = data.principles && typeof data.principles === 'object' ? (data.principles as Record<string, unknown>) : {};
  const unknownBecause = [
    ...(stageKnown ? [] : ['lifecycle_stage does not name a stage, so which rules count cannot be judged']),
    ...(recovered ? brokenSections(recovered.broken)
      : broken.some((p) => p.join('.') !== 'metadata.lifecycle_stage') ? ['values they read are broken (fix the errors first)'] : []),
  ];
  const coverage = computeCoverage(catalog, evidence.results, { stage, stageKnown, asOf: options.asOf, unknownBecause }, (id) => (id in principles ? locate.key(['principles', id]) : undefined));
  if (policy.off.length > 0) coverage.off = policy.off;
  const titles = principleTitles(catalog);
  const info: DocumentInfo = {
    id: scalar(metadata.id), title: scalar(metadata.title), version: scalar(metadata.version), status: scalar(metadata.status), stage, stageDeclared: declared, stageKnown,
  };

  let symbols: SymbolNode[] | undefined;
  return {
    findings: applySeverity(throughAliases(findings, locate, lines), policy.codes).sort(byPosition),
    coverage,
    model,
    // The outline is built when asked for: most analyses (one per pause in typing) never show it.
    get symbols() {
      symbols ??= documentSymbols(document, lines, titles);
      return symbols;
    },
    waivers,
    info,
    document,
    lines,
    data: isMapData ? parsed.data : undefined,
    catalog,
    source,
  };
}

/**
 * What a text over the size limit gets instead of an analysis: one finding at the start of the file (the one
 * case where 0:0 is the right place) and the analysis of an empty file otherwise. `lines` is the text's own,
 * or an empty text's for a file that was never read.
 */
export function tooLargeAnalysis(bytes: number, options: AnalyzeOptions, lines = new LineIndex('')): Analysis {
  const nothing = analyze('', options);
  const message = `${tooLargeMessage(bytes)}: a relationship file is a few hundred lines, so it is not analysed; split it, or remove what does not belong in it`;
  return { ...nothing, findings: [{ code: 'file.too-large', severity: 'error', message, range: lines.range(0, 0) }], lines, source: undefined };
}

/**
 * A finding placed on an alias is about the anchored value it repeats: it says so and points at the anchor,
 * and it carries no fix, which would overwrite the alias with a copy.
 */
function throughAliases(findings: Finding[], locate: Locator, lines: LineIndex): Finding[] {
  if (!locate.hasAliases()) return findings;
  return findings.map((f) => {
    // The parser's own findings are about the text where they stand, not about a value the alias repeats.
    const alias = f.code === 'syntax' || f.code.startsWith('syntax.') ? undefined : locate.aliasAt(lines.offsetAt(f.range.start));
    if (!alias) return f;
    const related = alias.anchor ? [...(f.related ?? []), { range: alias.anchor, message: `the anchor "&${alias.name}" that this alias repeats` }] : f.related;
    const { fixes: _fixes, ...rest } = f;
    return { ...rest, message: `${f.message} (through the alias "*${alias.name}")`, related };
  });
}

/** "metadata does not parse", "principles.exit_strategy does not parse", "the file does not parse". */
function brokenSections(paths: Path[]): string[] {
  return paths.map((p) => `${p.length ? p.join('.') : 'the file'} does not parse`);
}

function scalar(v: unknown): string | undefined {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

function applySeverity(findings: Finding[], policy: Record<string, Severity | 'off'>): Finding[] {
  if (Object.keys(policy).length === 0) return findings;
  const out: Finding[] = [];
  for (const f of findings) {
    let chosen: Severity | 'off' | undefined = policy[f.code];
    if (chosen === undefined) {
      const prefix = Object.keys(policy).filter((k) => k.endsWith('.') && f.code.startsWith(k)).sort((a, b) => b.length - a.length)[0];
      if (prefix) chosen = policy[prefix];
    }
    if (chosen === 'off') continue;
    out.push(chosen ? { ...f, severity: chosen } : f);
  }
  return out;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/**
 * By line, and on one line the errors first: a line's error is usually the cause of what else is said about
 * it ("next_review_due" is no date, so the review looks overdue), and the cause is read first. Codes are
 * ASCII and compared as such: localeCompare would set up ICU's collation on a server's first analysis (5 ms of
 * its cold start).
 */
function byPosition(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]
    || a.range.start.character - b.range.start.character || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}
