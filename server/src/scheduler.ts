// When analyses run: never inside a request, one at a time, only for a document's newest version. A change
// starts a timer (the typing pause); when it fires, the document joins a queue that holds one version per
// document, so a version superseded while it waited is never analysed. Between two analyses the queue yields
// to the requests that arrived meanwhile: they answer from the last finished analysis and do not queue behind
// the next one.

/**
 * How long a pause in typing must last before an analysis starts: as long as the document's last analysis of an
 * edit took (see timesNextAnalysis), within these bounds. A small file answers almost at once; a big one is not
 * analysed more often than analysis takes, which would keep the server busy while the user types.
 */
export const DEBOUNCE_MIN_MS = 60;
export const DEBOUNCE_MAX_MS = 200;

/**
 * Whether an analysis's time tells what the next edit's will cost. An edit to a text whose parse can be spliced
 * (incremental.ts) costs the block it touches, so a whole-text analysis of such a text (its first, or one after a
 * splice was refused) says nothing about the next; a spliced one does, and so does one of a text that cannot be
 * spliced, whose every edit parses it whole. Without one, the pause is the shortest.
 */
export function timesNextAnalysis(parsed: { spliceable: boolean; spliced?: unknown } | undefined): boolean {
  return !parsed?.spliceable || parsed.spliced !== undefined;
}

/** Lets I/O and the requests it brings run first: two turns, so a message read in this turn is handled too. */
export async function yieldToRequests(): Promise<void> {
  await nextTurn();
  await nextTurn();
}

/** One turn of the event loop (setImmediate under Node, a zero timeout in a browser's worker). */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
}

export class Scheduler {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly due = new Map<string, number>();
  private readonly took = new Map<string, number>();
  private readonly waiters = new Map<string, (() => void)[]>();
  private running: string | undefined;
  private draining = false;

  /** `run` analyses a version and publishes it; it returns at once when that version is no longer current. */
  constructor(private readonly run: (uri: string, version: number) => Promise<void>) {}

  /** A document changed: its first analysis starts at once, later ones after a pause in typing. */
  changed(uri: string, version: number, analysedBefore: boolean): void {
    const last = this.took.get(uri);
    this.schedule(uri, version, analysedBefore ? Math.min(DEBOUNCE_MAX_MS, Math.max(DEBOUNCE_MIN_MS, last ?? DEBOUNCE_MIN_MS)) : 0);
  }

  /** Analyse as soon as the queue allows (settings changed, a workspace folder came or went). */
  soon(uri: string, version: number): void {
    this.schedule(uri, version, 0);
  }

  /** How long the document's last analysis of an edit took: the next typing pause follows it. */
  analysed(uri: string, ms: number): void {
    this.took.set(uri, ms);
  }

  /** Whether an analysis of the document is waiting for the typing pause, queued or running. */
  pending(uri: string): boolean {
    return this.timers.has(uri) || this.due.has(uri) || this.running === uri;
  }

  /**
   * Resolves when no analysis of the document is pending any more: what a request that needs the current text's
   * analysis (the preview, rename) waits for, instead of analysing every version typed.
   */
  async settled(uri: string): Promise<void> {
    while (this.pending(uri)) await new Promise<void>((resolve) => this.waiters.set(uri, [...(this.waiters.get(uri) ?? []), resolve]));
  }

  /** The document closed: nothing more runs for it. */
  cancel(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.due.delete(uri);
    this.took.delete(uri);
    this.wake(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.due.clear();
    for (const uri of [...this.waiters.keys()]) this.wake(uri);
  }

  private wake(uri: string): void {
    const list = this.waiters.get(uri) ?? [];
    this.waiters.delete(uri);
    for (const resolve of list) resolve();
  }

  private schedule(uri: string, version: number, delay: number): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      this.due.set(uri, version);
      void this.drain();
    }, delay));
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      // Requests that came in before (or with) the change that queued an analysis are answered first.
      await yieldToRequests();
      for (let next = this.due.entries().next(); !next.done; next = this.due.entries().next()) {
        const [uri, version] = next.value;
        this.due.delete(uri);
        // A newer version may have been typed while this one waited: its own timer will queue it.
        this.running = uri;
        try {
          await this.run(uri, version);
        } finally {
          this.running = undefined;
        }
        this.wake(uri);
        await yieldToRequests();
      }
    } finally {
      this.draining = false;
    }
  }
}
