// The transport: stdio, node IPC or a socket, as the command line says (--stdio, --node-ipc, --socket=N).
// `node dist/server.js --stdio` serves any LSP editor.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { NodeWorkspaceFiles } from './node/workspace-files';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all), new NodeWorkspaceFiles());
