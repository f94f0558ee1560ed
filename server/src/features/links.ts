// Document links for evidence: https URLs as written, relative paths resolved against the document's
// folder. Paths the engine found outside the workspace, absolute paths, other schemes (http: among them) and
// https URLs that carry credentials or point at a private, loopback or link-local host get no link: the
// engine reports why. URI arithmetic only, so the same links come from the Node server (file:) and the
// browser one (vscode-vfs: …).
import type { DocumentLink } from 'vscode-languageserver';
import { openableUrl, type Analysis } from '../core/index';
import { lspRange, sameRange } from './convert';
import { linkTarget } from './link-target';
import { unquotedRange } from './yaml-edit';

export function documentLinks(analysis: Analysis, documentUri: string): DocumentLink[] {
  const outside = analysis.findings.filter((f) => f.code === 'link.outside-workspace').map((f) => f.range);
  const missing = analysis.findings.filter((f) => f.code === 'link.missing-file').map((f) => f.range);
  const links: DocumentLink[] = [];
  for (const link of analysis.model.links) {
    const range = lspRange(unquotedRange(analysis.lines, link.range) ?? link.range);
    if (link.kind === 'url') {
      const url = openableUrl(link.target);
      if (url) links.push({ range, target: url, tooltip: `Open ${url}` });
      continue;
    }
    if (outside.some((r) => sameRange(r, link.range)) || /^([\\/~]|[a-z]:[\\/])/i.test(link.target)) continue;
    // Undefined for a document without a folder (untitled:).
    const target = hierarchical(documentUri) ? linkTarget(documentUri, link.target) : undefined;
    if (!target) continue;
    const absent = missing.some((r) => sameRange(r, link.range));
    links.push({ range, target, tooltip: absent ? `${link.target} (not found next to this file)` : `Open ${link.target}` });
  }
  return links;
}

/** A URI with a path that has folders (file:///…, vscode-vfs://…), unlike untitled:Untitled-1. */
function hierarchical(uri: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(uri);
}
