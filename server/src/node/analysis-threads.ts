// Worker threads for `rac check` over many files. The CLI bundle is its own worker script: started with the
// workerData below, it serves analysis jobs instead of running a command. With N threads wanted, N - 1 workers
// start and the main thread is the N-th: it takes batches too, between which it refills the workers (each
// holds two batches, so none waits for the main thread). Outcomes are put back in job order.
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
  let failed = false;
  const take = (): Batch | undefined => {
    if (next >= jobs.length) return undefined;
    const batch: Batch = { first: next, jobs: jobs.slice(next, next + BATCH) };
    next += batch.jobs.length;
    return batch;
  };
  const store = (done: Done): void => {
    done.outcomes.forEach((o, k) => (outcomes[done.first + k] = o));
    left -= done.outcomes.length;
  };
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    const finish = (error?: unknown): void => {
      if (failed) return;
      for (const w of workers) void w.terminate();
      if (error) {
        failed = true;
        reject(error instanceof Error ? error : new Error(String(error)));
      } else if (left === 0) resolve(outcomes);
    };
    const feed = (worker: Worker): void => {
      const batch = take();
      if (batch) worker.postMessage(batch);
    };
    for (let i = 0; i < Math.min(threads - 1, Math.ceil(jobs.length / BATCH) - 1); i++) {
      const worker = new Worker(script, { workerData: { role: ROLE, options } });
      workers.push(worker);
      worker.on('message', (done: Done) => {
        store(done);
        if (left === 0) finish();
        else feed(worker);
      });
      worker.on('error', finish);
      worker.on('exit', (code) => {
        if (left > 0 && code !== 0) finish(new Error(`an analysis thread stopped (exit code ${code})`));
      });
      feed(worker);
      feed(worker);
    }
    // The main thread's own share, a batch at a time, letting the workers' messages in between.
    const lane = (): void => {
      const batch = take();
      if (failed) return;
      if (!batch) return void (left === 0 && finish());
      store({ first: batch.first, outcomes: batch.jobs.map((job) => analyseJob(job, fileExistsFor(job.absolute, job.root), options)) });
      if (left === 0) finish();
      else setImmediate(lane);
    };
    lane();
  });
}

/** Serves jobs when this thread is one of ours; false on the main thread, which then runs the command. */
export function serveAnalysisThread(): boolean {
  const data = workerData as { role?: string; options?: LoadOptions } | null;
  if (isMainThread || data?.role !== ROLE || !parentPort || !data.options) return false;
  const options = data.options;
  const port = parentPort;
  port.on('message', (batch: Batch) => {
    const outcomes = batch.jobs.map((job) => analyseJob(job, fileExistsFor(job.absolute, job.root), options));
    port.postMessage({ first: batch.first, outcomes } satisfies Done);
  });
  return true;
}
