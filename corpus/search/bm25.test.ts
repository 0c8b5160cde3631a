/**
 * The index weighs a term as BM25 with the parameters of `french-analysis.ts` (lunr's defaults for
 * the law in force, k1 2 and b 1 for past texts): checked on the texts of articles L611-3 (1995) and L611-20 (2015) of the Code
 * de la sécurité sociale (seeds 000 and 001), each weight recomputed here from the term's count,
 * the text's length and the number of texts that have it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seedFile } from '../../tests/support/shared-corpus.ts';
import { rebuildParagraphs } from '../text/paragraphs.ts';
import { BM25, frenchTokenizer, lunr, stemStep, stopWordStep, TEXT_FIELD, useFrenchAnalysis } from './french-analysis.ts';

// The seeds of `../shared`, or their copy in the committed sample: this runs on any machine.
const SEEDS = [seedFile('000'), seedFile('001')];

function seedText(file: string): string {
  const lines = readFileSync(file, 'utf8').split('\n');
  const end = lines.findIndex((line) => /^\*\*(Nota|Liens)/.test(line));
  return rebuildParagraphs(lines.slice(1, end)).join('\n');
}

describe('BM25 weights of the index', () => {
  it.each(['current', 'past'] as const)('weighs the %s collection with its parameters (past: k1 2, b 1)', (collection) => {
    expect(BM25.past).toEqual({ k1: 2, b: 1 });
    const { k1, b } = BM25[collection];
    const texts = SEEDS.map(seedText);
    const index = lunr(function () {
      useFrenchAnalysis(this, collection);
      this.ref('ref');
      this.field(TEXT_FIELD);
      texts.forEach((text, i) => this.add({ ref: String(i), [TEXT_FIELD]: text }));
    });
    // The terms of each text as the index counts them: tokens, then the pipeline (stop words, stems).
    const pipeline = new lunr.Pipeline();
    pipeline.add(stopWordStep, stemStep);
    const analysed = texts.map((text) => pipeline.run(frenchTokenizer(text, { fields: [TEXT_FIELD] })).map(String));
    const average = analysed.reduce((sum, terms) => sum + terms.length, 0) / analysed.length;
    const expected = (term: string, doc: number) => {
      const tf = analysed[doc]!.filter((t) => t === term).length;
      const df = analysed.filter((terms) => terms.includes(term)).length;
      const idf = Math.log(1 + Math.abs((texts.length - df + 0.5) / (df + 0.5)));
      const norm = k1 * (1 - b + (b * analysed[doc]!.length) / average);
      return Math.round(((idf * tf * (k1 + 1)) / (norm + tf)) * 1000) / 1000;
    };
    // Terms of L611-20, some of them also in L611-3, some repeated.
    const checked = [...new Set(analysed[1])].slice(0, 40);
    expect(checked.some((term) => analysed[1]!.filter((t) => t === term).length > 1)).toBe(true);
    expect(checked.some((term) => analysed[0]!.includes(term))).toBe(true);
    for (const term of checked) {
      const hits = index.query((query) => query.term(term, { usePipeline: false }));
      for (const hit of hits) expect(hit.score, `${term} in text ${hit.ref}`).toBeCloseTo(expected(term, Number(hit.ref)), 2);
    }
  });
});
