// The VS Code face: starts the language server and wires commands, the language status item and the preview.
// It never reads YAML itself; everything it shows comes from the server.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { checkWorkspace } from './check-workspace';
import { registerCoverageStatus } from './coverage-status';
import { newRelationshipFile } from './new-file';
import { registerPreview } from './preview/index';

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('Relationship as Code', { log: true });
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.relationship.{yaml,yml}');
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'relationship-yaml' },
      { scheme: 'untitled', language: 'relationship-yaml' },
    ],
    synchronize: { configurationSection: 'relationship', fileEvents: watcher },
    outputChannel: output,
  };
  // The id makes the client read `relationship.trace.server` for its traces.
  const lc = new LanguageClient('relationship', 'Relationship as Code', serverOptions, clientOptions);
  client = lc;

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
    watcher,
    vscode.commands.registerCommand('relationship.newFile', () =>
      newRelationshipFile(lc, ready).catch((error: unknown) => fail('creating a relationship file failed', error))),
    vscode.commands.registerCommand('relationship.checkWorkspace', () =>
      checkWorkspace(lc, ready).catch((error: unknown) => fail('checking the relationship files failed', error))),
    vscode.commands.registerCommand('relationship.showOutput', showOutput),
  );
  registerCoverageStatus(context, lc);
  registerPreview(context, lc);
}

export function deactivate(): Thenable<void> | undefined {
  // A client that never started has nothing to stop; stop() would reject.
  return client?.isRunning() ? client.stop() : undefined;
}
