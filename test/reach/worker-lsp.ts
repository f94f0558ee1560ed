// A real LSP client for the language server built for a web worker (dist/browser/server.js): JSON-RPC with
// vscode-jsonrpc over whatever carries the worker's postMessage (a node:vm sandbox here, headless Chromium in
// test/browser/server.browser.ts). It answers the server's requests as VS Code would: the "relationship"
// settings, and relationship/fileExists from a folder on disk that stands for the editor's file system.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AbstractMessageReader, AbstractMessageWriter, createMessageConnection, type DataCallback, type Disposable, type Message, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

/** What the client needs of a transport: send a message to the worker, and be handed the worker's messages. */
export interface WorkerPort {
  post(message: unknown): void;
  onMessage(handler: (message: unknown) => void): void;
}

class PortReader extends AbstractMessageReader {
  private callback: DataCallback | undefined;
  constructor(port: WorkerPort) {
    super();
    port.onMessage((m) => this.callback?.(m as Message));
  }
  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    return { dispose: () => { this.callback = undefined; } };
  }
}

class PortWriter extends AbstractMessageWriter {
  constructor(private readonly port: WorkerPort) {
    super();
  }
  async write(message: Message): Promise<void> {
    this.port.post(message);
  }
  end(): void {}
}

export const WAIT_MS = 30_000;

export class WorkerLspClient {
  readonly connection: MessageConnection;
  /** Every relationship/fileExists question the server asked, URI by URI. */
  readonly asked: string[] = [];
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: (() => void)[] = [];

  /** The folder whose relationship files relationship/findFiles answers (the editor's workspace). */
  filesRoot: string | undefined;

  constructor(port: WorkerPort, private readonly settings: Record<string, unknown>) {
    this.connection = createMessageConnection(new PortReader(port), new PortWriter(port));
    this.connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map((i) => (i.section === 'relationship' ? this.settings : null)));
    this.connection.onRequest('client/registerCapability', () => null);
    // As the browser extension answers it (workspace.fs.stat), from the disk the file: URIs name.
    this.connection.onRequest('relationship/fileExists', ({ uris }: { uris: string[] }) => {
      this.asked.push(...uris);
      return { exists: uris.map((u) => u.startsWith('file:') && existsSync(fileURLToPath(u))) };
    });
    // As the browser extension answers them (workspace.findFiles, workspace.fs.readFile), from `filesRoot`.
    this.connection.onRequest('relationship/findFiles', () => ({ uris: this.filesRoot ? relationshipFilesUnder(this.filesRoot) : [] }));
    this.connection.onRequest('relationship/readFile', ({ uri }: { uri: string }): { text: string | null } => {
      try {
        return { text: readFileSync(fileURLToPath(uri), 'utf8') };
      } catch {
        return { text: null };
      }
    });
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(`${p.uri}#${p.version ?? ''}`, p);
      for (const w of this.waiters.splice(0)) w();
    });
    this.connection.onNotification(() => undefined);
    this.connection.listen();
  }

  async initialize(folderUri: string): Promise<unknown> {
    const result = await this.connection.sendRequest('initialize', {
      processId: null,
      rootUri: folderUri,
      workspaceFolders: [{ uri: folderUri, name: 'workspace' }],
      capabilities: { workspace: { configuration: true, workspaceFolders: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  open(uri: string, text: string, version = 1): void {
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'relationship-yaml', version, text } });
  }

  /** The first diagnostics published for this version of the document (bounded wait: a hang fails the test). */
  async diagnosticsOf(uri: string, version: number | '' = 1): Promise<Diagnostic[]> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const found = this.diagnostics.get(`${uri}#${version}`);
      if (found) return found.diagnostics;
      if (Date.now() > deadline) throw new Error(`no diagnostics for ${uri} version ${version} within ${WAIT_MS} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, WAIT_MS);
        this.waiters.push(() => { clearTimeout(timer); resolve(); });
      });
    }
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  dispose(): void {
    this.connection.dispose();
  }
}

/** A CLI finding and an LSP diagnostic in one comparable form. */
export function findingKey(f: { line: number; column: number; severity: string; code: string; message: string }): string {
  return `${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`;
}

const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];
export function diagnosticKey(d: Diagnostic): string {
  return findingKey({ line: d.range.start.line + 1, column: d.range.start.character + 1, severity: SEVERITY[d.severity ?? 1], code: String(d.code), message: messageText(d) });
}

/** A diagnostic's message as text (LSP 3.18 also allows Markdown). */
export function messageText(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

function relationshipFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : relationshipFilesUnder(path);
    return /\.relationship\.ya?ml$/.test(e.name) ? [pathToFileURL(path).href] : [];
  });
}
