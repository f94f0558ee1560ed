// `rac diff --base <git-ref> [paths…]`: what a change does to relationship coverage. Every relationship file
// that differs between the base commit and the working tree is analysed on both sides with the same --as-of,
// compared (diff-compare.ts) and printed as Markdown (the reviewer's summary), JSON or GitHub annotations.
// Exit codes as in rac check: 0 pass, 1 new findings at or above --fail-on or (with --fail-on-coverage-loss)
// a covered principle lost, 2 usage problems (bad options, no git, not a repository, unknown ref, unreadable file).
import { isAbsolute, posix, relative, resolve, sep } from 'node:path';
import { analyze, type FileCheck } from '../core/index';
import { realOrSelf, RELATIONSHIP_FILE } from '../node/files';
import { isError, rootFolder } from './args';
import { failsOn } from './check';
import { DIFF_USAGE, parseDiffArgs, type DiffOptions } from './diff-args';
import { buildReport, compareFile, type DiffReport, type FileDiff } from './diff-compare';
import { GitError, openRepository, repoRelative, type Repository } from './diff-git';
import { formatDiffGithub } from './diff-github';
import { formatDiffJson } from './diff-json';
import { formatDiffMarkdown, githubBlobBase } from './diff-markdown';
import type { CliIo } from './io';
import { readText } from './load-files';
import { cliProfileLoader, formatProblems, toLocation } from '../node/profiles';
import { isProfileName, ProfileLoader } from '../profile-chain';
import { NEW_FILE_HINT } from './types';

export async function runDiff(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseDiffArgs(argv, io);
  if ('help' in parsed) {
    io.stdout(DIFF_USAGE);
    return 0;
  }
  if ('error' in parsed) {
    io.stderr(`rac diff: ${parsed.error}\nRun "rac diff --help" for the options.\n`);
    return 2;
  }
  const options = parsed;
  const root = rootFolder(options.root, io.cwd, (path) => io.stat(path).kind === 'directory');
  if (isError(root)) {
    io.stderr(`rac diff: ${root.error}\n`);
    return 2;
  }

  let report: DiffReport;
  try {
    report = await collect(options, root, io);
  } catch (e) {
    if (e instanceof GitError) {
      io.stderr(`rac diff: ${e.message}\n`);
      return 2;
    }
    throw e;
  }

  for (const u of report.unreadable) io.stderr(`rac diff: ${u.path}: ${u.error}\n`);
  const markdown = formatDiffMarkdown(report, { blobBase: githubBlobBase(io.env) });
  const text = options.format === 'json' ? formatDiffJson(report) : options.format === 'github' ? formatDiffGithub(report, options.failOn) : markdown;
  try {
    if (options.output !== undefined) io.writeFile(resolve(io.cwd, options.output), text);
    else io.stdout(text);
    // The job summary gets the reviewer's Markdown whatever --format prints (annotations and a summary from one run).
    const summary = io.env.GITHUB_STEP_SUMMARY;
    if (summary) io.appendFile(resolve(io.cwd, summary), markdown + '\n');
  } catch (e) {
    io.stderr(`rac diff: could not write the report: ${(e as Error).message}\n`);
    return 2;
  }
  return exitCode(report, options);
}

export function exitCode(report: DiffReport, options: Pick<DiffOptions, 'failOn' | 'failOnCoverageLoss'>): number {
  if (report.unreadable.length) return 2;
  const failing = report.files.some((f) => f.newFindings.some((x) => failsOn(x.severity, options.failOn)));
  const lost = options.failOnCoverageLoss && report.totals.filesWithLoss > 0;
  return failing || lost ? 1 : 0;
}

