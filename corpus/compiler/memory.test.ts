import { describe, expect, it } from 'vitest';
import { collectGarbage } from './memory.ts';

describe('collectGarbage', () => {
  it('frees what nothing holds any more', () => {
    expect(collectGarbage()).toBe(true);
    const before = process.memoryUsage().heapUsed;
    const holder: { garbage?: number[][] } = { garbage: Array.from({ length: 200 }, (_, i) => new Array<number>(50_000).fill(i + 0.5)) };
    expect(process.memoryUsage().heapUsed - before).toBeGreaterThan(50 * 1024 * 1024);
    delete holder.garbage;
    collectGarbage();
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(20 * 1024 * 1024);
  });
});
