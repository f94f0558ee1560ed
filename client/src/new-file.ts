// "New Relationship File": the `rac init` scaffold for a chosen stage, as an unsaved document (the user decides where it goes).
import * as vscode from 'vscode';
import { scaffold } from '../../server/src/core/scaffold';
import { localToday } from '../../server/src/settings';
import { stagePicks } from './stage-picks';

export async function newRelationshipFile(): Promise<void> {
  const pick = await vscode.window.showQuickPick(stagePicks(), {
    title: 'New Relationship File',
    placeHolder: 'The lifecycle stage the relationship is in: it decides which evidence counts',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!pick) return;
  // The scaffold's dates are the day the server judges them on: the asOf setting, else the local today (a UTC
  // date can be tomorrow here, and the new file would open with "date in the future" findings).
  const setting = vscode.workspace.getConfiguration('relationship').get<string>('asOf') ?? '';
  const asOf = /^\d{4}-\d{2}-\d{2}$/.test(setting) ? setting : localToday();
  const document = await vscode.workspace.openTextDocument({ language: 'relationship-yaml', content: scaffold(pick.stage, { asOf }) });
  await vscode.window.showTextDocument(document);
}
