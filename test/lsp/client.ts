// A real LSP client for protocol tests: it spawns the built server (`node dist/server.js --stdio`), speaks
// JSON-RPC over the child's pipes with vscode-jsonrpc, and records everything the server pushes so a test can
// wait for it. Build first (`node esbuild.mjs`, which `npm test` does); RAC_SERVER=/path/server.js overrides.
//
//   import { LspClient, cursor } from './client';
//   let client: LspClient;
//   before(async () => { client = await LspClient.start({ settings: { asOf: '2025-11-01' } }); });
//   after(() => client.stop());                                      // always: kills the child
//
//   const uri = client.open('a.relationship.yaml', text);             // didOpen, version 1
//   const diagnostics = await client.diagnostics(uri, 1);            // publishDiagnostics for version 1
//   const { text, position } = cursor('metadata:\n  status: |');     // "|" marks the position
//   const list = await client.request('textDocument/completion', { textDocument: { uri }, position });
//
// Waiting is on events with a generous timeout that fails with a message saying what never came; there are
// no fixed sleeps. `mark()` then `waitFor(…, { after })` waits for a message sent after an action.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { ClientCapabilities, Diagnostic, Position, PublishDiagnosticsParams, Range } from 'vscode-languageserver-protocol';

export const DEFAULT_TIMEOUT_MS = 20_000;

/** The server bundle: beside the test bundle's repository (dist-test/lsp/ → dist/), else the working folder's. */
export function serverPath(): string {
  if (process.env.RAC_SERVER) return process.env.RAC_SERVER;
  const besideBundle = join(__dirname, '..', '..', 'dist', 'server.js');
  return existsSync(besideBundle) ? besideBundle : join(process.cwd(), 'dist', 'server.js');
}

/** Text with one "|" marking a position → the text without it and the LSP position (UTF-16 columns). */
export function cursor(marked: string, marker = '|'): { text: string; position: Position; offset: number } {
  const offset = marked.indexOf(marker);
  if (offset < 0) throw new Error(`no "${marker}" in the text`);
  const text = marked.slice(0, offset) + marked.slice(offset + marker.length);
  return { text, position: positionAt(text, offset), offset };
}

/** An offset → an LSP position; lines end at \n, \r\n or \r. */
export function positionAt(text: string, offset: number): Position {
  let line = 0;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      start = i + 1;
    }
  }
  return { line, character: offset - start };
}

/** The range of the n-th (0-based) occurrence of `needle` in `text`. */
export function rangeOf(text: string, needle: string, nth = 0): Range {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" occurs fewer than ${nth + 1} times`);
  }
  return { start: positionAt(text, at), end: positionAt(text, at + needle.length) };
}

export interface Received { seq: number; method: string; params: unknown }

export interface StartOptions {
  /** The "relationship" settings answered to workspace/configuration (undefined: the client has none). */
  settings?: Record<string, unknown>;
  /** Files to create in the workspace folder, by relative path. */
  files?: Record<string, string>;
  /** Overrides of the client capabilities this client announces. */
  capabilities?: ClientCapabilities;
  /** Another server to drive (the bench runs yaml-language-server): the command and its arguments. */
  command?: string[];
  /** Settings of other sections, answered to workspace/configuration (yaml-language-server reads "yaml"). */
  sections?: Record<string, unknown>;
  /** Variables added to the server's environment (TZ, to pin the time zone "today" is read in). */
  env?: Record<string, string>;
}

export class LspClient {
  readonly received: Received[] = [];
  private seq = 0;
  private listeners: (() => void)[] = [];
  private stderrText = '';
  private exited = false;

