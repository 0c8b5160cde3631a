import { describe, expect, it } from 'vitest';
import { LruCache } from './lru-cache.ts';

/** Text chunks weighed in characters, as the search engine keeps the past versions' texts. */
const chunkCache = (maxWeight: number) =>
  new LruCache<string, readonly string[]>({ maxWeight, weigh: (texts) => texts.reduce((sum, text) => sum + text.length, 0) });

/** A promise and the functions that settle it, to hold a load in flight. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('LruCache bounded by a count', () => {
  it('drops the least recently used entry past its bound', () => {
    const cache = new LruCache<string, number>({ maxWeight: 2 });
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the most recent
    cache.set('c', 3);
    expect([cache.has('a'), cache.has('b'), cache.has('c')]).toEqual([true, false, true]);
    expect([cache.size, cache.weight]).toEqual([2, 2]);
  });

  it('forgets and clears', () => {
    const cache = new LruCache<string, number>({ maxWeight: 3 });
    cache.set('a', 1);
    cache.set('b', 2);
    cache.delete('a');
    expect([cache.get('a'), cache.size]).toEqual([undefined, 1]);
    cache.clear();
    expect([cache.size, cache.weight]).toEqual([0, 0]);
  });

  it('refuses a bound that is not positive', () => {
    expect(() => new LruCache({ maxWeight: 0 })).toThrow(RangeError);
    expect(() => chunkCache(Number.NaN)).toThrow(RangeError);
  });
});

describe('LruCache bounded by a weight', () => {
  it('drops the least recently used entries once over its bound', () => {
    const cache = chunkCache(10);
    cache.set('a', ['1234']);
    cache.set('b', ['1234']);
    expect(cache.get('a')).toEqual(['1234']);
    cache.set('c', ['1234']);
    expect([cache.has('a'), cache.has('b'), cache.has('c')]).toEqual([true, false, true]);
    expect(cache.weight).toBe(8);
  });

  it('keeps the entry just added even alone over the bound, and replaces an entry in place', () => {
    const cache = chunkCache(10);
    cache.set('a', ['12345']);
    cache.set('big', ['123456789012']);
    expect([cache.size, cache.weight, cache.has('big')]).toEqual([1, 12, true]);
    cache.set('big', ['12']);
    expect([cache.size, cache.weight]).toEqual([1, 2]);
  });

  it('counts an entry that grew in place, and evicts for it', () => {
    const checks = new LruCache<string, Map<number, boolean>>({ maxWeight: 3, weigh: (map) => map.size });
    const first = new Map([[1, true]]);
    checks.set('first', first);
    checks.set('second', new Map([[2, false]]));
    first.set(3, true).set(4, false);
    checks.grew('first', 2);
    expect([checks.has('first'), checks.has('second'), checks.weight]).toEqual([true, false, 3]);
  });
});

describe('LruCache.load', () => {
  it('shares a load in flight between its callers, then serves the cached value', async () => {
    const cache = new LruCache<string, string>({ maxWeight: 10 });
    let loads = 0;
    const slow = deferred<string>();
    const loader = () => {
      loads++;
      return slow.promise;
    };
    const calls = Array.from({ length: 50 }, () => cache.load('shard-1', loader));
    expect(cache.loading('shard-1')).toBe(true);
    slow.resolve('articles');
    expect(await Promise.all(calls)).toEqual(Array(50).fill('articles'));
    expect(await cache.load('shard-1', loader)).toBe('articles');
    expect(loads).toBe(1);
    expect(cache.loading('shard-1')).toBe(false);
  });

  it('never evicts a load in flight: many keys loading at once are each loaded once', async () => {
    // The host's burst: far more shards in flight than the cache holds.
    const cache = new LruCache<number, number>({ maxWeight: 3 });
    const loads = new Map<number, number>();
    const gates = new Map<number, ReturnType<typeof deferred<number>>>();
    const loader = (key: number) => () => {
      loads.set(key, (loads.get(key) ?? 0) + 1);
      const gate = deferred<number>();
      gates.set(key, gate);
      return gate.promise;
    };
    const calls: Promise<number>[] = [];
    for (let round = 0; round < 4; round++) for (let key = 0; key < 20; key++) calls.push(cache.load(key, loader(key)));
    for (const [key, gate] of gates) gate.resolve(key * 10);
    const values = await Promise.all(calls);
    expect(values.slice(0, 20)).toEqual(Array.from({ length: 20 }, (_, key) => key * 10));
    expect([...loads.values()].every((n) => n === 1)).toBe(true);
    expect(cache.size).toBe(3);
  });

  it('does not keep a failed load: the next call loads again', async () => {
    const cache = new LruCache<string, string>({ maxWeight: 10 });
    await expect(cache.load('k', () => Promise.reject(new Error('illisible')))).rejects.toThrow('illisible');
    expect(cache.loading('k')).toBe(false);
    expect(await cache.load('k', () => Promise.resolve('lu'))).toBe('lu');
  });

  it('does not cache a load that finished after a clear', async () => {
    const cache = new LruCache<string, string>({ maxWeight: 10 });
    const slow = deferred<string>();
    const call = cache.load('k', () => slow.promise);
    cache.clear();
    slow.resolve('ancien');
    expect(await call).toBe('ancien');
    expect(cache.has('k')).toBe(false);
  });

  it('weighs a loaded value when it arrives', async () => {
    const cache = new LruCache<string, string>({ maxWeight: 10, weigh: (text) => text.length });
    await cache.load('a', () => Promise.resolve('123456'));
    await cache.load('b', () => Promise.resolve('123456'));
    expect([cache.has('a'), cache.has('b'), cache.weight]).toEqual([false, true, 6]);
  });
});
