/**
 * The results of a pure look-up, kept per key. Names and words repeat within and across
 * articles, so most look-ups are answered here; past `limit` entries the memo is emptied rather
 * than grown, so a long run stays bounded.
 */
export class BoundedMemo<K, V> {
  private readonly map = new Map<K, V | null>();

  constructor(
    private readonly compute: (key: K) => V | undefined,
    private readonly limit = 50_000,
  ) {}

  get(key: K): V | undefined {
    const cached = this.map.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const value = this.compute(key);
    if (this.map.size > this.limit) this.map.clear();
    this.map.set(key, value ?? null);
    return value;
  }

  /** Forgets every result (the look-up's data changed). */
  clear(): void {
    this.map.clear();
  }
}