  private constructor(
    readonly workspace: string,
    private readonly child: ChildProcessWithoutNullStreams,
    readonly connection: MessageConnection,
    public settings: Record<string, unknown> | undefined,
    private readonly sections: Record<string, unknown> = {},
  ) {
    child.stderr.on('data', (chunk: Buffer) => (this.stderrText += chunk.toString('utf8')));
    child.on('exit', () => {
      this.exited = true;
      this.notify();
    });
    connection.onNotification((method, params) => this.record(method, params));
    // $/progress has its own dispatch in vscode-jsonrpc (by token); work-done progress arrives here.
    connection.onUnhandledProgress((params) => this.record('$/progress', params));
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => {
      this.record('workspace/configuration', params);
      return params.items.map((item) => (item.section === 'relationship' ? this.settings ?? null : this.sections[item.section ?? ''] ?? null));
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('client/unregisterCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('window/showMessageRequest', () => null);
    connection.onRequest('workspace/applyEdit', () => ({ applied: false }));
  }

  static async start(options: StartOptions = {}): Promise<LspClient> {
    const workspace = mkdtempSync(join(tmpdir(), 'rac-lsp-'));
    for (const [name, text] of Object.entries(options.files ?? {})) {
      mkdirSync(dirname(join(workspace, name)), { recursive: true });
      writeFileSync(join(workspace, name), text);
    }
    const server = serverPath();
    if (!options.command && !existsSync(server)) throw new Error(`${server} does not exist: build it first with "node esbuild.mjs"`);
    const [command, ...args] = options.command ?? [process.execPath, server, '--stdio'];
    const child = spawn(command, args, { stdio: 'pipe', env: options.env ? { ...process.env, ...options.env } : process.env });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new LspClient(workspace, child, connection, options.settings, options.sections);
    connection.listen();
    const supportsConfiguration = options.settings !== undefined || options.sections !== undefined;
    const textDocument: ClientCapabilities['textDocument'] = {
      synchronization: { dynamicRegistration: false, didSave: false },
      completion: { completionItem: { snippetSupport: true, insertReplaceSupport: false, documentationFormat: ['markdown', 'plaintext'] } },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
      rename: { prepareSupport: true },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
    };
    const capabilities: ClientCapabilities = {
      workspace: { configuration: supportsConfiguration, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
      ...options.capabilities,
      // Merged one level down, so a test may add a text document capability and keep the others.
      textDocument: { ...textDocument, ...options.capabilities?.textDocument },
    };
    const root = pathToFileURL(workspace).href;
    await client.withTimeout(connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: root,
      capabilities,
      workspaceFolders: [{ uri: root, name: 'workspace' }],
    }), 'the initialize response');
    await connection.sendNotification('initialized', {});
    return client;
  }

  /** The uri of a file in the workspace folder. */
  uri(name: string): string {
    return pathToFileURL(join(this.workspace, name)).href;
  }

  /** The server's process id (the bench reads its memory). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** What the server wrote to stderr (for failure messages). */
  get stderr(): string {
    return this.stderrText;
  }

  /** Opens a document (a name in the workspace, or a uri such as untitled:…); returns its uri. */
  open(nameOrUri: string, text: string, version = 1, languageId = 'relationship-yaml'): string {
    const uri = /^[a-z][a-z0-9+.-]*:/i.test(nameOrUri) ? nameOrUri : this.uri(nameOrUri);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    return uri;
  }

  /** Replaces the whole text (a full-content change event, which incremental servers accept too). */
  change(uri: string, text: string, version: number): void {
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** Replaces a range (an incremental change). */
  edit(uri: string, range: Range, text: string, version: number): void {
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Writes a file in the workspace folder (creating its folders); returns its uri. The server is not told: see filesChanged. */
  write(name: string, text: string): string {
    mkdirSync(dirname(join(this.workspace, name)), { recursive: true });
    writeFileSync(join(this.workspace, name), text);
    return this.uri(name);
  }

  /** workspace/didChangeWatchedFiles, as the editor's file watcher sends it (type 1 created, 2 changed, 3 deleted). */
  filesChanged(changes: { uri: string; type: 1 | 2 | 3 }[]): void {
    void this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
  }

  /** New settings: answered to later workspace/configuration requests and announced with didChangeConfiguration. */
  configure(settings: Record<string, unknown>): void {
    this.settings = settings;
    void this.connection.sendNotification('workspace/didChangeConfiguration', { settings: { relationship: settings } });
  }

  request<R = unknown>(method: string, params: unknown, what = method): Promise<R> {
    return this.withTimeout(this.connection.sendRequest(method, params) as Promise<R>, `the ${what} response`);
  }

  /** The sequence number of the last message received: wait for later ones with waitFor(…, { after }). */
  mark(): number {
    return this.seq;
  }

  /** Resolves with the params of the first notification (or server request) matching, received after `after`. */
  waitFor<P = unknown>(method: string, match: (params: P) => boolean = () => true, options: { after?: number; timeoutMs?: number; what?: string } = {}): Promise<P> {
    const { after = 0, timeoutMs = DEFAULT_TIMEOUT_MS, what = method } = options;
    const find = (): P | undefined => this.received.find((r) => r.seq > after && r.method === method && match(r.params as P))?.params as P | undefined;
    return new Promise<P>((resolve, reject) => {
      const check = (): boolean => {
        const found = find();
        if (found !== undefined) {
          done();
          resolve(found);
          return true;
        }
        if (this.exited) {
          done();
          reject(new Error(`the server exited while waiting for ${what}\n--- server stderr ---\n${this.stderrText}`));
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => {
        done();
        const seen = this.received.filter((r) => r.seq > after && r.method === method).map((r) => JSON.stringify(r.params).slice(0, 300));
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; ${method} messages seen: ${seen.length ? `\n  ${seen.join('\n  ')}` : 'none'}\n--- server stderr ---\n${this.stderrText}`));
      }, timeoutMs);
      const listener = (): void => void check();
      const done = (): void => {
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== listener);
      };
      if (!check()) this.listeners.push(listener);
    });
  }

  /** The diagnostics published for a uri (and a version, when given) after `after`. */
  async diagnostics(uri: string, version?: number, after = 0): Promise<Diagnostic[]> {
    const what = `diagnostics for ${uri}${version === undefined ? '' : ` version ${version}`}`;
    const params = await this.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && (version === undefined || p.version === version), { after, what });
    return params.diagnostics;
  }

  /** Shuts the server down politely, then makes sure the child is gone and the workspace removed. */
  async stop(): Promise<void> {
    try {
      if (!this.exited) {
        await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        void this.connection.sendNotification('exit');
      }
    } catch {
      // The server may already be gone; it is killed below either way.
    }
    if (!this.exited) {
      await Promise.race([new Promise((r) => this.child.once('exit', r)), new Promise((r) => setTimeout(r, 2000))]);
    }
    if (!this.exited) this.child.kill('SIGKILL');
    this.connection.dispose();
    rmSync(this.workspace, { recursive: true, force: true });
  }

  private record(method: string, params: unknown): void {
    this.received.push({ seq: ++this.seq, method, params });
    this.notify();
  }

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }

  private withTimeout<T>(promise: Promise<T>, what: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n--- server stderr ---\n${this.stderrText}`)), timeoutMs);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }
}
