// The command line of a fuzz harness: `npm test` runs it with a fixed seed and a small count; a long run picks
// a random seed unless given one, and every failure prints the command that replays it.
export interface FuzzOptions { seed: number; count: number; long: boolean }

/** The whole number after `flag` on the command line, if the flag is there. */
export function flagValue(argv: string[], flag: string): number | undefined {
  const i = argv.indexOf(flag);
  if (i < 0) return undefined;
  const n = Number(argv[i + 1]);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} takes a whole number, got "${argv[i + 1]}"`);
  return n;
}

/** Reads `--seed N` and `--<countFlag> N`; a count without a seed means a long run with a random seed. */
export function fuzzOptions(argv: string[], countFlag: string, defaults: { seed: number; count: number }): FuzzOptions {
  const value = (flag: string): number | undefined => flagValue(argv, flag);
  const count = value(`--${countFlag}`);
  const seed = value('--seed') ?? (count !== undefined ? Math.floor(Math.random() * 2 ** 31) : defaults.seed);
  return { seed, count: count ?? defaults.count, long: count !== undefined };
}

/** The command that runs the same campaign again. */
export function replayCommand(script: string, countFlag: string, opts: FuzzOptions): string {
  return `npm run ${script} -- --seed ${opts.seed} --${countFlag} ${opts.count}`;
}

/** A long text cut for a failure message. */
export const shorten = (text: string, max = 400): string => JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
