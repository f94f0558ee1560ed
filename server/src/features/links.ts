// Document links for evidence: https URLs as written, relative paths resolved against the document's
// folder. Paths the engine found outside the workspace, absolute paths, other schemes (http: among them) and
// https URLs that carry credentials or point at a private, loopback or link-local host get no link: the
// engine reports why.
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DocumentLink } from 'vscode-languageserver';
import { openableUrl, type Analysis } from '../core/index';
import { lspRange, sameRange } from './convert';
import { unquotedRange } from './yaml-edit';

export function documentLinks(analysis: Analysis, documentUri: string): DocumentLink[] {
  const outside = analysis.findings.filter((f) => f.code === 'link.outside-workspace').map((f) => f.range);
  const missing = analysis.findings.filter((f) => f.code === 'link.missing-file').map((f) => f.range);
  const folder = folderOf(documentUri);
  const links: DocumentLink[] = [];
  for (const link of analysis.model.links) {
    const range = lspRange(unquotedRange(analysis.lines, link.range) ?? link.range);
    if (link.kind === 'url') {
      const url = openableUrl(link.target);
      if (url) links.push({ range, target: url, tooltip: `Open ${url}` });
      continue;
    }
    if (!folder || outside.some((r) => sameRange(r, link.range)) || /^([\\/~]|[a-z]:[\\/])/i.test(link.target)) continue;
    const target = pathToFileURL(resolve(folder, link.target)).href;
    const absent = missing.some((r) => sameRange(r, link.range));
    links.push({ range, target, tooltip: absent ? `${link.target} (not found next to this file)` : `Open ${link.target}` });
  }
  return links;
}

function folderOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return dirname(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}
