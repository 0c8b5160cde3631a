import { describe, expect, it } from 'vitest';
import type { SearchResult } from '../../../corpus/search/search-types.ts';
import { hitDate, hitState, hitTitle } from './result-labels.ts';

// L611-3 of the Code de la sécurité sociale: its 1985 text was in force until 1995-02-05.
const base: SearchResult = {
  article: 'code-de-la-securite-sociale/LEGIARTI000006743538',
  code: 'code-de-la-securite-sociale',
  num: 'L611-3',
  part: 'L',
  ranges: [{ from: '1985-12-21', to: '1995-02-05' }],
  inForce: false,
  articleState: 'repealed',
  matchedRanges: [{ from: '1985-12-21', to: '1995-02-05' }],
  matchedVersions: 1,
  match: 'text',
  score: 1.2,
  snippet: { text: '', highlights: [], paragraph: 0, nota: false, cutBefore: false, cutAfter: false },
};

describe('search result labels', () => {
  it('says when the matched text is a past one, and that the article is repealed', () => {
    expect(hitState(base)).toBe(' — abrogé — texte du 21 décembre 1985 au 5 février 1995');
    expect(hitState({ ...base, inForce: true, articleState: 'in-force', ranges: [{ from: '2005-12-09' }] })).toBe('');
  });

  it('opens a result at a date where the matched text is in force', () => {
    // The filter's date wins.
    expect(hitDate(base, '2026-11-22', undefined, '1990-01-01')).toBe('1990-01-01');
    // Reading 1990: the 1985 text was in force then, so the reading date is kept.
    expect(hitDate(base, '1990-01-01', '1990-01-01', undefined)).toBe('1990-01-01');
    // Reading today: a past text opens at the start of its period.
    expect(hitDate(base, '2026-11-22', undefined, undefined)).toBe('1985-12-21');
    // Today's law, read today: no date in the link.
    expect(hitDate({ ...base, inForce: true, ranges: [{ from: '2005-12-09' }] }, '2026-11-22', undefined, undefined)).toBeUndefined();
  });

  it('says why a result of a number search bears another number', () => {
    expect(hitTitle(base)).toBe('Article L611-3');
    expect(hitTitle({ ...base, num: 'L1232-1', match: 'replacing', replaces: 'L122-14-3' })).toBe('Article L1232-1 (remplace L122-14-3)');
    expect(hitTitle({ ...base, num: 'R7122-10', match: 'number', formerNum: 'D7122-10' })).toBe('Article R7122-10 (anciennement D7122-10)');
  });
});
