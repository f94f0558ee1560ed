// relationship/checkWorkspace: walks every workspace folder with the shared walker (node/walk.ts), which never
// blocks the server, then analyses the files it found one at a time. The client sees work-done progress when it
// supports it; cancelling the request, or the progress, stops the walk between two folders.
import { pathToFileURL } from 'node:url';
import { CancellationToken, LSPErrorCodes, ResponseError, type Connection, type WorkDoneProgressServerReporter } from 'vscode-languageserver';
import type { Analysis } from './core/index';
import { walkRelationshipFiles } from './node/walk';
import type { CheckWorkspaceResult } from './protocol';

export const EMPTY_CHECK: CheckWorkspaceResult = { files: 0, errors: 0, warnings: 0, skipped: [] };

const NO_PROGRESS: WorkDoneProgressServerReporter = {
  token: CancellationToken.None,
  begin: () => undefined,
  report: () => undefined,
  done: () => undefined,
};

export async function checkWorkspace(
  connection: Connection,
  folders: readonly string[],
  token: CancellationToken,
  checkFile: (path: string) => Promise<Analysis | undefined>,
): Promise<CheckWorkspaceResult> {
  // A null reporter when the client cannot show progress, or refuses to create it: the walk is the same either way.
  const progress = await connection.window.createWorkDoneProgress().catch(() => NO_PROGRESS);
  const stopped = (): boolean => token.isCancellationRequested || progress.token.isCancellationRequested;
  const result: CheckWorkspaceResult = { files: 0, errors: 0, warnings: 0, skipped: [] };
  progress.begin('Checking relationship files', 0, 'Searching the workspace folders…', true);
  try {
    const paths = new Set<string>();
    for (const folder of folders) {
      const walked = await walkRelationshipFiles(folder, {
        root: folder,
        cancelled: stopped,
        progress: (searched, found) => progress.report(`Searching: ${searched} folders, ${paths.size + found} files found`),
      });
      for (const path of walked.files) paths.add(path);
      result.skipped.push(...walked.skipped.map((s) => ({ uri: pathToFileURL(s.path).href, reason: s.reason })));
      if (walked.cancelled) break;
    }
    let done = 0;
    for (const path of paths) {
      if (stopped()) break;
      progress.report(Math.floor((100 * done++) / paths.size), `Analysing ${done} of ${paths.size}`);
      const analysis = await checkFile(path);
      if (!analysis) continue;
      result.files++;
      result.errors += analysis.findings.filter((f) => f.severity === 'error').length;
      result.warnings += analysis.findings.filter((f) => f.severity === 'warning').length;
    }
  } finally {
    progress.done();
  }
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'checking the workspace was cancelled');
  // Cancelled from the progress: what was checked so far, marked as partial.
  return progress.token.isCancellationRequested ? { ...result, cancelled: true } : result;
}
