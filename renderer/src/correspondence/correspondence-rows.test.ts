import { describe, expect, it } from 'vitest';
import type { CorrespondencePair } from '../../../corpus/model/correspondence.ts';
import { correspondenceRows, numberKey } from './correspondence-rows.ts';

const T = 'code-du-travail';
const ref = (num: string, id = num) => ({ id: `${T}/${id}`, num });
// Pairs as the compiled Code du travail gives them (L122-14-3 → four articles; L1232-1 ← two).
const pairs: CorrespondencePair[] = [
  { former: ref('L122-14-3'), current: ref('L1232-1'), parts: ['alinéa 1 phrase 1'] },
  { former: ref('L122-14-3'), current: ref('L1233-2') },
  { former: ref('L122-14-3'), current: ref('L1235-1') },
  { former: ref('L122-14-3'), current: ref('L1235-9') },
  { former: ref('L122-14-2'), current: ref('L1232-1') },
];

describe('correspondenceRows', () => {
  it('groups old → new and new → old', () => {
    const old = correspondenceRows(pairs, 'old-to-new');
    expect(old.map((r) => [r.from.num, r.to.map((t) => t.num)])).toEqual([
      ['L122-14-2', ['L1232-1']],
      ['L122-14-3', ['L1232-1', 'L1233-2', 'L1235-1', 'L1235-9']],
    ]);
    const back = correspondenceRows(pairs, 'new-to-old');
    expect(back[0]).toEqual({ from: ref('L1232-1'), to: [{ ...ref('L122-14-3'), parts: ['alinéa 1 phrase 1'] }, ref('L122-14-2')] });
  });

  it('filters by a number as the texts write it, on either column', () => {
    expect(numberKey('L. 122-14-3')).toBe('L122-14-3');
    expect(correspondenceRows(pairs, 'old-to-new', 'l. 122-14-3').map((r) => r.from.num)).toEqual(['L122-14-3']);
    expect(correspondenceRows(pairs, 'old-to-new', '1233').map((r) => r.from.num)).toEqual(['L122-14-3']);
    expect(correspondenceRows(pairs, 'new-to-old', 'L122-14-2').map((r) => r.from.num)).toEqual(['L1232-1']);
    expect(correspondenceRows(pairs, 'old-to-new', '22-14')).toEqual([]);
  });
});
