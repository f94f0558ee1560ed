// A list or text with something in it (an empty list is not evidence).
import { isBlank, lastKey, type Check, type CheckKind } from './context';

const evaluate: Check = (targets) => {
  const t = targets[0];
  if (!t || !t.exists) return { met: false, detail: t ? `"${lastKey(t)}" is missing` : 'nothing recorded yet' };
  if (isBlank(t.value)) return { met: false, detail: `"${lastKey(t)}" is empty`, at: t.path };
  return { met: true };
};

export const non_empty: CheckKind = { name: 'non_empty', evaluate, presenceOnly: true };
