import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { occursIn, referencePattern, referenceTest } from './patterns.ts';

const NUMBERS = ['L611-3', 'L6', 'L61', 'L611', 'R*1233-3-4', 'D242-6-1', 'LO111-3', 'L114-1 A', 'R142-1-A', '39 bis', '12', 'A6'];

/** Texts made of the pieces a reference is written with, and of what stands around one. */
const text = fc
  .array(
    fc.constantFrom(
      'L. 611-3',
      'L.611-3',
      'l 611-3',
      'L611-30',
      'L. 611-3-1',
      'L. 6',
      'L.6',
      'l6',
      'AL. 6',
      'R. * 1233-3-4',
      'R*1233-3-4',
      'D. 242-6-1',
      'LO 111-3',
      'L.O. 111-3',
      'L. 114-1 A',
      'L. 114-1-A',
      'R. 142-1-A',
      '39 bis',
      '39 ter',
      '12',
      '612',
      '1 2',
      'A. 6',
      'article ',
      ' ',
      ', ',
      '-',
      ' - ',
      '.',
      'é',
      'x',
      '6',
      '3',
      '\n',
    ),
    { maxLength: 12 },
  )
  .map((pieces) => pieces.join(''));

describe('referenceTest', () => {
  it('finds a reference exactly where referencePattern does (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NUMBERS), text, (num, written) => {
        expect(occursIn(referenceTest(num)!, written), `${num} in « ${written} »`).toBe(occursIn(referencePattern(num)!, written));
      }),
      { numRuns: 5_000 },
    );
  });

  it('finds « L. 611-3 » and not « L. 611-30 » nor « L. 611-3-1 »', () => {
    const test = referenceTest('L611-3')!;
    expect(occursIn(test, 'selon l’article L. 611-3 du code')).toBe(true);
    expect(occursIn(test, 'selon l’article L. 611-30 du code')).toBe(false);
    expect(occursIn(test, 'selon l’article L. 611-3-1 du code')).toBe(false);
    expect(occursIn(test, 'selon l’article AL. 611-3')).toBe(false);
    expect(referenceTest('bis')).toBeUndefined();
  });
});
