// Memory: with V8's defaults a server holding a 30,000-line file (about 32 MB that stays alive) swung between
// 190 and 350 MB resident while the user typed, because each analysis of the whole text left tens of megabytes
// of garbage and V8 let the old generation grow to four times what survived before collecting it. Collecting once
// the heap has doubled (--heap-growing-percent=100) keeps it near what it holds without capping it, so a file at
// the size limit still has all the memory it needs. With incremental analysis that is 146–160 MB after 100 edits
// to that file (175–190 without the flag), with a quarter of the full collections that growing by a quarter (25)
// gave, each of which held up the requests that came during it.
//
// Opening a file is the exception: its parse builds a tree that all stays alive, so collecting each time the heap
// has doubled marks a growing heap again and again for nothing. While a document's first analysis runs, the heap
// grows as V8 decides (the flag's default, 0). A 30,000-line file opened in a running server, three A/B runs of ten
// opens each: medians 420–434 → 390–415 ms; the typing bench's RSS after 100 edits did not grow.
//
// The server sets the flag itself, at run time, once its first diagnostics are out. On the command line, a V8
// flag made Node compile its own built-in modules at every start (their code cache, built into Node, is for the
// default flags): 15 ms of a 160 ms cold start. It is set after the server's own code cache is written, because
// V8 refuses a cache made under other flags than the ones it is loaded with.
import { setFlagsFromString } from 'node:v8';

export const HEAP_FLAG = '--heap-growing-percent=100';
/** V8's default: the heap grows by a factor it picks from the collector's speed and the allocation rate. */
export const DEFAULT_GROWTH = '--heap-growing-percent=0';

export interface HeapTuning {
  /** Applies HEAP_FLAG from now on. */
  tune(): void;
  /**
   * Lets the heap grow as V8 decides while a document opens; the returned function ends that (call it once). Until
   * `tune`, and while another document opens, it changes nothing.
   */
  opening(): () => void;
}

export function heapTuning(setFlags: (flags: string) => void = setFlagsFromString): HeapTuning {
  let tuned = false;
  let openings = 0;
  return {
    tune() {
      tuned = true;
      if (openings === 0) setFlags(HEAP_FLAG);
    },
    opening() {
      if (!tuned) return () => undefined;
      if (openings++ === 0) setFlags(DEFAULT_GROWTH);
      let ended = false;
      return () => {
        if (ended) return;
        ended = true;
        if (--openings === 0) setFlags(HEAP_FLAG);
      };
    },
  };
}
