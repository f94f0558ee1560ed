// relationship/checkWorkspace: finds the workspace's relationship files through WorkspaceFiles (on Node the
// shared walker, node/walk.ts, which never blocks the server), then analyses them one at a time. The client sees work-done progress when it
// supports it; cancelling the request, or the progress, stops the walk between two folders.
import { CancellationToken, LSPErrorCodes, ResponseError, type Connection, type WorkDoneProgressServerReporter } from 'vscode-languageserver';
import { countSeverities, type Analysis } from './core/index';
import type { CheckWorkspaceResult } from './protocol';
import type { WorkspaceFiles } from './workspace-files';

export const EMPTY_CHECK: CheckWorkspaceResult = { files: 0, errors: 0, warnings: 0, skipped: [] };

const NO_PROGRESS: WorkDoneProgressServerReporter = {
  token: CancellationToken.None,
  begin: () => undefined,
  report: () => undefined,
  done: () => undefined,
};

export async function checkWorkspace(
  connection: Connection,
  files: WorkspaceFiles,
  token: CancellationToken,
  checkFile: (uri: string) => Promise<Analysis | undefined>,
): Promise<CheckWorkspaceResult> {
  // A null reporter when the client cannot show progress, or refuses to create it: the walk is the same either way.
  const progress = await connection.window.createWorkDoneProgress().catch(() => NO_PROGRESS);
  const stopped = (): boolean => token.isCancellationRequested || progress.token.isCancellationRequested;
  const result: CheckWorkspaceResult = { files: 0, errors: 0, warnings: 0, skipped: [] };
  progress.begin('Checking relationship files', 0, 'Searching the workspace folders…', true);
  try {
    const found = await files.relationshipFiles({
      cancelled: stopped,
      progress: (searched, count) => progress.report(`Searching: ${searched} folders, ${count} files found`),
    });
    result.skipped.push(...found.skipped);
    const uris = found.cancelled ? [] : found.uris;
    let done = 0;
    for (const uri of uris) {
      if (stopped()) break;
      progress.report(Math.floor((100 * done++) / uris.length), `Analysing ${done} of ${uris.length}`);
      const analysis = await checkFile(uri);
      if (!analysis) continue;
      result.files++;
      const counts = countSeverities(analysis.findings);
      result.errors += counts.errors;
      result.warnings += counts.warnings;
    }
  } finally {
    progress.done();
  }
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'checking the workspace was cancelled');
  // Cancelled from the progress: what was checked so far, marked as partial.
  return progress.token.isCancellationRequested ? { ...result, cancelled: true } : result;
}
