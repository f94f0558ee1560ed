// The language server's files on Node: evidence links checked on the file system (the same fileExistsFor the
// CLI uses), relationship files found by walking the workspace folders. Every answer is known at once.
import { readFile } from 'node:fs/promises';
import { basename, resolve as resolvePath } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WorkspaceFiles } from '../workspace-files';
import { fileExistsFor, findRelationshipFiles, inside } from './files';

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

  async relationshipFiles(): Promise<string[]> {
    const paths = new Set(this.folders.flatMap((folder) => findRelationshipFiles(folder)));
    return [...paths].map((p) => pathToFileURL(p).href);
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
