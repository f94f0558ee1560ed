// How the desktop extension starts the language server's Node process: plain `node dist/server.js`, with the
// environment below (the server sets its own V8 flags: server/src/node/heap-tuning.ts, startup-compiler.ts). The
// bench (test/bench) starts the server the same way, so its cold start and memory figures are the editor's.
//
// Start-up: the server keeps its compiled code (a V8 code cache, server/src/node/code-cache.ts) in a folder of the
// extension's storage, so a server started again skips compiling its code, on any Node version (NODE_COMPILE_CACHE
// needs Node 22.1, and would not see the server's code, which the entry loads itself).

/** The environment added to the server process: where the server keeps its compiled code, under the extension's storage. */
export function serverEnvironment(codeCacheDir: string | undefined): Record<string, string> {
  return codeCacheDir ? { RAC_CODE_CACHE: codeCacheDir } : {};
}
