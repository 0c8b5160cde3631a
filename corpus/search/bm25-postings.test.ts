/**
 * `bm25Postings` gives the postings lunr's own builder gives (`packPostings` of `index.toJSON()`),
 * string for string, on real texts: the Code des relations entre le public et l'administration in
 * force (legi-data), under both collections' BM25 parameters, as one range and cut into several.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bm25Postings } from './bm25-postings.ts';
import { articleDocuments } from './documents.ts';
import { articlesFromLegiData, type LegiDataNode } from './fixtures/legi-data-fixture.ts';
import { lunr, TEXT_FIELD, useFrenchAnalysis } from './french-analysis.ts';
import { decodePostings, packPostings, type Collection, type DocumentRange, type LunrJson } from './shard-format.ts';

const root = path.resolve(import.meta.dirname, '../..');
const CRPA_JSON = path.join(root, 'node_modules/@socialgouv/legi-data/data/LEGITEXT000031366350.json');
const AS_OF = '2026-02-05';
const missing = !existsSync(CRPA_JSON);
if (missing) console.log(`bm25 postings tests skipped: ${CRPA_JSON} is missing`);

function crpaTexts(): string[] {
  const { articles } = articlesFromLegiData(JSON.parse(readFileSync(CRPA_JSON, 'utf8')) as LegiDataNode, AS_OF);
  return articles.flatMap((article) => articleDocuments(article, AS_OF)).map((doc) => doc.text);
}

function lunrPacked(texts: readonly string[], collection: Collection, ranges: readonly DocumentRange[]) {
  const index = lunr(function () {
    useFrenchAnalysis(this, collection);
    this.ref('ref');
    this.field(TEXT_FIELD);
    texts.forEach((text, ordinal) => this.add({ ref: ordinal.toString(36), [TEXT_FIELD]: text }));
  });
  const json = index.toJSON() as unknown as LunrJson;
  return { pipeline: json.pipeline, packed: packPostings(json, TEXT_FIELD, texts.length, ranges) };
}

describe.skipIf(missing)('bm25Postings', () => {
  const texts = missing ? [] : crpaTexts();

  it('has real texts to index', () => {
    expect(texts.length).toBeGreaterThan(400);
  });

  for (const collection of ['current', 'past'] as const) {
    it(`gives lunr's postings, one range (${collection})`, () => {
      const ranges = [{ from: 0, to: texts.length }];
      const expected = lunrPacked(texts, collection, ranges);
      const actual = bm25Postings(texts, collection, ranges);
      expect(actual.pipeline).toEqual(expected.pipeline);
      expect(actual.packed[0]!.terms.length).toBeGreaterThan(1000);
      expect(actual.packed).toEqual(expected.packed);
    });

    it(`gives lunr's postings, cut into ranges (${collection})`, () => {
      const ranges = [
        { from: 0, to: 100 },
        { from: 100, to: 101 },
        { from: 101, to: 350 },
        { from: 350, to: texts.length },
      ];
      expect(bm25Postings(texts, collection, ranges).packed).toEqual(lunrPacked(texts, collection, ranges).packed);
    });
  }

  it("gives lunr's postings past the first blocks of its columns (over 131,072 postings)", () => {
    // Each text joined to another, five times over: six times the documents, each with more distinct terms.
    const longer = [texts, ...[1, 2, 3, 4, 5].map((k) => texts.map((text, i) => `${text}\n${texts[(i + k * 7) % texts.length]}`))].flat();
    const ranges = [
      { from: 0, to: 1000 },
      { from: 1000, to: longer.length },
    ];
    const actual = bm25Postings(longer, 'past', ranges);
    const postings = actual.packed.reduce((n, range) => n + range.postings.reduce((m, list) => m + decodePostings(list).docs.length, 0), 0);
    expect(postings).toBeGreaterThan(2 * 65_536);
    expect(actual.packed).toEqual(lunrPacked(longer, 'past', ranges).packed);
  });

  it('weighs a term by the texts it is in: a rare word weighs more than a common one', () => {
    const few = ['cotisation sociale', 'cotisation', 'cotisation retraite', 'sociale', 'travail'];
    const { packed } = bm25Postings(few, 'current', [{ from: 0, to: few.length }]);
    const { terms, postings } = packed[0]!;
    expect(terms).toEqual([...terms].sort());
    const cotis = postings[terms.indexOf('cotis')]!;
    const retrait = postings[terms.indexOf('retrait')]!;
    // cotis in documents 0, 1, 2; retrait in document 2 only.
    expect(cotis.length).toBeGreaterThan(retrait.length);
    expect(bm25Postings(few, 'current', [{ from: 0, to: few.length }])).toEqual(lunrPacked(few, 'current', [{ from: 0, to: few.length }]));
  });
});
