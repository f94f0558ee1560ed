// V8's optimizing compiler (TurboFan) is off while the server starts. For the first analysis of a small file it
// costs more than it saves: it compiles the parser's hottest functions, work the few lines parsed after never earn
// back (the server's CPU time until its first diagnostics: 170 → 130 ms). Spawn → first diagnostics with the code
// cache, fresh processes with and without the flag taken alternately (medians of 5 to 11): 294 lines 146–160 →
// 130–134 ms, 1,000 lines 202 → 164, 2,500 lines 253 → 202, 5,000 lines 326 → 305; at 7,500 lines it is even and
// past that TurboFan wins (30,000 lines: 701 ms with it, 1,131 without).
//
// So it comes back once the first diagnostics are out, or as soon as the texts analysed add up to more than
// OPTIMIZE_AFTER characters (a big first file, a workspace check before any file was opened), and HOLD_AT_MOST_MS
// after the start whatever happened (a session spent on profiles only, which publish no relationship diagnostics). It must be back
// before the code cache is written: V8 tags a cache with the flags it was made under and refuses it under others,
// and the next start loads with the defaults. Turning a flag back to its default restores the tag.
import { setFlagsFromString } from 'node:v8';

/** About 5,000 lines of a relationship file: where the measured gain is down to a few percent. */
export const OPTIMIZE_AFTER = 128 * 1024;

/** Long after any first analysis; the server is idle or busy with something else by then. */
export const HOLD_AT_MOST_MS = 10_000;

export const OPTIMIZER_OFF = '--no-turbofan';
export const OPTIMIZER_ON = '--turbofan';

export interface StartupCompiler {
  /** Counts a text about to be analysed: past OPTIMIZE_AFTER in all, TurboFan is back. */
  analysing(length: number): void;
  /** TurboFan is back (once; later calls do nothing). */
  release(): void;
}

/**
 * Turns TurboFan off until `release`, enough text analysed or HOLD_AT_MOST_MS. Call it after the bundle has loaded
 * its code cache.
 */
export function holdOptimizer(setFlags: (flags: string) => void = setFlagsFromString): StartupCompiler {
  setFlags(OPTIMIZER_OFF);
  let held = true;
  let analysed = 0;
  const release = (): void => {
    if (!held) return;
    held = false;
    clearTimeout(timer);
    setFlags(OPTIMIZER_ON);
  };
  // Unref'd: it must not keep alive a process that is done (a test, a server whose editor went away).
  const timer = setTimeout(release, HOLD_AT_MOST_MS);
  timer.unref();
  return {
    analysing(length) {
      analysed += length;
      if (analysed > OPTIMIZE_AFTER) release();
    },
    release,
  };
}
