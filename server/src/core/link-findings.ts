// Evidence links: URLs are never fetched (the schema admits https: only); relative paths are checked through
// the injected fileExists, which refuses anything outside the workspace without reading it.
import type { AnalyzeOptions, EvidenceLink, Finding } from './types';

export function linkFindings(links: EvidenceLink[], fileExists: AnalyzeOptions['fileExists'], root?: string): Finding[] {
  // Naming the root shows which folder bounds the links: a surprising one (the wrong --root) is seen at once.
  const workspace = root === undefined ? 'the workspace' : `the workspace root "${root}"`;
  const findings: Finding[] = [];
  if (!fileExists) return findings;
  for (const link of links) {
    if (link.kind === 'url' || /^([\\/~]|[a-z]:[\\/])/i.test(link.target)) continue; // the schema reports these
    const answer = fileExists(link.target);
    if (answer === 'missing') {
      findings.push({ code: 'link.missing-file', severity: 'warning', message: `evidence file "${link.target}" does not exist (relative to this file): add it or correct the path`, range: link.range });
    } else if (answer === 'outside') {
      findings.push({ code: 'link.outside-workspace', severity: 'warning', message: `"${link.target}" points outside ${workspace}: evidence must live inside it (it was not read)`, range: link.range });
    }
  }
  return findings;
}
