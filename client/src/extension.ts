// The VS Code face on the desktop: starts the language server in a Node process and wires commands, the
// language status item and the preview (./activate). It never reads YAML itself; everything it shows comes
// from the server. The browser build (github.dev, vscode.dev) is client/src/browser/extension.ts.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CLIENT_ID, CLIENT_NAME, createOutput, PROFILE_SELECTOR, profileWatcher, startAndRegister } from './activate';
import { serverEnvironment } from './server-launch';

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const output = createOutput();
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  // vscode-languageclient adds this environment to the extension host's own.
  const env = serverEnvironment(vscode.Uri.joinPath(context.globalStorageUri, 'code-cache').fsPath);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { env } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'], env } },
  };
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.relationship.{yaml,yml}');
  context.subscriptions.push(watcher);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'relationship-yaml' },
      { scheme: 'untitled', language: 'relationship-yaml' },
      { scheme: 'file', ...PROFILE_SELECTOR },
    ],
    synchronize: { configurationSection: 'relationship', fileEvents: [watcher, profileWatcher(context)] },
    outputChannel: output,
  };
  client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  startAndRegister(context, client, output);
}

export function deactivate(): Thenable<void> | undefined {
  // A client that never started has nothing to stop; stop() would reject.
  return client?.isRunning() ? client.stop() : undefined;
}
