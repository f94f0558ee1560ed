// The VS Code face in the browser (github.dev, vscode.dev, code-server's web worker host): the same extension
// as on the desktop, with the language server in a web worker (dist/browser/server.js) and evidence links
// answered through the editor's file system, since the worker has no disk; so are the files "Check All
// Relationship Files in Workspace" finds and reads.
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';
import { FileExistsRequest, FindRelationshipFilesRequest, ReadFileRequest } from '../../../server/src/protocol';
import { CLIENT_ID, CLIENT_NAME, createOutput, PROFILE_SELECTOR, profileWatcher, startAndRegister } from '../activate';

let client: LanguageClient | undefined;

type ServerWorker = ConstructorParameters<typeof LanguageClient>[3];
// The extension host runs in a worker too and has Worker; the project compiles without the DOM's types.
const WorkerConstructor = (globalThis as unknown as { Worker: new (url: string) => ServerWorker }).Worker;

export function activate(context: vscode.ExtensionContext): void {
  const output = createOutput();
  const main = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser', 'server.js');
  // Created and deleted files change which evidence links resolve; the server drops its cached answers.
  const watcher = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
  context.subscriptions.push(watcher);
  const clientOptions: LanguageClientOptions = {
    // Every scheme: a browser workspace is vscode-vfs:, vscode-test-web:, file: through the File System Access API…
    documentSelector: [{ language: 'relationship-yaml' }, PROFILE_SELECTOR],
    synchronize: { configurationSection: 'relationship', fileEvents: [watcher, profileWatcher(context)] },
    outputChannel: output,
  };
  client = new LanguageClient(CLIENT_ID, CLIENT_NAME, clientOptions, new WorkerConstructor(main.toString(true)));
  client.onRequest(FileExistsRequest, async ({ uris }) => ({ exists: await Promise.all(uris.map(exists)) }));
  client.onRequest(FindRelationshipFilesRequest, async () => ({
    uris: (await vscode.workspace.findFiles('**/*.relationship.{yaml,yml}', '**/node_modules/**')).map((u) => u.toString()),
  }));
  client.onRequest(ReadFileRequest, async ({ uri }) => {
    try {
      return { text: new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri, true))) };
    } catch {
      return { text: null };
    }
  });
  startAndRegister(context, client, output);
}

async function exists(uri: string): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(vscode.Uri.parse(uri, true));
    return true;
  } catch {
    return false;
  }
}

export function deactivate(): Thenable<void> | undefined {
  return client?.isRunning() ? client.stop() : undefined;
}
