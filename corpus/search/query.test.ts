import { describe, expect, it } from 'vitest';
import { isEmptyQuery, parseQuery } from './query.ts';

describe('search-box queries', () => {
  it('routes every written form of an article number to the number lookup', () => {
    for (const query of ['L611-3', 'L. 611-3', 'l 611-3', 'art. L611-3', 'article L.611-3', ' L 611 - 3 ']) {
      expect(parseQuery(query).number, query).toBe('L611-3');
    }
    expect(parseQuery('R*243-59-6-A').number).toBe('R*243-59-6-A');
    // A bare integer is a word (« 35 heures »), not an article.
    expect(parseQuery('35').number).toBeUndefined();
  });

  it('parses words, phrases in any quotes, prefixes and exclusions', () => {
    const parsed = parseQuery('« caisse nationale » cotisations -maladie assur* "d\'assurance"');
    expect(parsed.phrases).toEqual([{ words: ['caisse', 'nationale'] }, { words: ['d', 'assurance'] }]);
    expect(parsed.terms).toEqual([
      { term: 'caiss', prefix: false, inPattern: true },
      { term: 'national', prefix: false, inPattern: true },
      { term: 'assur', prefix: false, inPattern: true },
      { term: 'cotis', prefix: false },
      { term: 'assur', prefix: true },
    ]);
    expect(parsed.excluded).toEqual(['malad']);
  });

  it('reads a phrase whose quote is not closed as being typed: its last word is the start of a word', () => {
    expect(parseQuery('"organismes de sécu')).toMatchObject({
      phrases: [{ words: ['organismes', 'de', 'secu'], open: true }],
      terms: [
        { term: 'organ', prefix: false, inPattern: true },
        { term: 'secu', prefix: true, inPattern: true },
      ],
    });
    // One or two letters, or a stop word: only the phrase's pattern checks them (as a term they
    // would be most of the index).
    expect(parseQuery('"organismes de s').terms).toEqual([{ term: 'organ', prefix: false, inPattern: true }]);
    expect(parseQuery('"organismes de').terms).toEqual([{ term: 'organ', prefix: false, inPattern: true }]);
    // Closed, or ended by a space: whole words.
    expect(parseQuery('"organismes de sécu"').phrases).toEqual([{ words: ['organismes', 'de', 'secu'] }]);
    expect(parseQuery('« organismes de sécu »').phrases).toEqual([{ words: ['organismes', 'de', 'secu'] }]);
  });

  it('keeps hyphenated words whole and treats a number inside words as a reference', () => {
    expect(parseQuery('non-salariés')).toMatchObject({ excluded: [], terms: [{ term: 'non' }, { term: 'salar' }] });
    const parsed = parseQuery('cotisations L. 612-9');
    expect(parsed.number).toBeUndefined();
    expect(parsed.references).toEqual(['L612-9']);
    expect(parsed.terms.map((t) => t.term)).toEqual(['612', '9', 'cotis']);
  });

  it('knows a query with nothing to search', () => {
    expect(isEmptyQuery(parseQuery('  '))).toBe(true);
    expect(isEmptyQuery(parseQuery('de la'))).toBe(true);
    expect(isEmptyQuery(parseQuery('caisse'))).toBe(false);
  });
});
