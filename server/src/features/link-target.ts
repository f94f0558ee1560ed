// Evidence links in a browser workspace, where files are URIs (vscode-vfs://github/…, file:// through the
// File System Access API): a link resolves against the document's URI like a path against its folder, and
// must stay inside the workspace folder's URI. Pure URI arithmetic: nothing is asked of any file system here.

/** The workspace folder (the longest) that holds the document, or undefined. */
export function folderOf(folders: readonly string[], uri: string): string | undefined {
  return folders.filter((f) => isInside(f, uri)).sort((a, b) => b.length - a.length)[0];
}

/** Whether `uri` is the folder or below it. Both are compared as normalised URLs, the folder with a final "/". */
export function isInside(folder: string, uri: string): boolean {
  const base = normalised(folder);
  const target = normalised(uri);
  if (base === undefined || target === undefined) return false;
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return target === base || target === prefix.slice(0, -1) || target.startsWith(prefix);
}

/**
 * The URI a relative evidence path names from the document, or undefined when it cannot name a file (a NUL
 * byte). Each path segment is percent-encoded first, so "a b.md" and "50%.md" are file names, not URL syntax;
 * "." and ".." keep their meaning and cannot climb above the URI's root.
 */
export function linkTarget(documentUri: string, link: string): string | undefined {
  if (link.includes('\0')) return undefined;
  const encoded = link.split('/').map((s) => (s === '.' || s === '..' ? s : encodeURIComponent(s))).join('/');
  try {
    return new URL(encoded, documentUri).href;
  } catch {
    return undefined;
  }
}

function normalised(uri: string): string | undefined {
  try {
    const url = new URL(uri);
    url.hash = '';
    url.search = '';
    return url.href;
  } catch {
    return undefined;
  }
}
