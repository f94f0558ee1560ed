// One coverage preview: a webview panel showing one relationship document. It asks the server for the
// document's ReportModel (debounced while typing), renders only the newest answer, and re-renders in
// full with a fresh nonce whenever the webview comes back from being hidden.
import * as vscode from 'vscode';
import { renderHtml } from '../../../server/src/report/html';
import { escapeHtml } from '../../../server/src/report/escape';
import type { ReportModel } from '../../../server/src/report/model';
import { createNonce } from './nonce';
import type { ExtensionMessage } from './messages';
import type { ModelSource } from './model-source';

const DEBOUNCE_MS = 250;

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    retainContextWhenHidden: false,
    enableFindWidget: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist')],
  };
}

/** A full page from the shared renderer: the webview CSP, a fresh nonce, the bundled script. */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, models: ReportModel[], portfolioOnly = false): string {
  return renderHtml(models, {
    mode: 'webview',
    nonce: createNonce(),
    cspSource: webview.cspSource,
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'preview.js')).toString(),
    portfolioOnly,
  });
}

/** A page with a single line of text and no script, while the server has nothing to show yet. */
export function messageHtml(text: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none';">`
    + `</head><body><p>${escapeHtml(text)}</p></body></html>`;
}

export class PreviewPanel implements vscode.Disposable {
  private model: ReportModel | undefined;
  private request = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The webview shows a page older than the model (it was hidden while updates arrived). */
  private stale = true;
  private ready = false;
  private pendingUpdate = false;
  private pendingScroll: string | undefined;
  private disposed = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    private target: vscode.Uri,
    private readonly source: ModelSource,
    private readonly extensionUri: vscode.Uri,
    onMessage: (panel: PreviewPanel, message: unknown) => void,
  ) {
    panel.webview.options = webviewOptions(extensionUri);
    this.setTitle();
    panel.webview.html = messageHtml(`Loading the coverage of ${this.fileName()}…`);
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: unknown) => {
        if (typeof message === 'object' && message && (message as { type?: unknown }).type === 'ready') this.onReady();
        onMessage(this, message);
      }),
      panel.onDidChangeViewState(() => {
        if (panel.visible && this.stale) this.paint();
      }),
    );
    this.update(0);
  }

  get uri(): vscode.Uri {
    return this.target;
  }

  /** Shows another document in this panel. */
  retarget(uri: vscode.Uri): void {
    if (uri.toString() === this.target.toString()) return;
    this.target = uri;
    this.model = undefined;
    this.setTitle();
    this.update(0);
  }

  scrollTo(principleId: string | undefined): void {
    if (!principleId) return;
    if (this.ready && !this.stale) this.post({ type: 'scrollTo', principleId });
    else this.pendingScroll = principleId;
  }

  /** Asks the server again after a pause; each new call supersedes the pending one. */
  update(delay = DEBOUNCE_MS): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.fetch();
    }, delay);
  }

  private async fetch(): Promise<void> {
    const id = ++this.request;
    const uri = this.target;
    let model: ReportModel | null;
    try {
      model = await this.source.model(uri);
    } catch (error) {
      if (id === this.request && !this.disposed && !this.model) {
        this.panel.webview.html = messageHtml(`The language server could not analyse ${this.fileName()}: ${error instanceof Error ? error.message : String(error)}`);
      }
      return;
    }
    // Only the newest answer for the current target is drawn; an older one may arrive last.
    if (this.disposed || id !== this.request || uri.toString() !== this.target.toString()) return;
    if (!model) {
      if (!this.model) this.panel.webview.html = messageHtml(`The language server has no analysis of ${this.fileName()} yet.`);
      return;
    }
    if (this.model && model.version < this.model.version) return;
    const first = !this.model || this.stale;
    this.model = model;
    if (!this.panel.visible) this.stale = true;
    else if (first) this.paint();
    else if (this.ready) this.post({ type: 'update', models: [model] });
    else this.pendingUpdate = true;
  }

  private paint(): void {
    if (!this.model) return;
    this.ready = false;
    this.pendingUpdate = false;
    this.stale = false;
    this.panel.webview.html = webviewHtml(this.panel.webview, this.extensionUri, [this.model]);
  }

  private onReady(): void {
    this.ready = true;
    if (this.pendingUpdate && this.model) {
      this.pendingUpdate = false;
      this.post({ type: 'update', models: [this.model] });
    }
    if (this.pendingScroll) {
      this.post({ type: 'scrollTo', principleId: this.pendingScroll });
      this.pendingScroll = undefined;
    }
  }

  private post(message: ExtensionMessage): void {
    void this.panel.webview.postMessage(message).then((delivered) => {
      if (!delivered) this.stale = true;
    });
  }

  private fileName(): string {
    return this.target.path.split('/').pop() || this.target.toString();
  }

  private setTitle(): void {
    this.panel.title = `Coverage: ${this.fileName()}`;
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
