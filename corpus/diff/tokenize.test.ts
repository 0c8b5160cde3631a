import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenizeLegalFrench, tokenKey, type Token } from './tokenize.ts';
import { anyText } from '../../tests/support/arbitraries.ts';

/** The non-space tokens as `kind:text`. */
function units(text: string): string[] {
  return tokenizeLegalFrench(text)
    .filter((token) => token.kind !== 'space')
    .map((token) => `${token.kind}:${token.text}`);
}

const keys = (text: string): string[] =>
  tokenizeLegalFrench(text)
    .filter((token) => token.kind !== 'space')
    .map(tokenKey);

describe('tokenizeLegalFrench', () => {
  it('keeps article references as units (R115-5, 2006-01-28, seed 002 line 74)', () => {
    expect(units('aux articles R. 243-25, R. 612-18, R. 723-16-1, D. 633-3 et D. 642-3.')).toEqual([
      'word:aux',
      'word:articles',
      'reference:R. 243-25',
      'punctuation:,',
      'reference:R. 612-18',
      'punctuation:,',
      'reference:R. 723-16-1',
      'punctuation:,',
      'reference:D. 633-3',
      'word:et',
      'reference:D. 642-3',
      'punctuation:.',
    ]);
    expect(units("à l'article L. 612-9")).toEqual(['word:à', "word:l'article", 'reference:L. 612-9']);
    expect(units('L.O. 111-3, LO 111-4, R.* 243-5, L 612-9')).toEqual([
      'reference:L.O. 111-3',
      'punctuation:,',
      'reference:LO 111-4',
      'punctuation:,',
      'reference:R.* 243-5',
      'punctuation:,',
      'reference:L 612-9',
    ]);
  });

  it('does not take a capital letter and a plain number for a reference', () => {
    expect(units('A 60 ans')).toEqual(['word:A', 'word:60', 'word:ans']);
  });

  it('keeps list and division markers as units', () => {
    expect(units('1° en ce qui concerne ; 4°) en ce qui concerne ; a) En présence ; aa) ; 3) ; (a)')).toEqual([
      'marker:1°',
      'word:en',
      'word:ce',
      'word:qui',
      'word:concerne',
      'punctuation:;',
      'marker:4°)',
      'word:en',
      'word:ce',
      'word:qui',
      'word:concerne',
      'punctuation:;',
      'marker:a)',
      'word:En',
      'word:présence',
      'punctuation:;',
      'marker:aa)',
      'punctuation:;',
      'marker:3)',
      'punctuation:;',
      'punctuation:(',
      'word:a',
      'punctuation:)',
    ]);
    // R115-5 wrote « I. - » in 1996 and « I.- » in 2019: one marker, the same key.
    expect(units('I. - Pour le calcul')).toEqual(['marker:I. -', 'word:Pour', 'word:le', 'word:calcul']);
    expect(units('II.-Peuvent être')).toEqual(['marker:II.-', 'word:Peuvent', 'word:être']);
    expect(keys('I. - Pour')).toEqual(keys('I.-Pour'));
    expect(units('au troisième alinéa du I du présent article')).toContain('word:I');
  });

  it('keeps elided words, hyphenated words and « n° » whole, with both apostrophes', () => {
    expect(units("l'article d’assurance non-salariés n° 94-126 aujourd'hui")).toEqual([
      "word:l'article",
      'word:d’assurance',
      'word:non-salariés',
      'word:n°',
      'word:94-126',
      "word:aujourd'hui",
    ]);
    expect(keys('d’assurance')).toEqual(keys("d'assurance"));
  });

  it('keeps grouped numbers, amounts and dates as units (D173-21-0-0-1, R434-27, L245-8)', () => {
    expect(units('est fixé à 1 120 euros au 1er février 2014.')).toEqual([
      'word:est',
      'word:fixé',
      'word:à',
      'number:1 120',
      'word:euros',
      'word:au',
      'date:1er février 2014',
      'punctuation:.',
    ]);
    expect(units('fixé à 18 281,80 euros à la date du 1er avril 2016')).toContain('number:18 281,80');
    expect(units('supérieure à 18 % vol.')).toContain('number:18 %');
    expect(units('de la loi n° 94-126 du 11 février 1994,')).toContain('date:11 février 1994');
    expect(keys('1 000')).toEqual(keys('1000'));
    // A year followed by a number is not a grouped number.
    expect(units('en 2005 100 000 personnes')).toEqual(['word:en', 'word:2005', 'number:100 000', 'word:personnes']);
  });

  it('covers the text exactly, whatever the text (property)', () => {
    fc.assert(
      fc.property(anyText(200), (text) => {
        const tokens: Token[] = tokenizeLegalFrench(text);
        let offset = 0;
        for (const token of tokens) {
          if (token.start !== offset || token.text.length === 0 || text.slice(token.start, token.end) !== token.text) return false;
          offset = token.end;
        }
        return offset === text.length;
      }),
      { numRuns: 500 },
    );
  });
});