async function collect(options: DiffOptions, givenRoot: string | undefined, io: CliIo): Promise<DiffReport> {
  const repo = openRepository(io.cwd, io.env);
  const commit = repo.resolve(options.base);
  const cwd = realOrSelf(io.cwd);
  const top = realOrSelf(repo.top);
  // Both sides are bounded by the same folder: --root, else the repository.
  const root = givenRoot === undefined ? top : realOrSelf(givenRoot);
  const rootInRepo = relative(top, root).split(sep).join('/');
  const rootName = relative(cwd, root) === '' ? '.' : relative(cwd, root).split(sep).join('/');
  // As in rac check, a path that names nothing is a usage problem, not an empty review; a deleted file or
  // folder still exists in the base.
  for (const given of options.paths) {
    if (io.stat(resolve(io.cwd, given)).kind !== 'missing') continue;
    const inRepo = relative(top, resolve(cwd, given));
    if (inRepo === '..' || inRepo.startsWith(`..${sep}`) || isAbsolute(inRepo)) throw new GitError(`${given}: no such file or folder (and it would be outside the repository ${top})`);
    if (!repo.has(commit, inRepo.split(sep).join('/'))) throw new GitError(`${given}: no such file or folder in the working tree or in ${options.base}`);
  }
  const changed = repo.changedFiles(commit, options.paths, (p) => RELATIONSHIP_FILE.test(p));
  // A changed profile changes the findings of files that did not change: those are compared too, and kept
  // below when their findings or coverage differ (the policy change is what the review shows).
  // With --config or --no-config both sides have the same policy, whatever the revisions' profiles say.
  const policyChanged = !options.profiles.noConfig && options.profiles.config === undefined && repo.changedFiles(commit, [repo.top], (p) => isProfileName(posix.basename(p))).length > 0;
  const byPolicy = new Set<string>();
  if (policyChanged) {
    const given = options.paths.map((p) => relative(top, resolve(cwd, p)).split(sep).join('/'));
    for (const path of repo.tree(commit)) {
      if (!RELATIONSHIP_FILE.test(posix.basename(path)) || changed.some((c) => c.path === path || c.oldPath === path)) continue;
      if (given.length && !given.some((g) => g === '' || path === g || path.startsWith(`${g}/`))) continue;
      if (io.stat(`${top}${sep}${path.split('/').join(sep)}`).kind !== 'file') continue;
      changed.push({ kind: 'modified', path });
      byPolicy.add(path);
    }
  }
  const display = (repoPath: string) => {
    const rel = relative(cwd, `${top}${sep}${repoPath.split('/').join(sep)}`).split(sep).join('/');
    return rel === '' ? repoPath : rel;
  };
  let baseTree: Set<string> | undefined;
  const inBase = (p: string) => (baseTree ??= repo.tree(commit)).has(p);

  const files: FileDiff[] = [];
  const unreadable: DiffReport['unreadable'] = [];
  // Each side is checked with the profiles of its own revision: a pull request that tightens the policy shows
  // the findings it adds, and one that relaxes it the findings it removes. --config names one profile, on disk,
  // for both sides: the comparison then shows what the relationship files' changes do under that policy.
  const topLocation = toLocation(top);
  const rootLocation = toLocation(root);
  const headProfiles = cliProfileLoader(io);
  const baseProfiles = options.profiles.config !== undefined ? headProfiles : new ProfileLoader(async (location) => {
    const inRepo = location.startsWith(`${topLocation}/`) ? location.slice(topLocation.length + 1) : undefined;
    if (inRepo === undefined || !inBase(inRepo)) return undefined;
    const text = baseText(repo, commit, inRepo);
    return typeof text === 'string' ? text : undefined;
  });
  const policy = async (loader: ProfileLoader, file: string) => {
    const resolved = await loader.policyFor(file, rootLocation, options.profiles);
    if (resolved.problems.length) throw new GitError(`the profile has errors:\n${formatProblems(resolved.problems, io.cwd).trimEnd()}`);
    return resolved.policy;
  };
  for (const c of changed) {
    const path = display(c.path);
    const basePath = c.kind === 'renamed' ? c.oldPath : c.kind === 'added' ? undefined : c.path;
    const headFile = `${top}${sep}${c.path.split('/').join(sep)}`;
    const baseSide = basePath === undefined ? undefined : baseText(repo, commit, basePath);
    const headSide = c.kind === 'deleted' ? undefined : readText(headFile, io);
    const error = [baseSide, headSide].map((t) => (typeof t === 'object' ? t.error : undefined)).find((e) => e !== undefined);
    if (error !== undefined) {
      unreadable.push({ path, error });
      continue;
    }
    const before = typeof baseSide === 'string' && basePath !== undefined
      ? analyze(baseSide, { asOf: options.asOf, fileExists: linkCheck(basePath, rootInRepo, inBase), workspaceRoot: rootName, newFileHint: NEW_FILE_HINT, policy: await policy(baseProfiles, `${topLocation}/${basePath}`) })
      : undefined;
    const after = typeof headSide === 'string'
      ? analyze(headSide, { asOf: options.asOf, fileExists: io.fileExistsFor(headFile, root), workspaceRoot: rootName, newFileHint: NEW_FILE_HINT, policy: await policy(headProfiles, toLocation(headFile)) })
      : undefined;
    const diff = compareFile({ kind: c.kind, path, repoPath: c.path, ...(c.oldPath !== undefined ? { oldPath: c.oldPath } : {}), before, after });
    const same = diff.principles.length === 0 && diff.rules.length === 0 && diff.newFindings.length === 0 && diff.fixedFindings.length === 0;
    if (!(byPolicy.has(c.path) && same)) files.push(diff);
  }
  return buildReport({ ref: options.base, commit }, options.asOf, files, unreadable);
}

/**
 * The base side's evidence-link check, the same rule as the working tree's (io.fileExistsFor with the
 * same root): a link resolves against the file's folder and must stay inside the root (`root`, relative to
 * the repository's top level; "" for the whole repository), so a link is only "new" or "fixed" when the document or the linked files really changed.
 */
function linkCheck(filePath: string, root: string, has: (repoPath: string) => boolean): (target: string) => FileCheck {
  const dir = posix.dirname(filePath);
  const outsideRoot = (p: string) => root.startsWith('..') || (root !== '' && p !== root && !p.startsWith(`${root}/`));
  return (target) => {
    const p = repoRelative(dir === '.' ? '' : dir, target);
    if (p === undefined || outsideRoot(p)) return 'outside';
    return has(p) ? 'exists' : 'missing';
  };
}

/** The base version's text by rac check's rules (size limit, binary, BOM): readText reads the commit's bytes. */
function baseText(repo: Repository, commit: string, path: string): ReturnType<typeof readText> {
  let bytes: Uint8Array;
  try {
    bytes = repo.read(commit, path);
  } catch (e) {
    if (e instanceof GitError) return { error: e.message };
    throw e;
  }
  return readText(path, { stat: () => ({ kind: 'file', size: bytes.length }), readFile: () => bytes });
}
