// The transport in a browser: the language server in a web worker (github.dev, vscode.dev), speaking LSP with
// the extension over postMessage. Evidence links are answered by the editor (./client-files).
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startServer } from '../server';
import { ClientWorkspaceFiles } from './client-files';

// The worker's global scope; the project compiles without the DOM's types, so it is named by what the reader takes.
const scope = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
const connection = createConnection(new BrowserMessageReader(scope), new BrowserMessageWriter(scope));
startServer(connection, new ClientWorkspaceFiles(connection));
