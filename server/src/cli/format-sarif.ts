// `rac check --format sarif`: SARIF 2.1.0 for code-scanning tools. One run; a rule for every code that occurs
// (evidence rules described by the catalog); regions 1-based with UTF-16 columns; locations relative to
// %SRCROOT%, the working folder. Unreadable files become tool execution notifications.
import { pathToFileURL } from 'node:url';
import type * as sarif from 'sarif';
import { loadCatalog, type Range, type RuleResult, type Severity } from '../core/index';
import { flatFinding } from './flat-finding';
import { jsonReport } from './format-json';
import { explainCommand, helpUri, ruleHelp, ruleProperties } from './rule-help';
import type { FileResult, FormatOptions } from './types';
import { HOMEPAGE, TOOL_NAME, VERSION } from './version';

const LEVEL: Record<Severity, sarif.Result.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
const RANK: Record<sarif.Result.level, number> = { error: 0, warning: 1, note: 2, none: 3 };

export function sarifLog(files: FileResult[], options: Pick<FormatOptions, 'cwd'>): sarif.Log {
  // The default level of a rule is the most severe level it occurs with in this run.
  const levels = new Map<string, sarif.Result.level>();
  for (const f of files.flatMap((file) => file.analysis?.findings ?? [])) {
    const level = LEVEL[f.severity];
    const seen = levels.get(f.code);
    if (!seen || RANK[level] < RANK[seen]) levels.set(f.code, level);
  }
  // The organisation's rules (added by a profile) are listed whether or not they have findings in this run, like
  // the catalog's rules a reader looks up: the table shows the policy the files were checked with.
  const added = new Map<string, RuleResult>();
  for (const f of files) for (const p of f.analysis?.coverage.principles ?? []) for (const r of p.rules) if (r.source) added.set(`evidence.${r.id}`, r);
  const codes = [...new Set([...levels.keys(), ...added.keys()])].sort();
  const index = new Map(codes.map((code, i) => [code, i]));
  const rules: sarif.ReportingDescriptor[] = codes.map((code) => {
    const own = added.get(code);
    if (own) {
      return {
        id: code,
        shortDescription: { text: `${own.id} ${own.title}` },
        fullDescription: { text: `The organisation's rule (added by ${own.source}) for principle ${own.principle}: ${own.why}` },
        help: { text: `Follow the message of the finding, which says how to meet the rule. ${explainCommand(code)} describes it in full.`, markdown: `Follow the message of the finding, which says how to meet the rule. \`${explainCommand(code)}\` describes it in full.` },
        defaultConfiguration: { level: levels.get(code) ?? 'warning' },
        properties: { addedBy: own.source, ...ruleProperties({ principle: own.principle, iso44001: own.iso44001, from_stage: own.fromStage, until_stage: own.untilStage, when_status: own.whenStatus }) },
      };
    }
    const h = ruleHelp(code);
    const uri = helpUri(code);
    const spec = code.startsWith('evidence.') ? loadCatalog().rules.get(code.slice('evidence.'.length))?.rule : undefined;
    // help says how to fix it, then where the whole rule is described: the terminal command and the web page.
    const more = `${explainCommand(code)} describes it in full${uri ? `; see also ${uri}` : ''}.`;
    return {
      id: code,
      shortDescription: { text: h.short },
      fullDescription: { text: h.full },
      help: { text: `${h.help} ${more}`, markdown: `${h.help} \`${explainCommand(code)}\` describes it in full${uri ? ` ([rule table](${uri}))` : ''}.` },
      ...(uri ? { helpUri: uri } : {}),
      defaultConfiguration: { level: levels.get(code) },
      ...(spec ? { properties: ruleProperties(spec) } : {}),
    };
  });

  const results: sarif.Result[] = [];
  const notifications: sarif.Notification[] = [];
  for (const file of files) {
    const artifactLocation = artifact(file.path);
    if (file.error || !file.analysis) {
      notifications.push({ level: 'error', message: { text: `${file.path}: ${file.error ?? 'not analysed'}` }, locations: [{ physicalLocation: { artifactLocation } }] });
      continue;
    }
    for (const f of file.analysis.findings) {
      const flat = flatFinding(f);
      const result: sarif.Result = {
        ruleId: f.code,
        ruleIndex: index.get(f.code),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [{
          physicalLocation: {
            artifactLocation,
            region: { startLine: flat.line, startColumn: flat.column, endLine: flat.endLine, endColumn: flat.endColumn },
          },
        }],
      };
      if (f.related?.length) {
        // Where a repeated key or id was first defined, the anchor an alias repeats: SARIF viewers link them.
        result.relatedLocations = f.related.map((r, i) => ({
          id: i + 1,
          message: { text: r.message },
          physicalLocation: { artifactLocation, region: region(r.range) },
        }));
      }
      if (f.principle || f.rule) result.properties = { ...(f.principle ? { principle: f.principle } : {}), ...(f.rule ? { rule: f.rule } : {}) };
      results.push(result);
    }
  }

  const run: sarif.Run = {
    tool: { driver: { name: TOOL_NAME, version: VERSION, semanticVersion: VERSION, informationUri: HOMEPAGE, rules } },
    originalUriBaseIds: { '%SRCROOT%': { uri: directoryUri(options.cwd) } },
    columnKind: 'utf16CodeUnits',
    invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
    results,
    // Coverage has no SARIF shape of its own; consumers that want it find it here, as in --format json.
    properties: { coverage: jsonReport(files).files.map((f) => ({ path: f.path, coverage: f.coverage })) },
  };
  return { version: '2.1.0', $schema: 'https://json.schemastore.org/sarif-2.1.0.json', runs: [run] };
}

/** A range as a SARIF region: 1-based, the end column exclusive, as flatFinding counts. */
function region(range: Range): sarif.Region {
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

/** A display path as a SARIF artifact location: relative ones against %SRCROOT%, others as file: URLs. */
function artifact(path: string): sarif.ArtifactLocation {
  if (path.startsWith('/') || /^[a-z]:\//i.test(path)) return { uri: pathToFileURL(path).href };
  return { uri: path.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

export function formatSarif(files: FileResult[], options: Pick<FormatOptions, 'cwd'>): string {
  return JSON.stringify(sarifLog(files, options), null, 2) + '\n';
}
