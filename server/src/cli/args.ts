// Command-line parsing shared by the commands: node:util parseArgs (strict) with messages a user can act on.
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { toDay } from '../core/index';
import { nearest } from '../core/index';
import type { CliIo } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface Parsed {
  values: Record<string, string | boolean | undefined>;
  /** The values of repeatable options (`multiple: true`, e.g. --ignore), in the order given. */
  lists: Record<string, string[]>;
  positionals: string[];
}

/** Parses argv strictly; a bad command line becomes one message ("unknown option '--formt'; did you mean '--format'?"). */
export function parseCommandLine(argv: readonly string[], options: Options): Parsed | { error: string } {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
    const single: Parsed['values'] = {};
    const lists: Parsed['lists'] = {};
    for (const [name, value] of Object.entries(values)) {
      if (Array.isArray(value)) lists[name] = value.map(String);
      else single[name] = value;
    }
    return { values: single, lists, positionals };
  } catch (e) {
    return { error: describe(e, options) };
  }
}

function describe(e: unknown, options: Options): string {
  const code = (e as { code?: string }).code;
  const message = e instanceof Error ? e.message : String(e);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /'([^']+)'/.exec(message)?.[1] ?? '';
    const name = option.replace(/^-+/, '').split('=')[0];
    const suggestion = option.startsWith('--') ? nearest(name, Object.keys(options)) : undefined;
    return `unknown option '${option}'${suggestion ? `; did you mean '--${suggestion}'?` : ''}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const option = /--[\w-]+/.exec(message)?.[0] ?? /'(-[^' ,]+)/.exec(message)?.[1] ?? 'an option';
    if (/argument missing/.test(message)) return `${option} needs a value`;
    if (/ambiguous/.test(message)) return `${option} needs a value (write ${option}=VALUE when the value starts with "-")`;
    if (/does not take an argument/.test(message)) return `${option} takes no value`;
  }
  return message.split('\n')[0];
}

/** The value of a string option, checked against a list: undefined and an error message when it is not one of them. */
export function oneOf<T extends string>(name: string, value: string | boolean | undefined, allowed: readonly T[], fallback: T): T | { error: string } {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  const suggestion = typeof value === 'string' ? nearest(value, allowed) : undefined;
  return { error: `--${name} must be one of ${allowed.join(', ')}, not "${String(value)}"${suggestion ? `; did you mean "${suggestion}"?` : ''}` };
}

/** --as-of: a real calendar day as YYYY-MM-DD. */
export function asOfDate(value: string | boolean | undefined, today: string): string | { error: string } {
  if (value === undefined) return today;
  if (typeof value === 'string' && toDay(value) !== undefined) return value;
  return { error: `--as-of needs a real date as YYYY-MM-DD (e.g. 2026-03-31), not "${String(value)}"` };
}

export function isError(v: unknown): v is { error: string } {
  return typeof v === 'object' && v !== null && 'error' in v;
}

/** --root of check, report and diff: an existing folder, resolved against the working folder; undefined when not given. */
export function rootFolder(value: string | boolean | undefined, cwd: string, isFolder: (path: string) => boolean): string | undefined | { error: string } {
  if (value === undefined) return undefined;
  const root = resolve(cwd, String(value));
  return isFolder(root) ? root : { error: `--root ${String(value)}: no such folder` };
}

/**
 * How a subcommand starts: its command line parsed, and `fail`, which prints "rac NAME: message" and gives exit
 * status 2. A bad command line or --help is answered here, and the exit status comes back instead.
 */
export function startCommand(name: string, argv: readonly string[], options: Options, usage: string, io: CliIo): { parsed: Parsed; fail: (message: string) => number } | number {
  const fail = (message: string): number => {
    io.stderr(`rac ${name}: ${message}\n`);
    return 2;
  };
  const parsed = parseCommandLine(argv, options);
  if (isError(parsed)) return fail(`${parsed.error}\nRun "rac ${name} --help" for the options.`);
  if (parsed.values.help) {
    io.stdout(usage);
    return 0;
  }
  return { parsed, fail };
}
