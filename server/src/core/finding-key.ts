// PURE. A finding's identity within one analysis: what a diagnostic carries (its `data`) so that a code action
// request finds the finding again without matching codes and ranges. A diagnostic of an older version whose
// finding is gone finds nothing, so no edit computed for another text is offered.
import type { Finding } from './types';

export function findingKey(f: Pick<Finding, 'code' | 'range' | 'message'>): string {
  const { start, end } = f.range;
  return `${f.code}@${start.line}:${start.character}-${end.line}:${end.character} ${f.message}`;
}
