import { describe, expect, it } from 'vitest';
import { ARRAY_SLICE, catalogEntrySchema, catalogSchema, checkArrayShape, checkShape } from './bundle-schemas.ts';

const entry = (i: number) => ({ id: `c/LEGIARTI${i}`, num: `L${i}`, shard: 's', from: '2000-01-01', status: 'VIGUEUR', versionCount: 1 });
const pauses = () => {
  let count = 0;
  return { pause: () => ((count += 1), Promise.resolve()), count: () => count };
};

describe('checkArrayShape', () => {
  it('checks a long array a slice at a time, pausing between slices, and keeps every item', async () => {
    const data = Array.from({ length: 2 * ARRAY_SLICE + 5 }, (_, i) => entry(i));
    const { pause, count } = pauses();
    const checked = await checkArrayShape(catalogEntrySchema, data, pause);
    expect(checked).toEqual(checkShape(catalogSchema, data));
    expect(count()).toBe(2);
  });

  it('names a bad item by its place in the whole array, as checking it at once does', async () => {
    const data = Array.from({ length: ARRAY_SLICE + 10 }, (_, i) => entry(i));
    data[ARRAY_SLICE + 3] = { ...entry(0), from: '1er mai 2008' };
    const checked = await checkArrayShape(catalogEntrySchema, data, pauses().pause);
    expect(checked).toEqual(checkShape(catalogSchema, data));
    expect(checked.ok ? '' : checked.problem).toMatch(new RegExp(`^${ARRAY_SLICE + 3}\\.from : `));
  });

  it('says what is wrong with a file that is not an array at all', async () => {
    expect(await checkArrayShape(catalogEntrySchema, { entries: [] }, pauses().pause)).toEqual(checkShape(catalogSchema, { entries: [] }));
  });
});
