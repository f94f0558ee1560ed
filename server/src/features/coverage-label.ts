// How a principle's coverage reads in one line, shared by the code lens and the outline:
// "✓ covered 4/4", "⚠ partial 2/5 — EX7, EX8 unmet", "✗ missing 0/3", "⏳ not yet required", "… · ⚑ EX8 waived".
import type { PrincipleCoverage } from '../core/index';

const MAX_LISTED = 4;

function ids(list: string[]): string {
  return list.length > MAX_LISTED ? `${list.slice(0, MAX_LISTED).join(', ')} +${list.length - MAX_LISTED}` : list.join(', ');
}

/** The principle's status; `unmet` adds the rules still to meet when partial. */
export function coverageLabel(p: PrincipleCoverage, options: { unmet?: boolean } = {}): string {
  const score = `${p.met}/${p.counted}`;
  const unmet = p.rules.filter((r) => r.state === 'unmet').map((r) => r.id);
  const waived = p.rules.filter((r) => r.state === 'waived').map((r) => r.id);
  let text: string;
  switch (p.status) {
    case 'covered': text = p.counted ? `✓ covered ${score}` : '✓ covered'; break;
    case 'partial': text = options.unmet && unmet.length ? `⚠ partial ${score} — ${ids(unmet)} unmet` : `⚠ partial ${score}`; break;
    case 'missing': text = `✗ missing ${score}`; break;
    default: text = '⏳ not yet required';
  }
  return waived.length ? `${text} · ⚑ ${ids(waived)} waived` : text;
}
