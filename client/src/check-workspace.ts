// "Check All Relationship Files in Workspace": the server analyses closed files too and publishes their diagnostics.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { CheckWorkspaceRequest } from '../../server/src/protocol';
import { checkSummary } from './status-text';

export async function checkWorkspace(client: LanguageClient, ready: Promise<void>): Promise<void> {
  const options = { location: vscode.ProgressLocation.Notification, title: 'Checking relationship files', cancellable: true };
  const result = await vscode.window.withProgress(options, async (_progress, token) => {
    await ready;
    try {
      return await client.sendRequest(CheckWorkspaceRequest, {}, token);
    } catch (error) {
      if (token.isCancellationRequested) return undefined;
      throw error;
    }
  });
  if (!result) return;
  // Focus, not toggle: the Problems view must end up visible even when it already was.
  if (result.files > 0) await vscode.commands.executeCommand('workbench.panel.markers.view.focus');
  void vscode.window.showInformationMessage(checkSummary(result));
}
