// The workspace portfolio: every relationship file as a row, the twelve principles as columns. A cell
// opens that file's preview at that principle. Models come from the server, like the preview's.
import * as vscode from 'vscode';
import { isWebviewMessage, PORTFOLIO_VIEW_TYPE } from './messages';
import type { ModelSource } from './model-source';
import { messageHtml, webviewHtml, webviewOptions } from './preview-panel';
import type { PreviewManager } from './preview-manager';

const MAX_FILES = 500;

export class Portfolio implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private loading: vscode.CancellationTokenSource | undefined;

  constructor(private readonly extensionUri: vscode.Uri, private readonly source: ModelSource, private readonly previews: PreviewManager) {}

  open(): void {
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    this.adopt(vscode.window.createWebviewPanel(PORTFOLIO_VIEW_TYPE, 'Relationship Portfolio', vscode.ViewColumn.Active, webviewOptions(this.extensionUri)));
  }

  serializer(): vscode.WebviewPanelSerializer {
    return { deserializeWebviewPanel: async (panel) => this.adopt(panel) };
  }

  private adopt(panel: vscode.WebviewPanel): void {
    if (this.panel) {
      // Only one portfolio: a second restored panel is redundant.
      panel.dispose();
      return;
    }
    this.panel = panel;
    panel.webview.options = webviewOptions(this.extensionUri);
    panel.title = 'Relationship Portfolio';
    panel.webview.onDidReceiveMessage(async (message: unknown) => {
      if (!isWebviewMessage(message)) return;
      if (message.type === 'refresh') await this.load();
      else if (message.type === 'openPreview') {
        await this.previews.open(vscode.Uri.parse(message.uri, true), { toSide: true, principleId: message.principleId });
      }
    });
    let visible = panel.visible;
    panel.onDidChangeViewState((e) => {
      // The webview was discarded while hidden; the models are cheap to ask for again.
      if (e.webviewPanel.visible && !visible) void this.load();
      visible = e.webviewPanel.visible;
    });
    panel.onDidDispose(() => {
      this.loading?.cancel();
      this.panel = undefined;
    });
    void this.load();
  }

  private async load(): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    this.loading?.cancel();
    const cancel = (this.loading = new vscode.CancellationTokenSource());
    panel.webview.html = messageHtml('Finding relationship files…');
    try {
      const uris = await vscode.workspace.findFiles('**/*.relationship.{yaml,yml}', '**/node_modules/**', MAX_FILES, cancel.token);
      uris.sort((a, b) => a.path.localeCompare(b.path));
      const models = await this.source.models(uris, cancel.token);
      if (cancel.token.isCancellationRequested || this.panel !== panel) return;
      const relative = models.map((m) => ({ ...m, path: vscode.workspace.asRelativePath(vscode.Uri.parse(m.uri, true), true) }));
      panel.webview.html = relative.length
        ? webviewHtml(panel.webview, this.extensionUri, relative, true)
        : messageHtml('No *.relationship.yaml files in this workspace.');
    } catch (error) {
      if (this.panel === panel) panel.webview.html = messageHtml(`The portfolio could not be built: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  dispose(): void {
    this.loading?.cancel();
    this.panel?.dispose();
  }
}
