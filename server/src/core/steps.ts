// PURE. Work done in steps (a generator that yields between them) run to its end at once: what a caller that need
// not stay responsive does with analysisSteps and evidenceSteps.

export function runSteps<R>(steps: Generator<unknown, R, void>): R {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
