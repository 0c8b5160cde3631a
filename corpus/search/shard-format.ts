/**
 * One file of the search index (a « shard »): a Lunr 2.3.9 index built with the French analysis,
 * written packed, and the metadata of the documents it covers; their stored texts are in chunk
 * files beside it (`TextChunk`).
 *
 * Lunr's own JSON (`index.toJSON()`) gives every posting its own object: for the law in force alone
 * (29,000 articles, 1.5 million postings) it is 31 MB that takes 1.4 s to parse and 220 MB of heap
 * once loaded, far over the 500 ms budget of the reader. The packed form keeps the same content —
 * the terms, and for each term the documents with lunr's BM25 weight of the term in the document,
 * i.e. lunr's field vectors transposed — as one string per term, decoded only when the term is
 * searched. `toLunrJson()` gives lunr's serialisation back (`lunr.Index.load` accepts it), which
 * is how the tests check that the packed index scores exactly as lunr does.
 */
import type { CodeId } from '../model/model.ts';
import type { ArticleState, ArticlePart, DateRange } from './documents.ts';
import type { PackedSections } from './section-titles.ts';
import { decodeVarints, encodeVarint } from './varint.ts';

/** Bumped whenever the shape of a shard or the analysis (tokens, stop words, stems) changes. */
/** 3: past texts weighed by BM25 with k1 2 and b 1 (`french-analysis.ts`), not lunr's defaults. */
export const SEARCH_SCHEMA_VERSION = 3;
export const SHARD_FORMAT = 'palimpseste-search-shard';
export const TEXT_FORMAT = 'palimpseste-search-text';

/** Which documents a shard holds: the text in force at build time, or the other versions. */
export type Collection = 'current' | 'past';

/** The documents of a shard, column by column (one entry per document, same order). */
export interface ShardDocuments {
  article: string[];
  num: string[];
  /** Index into `PackedShard.codes`. */
  code: number[];
  /** One character per document: L, R, D, A, or o (other). */
  part: string;
  /** One character per document: i (in force), r (repealed), f (in force later). */
  state: string;
  /** `from/to;from/` (empty `to`: still in force). */
  ranges: string[];
  /** Number of text paragraphs; the following lines of the text are the NOTA. */
  paragraphs: number[];
  /** Slot in `PackedShard.sections` of the section the article sits in, -1 for none. */
  section: number[];
}

/** Where the stored texts of a shard's documents are: consecutive documents per file. */
export interface TextChunkRef {
  file: string;
  first: number;
  count: number;
}

/**
 * A file of stored texts (paragraphs then NOTA, joined with `\n`) of documents `first`… of a shard.
 * Texts are apart from the index so that the index loads fast; they load right after, and those a
 * search needs first load first.
 */
export interface TextChunk {
  format: typeof TEXT_FORMAT;
  schema: number;
  shard: string;
  first: number;
  texts: string[];
}

export interface PackedShard {
  format: typeof SHARD_FORMAT;
  schema: number;
  lunrVersion: string;
  /** Labels of lunr's search pipeline (registered by `french-analysis.ts`). */
  pipeline: string[];
  collection: Collection;
  asOf: string;
  codes: CodeId[];
  docs: ShardDocuments;
  texts: TextChunkRef[];
  /** Terms of the text field, sorted (JavaScript string order, as lunr sorts them). */
  terms: string[];
  /** For each term, varints: (document − previous document, weight × 1000) pairs. */
  postings: string[];
  /** The sections above the documents, with their title words (`section-titles.ts`). */
  sections: PackedSections;
}

/** lunr's serialisation, as far as this module reads and writes it. */
export interface LunrJson {
  version: string;
  fields: string[];
  fieldVectors: [string, number[]][];
  invertedIndex: [string, { _index: number } & Record<string, Record<string, object> | number>][];
  pipeline: string[];
}

export const PART_CODES: Record<ArticlePart, string> = { L: 'L', R: 'R', D: 'D', A: 'A', other: 'o' };
export const STATE_CODES: Record<ArticleState, string> = { 'in-force': 'i', repealed: 'r', future: 'f' };

export function encodeRanges(ranges: readonly DateRange[]): string {
  return ranges.map((range) => `${range.from}/${range.to ?? ''}`).join(';');
}

