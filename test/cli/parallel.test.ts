// rac check on worker threads prints exactly what the single-threaded run prints: same order, same findings,
// same unreadable-file errors, same exit codes, in every format. RAC_THREADS=1 is the single-threaded run;
// RAC_THREADS=2 uses two threads even on a one-core machine.
import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { nodeIo } from '../../server/src/node/cli-io';
import { analyseJob, loadFilesInParallel, MIN_FILES_FOR_THREADS, type AnalysisJob } from '../../server/src/cli/parallel-load';
import { loadFiles, type LoadOptions } from '../../server/src/cli/load-files';
import { runCheck } from '../../server/src/cli/check';
import { startAnalysisThreads } from '../../server/src/node/analysis-threads';
import { fileExistsFor } from '../../server/src/node/files';
import { generateRelationship } from '../bench/generate';
import { AS_OF, rac, workspace } from './run-cli';

const root = [join(__dirname, '..', '..'), process.cwd()].find((dir) => readdirSync(dir).includes('samples'))!;

/** Many files in nested folders: clean ones, unknown keys, a syntax error, a binary file, evidence links. */
function manyFiles(): Record<string, string | Uint8Array> {
  const files: Record<string, string | Uint8Array> = {};
  for (let i = 0; i < MIN_FILES_FOR_THREADS + 8; i++) {
    let text = generateRelationship(150 + (i % 3) * 40, i);
    if (i % 7 === 3) text = text.replace('  status: active\n', '  status: active\n  stauts: draft\n');
    if (i % 11 === 5) text = text.replace('owner: p-0\n', 'owner: nobody\n');
    if (i === 13) text = text.replace('parties:\n', 'parties: [\n');
    if (i % 9 === 0) text = text.replace('document: https://example.org/rmp.pdf', 'document: docs/missing-rmp.pdf');
    files[`team-${i % 4}/r${String(i).padStart(3, '0')}.relationship.yaml`] = text;
  }
  files['team-1/zz-binary.relationship.yaml'] = new Uint8Array([0x6b, 0x3a, 0x00, 0x01]);
  files['team-2/CRLF.relationship.yaml'] = generateRelationship(200, 99).replace(/\n/g, '\r\n').replace('title: Benchmark', 'title: 🙂 Benchmark');
  return files;
}

