// The entry any LSP editor starts: `node dist/server.js --stdio` (the extension: over node IPC). It loads the
// server's code, dist/language-server.js, through the V8 code cache kept in the folder RAC_CODE_CACHE names (the
// extension gives one in its storage), and writes that cache once the first file's diagnostics are out, so it holds
// what the first analysis compiled too. Without the variable the code loads as any module does. No V8 flag is needed
// on the command line: the server sets its own at run time (node/startup-compiler.ts, node/heap-tuning.ts).
import { join } from 'node:path';
import { loadBundle } from './node/code-cache';
import { heapTuning } from './node/heap-tuning';
import { holdOptimizer } from './node/startup-compiler';
import type { start } from './node/language-server';

const bundle = loadBundle(join(__dirname, 'language-server.js'), process.env.RAC_CODE_CACHE || undefined);
// After the cache was checked against the default flags; back to them before it is written.
const compiler = holdOptimizer();
const heap = heapTuning();
(bundle.exports as { start: typeof start }).start({
  analysing(length, opening) {
    compiler.analysing(length);
    return opening ? heap.opening() : undefined;
  },
  // Written after the diagnostics and coverage have gone out, not in their way; the heap is tuned after that, as the
  // cache must be made under the flags it is loaded with (node/heap-tuning.ts).
  firstPublished: () => {
    compiler.release();
    setImmediate(() => {
      bundle.save();
      heap.tune();
    });
  },
});
