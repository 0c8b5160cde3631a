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

/**
 * A growable column of 32-bit integers, in fixed blocks: growing never copies it (a doubling
 * array holds the old and the new buffer at once, three times the postings at the worst moment).
 */
class IntColumn {
  private static readonly BITS = 16;
  private static readonly BLOCK = 1 << IntColumn.BITS;
  private static readonly MASK = IntColumn.BLOCK - 1;
  private readonly blocks: Int32Array[] = [];
  length = 0;

  push(value: number): void {
    const offset = this.length & IntColumn.MASK;
    if (offset === 0) this.blocks.push(new Int32Array(IntColumn.BLOCK));
    this.blocks[this.blocks.length - 1]![offset] = value;
    this.length++;
  }

  get(index: number): number {
    return this.blocks[index >>> IntColumn.BITS]![index & IntColumn.MASK]!;
  }

  add(index: number, delta: number): void {
    this.blocks[index >>> IntColumn.BITS]![index & IntColumn.MASK]! += delta;
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
  const weighed = weighPostings(texts, collection, onIndexed);
  return { pipeline: weighed.pipeline, packed: ranges.map((range) => weighed.pack(range)) };
}

/**
 * Every posting of the collection, weighed, by term: `pack` writes those of a range of documents
 * (ranges asked in ascending order, as a shard plan cuts them), so that one shard's strings are
 * made at a time.
 */
export class WeighedPostings {
  /** Terms sorted as lunr's `Index.toJSON` sorts them (default string order). */
  private readonly order: number[];
  private readonly cursors: Int32Array;

  constructor(
    readonly pipeline: string[],
    private readonly termNames: readonly string[],
    /** `start[t]…start[t + 1]`: term t's postings in `docs` and `weights`, documents ascending. */
    private readonly start: Int32Array,
    private readonly docs: Int32Array,
    private readonly weights: Int32Array,
  ) {
    this.order = termNames.map((_, id) => id).sort((x, y) => (termNames[x]! < termNames[y]! ? -1 : termNames[x]! > termNames[y]! ? 1 : 0));
    this.cursors = start.slice(0, termNames.length);
  }

  pack({ from, to }: DocumentRange): { terms: string[]; postings: string[] } {
    const { docs, weights, start, cursors } = this;
    const range = { terms: [] as string[], postings: [] as string[] };
    for (const id of this.order) {
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
        range.terms.push(this.termNames[id]!);
        range.postings.push(out);
      }
    }
    return range;
  }
}

/** Reads the texts once and weighs every posting; what only the reading needs goes on return. */
export function weighPostings(texts: Iterable<string>, collection: Collection, onIndexed?: (count: number) => void): WeighedPostings {
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
      df.add(id, 1);
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
    const documentsWithTerm = df.get(id);
    const x = (documentCount - documentsWithTerm + 0.5) / (documentsWithTerm + 0.5);
    idf[id] = Math.log(1 + Math.abs(x));
  }

  // Term-major order (a counting sort on the term): each term's documents ascending.
  const start = new Int32Array(termNames.length + 1);
  for (let id = 0; id < termNames.length; id++) start[id + 1] = start[id]! + df.get(id);
  const fill = start.slice(0, termNames.length);
  const docs = new Int32Array(postingTerm.length);
  const weights = new Int32Array(postingTerm.length);
  let posting = 0;
  for (let doc = 0; doc < documentCount; doc++) {
    const length = fieldLength.get(doc);
    for (const end = docEnd.get(doc); posting < end; posting++) {
      const id = postingTerm.get(posting);
      const tf = postingCount.get(posting);
      // lunr's `createFieldVectors`, same operations in the same order (field and document boosts are 1).
      const score = (idf[id]! * ((k1 + 1) * tf)) / (k1 * (1 - b + b * (length / averageLength)) + tf);
      const scoreWithPrecision = Math.round(score * 1000) / 1000;
      const slot = fill[id]!++;
      docs[slot] = doc;
      weights[slot] = Math.round(scoreWithPrecision * 1000);
    }
  }
  return new WeighedPostings(searchPipeline, termNames, start, docs, weights);
}
