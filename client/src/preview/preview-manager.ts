// The coverage previews: one panel per document, the last used one follows the active relationship editor,
// edits refresh the panel showing that document, and panels come back after a window reload.
import * as vscode from 'vscode';
import { isWebviewMessage, PREVIEW_VIEW_TYPE, previewStateUri } from './messages';
import { applyQuickFix, revealInEditor } from './editor-actions';
import { isRelationshipDocument, type ModelSource } from './model-source';
import { PreviewPanel, webviewOptions } from './preview-panel';

export class PreviewManager implements vscode.Disposable {
  private readonly panels = new Set<PreviewPanel>();
  private lastActive: PreviewPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly extensionUri: vscode.Uri, private readonly source: ModelSource) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) for (const p of this.showing(e.document.uri)) p.update();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('relationship')) for (const p of this.panels) p.update();
      }),
    );
  }

  /** Opens (or reveals) the preview of a document; the code lens passes a principle to scroll to. */
  async open(uri: vscode.Uri, options: { toSide: boolean; principleId?: string }): Promise<void> {
    let preview = this.find(uri);
    const column = options.toSide ? vscode.ViewColumn.Beside : vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active;
    if (preview) {
      preview.panel.reveal(preview.panel.viewColumn ?? column, options.toSide);
    } else {
      const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Coverage', { viewColumn: column, preserveFocus: options.toSide }, webviewOptions(this.extensionUri));
      preview = this.adopt(panel, uri);
    }
    this.lastActive = preview;
    preview.scrollTo(options.principleId);
  }

  /** Takes over a panel: a new one, or one VS Code restores after a reload. */
  adopt(panel: vscode.WebviewPanel, uri: vscode.Uri): PreviewPanel {
    const preview = new PreviewPanel(panel, uri, this.source, this.extensionUri, (p, message) => void this.onMessage(p, message));
    this.panels.add(preview);
    this.lastActive ??= preview;
    panel.onDidChangeViewState((e) => {
      if (e.webviewPanel.active) this.lastActive = preview;
    });
    panel.onDidDispose(() => {
      this.panels.delete(preview);
      if (this.lastActive === preview) this.lastActive = [...this.panels].pop();
      preview.dispose();
    });
    return preview;
  }

  serializer(): vscode.WebviewPanelSerializer {
    return {
      deserializeWebviewPanel: async (panel, state) => {
        const uri = previewStateUri(state);
        if (!uri) {
          panel.dispose();
          return;
        }
        this.adopt(panel, vscode.Uri.parse(uri, true));
      },
    };
  }

  private find(uri: vscode.Uri): PreviewPanel | undefined {
    return [...this.panels].find((p) => p.uri.toString() === uri.toString());
  }

  private showing(uri: vscode.Uri): PreviewPanel[] {
    return [...this.panels].filter((p) => p.uri.toString() === uri.toString());
  }

  /** The last used preview follows the editor to another relationship document without one of its own. */
  private follow(editor: vscode.TextEditor | undefined): void {
    if (!editor || !isRelationshipDocument(editor.document) || !this.lastActive) return;
    if (this.find(editor.document.uri)) return;
    this.lastActive.retarget(editor.document.uri);
  }

  private async onMessage(preview: PreviewPanel, message: unknown): Promise<void> {
    if (!isWebviewMessage(message)) return;
    // A panel acts only on the document it shows: a click on a page drawn for a previous target is dropped.
    if ((message.type === 'reveal' || message.type === 'quickFix') && message.uri !== preview.uri.toString()) return;
    try {
      switch (message.type) {
        case 'reveal':
          await revealInEditor(preview.uri, message.range);
          break;
        case 'quickFix':
          await applyQuickFix(preview.uri, message.range, { code: message.code, rule: message.rule, principle: message.principle });
          break;
        case 'refresh':
          preview.update(0);
          break;
        default:
          break;
      }
    } catch (error) {
      void vscode.window.showErrorMessage(`Relationship preview: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  dispose(): void {
    for (const p of this.panels) p.panel.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