export function decodeRanges(text: string): DateRange[] {
  if (!text) return [];
  return text.split(';').map((part) => {
    const [from = '', to = ''] = part.split('/');
    return to ? { from, to } : { from };
  });
}

/** A range [from, to) of document ordinals of one lunr index, written as one shard. */
export interface DocumentRange {
  from: number;
  to: number;
}

/**
 * Postings of the text field from lunr's serialised index: for each term (sorted), the documents
 * that contain it with the term's weight in the document's field vector (lunr's refs are the
 * document ordinals in base 36). One result per range of documents, ordinals counted from the start
 * of the range, terms absent from the range left out: one lunr index, so one weight for a term
 * whatever file its documents are written to.
 */
export function packPostings(
  json: LunrJson,
  field: string,
  documentCount: number,
  ranges: readonly DocumentRange[] = [{ from: 0, to: documentCount }],
): { terms: string[]; postings: string[] }[] {
  const terms = json.invertedIndex.map(([term]) => term);
  const termSlot = new Map<number, number>();
  json.invertedIndex.forEach(([, posting], slot) => termSlot.set(posting._index, slot));
  const vectors = new Map<string, number[]>(json.fieldVectors);
  const lists: { docs: number[]; weights: number[] }[] = terms.map(() => ({ docs: [], weights: [] }));
  for (let doc = 0; doc < documentCount; doc++) {
    const elements = vectors.get(`${field}/${doc.toString(36)}`);
    if (!elements) continue;
    for (let i = 0; i < elements.length; i += 2) {
      const slot = termSlot.get(elements[i] ?? -1);
      if (slot === undefined) throw new Error(`lunr index: field vector of document ${doc} names an unknown term index ${elements[i]}`);
      const list = lists[slot]!;
      list.docs.push(doc);
      list.weights.push(Math.round((elements[i + 1] ?? 0) * 1000));
    }
  }
  // Documents are in ascending order in every list: one cursor per list walks the ranges in order.
  const cursors = lists.map(() => 0);
  return ranges.map(({ from, to }) => {
    const packed = { terms: [] as string[], postings: [] as string[] };
    lists.forEach((list, slot) => {
      let i = cursors[slot]!;
      while (i < list.docs.length && list.docs[i]! < from) i++;
      let out = '';
      let previous = 0;
      for (; i < list.docs.length && list.docs[i]! < to; i++) {
        const doc = list.docs[i]! - from;
        out += encodeVarint(doc - previous) + encodeVarint(list.weights[i]!);
        previous = doc;
      }
      cursors[slot] = i;
      if (out) {
        packed.terms.push(terms[slot]!);
        packed.postings.push(out);
      }
    });
    return packed;
  });
}

/** The documents and weights of one term, decoded. */
export interface PostingList {
  docs: Int32Array;
  /** lunr's weight × 1000. */
  weights: Int32Array;
}

export function decodePostings(encoded: string): PostingList {
  const values = decodeVarints(encoded);
  const count = values.length / 2;
  const docs = new Int32Array(count);
  const weights = new Int32Array(count);
  let doc = 0;
  for (let i = 0; i < count; i++) {
    doc += values[2 * i]!;
    docs[i] = doc;
    weights[i] = values[2 * i + 1]!;
  }
  return { docs, weights };
}

/** lunr's serialisation of a packed shard's text field (for `lunr.Index.load`). */
export function toLunrJson(shard: PackedShard, field: string): LunrJson {
  const vectors: number[][] = shard.docs.article.map(() => []);
  const invertedIndex: LunrJson['invertedIndex'] = shard.terms.map((term, slot) => {
    const { docs, weights } = decodePostings(shard.postings[slot] ?? '');
    const refs: Record<string, object> = {};
    for (let i = 0; i < docs.length; i++) {
      refs[docs[i]!.toString(36)] = {};
      vectors[docs[i]!]!.push(slot, weights[i]! / 1000);
    }
    return [term, { _index: slot, [field]: refs }];
  });
  return {
    version: shard.lunrVersion,
    fields: [field],
    fieldVectors: vectors.map((elements, doc) => [`${field}/${doc.toString(36)}`, elements]),
    invertedIndex,
    pipeline: shard.pipeline,
  };
}
