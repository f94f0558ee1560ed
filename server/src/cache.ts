// One Analysis per document uri and version. Handlers read it (analysing on demand when it is missing); a
// request for one version is never answered from another. Completion alone may borrow the latest analysis
// of an older version (its ids), because it must answer while the newest text is still being analysed, and
// while the text is half-typed and does not parse, the last analysis of a text that did.
import { analyze, type Analysis, type AnalyzeOptions } from './core/index';

export interface VersionedText {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

/** The options for a document, and a key that changes whenever they would change the analysis. */
export interface Resolved { options: AnalyzeOptions; key: string }

interface Entry { version: number; key: string; analysis: Analysis }

export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();
  private readonly good = new Map<string, Entry>();

  constructor(
    private readonly resolve: (uri: string) => Promise<Resolved>,
    private readonly onAnalysed: (uri: string, version: number, analysis: Analysis, ms: number) => void = () => undefined,
  ) {}

  /** The analysis of exactly this version of the document. */
  async get(document: VersionedText): Promise<Analysis> {
    // Read the text before waiting: the document object is updated in place by later changes.
    const { uri, version } = document;
    const text = document.getText();
    const { options, key } = await this.resolve(uri);
    const cached = this.peek(uri, version, key);
    if (cached) return cached;
    const started = performance.now();
    const analysis = analyze(text, options);
    this.onAnalysed(uri, version, analysis, performance.now() - started);
    const current = this.entries.get(uri);
    // Keep the newest version: an answer for an older one must not replace it.
    if (!current || current.version <= version) this.entries.set(uri, { version, key, analysis });
    const parsed = analysis.document !== undefined && analysis.document.errors.length === 0;
    if (parsed && (this.good.get(uri)?.version ?? -Infinity) <= version) this.good.set(uri, { version, key, analysis });
    return analysis;
  }

  peek(uri: string, version: number, key?: string): Analysis | undefined {
    const e = this.entries.get(uri);
    return e && e.version === version && (key === undefined || e.key === key) ? e.analysis : undefined;
  }

  /** The most recent analysis of the document, whatever its version. */
  latest(uri: string): Analysis | undefined {
    return this.entries.get(uri)?.analysis;
  }

  /** The most recent analysis of a text that parsed (its ids are whole), else the most recent one. */
  lastGood(uri: string): Analysis | undefined {
    return this.good.get(uri)?.analysis ?? this.latest(uri);
  }

  evict(uri: string): void {
    this.entries.delete(uri);
    this.good.delete(uri);
  }

  /** Settings changed: every analysis must be made again (the ids of the last parsed text stay valid). */
  clear(): void {
    this.entries.clear();
  }
}
