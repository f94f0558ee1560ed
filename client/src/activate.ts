// What the extension does once its language client exists, the same on the desktop (client/src/extension.ts,
// the server in a Node process) and in the browser (client/src/browser/extension.ts, the server in a web
// worker): start the client, register the commands, the language status item and the preview.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { checkWorkspace } from './check-workspace';
import { registerCoverageStatus } from './coverage-status';
import { migrateFile } from './migrate';
import { newRelationshipFile } from './new-file';
import { registerPreview } from './preview/index';

/** The language client's id: it makes the client read `relationship.trace.server` for its traces. */
export const CLIENT_ID = 'relationship';
export const CLIENT_NAME = 'Relationship as Code';

/**
 * Organisation profiles (.rac.yaml, .rac.yml, and the bases they extend such as base.rac.yaml) are plain YAML documents the server also checks, completes and
 * explains: the client hands them to it without claiming their language.
 */
export const PROFILE_PATTERN = '**/{.rac,*.rac}.{yaml,yml}';
export const PROFILE_SELECTOR = { language: 'yaml', pattern: PROFILE_PATTERN };

/** Saving, creating or deleting a profile changes the policy of every open relationship file: the server re-analyses them. */
export function profileWatcher(context: vscode.ExtensionContext): vscode.FileSystemWatcher {
  const watcher = vscode.workspace.createFileSystemWatcher(PROFILE_PATTERN);
  context.subscriptions.push(watcher);
  return watcher;
}

export function createOutput(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
}

export function startAndRegister(context: vscode.ExtensionContext, lc: BaseLanguageClient, output: vscode.LogOutputChannel): void {
  const showOutput = (): void => output.show(true);
  const fail = async (what: string, error: unknown): Promise<void> => {
    const message = error instanceof Error ? error.message : String(error);
    output.error(`${what}: ${message}`);
    if (await vscode.window.showErrorMessage(`Relationship as Code: ${what} (${message}).`, 'Show Output')) showOutput();
  };
  const ready = lc.start().catch(async (error: unknown) => {
    await fail('the language server did not start', error);
    throw error;
  });
  // Commands that need the server report their own failure; this keeps an unhandled rejection out of the log.
  ready.catch(() => undefined);

  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('relationship.newFile', () =>
      newRelationshipFile(lc, ready).catch((error: unknown) => fail('creating a relationship file failed', error))),
    vscode.commands.registerCommand('relationship.checkWorkspace', () =>
      checkWorkspace(lc, ready).catch((error: unknown) => fail('checking the relationship files failed', error))),
    vscode.commands.registerCommand('relationship.migrate', () =>
      migrateFile(lc, ready).catch((error: unknown) => fail('migrating the file failed', error))),
    vscode.commands.registerCommand('relationship.showOutput', showOutput),
  );
  registerCoverageStatus(context, lc);
  registerPreview(context, lc);
}
