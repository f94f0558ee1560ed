// How the desktop extension starts the language server's Node process. The bench (test/bench) starts the server
// with the same arguments, so its cold start and memory figures are the editor's.
//
// Memory: with V8's defaults a server holding a 30,000-line file (about 32 MB that stays alive) swung between
// 190 and 350 MB resident while the user typed, because each analysis of the whole text leaves tens of
// megabytes of garbage and V8 let the old generation grow to four times what survived before collecting it.
// --heap-growing-percent collects sooner (the heap may grow by a quarter, not fourfold, between collections)
// without capping the heap, so a file at the size limit still has all the memory it needs; a smaller young
// generation (8 MB semi-spaces, the default is 16 MB) saves another 16 MB that parsing a big text keeps
// committed. Measured with 100 edits to the 30,000-line file: 153–163 MB instead of 193–352 MB, for about a
// tenth more CPU when the whole file is analysed.
//
// Start-up: the server keeps its compiled code (a V8 code cache, server/src/node/code-cache.ts) in a folder of the
// extension's storage, so a server started again skips compiling its code, on any Node version (NODE_COMPILE_CACHE
// needs Node 22.1, and would not see the server's code, which the entry loads itself).

/** The V8 flags the server runs with (before the script, in the process's execArgv). */
export const SERVER_NODE_FLAGS: readonly string[] = ['--heap-growing-percent=25', '--max-semi-space-size=8'];

/** The environment added to the server process: where the server keeps its compiled code, under the extension's storage. */
export function serverEnvironment(codeCacheDir: string | undefined): Record<string, string> {
  return codeCacheDir ? { RAC_CODE_CACHE: codeCacheDir } : {};
}
