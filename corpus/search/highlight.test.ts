/**
 * The highlights of a snippet on real texts (the Code des relations entre le public et
 * l'administration of legi-data): the words `matchSpansIn` looks at are found by a regular
 * expression on their first letters; the spans must be those of a reading of every word.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stem } from './french-analysis.ts';
import { foldForSearch } from './fold.ts';
import { articlesFromLegiData, type LegiDataNode } from './fixtures/legi-data-fixture.ts';
import { matchSpans, queryMatcher, type MatchSpan, type QueryMatcher } from './highlight.ts';
import { parseQuery } from './query.ts';
import { searchWord, WORD } from './words.ts';

const root = path.resolve(import.meta.dirname, '../..');
// legi-data is a dependency of the project: always there after `npm install`.
const CRPA_JSON = path.join(root, 'node_modules/@socialgouv/legi-data/data/LEGITEXT000031366350.json');

/** The reference: every word of the text read and stemmed (what the engine did before). */
function everyWord(text: string, matcher: QueryMatcher): MatchSpan[] {
  const spans: MatchSpan[] = [];
  const folded = foldForSearch(text);
  for (const match of folded.matchAll(WORD)) {
    const word = searchWord(match[0]);
    let item = matcher.terms.get(/\d/.test(word) ? word : stem(word));
    if (item === undefined) item = matcher.prefixes.find((p) => word.startsWith(p.prefix))?.item;
    if (item !== undefined) spans.push({ start: match.index, end: match.index + match[0].length, item });
  }
  return spans;
}

const texts = (() => {
  const { articles } = articlesFromLegiData(JSON.parse(readFileSync(CRPA_JSON, 'utf8')) as LegiDataNode, '2026-02-05');
  return articles.map((article) => article.versions.at(-1)!.paragraphs.join('\n'));
})();

describe('matchSpans on real texts', () => {
  it('finds the spans a reading of every word finds, for words, ligatures, digits and prefixes', () => {
    const queries = [
      'administration',
      'décision implicite',
      'délais recours',
      'œuvre',
      'oeuvre manœuvres',
      'article 2',
      'L. 211-2',
      'publi* adminis*',
      'motivation des décisions individuelles défavorables',
      'Commission d’accès aux documents administratifs',
      'i ii iii',
    ];
    let compared = 0;
    let found = 0;
    for (const query of queries) {
      const matcher = queryMatcher(parseQuery(query));
      for (const text of texts) {
        // One slice: the reference reads the whole text, as matchSpans does for texts this long.
        if (text.length > 20_000) continue;
        const spans = matchSpans(text, matcher);
        // Word spans only: the reference has no phrases or references (those are not looked up by word).
        const words = spans.filter((span) => span.item < matcher.terms.size + matcher.prefixes.length);
        const expected = everyWord(text, matcher);
        expect(words, `${query} in « ${text.slice(0, 60)}… »`).toEqual(expected);
        compared++;
        found += expected.length;
      }
    }
    expect(compared).toBeGreaterThan(5_000);
    expect(found).toBeGreaterThan(1_000);
  });

  it('highlights a word with a ligature the query spells out, first or second letter, and its capitals', () => {
    const text = 'Les manœuvres et l’Œuvre sociale ; OEUVRE. Le vœu, un VOEU ; le cœur.';
    const spans = (query: string) => matchSpans(text, queryMatcher(parseQuery(query))).map((span) => text.slice(span.start, span.end));
    expect(spans('oeuvre')).toEqual(['Œuvre', 'OEUVRE']);
    expect(spans('voeu')).toEqual(['vœu', 'VOEU']);
    expect(spans('coeur manoeuvre')).toEqual(['manœuvres', 'cœur']);
    // The reference reads every word: the same spans.
    for (const query of ['oeuvre', 'voeu', 'coeur manoeuvre']) {
      const matcher = queryMatcher(parseQuery(query));
      expect(matchSpans(text, matcher)).toEqual(everyWord(text, matcher));
    }
  });
});
