// The server's settings: section "relationship" of workspace/configuration, per document, with defaults for
// clients that have no configuration (or send it only with didChangeConfiguration). Severities are not a
// setting: they belong to the organisation's profile (.rac.yaml), so the editor and the CLI always agree.
import type { Connection } from 'vscode-languageserver';

export type Trace = 'off' | 'messages' | 'verbose';

export interface Settings {
  validate: { enable: boolean };
  /** YYYY-MM-DD, or '' for today. */
  asOf: string;
  diagnostics: { maxNumberOfProblems: number };
  trace: { server: Trace };
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  validate: { enable: true },
  asOf: '',
  diagnostics: { maxNumberOfProblems: 1000 },
  trace: { server: 'off' as Trace },
});

/** Reads a value of a nested ("validate": {"enable": …}) or dotted ("validate.enable") settings object. */
function pick(raw: Record<string, unknown>, dotted: string): unknown {
  if (dotted in raw) return raw[dotted];
  let cur: unknown = raw;
  for (const part of dotted.split('.')) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[part] : undefined;
  return cur;
}

/** Whatever the client sent, as complete settings: a value of the wrong type falls back to its default. */
export function readSettings(raw: unknown): Settings {
  const r = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const enable = pick(r, 'validate.enable');
  const asOf = pick(r, 'asOf');
  const max = pick(r, 'diagnostics.maxNumberOfProblems');
  const trace = pick(r, 'trace.server');
  return {
    validate: { enable: typeof enable === 'boolean' ? enable : DEFAULT_SETTINGS.validate.enable },
    asOf: typeof asOf === 'string' ? asOf.trim() : DEFAULT_SETTINGS.asOf,
    diagnostics: { maxNumberOfProblems: typeof max === 'number' && Number.isFinite(max) && max >= 0 ? Math.floor(max) : DEFAULT_SETTINGS.diagnostics.maxNumberOfProblems },
    trace: { server: trace === 'messages' || trace === 'verbose' ? trace : 'off' },
  };
}

/** The as-of date to analyse with: the setting when it is a real date, else today (invalid: the bad value). */
export function resolveAsOf(setting: string, today: string): { asOf: string; invalid?: string } {
  if (setting === '') return { asOf: today };
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(setting);
  const valid = !!m && (() => {
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
  })();
  return valid ? { asOf: setting } : { asOf: today, invalid: setting };
}

/** Settings per document uri, asked once and kept until the configuration changes. */
export class SettingsStore {
  private readonly perUri = new Map<string, Promise<Settings>>();
  private global: Settings = DEFAULT_SETTINGS;

  constructor(private readonly connection: Connection, private readonly pull: boolean) {}

  /** The settings for a document, or without a uri those of no document in particular (the workspace's). */
  get(uri?: string): Promise<Settings> {
    if (!this.pull) return Promise.resolve(this.global);
    let settings = this.perUri.get(uri ?? '');
    if (!settings) {
      settings = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'relationship' }).then(
        (raw) => readSettings(raw),
        () => DEFAULT_SETTINGS,
      );
      this.perUri.set(uri ?? '', settings);
    }
    return settings;
  }

  /** didChangeConfiguration: pulled settings are asked again; pushed ones (no pull support) are read from it. */
  changed(pushed: unknown): void {
    this.perUri.clear();
    if (!this.pull) {
      const section = pushed && typeof pushed === 'object' ? (pushed as Record<string, unknown>).relationship : undefined;
      this.global = readSettings(section);
    }
  }

  forget(uri: string): void {
    this.perUri.delete(uri);
  }
}
