// The language server's files in a browser worker: there is no disk, so the editor answers. An evidence link
// the server has not asked about yet is provisionally "exists" (no warning that may turn out false); after the
// analysis, every such link is asked of the client in one request, the answers are cached, and `settle` tells
// the server to analyse again with them. The cache is dropped when the client reports changed files. Closed
// relationship files are found and read by the editor too.
import { FileChangeType, type Connection, type FileEvent } from 'vscode-languageserver';
import type { FileCheck } from '../core/index';
import { FileExistsRequest, FindRelationshipFilesRequest, ReadFileRequest } from '../protocol';
import type { FoundFiles, WorkspaceFiles } from '../workspace-files';
import { folderOf, isInside, linkTarget } from '../features/link-target';

export class ClientWorkspaceFiles implements WorkspaceFiles {
  private folders: readonly string[] = [];
  private readonly known = new Map<string, boolean>();
  /** Targets asked about by an analysis and not yet sent to the client. */
  private readonly pending = new Set<string>();
  /** Documents whose last analysis used a provisional answer. */
  private readonly provisional = new Set<string>();
  private inFlight: Promise<void> | undefined;
  private generation = 0;
  private readonly listeners: (() => void)[] = [];

  constructor(private readonly connection: Connection) {}

  /** The server passes on workspace/didChangeWatchedFiles (one handler per connection: the server owns it). */
  filesChanged(changes: readonly FileEvent[]): void {
    // A created or deleted file changes answers; which documents link to it is not tracked, so all are redone.
    if (this.known.size === 0 || !changes.some((c) => c.type !== FileChangeType.Changed)) return;
    this.known.clear();
    this.generation++;
    for (const listener of this.listeners) listener();
  }

  get stamp(): string {
    return String(this.generation);
  }

  setFolders(uris: readonly string[]): void {
    this.folders = [...uris];
  }

  rootOf(uri: string): string | undefined {
    return folderOf(this.folders, uri);
  }

  linkCheck(uri: string): ((relativePath: string) => FileCheck) | undefined {
    const root = this.rootOf(uri);
    if (root === undefined) return undefined;
    return (link) => {
      const target = linkTarget(uri, link);
      if (target === undefined) return 'missing';
      if (!isInside(root, target)) return 'outside';
      const answer = this.known.get(target);
      if (answer !== undefined) return answer ? 'exists' : 'missing';
      this.pending.add(target);
      this.provisional.add(uri);
      return 'exists';
    };
  }

  async settle(uri: string): Promise<boolean> {
    if (!this.provisional.delete(uri)) return false;
    await this.flush();
    return true;
  }

  /** Sends what is pending, one request at a time, until nothing is pending or in flight. */
  private async flush(): Promise<void> {
    while (this.inFlight || this.pending.size > 0) {
      if (!this.inFlight) {
        const batch = [...this.pending];
        this.pending.clear();
        this.inFlight = this.ask(batch).finally(() => {
          this.inFlight = undefined;
        });
      }
      await this.inFlight;
    }
  }

  private async ask(uris: string[]): Promise<void> {
    let exists: boolean[];
    try {
      ({ exists } = await this.connection.sendRequest(FileExistsRequest, { uris }));
    } catch (e) {
      // A client that cannot answer leaves the links unchecked, as on a desktop without a workspace folder.
      this.connection.console.error(`checking evidence links through the editor failed: ${e instanceof Error ? e.message : String(e)}`);
      exists = [];
    }
    uris.forEach((u, i) => this.known.set(u, exists[i] ?? true));
    this.generation++;
  }

  // "Check All Relationship Files in Workspace": the editor finds and reads the files.
  // The editor searches its own file system (it honours files.exclude); nothing is skipped on this side.
  async relationshipFiles(): Promise<FoundFiles> {
    const { uris } = await this.connection.sendRequest(FindRelationshipFilesRequest, {});
    return { uris, skipped: [], cancelled: false };
  }

  // Not asked of the editor: an oversized text is still refused by analyze() once read.
  async sizeOf(): Promise<number | undefined> {
    return undefined;
  }

  async readText(uri: string): Promise<string | undefined> {
    try {
      return (await this.connection.sendRequest(ReadFileRequest, { uri })).text ?? undefined;
    } catch {
      return undefined;
    }
  }

  identity(uri: string): string {
    return uri;
  }

  displayName(uri: string): string {
    const last = uri.replace(/[?#].*$/, '').split('/').pop() ?? uri;
    try {
      return decodeURIComponent(last);
    } catch {
      return last;
    }
  }

  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }
}
