// One Analysis per open document: the latest one, whatever its version. Requests that must see exactly the
// current text (code actions, rename, the preview) ask `get`, which analyses when the cached one is older; the
// others answer from `latest` through the edits made since (edit-log.ts), so they never wait for an analysis.
// An analysis runs in steps (analysisSteps) and lets requests in between them, so no request waits behind a
// whole-file check either: as soon as an edit is parsed, `latest` is the new text's structure with the previous
// findings and coverage (provisionalAnalysis), until the new ones are done. Completion also keeps the model (the
// ids) of the last text that parsed: while the text is half-typed and does not parse, its ids are still offered.
// The catalog and the compiled schema are module-level in the core and shared by every document; a closed
// document's entry is dropped.
import { analysisSteps, provisionalAnalysis, type Analysis, type AnalyzeOptions, type Model } from './core/index';
import { yieldToRequests } from './scheduler';

/**
 * How long an analysis runs before it lets waiting requests in. Each step is at most a few milliseconds on a
 * 30,000-line file (the parse of the edit is the longest), so a request waits for about one step; a small file is
 * analysed in one go.
 */
export const SLICE_MS = 2;

export interface VersionedText {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

/** The options for a document, and a key that changes whenever they would change the analysis. */
export interface Resolved { options: AnalyzeOptions; key: string }

export interface Entry {
  version: number; key: string; analysis: Analysis;
  /** False while the analysis of this version is still running: `analysis` is then its provisional one. */
  final: boolean;
}

export interface AnalysisEvents {
  /**
   * An analysis of this text is about to run (not a cached answer), the document's first when `opening`; what it
   * returns is called once the analysis has ended, finished, superseded or failed.
   */
  analysing?: (text: string, opening: boolean) => (() => void) | undefined;
  /** It finished, in `ms` of its own steps. */
  analysed?: (uri: string, version: number, analysis: Analysis, ms: number) => void;
}

export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();
  private readonly goodModels = new Map<string, { version: number; model: Model }>();
  private readonly busy = new Map<string, Promise<Analysis | undefined>>();
  /** A token per open document, new after each evict: an analysis still running when its document closed stores nothing. */
  private readonly opened = new Map<string, object>();

  constructor(
    private readonly resolve: (uri: string) => Promise<Resolved>,
    private readonly events: AnalysisEvents = {},
    private readonly sliceMs = SLICE_MS,
  ) {}

  /**
   * The analysis of exactly this version of the document, with the current settings. With `stillWanted`, the
   * analysis stops between two steps once that says no (a newer version was typed) and gives undefined.
   */
  async get(document: VersionedText): Promise<Analysis>;
  async get(document: VersionedText, stillWanted: () => boolean): Promise<Analysis | undefined>;
  async get(document: VersionedText, stillWanted?: () => boolean): Promise<Analysis | undefined> {
    // Read the text before waiting: the document object is updated in place by later changes.
    const { uri, version } = document;
    const text = document.getText();
    const { options, key } = await this.resolve(uri);
    // One analysis of a document at a time: a running one owns the syntax tree the next is spliced into.
    for (let busy = this.busy.get(uri); busy; busy = this.busy.get(uri)) await busy;
    const cached = this.peek(uri, version, key);
    if (cached) return cached;
    if (stillWanted && !stillWanted()) return undefined;
    const run = this.analyse(uri, version, key, text, options, stillWanted);
    this.busy.set(uri, run);
    try {
      return await run;
    } finally {
      if (this.busy.get(uri) === run) this.busy.delete(uri);
    }
  }

  private async analyse(uri: string, version: number, key: string, text: string, options: AnalyzeOptions, stillWanted?: () => boolean): Promise<Analysis | undefined> {
    // The latest analysis, of an older version, is where this text's parse is spliced from: only the part of the
    // text the edits touched is parsed again. The splice takes over that analysis's syntax tree, which is why
    // `latest` becomes this text's provisional analysis at once, in the same turn. A newer one is not spliced
    // into: it keeps answering.
    let opened = this.opened.get(uri);
    if (!opened) this.opened.set(uri, (opened = {}));
    const open = (): boolean => this.opened.get(uri) === opened;
    const base = this.entries.get(uri);
    const previous = base && base.version <= version ? base.analysis : undefined;
    const ended = this.events.analysing?.(text, base === undefined);
    try {
      const steps = analysisSteps(previous, text, options);
      let ms = 0;
      let slice = performance.now();
      for (;;) {
        const step = steps.next();
        if (step.done) {
          ms += performance.now() - slice;
          return open() ? this.finished(uri, version, key, step.value, ms) : step.value;
        }
        if (step.value && step.value.source.parsed.spliced && previous && open()) {
          this.entries.set(uri, { version, key, analysis: provisionalAnalysis(previous, step.value), final: false });
        }
        if (performance.now() - slice >= this.sliceMs) {
          ms += performance.now() - slice;
          await yieldToRequests();
          // Superseded: the provisional analysis stays the latest, and the next version is spliced from it.
          if (stillWanted && !stillWanted()) return undefined;
          slice = performance.now();
        }
      }
    } finally {
      ended?.();
    }
  }

  private finished(uri: string, version: number, key: string, analysis: Analysis, ms: number): Analysis {
    this.events.analysed?.(uri, version, analysis, ms);
    const current = this.entries.get(uri);
    // Keep the newest version (the document's own text is always its newest, so this one is at least as new).
    if (!current || current.version <= version) this.entries.set(uri, { version, key, analysis, final: true });
    const parsed = analysis.document !== undefined && analysis.document.errors.length === 0;
    if (parsed && (this.goodModels.get(uri)?.version ?? -Infinity) <= version) this.goodModels.set(uri, { version, model: analysis.model });
    return analysis;
  }

  peek(uri: string, version: number, key?: string): Analysis | undefined {
    const e = this.entries.get(uri);
    return e && e.final && e.version === version && (key === undefined || e.key === key) ? e.analysis : undefined;
  }

  /** The most recent analysis of the document (finished, or provisional while one runs) and its version. */
  latest(uri: string): Entry | undefined {
    return this.entries.get(uri);
  }

  /** The ids of the most recent text that parsed, else of the most recent analysis. */
  lastGoodModel(uri: string): Model | undefined {
    return this.goodModels.get(uri)?.model ?? this.entries.get(uri)?.analysis.model;
  }

  evict(uri: string): void {
    this.entries.delete(uri);
    this.goodModels.delete(uri);
    this.opened.delete(uri);
  }

  /**
   * Settings changed: every analysis must be made again. The entries stay, marked stale, so requests keep an
   * answer until the new analysis is done; `get` no longer returns them.
   */
  clear(): void {
    for (const e of this.entries.values()) e.key = '';
  }
}
