// What the language server needs from the files around a document, behind one small interface, so the same
// server runs on Node (the file system, server/src/node/workspace-files.ts) and in a browser worker (the
// editor's file system, asked through the client: server/src/browser/client-files.ts). The core stays pure
// and synchronous: it receives `linkCheck`'s answer function, which answers from what is known at once.
import type { FileCheck } from './core/index';

export interface FindOptions {
  /** Asked between folders: true stops the search, which then answers what it found so far. */
  cancelled?: () => boolean;
  /** Told now and then how far the search got. */
  progress?: (folders: number, files: number) => void;
}

export interface FoundFiles {
  uris: string[];
  skipped: { uri: string; reason: string }[];
  cancelled: boolean;
}

export interface WorkspaceFiles {
  /** The editor's workspace folders (URIs) bound every evidence link; called at start and on each change. */
  setFolders(uris: readonly string[]): void;
  /** The workspace folder (URI or path) that bounds the document, or undefined (untitled, outside every folder). */
  rootOf(uri: string): string | undefined;
  /** The evidence-link check for the document, or undefined when its links are not checked (no folder holds it). */
  linkCheck(uri: string): ((relativePath: string) => FileCheck) | undefined;
  /**
   * A value that changes whenever an answer `linkCheck` gives may have changed: part of the analysis cache key.
   */
  readonly stamp: string;
  /**
   * Called after each analysis: true when that analysis of the document used provisional link answers and the
   * real ones have now arrived (analyse again); false at once when every answer was known.
   */
  settle(uri: string): Promise<boolean>;
  /**
   * Every relationship file under the workspace folders, as URIs (empty where folders cannot be walked), and the
   * ones left out with the reason (a symbolic link out of the workspace). Stops early when `cancelled()` says so.
   */
  relationshipFiles(options?: FindOptions): Promise<FoundFiles>;
  /** The size in bytes of a file that is not open, when it can be known without reading it. */
  sizeOf(uri: string): Promise<number | undefined>;
  /** The text of a file that is not open, or undefined when it cannot be read. */
  readText(uri: string): Promise<string | undefined>;
  /** What names one file whatever the spelling of its URI (an open document and a found file compare equal). */
  identity(uri: string): string;
  /** A short name for the document in the preview: its file name. */
  displayName(uri: string): string;
  /** Files changed on disk (workspace/didChangeWatchedFiles, which the server receives and passes on). */
  filesChanged?(changes: readonly { uri: string; type: number }[]): void;
  /** Registers what to do when files changed so that earlier link answers may be wrong. */
  onDidChange(listener: () => void): void;
}
