// The language server's files on Node: evidence links checked on the file system (the same fileExistsFor the
// CLI uses), relationship files found by walking the workspace folders. Every answer is known at once.
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve as resolvePath } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FindOptions, FoundFiles, WorkspaceFiles } from '../workspace-files';
import { fileExistsFor, inside } from './files';
import { walkRelationshipFiles } from './walk';

export class NodeWorkspaceFiles implements WorkspaceFiles {
  private folders: string[] = [];
  readonly stamp = '';

  setFolders(uris: readonly string[]): void {
    this.folders = uris.filter((u) => u.startsWith('file:')).map((u) => resolvePath(fileURLToPath(u)));
  }

  rootOf(uri: string): string | undefined {
    if (!uri.startsWith('file:')) return undefined;
    const path = fileURLToPath(uri);
    return this.folders.filter((folder) => inside(folder, path)).sort((a, b) => b.length - a.length)[0];
  }

  linkCheck(uri: string) {
    const root = this.rootOf(uri);
    return root === undefined ? undefined : fileExistsFor(fileURLToPath(uri), root);
  }

  async settle(): Promise<boolean> {
    return false;
  }

  /** The shared walk (walk.ts) of each folder, bounded by that folder: it never blocks the server. */
  async relationshipFiles(options: FindOptions = {}): Promise<FoundFiles> {
    const paths = new Set<string>();
    const found: FoundFiles = { uris: [], skipped: [], cancelled: false };
    for (const folder of this.folders) {
      const walked = await walkRelationshipFiles(folder, {
        root: folder,
        cancelled: options.cancelled,
        progress: (searched, files) => options.progress?.(searched, paths.size + files),
      });
      for (const path of walked.files) paths.add(path);
      found.skipped.push(...walked.skipped.map((s) => ({ uri: pathToFileURL(s.path).href, reason: s.reason })));
      if (walked.cancelled) {
        found.cancelled = true;
        break;
      }
    }
    found.uris = [...paths].map((p) => pathToFileURL(p).href);
    return found;
  }

  async sizeOf(uri: string): Promise<number | undefined> {
    try {
      return (await stat(fileURLToPath(uri))).size;
    } catch {
      return undefined;
    }
  }

  async readText(uri: string): Promise<string | undefined> {
    try {
      return await readFile(fileURLToPath(uri), 'utf8');
    } catch {
      return undefined;
    }
  }

  identity(uri: string): string {
    return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
  }

  displayName(uri: string): string {
    return uri.startsWith('file:') ? basename(fileURLToPath(uri)) : uri;
  }

  // The Node server re-reads the file system for every analysis: nothing is cached to drop.
  onDidChange(): void {}
}
