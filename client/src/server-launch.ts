// How the desktop extension starts the language server's Node process. The bench (test/bench) starts the server
// with the same arguments, so its cold start and memory figures are the editor's.
//
// Memory: with V8's defaults a server holding a 30,000-line file (about 32 MB that stays alive) swung between
// 190 and 350 MB resident while the user typed, because each analysis of the whole text leaves tens of
// megabytes of garbage and V8 let the old generation grow to four times what survived before collecting it.
// --heap-growing-percent collects sooner (the heap may double, not grow fourfold, between collections) without
// capping the heap, so a file at the size limit still has all the memory it needs; a smaller young generation
// (8 MB semi-spaces, the default is 16 MB) saves another 16 MB that parsing a big text keeps committed.
// Measured with 100 edits to the 30,000-line file: 153–163 MB instead of 193–352 MB when every edit analysed
// the whole text. Since an edit parses only what it touched, there is less garbage to collect: doubling (100)
// instead of a quarter (25) keeps 140 MB, and a quarter of the full collections, each of which held up the
// requests that came during it (completion p95 10.8 instead of 14.7 ms while typing).
//
// Start-up: the server keeps its compiled code (a V8 code cache, server/src/node/code-cache.ts) in a folder of the
// extension's storage, so a server started again skips compiling its code, on any Node version (NODE_COMPILE_CACHE
// needs Node 22.1, and would not see the server's code, which the entry loads itself).

/** The V8 flags the server runs with (before the script, in the process's execArgv). */
export const SERVER_NODE_FLAGS: readonly string[] = ['--heap-growing-percent=100', '--max-semi-space-size=8'];

/** The environment added to the server process: where the server keeps its compiled code, under the extension's storage. */
export function serverEnvironment(codeCacheDir: string | undefined): Record<string, string> {
  return codeCacheDir ? { RAC_CODE_CACHE: codeCacheDir } : {};
}
