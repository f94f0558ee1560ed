// One Analysis per open document: the latest finished one, whatever its version. Requests that must see exactly
// the current text (code actions, rename, the preview) ask `get`, which analyses when the cached one is older;
// the others answer from `latest` through the edits made since (edit-log.ts), so they never wait for an
// analysis. Completion also keeps the model (the ids) of the last text that parsed: while the text is half-typed
// and does not parse, its ids are still offered. The catalog and the compiled schema are module-level in the
// core and shared by every document; a closed document's entry is dropped.
import { analyzeEdited, type Analysis, type AnalyzeOptions, type Model } from './core/index';

export interface VersionedText {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

/** The options for a document, and a key that changes whenever they would change the analysis. */
export interface Resolved { options: AnalyzeOptions; key: string }

export interface Entry { version: number; key: string; analysis: Analysis }

export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();
  private readonly goodModels = new Map<string, { version: number; model: Model }>();

  constructor(
    private readonly resolve: (uri: string) => Promise<Resolved>,
    private readonly onAnalysed: (uri: string, version: number, analysis: Analysis, ms: number) => void = () => undefined,
  ) {}

  /** The analysis of exactly this version of the document, with the current settings. */
  async get(document: VersionedText): Promise<Analysis> {
    // Read the text before waiting: the document object is updated in place by later changes.
    const { uri, version } = document;
    const text = document.getText();
    const { options, key } = await this.resolve(uri);
    const cached = this.peek(uri, version, key);
    if (cached) return cached;
    const started = performance.now();
    // The latest analysis, of whatever version and settings, is where this text's parse is spliced from: only the
    // part of the text the edits touched is parsed again (the checks run on the whole). The splice takes over that
    // analysis's syntax tree, which is why the new analysis replaces it at once, below, in the same turn.
    const analysis = analyzeEdited(this.entries.get(uri)?.analysis, text, options);
    this.onAnalysed(uri, version, analysis, performance.now() - started);
    const current = this.entries.get(uri);
    // Keep the newest version (the document's own text is always its newest, so this one is at least as new).
    if (!current || current.version <= version) this.entries.set(uri, { version, key, analysis });
    const parsed = analysis.document !== undefined && analysis.document.errors.length === 0;
    if (parsed && (this.goodModels.get(uri)?.version ?? -Infinity) <= version) this.goodModels.set(uri, { version, model: analysis.model });
    return analysis;
  }

  peek(uri: string, version: number, key?: string): Analysis | undefined {
    const e = this.entries.get(uri);
    return e && e.version === version && (key === undefined || e.key === key) ? e.analysis : undefined;
  }

  /** The most recent finished analysis of the document and its version, whatever the version. */
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
  }

  /**
   * Settings changed: every analysis must be made again. The entries stay, marked stale, so requests keep an
   * answer until the new analysis is done; `get` no longer returns them.
   */
  clear(): void {
    for (const e of this.entries.values()) e.key = '';
  }
}
