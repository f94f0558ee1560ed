// "New Relationship File": the `rac init` scaffold for a chosen stage, as an unsaved document (the user decides
// where it goes). The server builds it: the engine stays out of the extension host, and the file's dates are the
// day the server judges them on (the asOf setting, else today on the local clock).
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { ScaffoldRequest } from '../../server/src/protocol';
import { stagePicks } from './stage-picks';

export async function newRelationshipFile(client: LanguageClient, ready: Promise<void>): Promise<void> {
  const pick = await vscode.window.showQuickPick(stagePicks(), {
    title: 'New Relationship File',
    placeHolder: 'The lifecycle stage the relationship is in: it decides which evidence counts',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!pick) return;
  await ready;
  const { text } = await client.sendRequest(ScaffoldRequest, { stage: pick.stage });
  const document = await vscode.workspace.openTextDocument({ language: 'relationship-yaml', content: text });
  await vscode.window.showTextDocument(document);
}
