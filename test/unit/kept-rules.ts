// Which rules an analysis took over from the previous one (core/rule-memo.ts) instead of evaluating them again.
import type { Analysis } from '../../server/src/core/index';

/** The ids of the rules whose outcome is the previous analysis's own (the same object). */
export function keptRules(previous: Analysis, next: Analysis): Set<string> {
  const before = previous.source?.outcomes?.kept;
  const out = new Set<string>();
  for (const [id, k] of next.source?.outcomes?.kept ?? []) if (before?.get(id)?.outcome === k.outcome) out.add(id);
  return out;
}