describe('rac check on worker threads', () => {
  const dir = workspace(manyFiles());
  cpSync(join(root, 'samples'), join(dir, 'samples'), { recursive: true });

  for (const format of ['text', 'json', 'sarif', 'github', 'markdown']) {
    test(`--format ${format}: the same output and exit code as the single-threaded run`, () => {
      const args = ['check', '--format', format, '--as-of', AS_OF, '.'];
      const single = rac(args, dir, { RAC_THREADS: '1' });
      const threads = rac(args, dir, { RAC_THREADS: '2' });
      assert.equal(single.status, 2, 'the binary file makes it a usage failure');
      assert.equal(threads.status, single.status);
      assert.equal(threads.stderr, single.stderr);
      assert.equal(threads.stdout, single.stdout);
      assert.ok(single.stdout.length > 10_000);
    });
  }

  test('three and five threads: the same report as one, in the same order', () => {
    const args = ['check', '--format', 'json', '--as-of', AS_OF, '.'];
    const single = rac(args, dir, { RAC_THREADS: '1' });
    for (const threads of ['3', '5']) {
      const run = rac(args, dir, { RAC_THREADS: threads });
      assert.deepEqual([run.status, run.stderr, run.stdout], [single.status, single.stderr, single.stdout], `RAC_THREADS=${threads}`);
    }
    const paths = (JSON.parse(single.stdout) as { files: { path: string }[] }).files.map((f) => f.path);
    assert.deepEqual(paths, [...paths].sort(), 'files in path order');
  });

  test('--quiet reads only what the formats print: no file is analysed a second time', async () => {
    const links: string[] = [];
    let stdout = '';
    const io = {
      ...nodeIo(),
      cwd: dir,
      stdout: (text: string) => void (stdout += text),
      stderr: () => undefined,
      // Each analysis asks for one link checker per file: counted, it tells how often a file was analysed.
      fileExistsFor: (document: string, root: string) => (links.push(document), fileExistsFor(document, root)),
    };
    for (const format of ['text', 'json', 'sarif', 'github', 'markdown']) {
      links.length = 0;
      stdout = '';
      await runCheck(['--format', format, '--as-of', AS_OF, '-q', 'samples', 'team-0', 'team-2'], io);
      assert.ok(stdout.length > 0, format);
      assert.equal(links.length, new Set(links).size, `${format}: a file was analysed twice`);
    }
  });

  test('--fail-on and --min-coverage: the same exit code and messages either way', () => {
    // Without the binary file (team-1): the exit code is then the findings' and the coverage's.
    for (const extra of [[], ['--fail-on', 'never', '--min-coverage', '12']]) {
      const args = ['check', '--as-of', AS_OF, '-q', 'samples', 'team-0', 'team-2', 'team-3', ...extra];
      const single = rac(args, dir, { RAC_THREADS: '1' });
      const threads = rac(args, dir, { RAC_THREADS: '2' });
      assert.equal(single.status, 1);
      assert.deepEqual([threads.status, threads.stdout, threads.stderr], [single.status, single.stdout, single.stderr], extra.join(' '));
    }
  });

  test('profiles: each file is checked on a thread with its own policy, as on one thread', () => {
    const files = manyFiles();
    delete files['team-1/zz-binary.relationship.yaml'];
    // The team-0 files turn a rule off and raise another; the override applies to team-3 alone.
    files['team-0/.rac.yaml'] = 'rules:\n  RK2: off\n  RM1: error\n';
    files['.rac.yaml'] = 'overrides:\n  - files: ["team-3/**"]\n    rules: {RK1: off}\n';
    const profiled = workspace(files);
    const args = ['check', '--format', 'json', '--as-of', AS_OF, '--root', profiled, '.'];
    const single = rac(args, profiled, { RAC_THREADS: '1' });
    const threads = rac(args, profiled, { RAC_THREADS: '2' });
    assert.equal(threads.status, single.status);
    assert.equal(threads.stderr, single.stderr);
    assert.equal(threads.stdout, single.stdout);
    const report = JSON.parse(single.stdout) as { files: { path: string; coverage: { offByProfile?: { id: string }[] } }[] };
    const off = (prefix: string) => report.files.filter((f) => f.path.startsWith(prefix)).map((f) => (f.coverage.offByProfile ?? []).map((r) => r.id).join(','));
    assert.ok(off('team-0/').every((ids) => ids === 'RK2'), off('team-0/').join(' | '));
    assert.ok(off('team-3/').every((ids) => ids === 'RK1'), off('team-3/').join(' | '));
    assert.ok(off('team-2/').every((ids) => ids === ''), off('team-2/').join(' | '));
  });

  test('in process: outcomes come back in job order and make the same file results as loadFiles', async () => {
    const options: LoadOptions = { asOf: AS_OF, root: dir };
    const batches: number[] = [];
    const started: number[] = [];
    let closed = 0;
    // The io's threads replaced by this thread, running the jobs back to front, as a slow first thread would.
    const io = {
      ...nodeIo(),
      cwd: dir,
      startThreads: (files: number, o: LoadOptions) => {
        started.push(files);
        return {
          analyse: async (jobs: AnalysisJob[]) => {
            batches.push(jobs.length);
            const out = new Array(jobs.length);
            for (let i = jobs.length - 1; i >= 0; i--) out[i] = structuredClone(analyseJob(jobs[i], fileExistsFor(jobs[i].absolute, jobs[i].root), o));
            return out;
          },
          close: () => void closed++,
        };
      },
    };
    const parallel = await loadFilesInParallel(['.'], io, options);
    const single = await loadFiles(['.'], { ...io, startThreads: undefined }, options);
    assert.deepEqual(started, [single.files.length], 'started for every file found, unreadable ones too');
    assert.deepEqual(batches, [single.files.filter((f) => !f.error).length]);
    assert.equal(closed, 1);
    assert.deepEqual(parallel.files.map((f) => [f.path, f.error]), single.files.map((f) => [f.path, f.error]));
    for (const [i, f] of parallel.files.entries()) {
      const s = single.files[i];
      assert.deepEqual(f.analysis?.findings, s.analysis?.findings, f.path);
      assert.deepEqual(f.analysis?.coverage, s.analysis?.coverage, f.path);
      // What stayed behind is made again when asked for.
      assert.deepEqual(f.analysis?.data, s.analysis?.data, f.path);
      assert.equal(f.analysis?.lines.lineText(3), s.analysis?.lines.lineText(3));
    }
  });

  test('a thread that fails or stops before its jobs arrive fails the run instead of leaving it waiting', { timeout: 30_000 }, async () => {
    const jobs: AnalysisJob[] = [{ absolute: join(dir, 'x.relationship.yaml'), text: 'schema_version: "2"\n', root: dir, rootName: '.' }];
    const scripts = workspace({ 'throws.js': 'throw new Error("no bundle here");\n', 'stops.js': 'process.exit(0);\n' });
    for (const [script, expected] of [['throws.js', /no bundle here/], ['stops.js', /an analysis thread stopped \(exit code 0\)/]] as const) {
      const threads = startAnalysisThreads(join(scripts, script), 2, 100, { asOf: AS_OF });
      // Usually long enough for the thread to fail before the jobs are given; if not, the run fails all the same.
      await new Promise((resolve) => setTimeout(resolve, 500));
      await assert.rejects(threads.analyse(jobs), expected, script);
      threads.close();
    }
  });

  test('a few files stay on the main thread', async () => {
    let called = false;
    const io = { ...nodeIo(), cwd: join(root, 'samples'), startThreads: () => ((called = true), { analyse: async () => [], close: () => undefined }) };
    const loaded = await loadFilesInParallel(['.'], io, { asOf: AS_OF, root: join(root, 'samples') });
    assert.equal(called, false);
    assert.ok(loaded.files.length > 0 && loaded.files.length < MIN_FILES_FOR_THREADS);
    assert.ok(readFileSync(join(root, 'samples', loaded.files[0].path), 'utf8').length > 0);
  });
});
