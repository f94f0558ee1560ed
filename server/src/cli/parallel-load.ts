// `loadFiles` for `rac check`, on every core: when the io offers worker threads (the real CLI does) and there are
// enough files to repay starting them, the files are read here and analysed on the threads; the results come back
// in the same order, with the same errors, so every format prints exactly what the single-threaded run prints.
// Only plain data crosses the thread boundary (findings, coverage, document info, waivers), and on one thread only
// that part is kept too; the rest of an Analysis (the syntax tree, the model) is made again if a format ever asks
// for it.
import { analyze, LineIndex, type Analysis, type FileCheck, type Policy } from '../core/index';
import type { CliIo } from './io';
import { analyseText, analyzeOptions, displayPath, findFiles, linkRoot, policiesOf, readText, sortByPath, type Loaded, type LoadOptions } from './load-files';
import type { FileResult } from './types';

/** Below this many files, starting threads costs more than it saves: they are analysed on the main thread. */
export const MIN_FILES_FOR_THREADS = 32;

/**
 * One file to analyse: its text, the folder that bounds its evidence links with that folder's name in messages,
 * and its profiles (plain data, so it crosses to a thread as it is).
 */
export interface AnalysisJob { absolute: string; text: string; root: string; rootName: string; policy?: Policy }

/** The part of an Analysis the CLI's formats read, as plain data that structured clone carries. */
export type PortableAnalysis = Pick<Analysis, 'findings' | 'coverage' | 'info' | 'waivers'>;

export type AnalysisOutcome = { analysis: PortableAnalysis } | { error: string };

/** Runs on a worker thread: one job's outcome, as `loadFile` would give it. */
export function analyseJob(job: AnalysisJob, fileExists: (relativePath: string) => FileCheck, options: LoadOptions): AnalysisOutcome {
  const outcome = analyseText(job.text, fileExists, job.rootName, options, job.policy);
  if ('error' in outcome) return outcome;
  const { findings, coverage, info, waivers } = outcome.analysis;
  return { analysis: { findings, coverage, info, waivers } };
}

export async function loadFilesInParallel(paths: readonly string[], io: CliIo, options: LoadOptions): Promise<Loaded> {
  const { found, ...walked } = await findFiles(paths, io, options);
  // Started before the files and their profiles are read, so the threads load the bundle meanwhile. They get
  // plain data only: each job carries its policy, and the profile loader stays here.
  const threads = found.length >= MIN_FILES_FOR_THREADS ? io.startThreads?.(found.length, { asOf: options.asOf, root: options.root }) : undefined;
  try {
    const { policies, profileProblems } = await policiesOf(found, io, options);
    const files: FileResult[] = [];
    const jobs: AnalysisJob[] = [];
    const waiting: FileResult[] = [];
    for (const [i, absolute] of found.entries()) {
      const path = displayPath(io.cwd, absolute);
      const text = readText(absolute, io);
      if (typeof text !== 'string') {
        files.push({ path, text: '', error: text.error });
        continue;
      }
      const file: FileResult = { path, text };
      files.push(file);
      jobs.push({ absolute, text, ...linkRoot(absolute, io, options), policy: policies[i] });
      waiting.push(file);
    }
    // On one thread too, only the portable part is kept: a thousand syntax trees held to the end cost the
    // garbage collector more than making one again when a format asks for it.
    const outcomes = threads ? await threads.analyse(jobs) : jobs.map((job) => analyseJob(job, io.fileExistsFor(job.absolute, job.root), options));
    outcomes.forEach((outcome, i) => {
      const file = waiting[i];
      const job = jobs[i];
      if ('error' in outcome) file.error = outcome.error;
      else file.analysis = withRest(outcome.analysis, file.text, () => analyze(file.text, analyzeOptions(io.fileExistsFor(job.absolute, job.root), job.rootName, options, job.policy)));
    });
    return { files: sortByPath(files), ...walked, profileProblems };
  } finally {
    threads?.close();
  }
}

/**
 * A whole Analysis from its portable part: the line index, the syntax tree and the model when first read. The
 * getters are kept when the analysis is copied by its property descriptors (see check.ts, --quiet).
 */
function withRest(part: PortableAnalysis, text: string, again: () => Analysis): Analysis {
  let full: Analysis | undefined;
  let lines: LineIndex | undefined;
  const rest = (): Analysis => (full ??= again());
  return {
    ...part,
    get lines() { return (lines ??= new LineIndex(text)); },
    get model() { return rest().model; },
    get symbols() { return rest().symbols; },
    get document() { return rest().document; },
    get data() { return rest().data; },
  };
}
