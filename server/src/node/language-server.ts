// The language server on Node, bundled as dist/language-server.js: the connection the command line names (--stdio,
// --node-ipc, --socket=N) and the file system. dist/server.js (../main.ts) loads it and calls `start`.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer, type ServerEvents } from '../server';
import { NodeWorkspaceFiles } from './workspace-files';

export function start(events: ServerEvents = {}): void {
  startServer(createConnection(ProposedFeatures.all), new NodeWorkspaceFiles(), events);
}
