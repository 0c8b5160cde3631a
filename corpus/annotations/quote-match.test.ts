import approxSearch from 'approx-string-match';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorAnnotation } from './anchor.ts';
import { ArticleText } from './article-text.ts';
import { approximateMatches, findQuote, MAX_FUZZY_LENGTH } from './quote-match.ts';
import { article, passage, version } from './test-support.ts';

const quote = (exact: string, prefix = '', suffix = '') => ({ type: 'TextQuoteSelector' as const, exact, prefix, suffix });

describe('findQuote', () => {
  const text = new ArticleText([
    'Les organismes sont habilités à cet effet, dans des conditions fixées par décret.',
    'Le présent article est applicable aux organismes mentionnés au premier alinéa.',
  ]);

  it('finds the exact quote, whole words only', () => {
    const found = findQuote(text, quote('dans des conditions fixées par décret', 'habilités à cet effet, ', '.'));
    expect(found).toMatchObject({ errors: 0, context: 1 });
    expect(text.text.slice(found!.start, found!.end)).toBe('dans des conditions fixées par décret');
    // « organisme » is inside « organismes »: not a whole word, no match.
    expect(findQuote(text, quote('organisme', 'Les ', ' sont'))).toBeUndefined();
  });

  it('a quote found twice is placed by its context, or not at all', () => {
    expect(findQuote(text, quote('organismes', 'applicable aux ', ' mentionnés'))).toMatchObject({
      start: text.text.lastIndexOf('organismes'),
    });
    expect(findQuote(text, quote('organismes', 'rien de tel ', ' non plus'))).toBeUndefined();
  });

  it('a short quote needs its context even when it occurs once', () => {
    expect(findQuote(text, quote('décret', 'fixées par ', '.'))).toBeDefined();
    expect(findQuote(text, quote('décret', 'arrêté du ministre pris en ', ' simple'))).toBeUndefined();
  });

  it('approximately: a few characters changed, with its context, is found; without its context, not', () => {
    const changed = findQuote(text, quote('dans les conditions fixées par un décret', 'habilités à cet effet, ', '.'));
    expect(changed).toBeDefined();
    expect(changed!.errors).toBeGreaterThan(0);
    expect(text.text.slice(changed!.start, changed!.end)).toBe('dans des conditions fixées par décret');
    expect(findQuote(text, quote('dans les conditions fixées par un décret', 'sans aucun rapport ', ' ici non plus'))).toBeUndefined();
    // More than a tenth of the characters wrong: other words, no match.
    expect(findQuote(text, quote('dans les délais prévus par une circulaire', 'habilités à cet effet, ', '.'))).toBeUndefined();
  });

  it('never searches approximately a quote too long or too short for it', () => {
    const long = 'mot '.repeat(MAX_FUZZY_LENGTH / 4 + 10).trim();
    const longText = new ArticleText([long.replace('mot mot', 'mots mot')]);
    expect(findQuote(longText, quote(long))).toBeUndefined();
    expect(findQuote(text, quote('décrets', 'fixées par ', '.'))).toBeUndefined();
  });
});

describe('anchoring by quote when the version it was made on is gone', () => {
  const made = version('2000-01-01', [
    'Les organismes sont habilités à cet effet, dans des conditions fixées par décret en Conseil d’État.',
  ]);
  const a = passage(made, 'dans des conditions fixées par décret');

  it('the same words: attached, by quote; a few characters changed: changed, by quote, with the old quote', () => {
    const same = version('2010-01-01', ['Préambule nouveau.', made.paragraphs[0]!]);
    expect(anchorAnnotation(a, article([same]), same)).toMatchObject({ status: 'attached', method: 'quote' });
    // One character in 37 changed (« des » → « les »): within the tenth allowed.
    const edited = version('2010-01-01', [made.paragraphs[0]!.replace('dans des conditions', 'dans les conditions')]);
    expect(anchorAnnotation(a, article([edited]), edited)).toMatchObject({
      status: 'changed',
      method: 'quote',
      oldQuote: 'dans des conditions fixées par décret',
      range: { text: 'dans les conditions fixées par décret' },
    });
  });

  it('other words in the same place are an orphan, never a guess', () => {
    const rewritten = version('2010-01-01', [
      'Les organismes sont habilités à cet effet, selon les modalités prévues par arrêté en Conseil d’État.',
    ]);
    expect(anchorAnnotation(a, article([rewritten]), rewritten)).toMatchObject({ status: 'orphan', reason: 'source-version-missing' });
  });
});

describe('approximateMatches', () => {
  it('finds exactly what approx-string-match finds in the whole text', () => {
    // A small alphabet (the pieces are found: the whole text is searched) and a large one (often none is: no match).
    const letters = fc.oneof(fc.constantFrom(...'ab cdé'), fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzéè '));
    fc.assert(
      fc.property(
        fc.array(letters, { minLength: 0, maxLength: 400 }).map((chars) => chars.join('')),
        fc.nat(),
        fc.integer({ min: 3, max: 60 }),
        fc.array(fc.tuple(fc.nat(), letters), { maxLength: 6 }),
        fc.integer({ min: 0, max: 6 }),
        (text, at, length, edits, maxErrors) => {
          // A pattern cut from the text (or not, when the text is short) and edited a little.
          let pattern = text.slice(at % (text.length + 1), (at % (text.length + 1)) + length) || 'abc d';
          for (const [where, letter] of edits) {
            const i = where % (pattern.length + 1);
            pattern = pattern.slice(0, i) + letter + pattern.slice(i + 1);
          }
          const key = (m: { start: number; end: number; errors: number }) => `${m.start}-${m.end}-${m.errors}`;
          expect(approximateMatches(text, pattern, maxErrors).map(key).sort()).toEqual(
            approxSearch(text, pattern, maxErrors).map(key).sort(),
          );
        },
      ),
      { numRuns: 1500 },
    );
  });
});
