/**
 * Binary search over a sorted array: the index of the first item in [lo, hi) for which `before`
 * is false, where `before` holds for a prefix of the items (hi when it holds for all of them).
 */
export function lowerBound<T>(items: readonly T[], before: (item: T) => boolean, lo = 0, hi = items.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(items[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
