// PURE. A search in items sorted by a number: line starts by offset, a walk's records (in document order) by line.

/** The index of the first item whose key is `value` or more (the item count when there is none). */
export function firstAtOrAfter<T>(items: readonly T[], value: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
