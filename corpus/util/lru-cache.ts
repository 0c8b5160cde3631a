/**
 * The one least-recently-used cache of the project (the host's article shards and bundle files, the
 * search engine's texts, the renderer's articles), bounded by the summed weight of its entries: the
 * caller says what an entry weighs — 1 (a count), characters, bytes — since entries of one cache can
 * differ a hundredfold in size.
 *
 * - The entry just added always stays, even alone over the bound (the caller is about to use it).
 * - `load` shares loads in flight: callers asking for a key while it loads get the same promise, and a
 *   load in flight is never evicted (it is not in the cache yet: it enters it, weighed, once done).
 *   Evicting loads in progress is how 2,000 concurrent reads of 142 shards once decompressed them
 *   1,850 times. A failed load is not kept: the next call tries again.
 */
export interface LruCacheOptions<V> {
  /** Largest summed weight kept (positive). */
  maxWeight: number;
  /** What an entry weighs, in the caller's unit; 1 by default (the bound is then a count). */
  weigh?: (value: V) => number;
}

export class LruCache<K, V> {
  // A Map iterates in insertion order: re-inserting on each hit keeps the oldest entry first.
  private readonly entries = new Map<K, { value: V; weight: number }>();
  private readonly inFlight = new Map<K, Promise<V>>();
  private readonly weigh: (value: V) => number;
  private total = 0;
  /** Bumped by `clear`: a load started before it does not enter the cache after it. */
  private generation = 0;
  readonly maxWeight: number;

  constructor(options: LruCacheOptions<V>) {
    if (!(options.maxWeight > 0)) throw new RangeError(`cache bound must be positive, got ${options.maxWeight}`);
    this.maxWeight = options.maxWeight;
    this.weigh = options.weigh ?? (() => 1);
  }

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: K, value: V): void {
    this.remove(key);
    const weight = this.weigh(value);
    this.entries.set(key, { value, weight });
    this.total += weight;
    this.evict(key);
  }

  /**
   * The value cached under `key`, or the load already in flight for it, or a new load started with
   * `loader`; the value enters the cache when the load succeeds.
   */
  load(key: K, loader: () => Promise<V>): Promise<V> {
    const entry = this.entries.get(key);
    if (entry) return Promise.resolve(this.get(key) as V);
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const generation = this.generation;
    const promise = loader().then(
      (value) => {
        if (this.inFlight.get(key) === promise) this.inFlight.delete(key);
        if (generation === this.generation) this.set(key, value);
        return value;
      },
      (error: unknown) => {
        if (this.inFlight.get(key) === promise) this.inFlight.delete(key);
        throw error;
      },
    );
    this.inFlight.set(key, promise);
    return promise;
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

  /** Forgets the entry and any load in flight for it (its callers still get their value). */
  delete(key: K): void {
    this.remove(key);
    this.inFlight.delete(key);
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  /** Whether a load of `key` is in flight. */
  loading(key: K): boolean {
    return this.inFlight.has(key);
  }

  /** Entries kept (loads in flight not counted). */
  get size(): number {
    return this.entries.size;
  }

  /** The summed weight of the entries kept. */
  get weight(): number {
    return this.total;
  }

  clear(): void {
    this.entries.clear();
    this.inFlight.clear();
    this.total = 0;
    this.generation++;
  }

  private remove(key: K): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.total -= entry.weight;
  }

  /** Drops the oldest entries while over the bound, never `kept`. */
  private evict(kept: K): void {
    for (const [oldest, entry] of this.entries) {
      if (this.total <= this.maxWeight || oldest === kept) break;
      this.entries.delete(oldest);
      this.total -= entry.weight;
    }
  }
}
