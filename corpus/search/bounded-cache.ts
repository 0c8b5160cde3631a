/**
 * A least-recently-used cache bounded by the summed weight of its entries (characters of text,
 * documents checked…), not by their count: the entries of the search engine vary a lot in size.
 * The entry just added always stays, even alone over the bound (the caller is about to use it).
 */
export class BoundedCache<K, V> {
  // A Map iterates in insertion order: re-inserting on each hit keeps the oldest entry first.
  private readonly entries = new Map<K, { value: V; weight: number }>();
  private total = 0;

  constructor(
    /** Largest summed weight kept. */
    readonly limit: number,
    private readonly weigh: (value: V) => number,
  ) {
    if (!(limit > 0)) throw new RangeError(`cache limit must be positive, got ${limit}`);
  }

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: K, value: V): void {
    this.delete(key);
    const weight = this.weigh(value);
    this.entries.set(key, { value, weight });
    this.total += weight;
    this.evict(key);
  }

  /** Adds to an entry's weight after it grew in place (a map of checks filled as it goes). */
  grew(key: K, added: number): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    entry.weight += added;
    this.total += added;
    this.get(key);
    this.evict(key);
  }

  /** Drops the oldest entries while over the limit, never `kept`. */
  private evict(kept: K): void {
    for (const [oldest, entry] of this.entries) {
      if (this.total <= this.limit || oldest === kept) break;
      this.entries.delete(oldest);
      this.total -= entry.weight;
    }
  }

  delete(key: K): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.total -= entry.weight;
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The summed weight of the entries kept. */
  get weight(): number {
    return this.total;
  }
}
