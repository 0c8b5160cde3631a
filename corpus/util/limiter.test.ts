import { describe, expect, it } from 'vitest';
import { limiter } from './limiter.ts';

describe('limiter', () => {
  it('runs at most n tasks at once, in the order asked, and passes results and errors through', async () => {
    const limit = limiter(3);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        limit(async () => {
          started.push(i);
          running++;
          most = Math.max(most, running);
          await new Promise((resolve) => setTimeout(resolve, 2));
          running--;
          if (i === 7) throw new Error('tâche 7');
          return i * 2;
        }),
      ),
    );
    expect(most).toBe(3);
    expect(started).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(results[7]).toMatchObject({ status: 'rejected' });
    expect(results[8]).toEqual({ status: 'fulfilled', value: 16 });
  });

  it('refuses a concurrency that is not a positive integer', () => {
    expect(() => limiter(0)).toThrow(RangeError);
  });
});
