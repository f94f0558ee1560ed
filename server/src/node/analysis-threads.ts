// Worker threads for `rac check` over many files. The CLI bundle is its own worker script: started with the
// workerData below, it serves analysis jobs instead of running a command. Jobs go out in small batches to
// whichever thread is free, and outcomes are put back in job order.
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { analyseJob, type AnalysisJob, type AnalysisOutcome } from '../cli/parallel-load';
import type { LoadOptions } from '../cli/load-files';
import { fileExistsFor } from './files';

const ROLE = 'rac-analysis-thread';
/** Files per message: enough to make messaging cheap, few enough to keep the threads evenly busy at the end. */
const BATCH = 8;

interface Batch { first: number; jobs: AnalysisJob[] }
interface Done { first: number; outcomes: AnalysisOutcome[] }

/**
 * How many threads analyse: RAC_THREADS when set (0 or 1: none, the main thread does it all), else one per core;
 * a single core gets none.
 */
export function threadCount(env: Readonly<Record<string, string | undefined>>): number {
  const wanted = env.RAC_THREADS === undefined || env.RAC_THREADS === '' ? availableParallelism() : Number(env.RAC_THREADS);
  return Number.isInteger(wanted) && wanted > 1 ? Math.min(wanted, 64) : 0;
}

export function analyseOnThreads(script: string, threads: number, jobs: AnalysisJob[], options: LoadOptions): Promise<AnalysisOutcome[]> {
  const outcomes: AnalysisOutcome[] = new Array<AnalysisOutcome>(jobs.length);
  let next = 0;
  let left = jobs.length;
  return new Promise((resolve, reject) => {
    if (left === 0) return resolve(outcomes);
    const workers: Worker[] = [];
    const finish = (error?: unknown): void => {
      for (const w of workers) void w.terminate();
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve(outcomes);
    };
    const feed = (worker: Worker): void => {
      if (next >= jobs.length) return;
      const batch: Batch = { first: next, jobs: jobs.slice(next, next + BATCH) };
      next += batch.jobs.length;
      worker.postMessage(batch);
    };
    for (let i = 0; i < Math.min(threads, Math.ceil(jobs.length / BATCH)); i++) {
      const worker = new Worker(script, { workerData: { role: ROLE, options } });
      workers.push(worker);
      worker.on('message', (done: Done) => {
        done.outcomes.forEach((o, k) => (outcomes[done.first + k] = o));
        left -= done.outcomes.length;
        if (left === 0) finish();
        else feed(worker);
      });
      worker.on('error', finish);
      worker.on('exit', (code) => {
        if (left > 0 && code !== 0) finish(new Error(`an analysis thread stopped (exit code ${code})`));
      });
      feed(worker);
    }
  });
}

/** Serves jobs when this thread is one of ours; false on the main thread, which then runs the command. */
export function serveAnalysisThread(): boolean {
  const data = workerData as { role?: string; options?: LoadOptions } | null;
  if (isMainThread || data?.role !== ROLE || !parentPort || !data.options) return false;
  const options = data.options;
  const port = parentPort;
  port.on('message', (batch: Batch) => {
    const outcomes = batch.jobs.map((job) => analyseJob(job, fileExistsFor(job.absolute, options.root), options));
    port.postMessage({ first: batch.first, outcomes } satisfies Done);
  });
  return true;
}
