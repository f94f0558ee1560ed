// Memory: with V8's defaults a server holding a 30,000-line file (about 32 MB that stays alive) swung between
// 190 and 350 MB resident while the user typed, because each analysis of the whole text left tens of megabytes
// of garbage and V8 let the old generation grow to four times what survived before collecting it. Collecting once
// the heap has doubled (--heap-growing-percent=100) keeps it near what it holds without capping it, so a file at
// the size limit still has all the memory it needs. With incremental analysis that is 146–160 MB after 100 edits
// to that file (175–190 without the flag), with a quarter of the full collections that growing by a quarter (25)
// gave, each of which held up the requests that came during it.
//
// The server sets the flag itself, at run time, once its first diagnostics are out. On the command line, a V8
// flag made Node compile its own built-in modules at every start (their code cache, built into Node, is for the
// default flags): 15 ms of a 160 ms cold start. It is set after the server's own code cache is written, because
// V8 refuses a cache made under other flags than the ones it is loaded with.
import { setFlagsFromString } from 'node:v8';

export const HEAP_FLAG = '--heap-growing-percent=100';

/** Applies HEAP_FLAG to this process from now on. */
export function tuneHeap(): void {
  setFlagsFromString(HEAP_FLAG);
}
