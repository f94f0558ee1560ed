// Worker threads for `rac check` over many files. The CLI bundle is its own worker script: started with the
// workerData below, it serves analysis jobs instead of running a command. With N threads wanted, N - 1 workers
// start and the main thread is the N-th: it takes batches too, between which it refills the workers (each
// holds two batches, so none waits for the main thread). The workers are started as soon as the files are
// found, so they load the bundle while this thread reads the files and their profiles. Outcomes are put back
// in job order.
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { analyseJob, type AnalysisJob, type AnalysisOutcome } from '../cli/parallel-load';
import type { AnalysisThreads } from '../cli/io';
import type { LoadOptions } from '../cli/load-files';
import { fileExistsFor } from './files';

const ROLE = 'rac-analysis-thread';
/** Files per message at most: enough to make messaging cheap; fewer towards the end, to keep the threads evenly busy. */
export const BATCH = 8;

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

/**
 * Starts the workers for `files` files (no more than have a batch to take besides the main thread's) and returns
 * the means to give them the jobs, once, and to stop them.
 */
export function startAnalysisThreads(script: string, threads: number, files: number, options: LoadOptions): AnalysisThreads {
  const workers: Worker[] = [];
  let settle: ((error?: unknown) => void) | undefined;
  let closed = false;
  // A worker that fails before the jobs arrive fails the run when they do.
  let early: unknown;
  const fail = (error: unknown): void => {
    if (settle) settle(error);
    else early ??= error;
  };
  for (let i = 0; i < Math.min(threads - 1, Math.ceil(files / BATCH) - 1); i++) {
    const worker = new Worker(script, { workerData: { role: ROLE, options } });
    workers.push(worker);
    worker.on('error', fail);
    // A worker serves until it is closed: stopping before that, even with code 0, would leave its jobs undone.
    worker.on('exit', (code) => {
      if (!closed) fail(new Error(`an analysis thread stopped (exit code ${code})`));
    });
  }
  const close = (): void => {
    closed = true;
    for (const w of workers) void w.terminate();
  };
  return {
    close,
    analyse(jobs) {
      if (settle) return Promise.reject(new Error('the analysis threads take one list of jobs'));
      return new Promise((resolve, reject) => {
        const outcomes: AnalysisOutcome[] = new Array<AnalysisOutcome>(jobs.length);
        let next = 0;
        let left = jobs.length;
        let done = false;
        settle = (error) => {
          if (done) return;
          if (error) {
            done = true;
            close();
            reject(error instanceof Error ? error : new Error(String(error)));
          } else if (left === 0) {
            done = true;
            close();
            resolve(outcomes);
          }
        };
        const take = (): Batch | undefined => {
          if (next >= jobs.length) return undefined;
          // Smaller batches towards the end, so no thread is left with several files while the others are done.
          const size = Math.min(BATCH, Math.max(1, Math.ceil((jobs.length - next) / (4 * (workers.length + 1)))));
          const batch: Batch = { first: next, jobs: jobs.slice(next, next + size) };
          next += batch.jobs.length;
          return batch;
        };
        const store = (batch: Done): void => {
          batch.outcomes.forEach((o, k) => (outcomes[batch.first + k] = o));
          left -= batch.outcomes.length;
          settle?.();
        };
        const feed = (worker: Worker): void => {
          const batch = take();
          if (batch) worker.postMessage(batch);
        };
        if (early !== undefined) return settle(early);
        for (const worker of workers) {
          worker.on('message', (batch: Done) => {
            store(batch);
            if (!done) feed(worker);
          });
          feed(worker);
          feed(worker);
        }
        // The main thread's own share, a batch at a time, letting the workers' messages in between.
        const lane = (): void => {
          if (done) return;
          const batch = take();
          if (!batch) return void settle?.();
          store({ first: batch.first, outcomes: analyseBatch(batch.jobs, options) });
          if (!done) setImmediate(lane);
        };
        lane();
      });
    },
  };
}

/** Serves jobs when this thread is one of ours; false on the main thread, which then runs the command. */
export function serveAnalysisThread(): boolean {
  const data = workerData as { role?: string; options?: LoadOptions } | null;
  if (isMainThread || data?.role !== ROLE || !parentPort || !data.options) return false;
  const options = data.options;
  const port = parentPort;
  port.on('message', (batch: Batch) => {
    port.postMessage({ first: batch.first, outcomes: analyseBatch(batch.jobs, options) } satisfies Done);
  });
  return true;
}

/** A batch's outcomes, on whichever thread takes it. */
function analyseBatch(jobs: AnalysisJob[], options: LoadOptions): AnalysisOutcome[] {
  return jobs.map((job) => analyseJob(job, fileExistsFor(job.absolute, job.root), options));
}
