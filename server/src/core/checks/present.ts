// The evidence is there: every selected value exists and is not blank.
import { isBlank, lastKey, type Check, type CheckKind } from './context';

const evaluate: Check = (targets) => {
  if (targets.length === 0) return { met: false, detail: 'nothing recorded yet' };
  const missing = targets.find((t) => isBlank(t.value));
  if (missing) return { met: false, detail: `"${lastKey(missing)}" is ${missing.exists ? 'empty' : 'missing'}`, at: missing.path };
  return { met: true };
};

export const present: CheckKind = { name: 'present', evaluate, presenceOnly: true };
