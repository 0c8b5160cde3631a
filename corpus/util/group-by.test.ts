import { describe, expect, it } from 'vitest';
import { groupBy, pushTo } from './group-by.ts';

describe('groupBy', () => {
  it('keeps the order of keys and of items within a key', () => {
    const groups = groupBy(['L611-3', 'R111-1', 'L242-1', 'D131-1', 'R115-5'], (num) => num[0]);
    expect([...groups.keys()]).toEqual(['L', 'R', 'D']);
    expect(groups.get('L')).toEqual(['L611-3', 'L242-1']);
    expect(groups.get('R')).toEqual(['R111-1', 'R115-5']);
  });
  it('pushTo creates the list once, then appends', () => {
    const groups = new Map<string, number[]>();
    pushTo(groups, 'a', 1);
    pushTo(groups, 'a', 2);
    pushTo(groups, 'b', 3);
    expect(groups).toEqual(
      new Map([
        ['a', [1, 2]],
        ['b', [3]],
      ]),
    );
  });
});
