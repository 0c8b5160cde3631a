/**
 * The French analysis on real texts: articles L611-3 (1995) and L611-20 (2015) of the Code de la
 * sécurité sociale, seeds 000 and 001 (lexlib format), read from the seeds (`tests/support/shared-corpus.ts`).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rebuildParagraphs } from '../text/paragraphs.ts';
import { foldForSearch } from './fold.ts';
import { frenchTokenizer, isStopWord, lunr, NUMBER_FIELD, numberKey, queryTerms, stem, TEXT_FIELD } from './french-analysis.ts';
import { wordSpans, words } from './words.ts';
import { seedFile } from '../../tests/support/shared-corpus.ts';

const SEED_L611_3 = seedFile('000');
const SEED_L611_20 = seedFile('001');

/** The paragraphs of a lexlib seed, up to its NOTA or links. */
function seedText(file: string): string {
  const lines = readFileSync(file, 'utf8').split('\n');
  const end = lines.findIndex((line) => /^\*\*(Nota|Liens)/.test(line));
  return rebuildParagraphs(lines.slice(1, end)).join('\n');
}

describe('French analysis of article texts', () => {
  it('folds case and accents without moving any offset', () => {
    const text = seedText(SEED_L611_3);
    const folded = foldForSearch(text);
    expect(folded.length).toBe(text.length);
    expect(folded).toContain('chargees de promouvoir');
    expect(folded.slice(text.indexOf('Etat'), text.indexOf('Etat') + 4)).toBe('etat');
    // « İ » lower-cases to two units: folded through its decomposition instead, to one.
    expect(foldForSearch('Sécurité SOCIALE, CŒUR, İ')).toBe('securite sociale, cœur, i');
  });

  it('splits elisions and hyphens, each word at its offsets in the original text', () => {
    const text = seedText(SEED_L611_3);
    const spans = wordSpans(text);
    const at = (word: string) => spans.find((span) => span.word === word)!;
    // « d'assurance » → « d », « assurance »; « l'encaissement » → « l », « encaissement ».
    expect(text.slice(at('assurance').start - 2, at('assurance').end)).toBe("d'assurance");
    expect(text.slice(at('encaissement').start - 2, at('encaissement').end)).toBe("l'encaissement");
    // « non salariés », « ci-dessus », « L. 612-9 ».
    expect(words("ci-dessus détermine, à l'article L. 612-9")).toEqual(['ci', 'dessus', 'determine', 'a', 'l', 'article', 'l', '612', '9']);
    for (const span of spans) expect(foldForSearch(text.slice(span.start, span.end))).toBe(span.word);
    expect(words('l’employeur et le cœur')).toEqual(['l', 'employeur', 'et', 'le', 'coeur']);
  });

  it('stems so that singular and plural, accents or not, meet', () => {
    const text = seedText(SEED_L611_20);
    expect(text).toContain('cotisations');
    expect(queryTerms('cotisation')).toEqual(queryTerms('cotisations'));
    expect(queryTerms('Sécurité')).toEqual(queryTerms('securites'));
    expect(queryTerms('la caisse nationale')).toEqual(['caiss', 'national']);
    expect(stem('prestations')).toBe(stem('prestation'));
    // Numbers are words of their own, not stemmed.
    expect(queryTerms('L. 131-1')).toEqual(['131', '1']);
  });

  it('drops French stop words, elided forms included, accents or not', () => {
    for (const word of ['de', 'la', 'l', 'd', 'qu', 'jusqu', 'a', 'etaient', 'meme']) expect(isStopWord(word), word).toBe(true);
    for (const word of ['caisse', 'assurance', 'code']) expect(isStopWord(word), word).toBe(false);
    expect(queryTerms("jusqu'à l'article")).toEqual(['articl']);
  });

  it('tokenizes for lunr: the number field is one token, the text field its words', () => {
    expect(frenchTokenizer('L611-3', { fields: [NUMBER_FIELD] }).map(String)).toEqual(['l611-3']);
    expect(numberKey('L114-1 A')).toBe('l114-1_a');
    expect(frenchTokenizer("l'assurance maladie", { fields: [TEXT_FIELD] }).map(String)).toEqual(['l', 'assurance', 'maladie']);
    const registered = (lunr.Pipeline as unknown as { registeredFunctions: Record<string, unknown> }).registeredFunctions;
    expect(Object.keys(registered)).toEqual(expect.arrayContaining(['palimpseste-stop-words-fr', 'palimpseste-stem-fr']));
  });
});
