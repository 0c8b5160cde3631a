import { describe, expect, it } from 'vitest';
import type { Reference } from '../../../corpus/model/model.ts';
import { groupByReference, paragraphRuns, type HighlightPiece } from './highlight-runs.ts';

const text = 'dans les conditions prévues à l’article L. 612-9 du présent code';
const start = text.indexOf('L. 612-9');
const reference = { paragraph: 0, start, end: start + 'L. 612-9'.length, text: 'L. 612-9', num: 'L612-9' } as Reference;

function piece(id: string, from: string, to: string, number = 1): HighlightPiece {
  return {
    annotationId: id,
    start: text.indexOf(from),
    end: text.indexOf(to) + to.length,
    role: 'condition',
    status: 'attached',
    number,
    last: true,
  };
}

describe('paragraphRuns', () => {
  it('cuts a passage across a reference link into runs that join back into the paragraph', () => {
    const runs = paragraphRuns(text, [reference], [piece('a', 'prévues', '612-9')]);
    expect(runs.map((r) => r.text).join('')).toBe(text);
    const marked = runs.filter((r) => r.marks.length > 0);
    expect(marked.map((r) => r.text).join('')).toBe('prévues à l’article L. 612-9');
    expect(marked.map((r) => !!r.reference)).toEqual([false, true]);
    const groups = groupByReference(runs);
    expect(groups.map((g) => g.reference?.num ?? '-')).toEqual(['-', 'L612-9', '-']);
    expect(runs.find((r) => r.endsHere.length)?.text).toBe('L. 612-9');
  });

  it('keeps two overlapping highlights, each on its own words', () => {
    const runs = paragraphRuns(text, [], [piece('a', 'conditions', 'prévues', 1), piece('b', 'prévues', 'article', 2)]);
    expect(runs.map((r) => r.text).join('')).toBe(text);
    expect(runs.find((r) => r.text === 'prévues')?.marks.map((m) => m.annotationId)).toEqual(['a', 'b']);
  });

  it('ignores a piece out of the paragraph without losing text', () => {
    const runs = paragraphRuns(text, [], [{ ...piece('a', 'dans', 'les'), start: -5, end: 10_000 }]);
    expect(runs.map((r) => r.text).join('')).toBe(text);
    expect(runs.every((r) => r.marks.length === 1)).toBe(true);
  });
});
