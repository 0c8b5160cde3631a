import { describe, expect, it } from 'vitest';
import { BoundedCache } from './bounded-cache.ts';

/** Text chunks weighed in characters, as the engine keeps the past versions' texts. */
const chunkCache = (limit: number) =>
  new BoundedCache<string, readonly string[]>(limit, (texts) => texts.reduce((sum, text) => sum + text.length, 0));

describe('a cache bounded by the weight of its entries', () => {
  it('drops the least recently used entries once over its limit', () => {
    const cache = chunkCache(10);
    cache.set('a', ['1234']);
    cache.set('b', ['1234']);
    expect(cache.get('a')).toEqual(['1234']); // a is now the most recent
    cache.set('c', ['1234']);
    expect([cache.has('a'), cache.has('b'), cache.has('c')]).toEqual([true, false, true]);
    expect(cache.weight).toBe(8);
  });

  it('keeps the entry just added even alone over the limit, and replaces an entry in place', () => {
    const cache = chunkCache(10);
    cache.set('a', ['12345']);
    cache.set('big', ['123456789012']);
    expect([cache.size, cache.weight, cache.has('big')]).toEqual([1, 12, true]);
    cache.set('big', ['12']);
    expect([cache.size, cache.weight]).toEqual([1, 2]);
  });

  it('counts an entry that grew in place, and evicts for it', () => {
    const checks = new BoundedCache<string, Map<number, boolean>>(3, (map) => map.size);
    const first = new Map([[1, true]]);
    checks.set('first', first);
    checks.set('second', new Map([[2, false]]));
    first.set(3, true).set(4, false);
    checks.grew('first', 2);
    expect([checks.has('first'), checks.has('second'), checks.weight]).toEqual([true, false, 3]);
  });

  it('refuses a limit that is not positive', () => {
    expect(() => chunkCache(0)).toThrow(RangeError);
  });
});
