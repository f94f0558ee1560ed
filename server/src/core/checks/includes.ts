// The selected values (all items together) include every one of args.values.
import { list, strings, type Check } from './context';

export const includes: Check = (targets, args) => {
  const have = new Set(targets.flatMap((t) => strings(t.value)));
  const want = strings(args.values);
  const missing = want.filter((v) => !have.has(v));
  return missing.length ? { met: false, detail: `nothing of kind ${list(missing.map((m) => `"${m}"`))} recorded` } : { met: true };
};
