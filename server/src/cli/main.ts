// Entry of dist/cli.js: runs `rac` with the process's I/O. Every failure ends as one message and an exit code,
// never a stack trace; the exit code is set, not forced, so piped output is flushed before Node exits. Started
// as a worker thread by `rac check` itself, the same bundle analyses files instead (node/analysis-threads.ts).
import { serveAnalysisThread } from '../node/analysis-threads';
import { nodeIo } from '../node/cli-io';
import { rac } from './commands';
import { oneLine } from './load-files';

if (!serveAnalysisThread()) runCommand();

function runCommand(): void {
  const io = nodeIo(__filename);
  const internal = (e: unknown): void => {
    io.stderr(`rac: internal error: ${oneLine(e)}\n`);
    process.exitCode = 2;
  };

  process.on('uncaughtException', internal);
  process.on('unhandledRejection', internal);
  // A closed pipe (rac check | head) is the reader's choice, not an error of ours.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    else internal(e);
  });

  rac(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  }, internal);
}
