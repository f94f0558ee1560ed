// Just enough of the `vscode` module for the preview's panel logic to run under node:test: webview panels
// that record their html and messages, events the test fires, and editors that record reveals.
// Installed as the module `vscode` by installFakeVscode() before the preview code is loaded.
import Module from 'node:module';

type Listener<T> = (e: T) => unknown;

export class EventEmitter<T> {
  private listeners: Listener<T>[] = [];
  readonly event = (listener: Listener<T>): { dispose(): void } => {
    this.listeners.push(listener);
    return { dispose: () => { this.listeners = this.listeners.filter((l) => l !== listener); } };
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }
}

export class Uri {
  private constructor(readonly scheme: string, readonly path: string) {}
  static parse(text: string): Uri {
    const m = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/i.exec(text);
    if (!m) throw new Error(`not a uri: ${text}`);
    return new Uri(m[1], m[2]);
  }
  static file(path: string): Uri {
    return new Uri('file', path);
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return new Uri(base.scheme, [base.path, ...parts].join('/'));
  }
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}

export class Position {
  constructor(readonly line: number, readonly character: number) {}
}
export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(a: number, b: number, c: number, d: number) {
    this.start = new Position(a, b);
    this.end = new Position(c, d);
  }
}
export class Selection extends Range {
  constructor(anchor: Position, active: Position) {
    super(anchor.line, anchor.character, active.line, active.character);
  }
}

export const ViewColumn = { Active: -1, Beside: -2, One: 1, Two: 2 } as const;
export const TextEditorRevealType = { InCenterIfOutsideViewport: 2 } as const;
export const CodeActionKind = { QuickFix: { value: 'quickfix' } };

export class CancellationTokenSource {
  token = { isCancellationRequested: false };
  cancel(): void {
    this.token.isCancellationRequested = true;
  }
}

export class FakeWebview {
  html = '';
  options: Record<string, unknown> = {};
  readonly cspSource = 'https://fake.vscode-cdn.net';
  readonly posted: unknown[] = [];
  readonly received = new EventEmitter<unknown>();
  readonly onDidReceiveMessage = this.received.event;
  live = true;
  asWebviewUri(uri: Uri): Uri {
    return Uri.parse(`https://fake.vscode-cdn.net/${uri.path}`);
  }
  async postMessage(message: unknown): Promise<boolean> {
    if (!this.live) return false;
    this.posted.push(message);
    return true;
  }
}

export class FakePanel {
  readonly webview = new FakeWebview();
  title = '';
  visible = true;
  active = true;
  disposed = false;
  viewColumn: number | undefined = 2;
  readonly viewState = new EventEmitter<{ webviewPanel: FakePanel }>();
  readonly onDidChangeViewState = this.viewState.event;
  readonly disposeEmitter = new EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;
  constructor(readonly viewType: string, readonly options: Record<string, unknown>) {}
  reveal(): void {
    this.visible = true;
  }
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.disposeEmitter.fire();
  }
  setVisible(visible: boolean): void {
    this.visible = visible;
    this.webview.live = visible;
    this.viewState.fire({ webviewPanel: this });
  }
}

export interface FakeDocument { uri: Uri; languageId: string; version: number; validateRange(r: Range): Range }

export function document(uri: Uri, languageId = 'relationship-yaml'): FakeDocument {
  return { uri, languageId, version: 1, validateRange: (r) => r };
}

export const state = {
  panels: [] as FakePanel[],
  shown: [] as { uri: string; selection?: Range; revealed?: Range }[],
  messages: [] as string[],
  executed: [] as unknown[][],
  activeTextEditor: undefined as { document: FakeDocument; viewColumn?: number } | undefined,
  activeEditor: new EventEmitter<unknown>(),
  changeDocument: new EventEmitter<unknown>(),
  changeConfiguration: new EventEmitter<unknown>(),
};

const fake = {
  Uri, Range, Position, Selection, ViewColumn, TextEditorRevealType, CodeActionKind, CancellationTokenSource, EventEmitter,
  window: {
    get activeTextEditor() { return state.activeTextEditor; },
    get visibleTextEditors() { return state.activeTextEditor ? [state.activeTextEditor] : []; },
    onDidChangeActiveTextEditor: state.activeEditor.event,
    createWebviewPanel: (viewType: string, _title: string, _show: unknown, options: Record<string, unknown>) => {
      const panel = new FakePanel(viewType, options);
      state.panels.push(panel);
      return panel;
    },
    showTextDocument: async (doc: FakeDocument) => {
      const record: { uri: string; selection?: Range; revealed?: Range } = { uri: doc.uri.toString() };
      state.shown.push(record);
      return {
        document: doc,
        set selection(s: Range) { record.selection = s; },
        revealRange: (r: Range) => { record.revealed = r; },
      };
    },
    showInformationMessage: async (m: string) => void state.messages.push(m),
    showErrorMessage: async (m: string) => void state.messages.push(m),
    registerWebviewPanelSerializer: () => ({ dispose() {} }),
  },
  workspace: {
    onDidChangeTextDocument: state.changeDocument.event,
    onDidChangeConfiguration: state.changeConfiguration.event,
    textDocuments: [] as FakeDocument[],
    openTextDocument: async (uri: Uri) => document(uri),
    asRelativePath: (uri: Uri) => uri.path,
  },
  commands: {
    executeCommand: async (...args: unknown[]) => {
      state.executed.push(args);
      return [];
    },
  },
};

export function installFakeVscode(): void {
  const resolve = (Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string })._resolveFilename;
  (Module as unknown as { _resolveFilename: unknown })._resolveFilename = function (request: string, ...rest: unknown[]): string {
    return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
  };
  // The fake stands in the require cache under the name the bundle asks for.
  const cache = (Module as unknown as { _cache: Record<string, unknown> })._cache;
  cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: fake };
}
