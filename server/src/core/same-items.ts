// PURE. Whether two lists hold the same items in the same order, compared by identity: two paths, or the parts
// of the data a rule reads in two analyses (rule-memo.ts).

export function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
