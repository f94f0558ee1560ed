// The coverage preview and the portfolio: commands, webview panels and their restoration after a reload.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { PORTFOLIO_VIEW_TYPE, PREVIEW_VIEW_TYPE } from './messages';
import { isRelationshipDocument, ModelSource } from './model-source';
import { Portfolio } from './portfolio';
import { PreviewManager } from './preview-manager';

export function registerPreview(context: vscode.ExtensionContext, client: LanguageClient): void {
  const source = new ModelSource(client);
  const previews = new PreviewManager(context.extensionUri, source);
  const portfolio = new Portfolio(context.extensionUri, source, previews);

  const open = (toSide: boolean) => async (target?: unknown, principleId?: unknown): Promise<void> => {
    const uri = targetUri(target);
    if (!uri) {
      void vscode.window.showInformationMessage('Open a *.relationship.yaml file to see its coverage preview.');
      return;
    }
    await previews.open(uri, { toSide, principleId: typeof principleId === 'string' ? principleId : undefined });
  };

  context.subscriptions.push(
    previews,
    portfolio,
    vscode.commands.registerCommand('relationship.preview.openToSide', open(true)),
    vscode.commands.registerCommand('relationship.preview.open', open(false)),
    vscode.commands.registerCommand('relationship.portfolio.open', () => portfolio.open()),
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, previews.serializer()),
    vscode.window.registerWebviewPanelSerializer(PORTFOLIO_VIEW_TYPE, portfolio.serializer()),
  );
}

/** The document a command is about: its argument (a Uri from a menu, a string from a code lens), else the active editor. */
function targetUri(target: unknown): vscode.Uri | undefined {
  if (target instanceof vscode.Uri) return target;
  if (typeof target === 'string' && target) {
    try {
      return vscode.Uri.parse(target, true);
    } catch {
      return undefined;
    }
  }
  const editor = vscode.window.activeTextEditor;
  return editor && isRelationshipDocument(editor.document) ? editor.document.uri : undefined;
}
