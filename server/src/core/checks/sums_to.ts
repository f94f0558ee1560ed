// The numbers of each selected map add up to args.total (a benefit split sums to 1); args.vacuous: an empty
// list is met.
import { label, valueAt, type Check, type CheckKind } from './context';

const evaluate: Check = (targets, args, ctx) => {
  const total = Number(args.total ?? 1);
  const tolerance = Number(args.tolerance ?? 0.001);
  const maps = targets.filter((t) => t.value && typeof t.value === 'object' && !Array.isArray(t.value));
  if (maps.length === 0) return targets.length === 0 && args.vacuous ? { met: true } : { met: false, detail: 'nothing recorded yet' };
  for (const t of maps) {
    const sum = Object.values(t.value as Record<string, unknown>).reduce<number>((s, v) => s + (typeof v === 'number' ? v : NaN), 0);
    if (!(Math.abs(sum - total) <= tolerance)) {
      // Named by the item that holds the map ("VI-1"), and rounded so 0.1 + 0.2 reads 0.3.
      const parent = t.path.slice(0, -1);
      const owner = label({ value: valueAt(ctx.data, parent), path: parent, exists: true });
      return { met: false, detail: `the shares of ${owner} add up to ${Number.isNaN(sum) ? 'a non-number' : Number(sum.toFixed(6))}, not ${total}`, at: t.path };
    }
  }
  return { met: true };
};

export const sums_to: CheckKind = { name: 'sums_to', evaluate };
