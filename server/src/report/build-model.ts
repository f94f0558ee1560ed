// PURE. Analysis → ReportModel: everything the preview and the report draw, as plain JSON.
import { countSeverities, loadCatalog, Locator, toDay, type Analysis } from '../core/index';
import { buildHeatMap } from './heat-map';
import { buildLifecycle } from './lifecycle';
import { buildTimeline } from './timeline';
import type { ReportFinding, ReportModel } from './model';

export interface ReportSource {
  uri: string;
  /** A display path or file name. */
  path: string;
  version: number;
}

export function buildReportModel(analysis: Analysis, source: ReportSource): ReportModel {
  const { coverage, info } = analysis;
  const locate = new Locator(analysis.document, analysis.lines);
  const asOf = toDay(coverage.asOf) ?? 0;
  const counts = countSeverities(analysis.findings);
  const findings: ReportFinding[] = analysis.findings.map((f) => ({ code: f.code, severity: f.severity, message: f.message, range: f.range, principle: f.principle, rule: f.rule }));
  return {
    uri: source.uri,
    path: source.path,
    version: source.version,
    info,
    coverage,
    findings,
    waivers: analysis.waivers,
    lifecycle: buildLifecycle(coverage, info.stageDeclared),
    heatMap: buildHeatMap(analysis.data, locate),
    timeline: buildTimeline(analysis.data, asOf, analysis.catalog ?? loadCatalog(), analysis.waivers, locate),
    links: analysis.model.links.map((l) => ({ target: l.target, kind: l.kind, principle: l.path[0] === 'principles' && typeof l.path[1] === 'string' ? l.path[1] : undefined, range: l.range })),
    counts: { errors: counts.errors, warnings: counts.warnings, information: counts.information + counts.hints },
  };
}
