// How a principle's coverage reads in one line, shared by the code lens and the outline:
// "✓ covered 4/4", "⚠ partial 2/5 — EX7, EX8 unmet", "✗ missing 0/3", "? unknown 2/4 — RM3, RM4 unknown",
// "⏳ not yet required", "⚑ waived 3/3 — CB4" (met of the rules that count besides the waived ones),
// "… · ⚑ EX8 waived".
import { STATE_GLYPHS, STATUS_GLYPHS, type PrincipleCoverage } from '../core/index';

const MAX_LISTED = 4;

function ids(list: string[]): string {
  return list.length > MAX_LISTED ? `${list.slice(0, MAX_LISTED).join(', ')} +${list.length - MAX_LISTED}` : list.join(', ');
}

/** The principle's status; `unmet` adds the rules still to meet when partial. */
export function coverageLabel(p: PrincipleCoverage, options: { unmet?: boolean } = {}): string {
  const score = `${p.met}/${p.counted}`;
  const unmet = p.rules.filter((r) => r.state === 'unmet').map((r) => r.id);
  const waived = p.rules.filter((r) => r.state === 'waived').map((r) => r.id);
  const status = `${STATUS_GLYPHS[p.status].editor} ${STATUS_GLYPHS[p.status].label.toLowerCase()}`;
  let text: string;
  switch (p.status) {
    case 'covered': text = p.counted ? `${status} ${score}` : status; break;
    // The waived rules are the whole story here: named once, after the status that already says waived.
    case 'waived': return `${status}${p.counted ? ` ${score}` : ''} — ${ids(waived)}`;
    case 'partial': text = options.unmet && unmet.length ? `${status} ${score} — ${ids(unmet)} ${STATE_GLYPHS.unmet.label}` : `${status} ${score}`; break;
    case 'missing': text = `${status} ${score}`; break;
    case 'unknown': {
      const unknown = p.rules.filter((r) => r.state === 'unknown').map((r) => r.id);
      text = options.unmet && unknown.length ? `${status} ${score} — ${ids(unknown)} ${STATE_GLYPHS.unknown.label}` : `${status} ${score}`;
      break;
    }
    default: text = status;
  }
  return waived.length ? `${text} · ${STATE_GLYPHS.waived.editor} ${ids(waived)} ${STATE_GLYPHS.waived.label}` : text;
}
