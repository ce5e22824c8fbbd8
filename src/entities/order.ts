/**
 * Orderings of the per-document lists resolution builds: a counting sort by token index (no
 * comparison callback), and a check that spares sorting lists already in order.
 */

/** Items ordered by key(item) ∈ [0, limit); items with equal keys keep their order. */
export function sortByKey<T>(items: readonly T[], key: (item: T) => number, limit: number): T[] {
  const n = items.length;
  if (n < 2) return items.slice();
  const keys = new Int32Array(n);
  const counts = new Int32Array(limit + 1);
  for (let i = 0; i < n; i++) {
    const k = key(items[i]!);
    if (!(k >= 0 && k < limit)) throw new RangeError(`sortByKey: key ${k} outside [0, ${limit})`);
    keys[i] = k;
    counts[k + 1]!++;
  }
  for (let k = 1; k <= limit; k++) counts[k]! += counts[k - 1]!;
  const out = new Array<T>(n);
  for (let i = 0; i < n; i++) out[counts[keys[i]!]!++] = items[i]!;
  return out;
}

/** Whether spans are already in start, then end order. */
export function isSortedSpans(items: readonly { start: number; end: number }[]): boolean {
  for (let i = 1; i < items.length; i++) {
    const a = items[i - 1]!;
    const b = items[i]!;
    if (a.start > b.start || (a.start === b.start && a.end > b.end)) return false;
  }
  return true;
}

/**
 * Lists each in start, then end order without repeats, merged into one: the same order as a
 * stable sort of their concatenation (equal spans of different lists keep the lists' order),
 * by a heap over the lists' heads.
 */
export function mergeSpans<T extends { start: number; end: number }>(lists: readonly (readonly T[])[]): T[] {
  const at = new Int32Array(lists.length);
  const before = (x: number, y: number): boolean => {
    const a = lists[x]![at[x]!]!;
    const b = lists[y]![at[y]!]!;
    return a.start !== b.start ? a.start < b.start : a.end !== b.end ? a.end < b.end : x < y;
  };
  const heap: number[] = [];
  const siftDown = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1;
      if (l >= heap.length) return;
      const c = l + 1 < heap.length && before(heap[l + 1]!, heap[l]!) ? l + 1 : l;
      if (!before(heap[c]!, heap[i]!)) return;
      [heap[c], heap[i]] = [heap[i]!, heap[c]!];
      i = c;
    }
  };
  let total = 0;
  for (let x = 0; x < lists.length; x++) {
    total += lists[x]!.length;
    if (lists[x]!.length > 0) heap.push(x);
  }
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(i);
  const out = new Array<T>(total);
  for (let n = 0; n < total; n++) {
    const x = heap[0]!;
    out[n] = lists[x]![at[x]!]!;
    if (++at[x]! < lists[x]!.length) siftDown(0);
    else {
      heap[0] = heap[heap.length - 1]!;
      heap.pop();
      siftDown(0);
    }
  }
  return out;
}
