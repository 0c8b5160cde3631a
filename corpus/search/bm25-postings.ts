/**
 * The postings of a collection — for each term, the documents that have it with lunr's BM25 weight —
 * computed as lunr 2.3.9's builder computes them, without lunr's builder.
 *
 * `lunr.Builder` keeps an object per document (its term counts), an object per term (its documents),
 * a `lunr.Vector` per document and a token set of every term, then `toJSON()` copies it all: for
 * the past texts of the default corpus (a hundred thousand documents, millions of postings) over a
 * gigabyte of heap held at once, the compile's peak. Here a posting is four integers in typed arrays
 * (term, term count, then document and weight once sorted by term). The terms are those of the
 * builder's own tokenizer and pipeline (`useFrenchAnalysis`), and the weight is lunr's expression,
 * evaluated in the same order and rounded the same way (`createFieldVectors`: three decimals,
 * then × 1000 in `packPostings`), so the packed shards are the same, byte for byte
 * (`bm25-postings.test.ts` compares both on real texts). Pure module.
 */
import { BM25, lunr, TEXT_FIELD, useFrenchAnalysis } from './french-analysis.ts';
import type { Collection, DocumentRange } from './shard-format.ts';
import { encodeVarint } from './varint.ts';

/** A growable column of 32-bit integers. */
class IntColumn {
  values = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const larger = new Int32Array(this.values.length * 2);
      larger.set(this.values);
      this.values = larger;
    }
    this.values[this.length++] = value;
  }
}

/** lunr's term extraction: its tokenizer, then its pipeline, as `Builder.add` runs them. */
function termExtractor(collection: Collection): { terms: (text: string) => string[]; searchPipeline: string[] } {
  const builder = new lunr.Builder();
  useFrenchAnalysis(builder, collection);
  const tokenizer = (builder as unknown as { tokenizer: (value: unknown, metadata: object) => lunr.Token[] }).tokenizer;
  return {
    terms: (text) => builder.pipeline.run(tokenizer(text, { fields: [TEXT_FIELD] })).map((token) => token.toString()),
    searchPipeline: builder.searchPipeline.toJSON() as unknown as string[],
  };
}

export interface CollectionPostings {
  /** Labels of the search pipeline, as lunr's `Index.toJSON().pipeline`. */
  pipeline: string[];
  /** Per range of documents, as `packPostings` gives them. */
  packed: { terms: string[]; postings: string[] }[];
}

/**
 * The packed postings of the documents' texts, per range of documents (ordinals counted from the
 * start of the range, terms absent from a range left out), as `packPostings` gives them from
 * lunr's index of the same texts. `texts` is walked once; `onIndexed` is told every thousand.
 */
export function bm25Postings(
  texts: Iterable<string>,
  collection: Collection,
  ranges: readonly DocumentRange[],
  onIndexed?: (count: number) => void,
): CollectionPostings {
  const { terms: termsOf, searchPipeline } = termExtractor(collection);
  const { k1, b } = BM25[collection];
  const termIds = new Map<string, number>();
  const termNames: string[] = [];
  const df = new IntColumn();
  // Postings in document order: the term and its count; `docEnd[d]` ends document d's.
  const postingTerm = new IntColumn();
  const postingCount = new IntColumn();
  const docEnd = new IntColumn();
  const fieldLength = new IntColumn();
  let totalLength = 0;
  const counts = new Map<number, number>();
  for (const text of texts) {
    const terms = termsOf(text);
    counts.clear();
    for (const term of terms) {
      let id = termIds.get(term);
      if (id === undefined) {
        id = termNames.length;
        termIds.set(term, id);
        termNames.push(term);
        df.push(0);
      }
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    for (const [id, count] of counts) {
      postingTerm.push(id);
      postingCount.push(count);
      df.values[id]!++;
    }
    docEnd.push(postingTerm.length);
    fieldLength.push(terms.length);
    totalLength += terms.length;
    if (onIndexed && docEnd.length % 1000 === 0) onIndexed(1000);
  }
  const documentCount = docEnd.length;
  if (onIndexed) onIndexed(documentCount % 1000);
  termIds.clear();
  // lunr's `calculateAverageFieldLengths` and `idf`.
  const averageLength = totalLength / documentCount;
  const idf = new Float64Array(termNames.length);
  for (let id = 0; id < termNames.length; id++) {
    const documentsWithTerm = df.values[id]!;
    const x = (documentCount - documentsWithTerm + 0.5) / (documentsWithTerm + 0.5);
    idf[id] = Math.log(1 + Math.abs(x));
  }

  // Term-major order (a counting sort on the term): each term's documents ascending.
  const start = new Int32Array(termNames.length + 1);
  for (let id = 0; id < termNames.length; id++) start[id + 1] = start[id]! + df.values[id]!;
  const fill = start.slice(0, termNames.length);
  const docs = new Int32Array(postingTerm.length);
  const weights = new Int32Array(postingTerm.length);
  let posting = 0;
  for (let doc = 0; doc < documentCount; doc++) {
    const length = fieldLength.values[doc]!;
    for (const end = docEnd.values[doc]!; posting < end; posting++) {
      const id = postingTerm.values[posting]!;
      const tf = postingCount.values[posting]!;
      // lunr's `createFieldVectors`, same operations in the same order (field and document boosts are 1).
      const score = (idf[id]! * ((k1 + 1) * tf)) / (k1 * (1 - b + b * (length / averageLength)) + tf);
      const scoreWithPrecision = Math.round(score * 1000) / 1000;
      const slot = fill[id]!++;
      docs[slot] = doc;
      weights[slot] = Math.round(scoreWithPrecision * 1000);
    }
  }

  // Terms sorted as lunr's `Index.toJSON` sorts them (default string order).
  const order = termNames.map((_, id) => id).sort((x, y) => (termNames[x]! < termNames[y]! ? -1 : termNames[x]! > termNames[y]! ? 1 : 0));
  const cursors = start.slice(0, termNames.length);
  const packed = ranges.map(({ from, to }) => {
    const range = { terms: [] as string[], postings: [] as string[] };
    for (const id of order) {
      let i = cursors[id]!;
      const end = start[id + 1]!;
      while (i < end && docs[i]! < from) i++;
      let out = '';
      let previous = 0;
      for (; i < end && docs[i]! < to; i++) {
        const doc = docs[i]! - from;
        out += encodeVarint(doc - previous) + encodeVarint(weights[i]!);
        previous = doc;
      }
      cursors[id] = i;
      if (out) {
        range.terms.push(termNames[id]!);
        range.postings.push(out);
      }
    }
    return range;
  });
  return { pipeline: searchPipeline, packed };
}
