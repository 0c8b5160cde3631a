/**
 * `buildSearchIndexes`: the search index of a corpus, built at compile time (Node), written by the
 * bundle writer under `search/`, read by the reader's search Web Worker (`SearchEngine`).
 *
 * - `search/current.json`: the text of every article in force on the build date (one lunr index
 *   over all codes, so a term weighs the same in every code); its stored texts in
 *   `search/current.text-<n>.json` (the index loads first, the texts right after).
 * - `search/past-<n>.json`: every other distinct text (past versions, repealed articles, texts in
 *   force later): one lunr index written as size-bounded shards, codes kept together; the reader
 *   loads them in the background, so they never slow the first search down.
 */
import type { Article, ArticleId, CodeId, IsoDate, Section } from '../model/model.ts';
import { correspondencePairs, type CorrespondencePair } from '../model/correspondence.ts';
import type { SearchManifest } from '../model/bundle.ts';
import { articleDocuments, type SearchDocument } from './documents.ts';
import { lunr } from './french-analysis.ts';
import { weighPostings } from './bm25-postings.ts';
import { packSections, sectionTable, type SectionTable } from './section-titles.ts';
import { formTables } from './form-frequencies.ts';
import {
  encodeRanges,
  PART_CODES,
  SEARCH_SCHEMA_VERSION,
  SHARD_FORMAT,
  STATE_CODES,
  TEXT_FORMAT,
  type TextChunk,
  type Collection,
  type PackedShard,
} from './shard-format.ts';

export interface SearchBuildOptions {
  /** The build date: what is in force on it goes to the index of the law in force. */
  asOf: IsoDate;
  /** Documents per shard of past texts (lunr's cost grows with it; the reader loads them one by one). */
  pastShardSize?: number;
  /** Called as documents are indexed. */
  onProgress?: (done: number, total: number) => void;
}

export interface SearchBuild {
  /** File contents (JSON) by path relative to the bundle root (`search/current.json`…). */
  files: Map<string, string>;
  manifest: SearchManifest;
}

export const CURRENT_FILE = 'search/current.json';
/**
 * Documents per past shard. One lunr index covers all past texts (a term weighs the same in every
 * shard); the shards only bound what the worker parses at once while it loads them in the
 * background (about 3 MB, a few tens of ms), so that a search typed meanwhile is not kept waiting.
 */
const DEFAULT_PAST_SHARD_SIZE = 8_000;

/**
 * Stored text per chunk file, about this many characters. The law in force loads all its chunks
 * once, in the background: large chunks (a few ms each) keep the files few. Past texts load when a
 * search needs one of them (a snippet, a text read for evidence) into a bounded cache, so a chunk
 * is the price of reading one text: at 1.5 million characters, a search over every version spent
 * most of its time unzipping and parsing chunks for a few texts each (p95 274 ms on the bench,
 * 80 % of it in the chunk reads); at 100,000, one read costs about a millisecond.
 */
const TEXT_CHUNK_CHARS: Record<Collection, number> = { current: 1_500_000, past: 100_000 };

/** Splits the texts of a shard into chunk files `<file>.text-<n>.json`. */
function textChunks(documents: readonly SearchDocument[], file: string, collection: Collection): TextChunk[] {
  const chunks: TextChunk[] = [];
  let chunk: TextChunk | undefined;
  let chars = 0;
  documents.forEach((doc, ordinal) => {
    if (!chunk || chars >= TEXT_CHUNK_CHARS[collection]) {
      chunk = { format: TEXT_FORMAT, schema: SEARCH_SCHEMA_VERSION, shard: file, first: ordinal, texts: [] };
      chunks.push(chunk);
      chars = 0;
    }
    chunk.texts.push(doc.text);
    chars += doc.text.length;
  });
  return chunks;
}

export function textChunkFile(shardFile: string, n: number): string {
  return shardFile.replace(/\.json$/, `.text-${n + 1}.json`);
}

/** A shard to write: its file and the documents it holds (a range of the collection's). */
export interface ShardPlan {
  file: string;
  from: number;
  to: number;
}

export interface BuiltShard {
  shard: PackedShard;
  texts: Map<string, TextChunk>;
}

/**
 * One lunr index over the documents of a collection, packed into the shards of the plan (every
 * document in one of them), each with its texts in chunks.
 */
export function buildCollection(
  documents: readonly SearchDocument[],
  collection: Collection,
  asOf: IsoDate,
  plan: readonly ShardPlan[],
  onIndexed?: (count: number) => void,
  sections: SectionTable = sectionTable([]),
): Map<string, BuiltShard> {
  const built = new Map<string, BuiltShard>();
  eachCollectionShard(documents, collection, asOf, plan, (file, shard) => built.set(file, shard), onIndexed, sections);
  return built;
}

/**
 * `buildCollection`, each shard given to `onShard` as soon as it is packed, in the plan's order,
 * so that the caller writes it and lets it go. The postings are lunr's (`bm25-postings.ts`: the
 * same weights, without lunr's builder and its gigabyte of objects for the past texts).
 */
export function eachCollectionShard(
  documents: readonly SearchDocument[],
  collection: Collection,
  asOf: IsoDate,
  plan: readonly ShardPlan[],
  onShard: (file: string, built: BuiltShard) => void,
  onIndexed?: (count: number) => void,
  sections: SectionTable = sectionTable([]),
): void {
  const postings = weighPostings(
    documents.map((doc) => doc.text),
    collection,
    onIndexed,
  );
  const forms = formTables(
    documents.map((doc) => doc.text),
    plan,
  );
  plan.forEach(({ file, from, to }, n) => {
    const docs = documents.slice(from, to);
    const packed = postings.pack({ from, to });
    const codes: CodeId[] = [];
    const codeSlot = new Map<CodeId, number>();
    for (const doc of docs) {
      if (!codeSlot.has(doc.code)) {
        codeSlot.set(doc.code, codes.length);
        codes.push(doc.code);
      }
    }
    const texts = new Map(textChunks(docs, file, collection).map((chunk, k) => [textChunkFile(file, k), chunk]));
    const placed = packSections(
      sections,
      docs.map((doc) => doc.section),
    );
    const shard: PackedShard = {
      format: SHARD_FORMAT,
      schema: SEARCH_SCHEMA_VERSION,
      lunrVersion: lunr.version,
      pipeline: postings.pipeline,
      collection,
      asOf,
      codes,
      docs: {
        article: docs.map((doc) => doc.article),
        num: docs.map((doc) => doc.num),
        code: docs.map((doc) => codeSlot.get(doc.code) ?? 0),
        part: docs.map((doc) => PART_CODES[doc.part]).join(''),
        state: docs.map((doc) => STATE_CODES[doc.articleState]).join(''),
        ranges: docs.map((doc) => encodeRanges(doc.ranges)),
        paragraphs: docs.map((doc) => doc.paragraphCount),
        section: placed.docs,
        formerNums: sparse(docs, (doc) => doc.formerNums),
        takesUp: sparse(docs, (doc) => doc.takesUp),
      },
      texts: [...texts].map(([chunkFile, chunk]) => ({ file: chunkFile, first: chunk.first, count: chunk.texts.length })),
      terms: packed.terms,
      postings: packed.postings,
      sections: placed.sections,
      forms: forms[n]!,
    };
    onShard(file, { shard, texts });
  });
}

/** A column most documents leave empty, as `[document, value]` pairs. */
function sparse(docs: readonly SearchDocument[], value: (doc: SearchDocument) => string[] | undefined): [number, string[]][] {
  const pairs: [number, string[]][] = [];
  docs.forEach((doc, ordinal) => {
    const values = value(doc);
    if (values?.length) pairs.push([ordinal, values]);
  });
  return pairs;
}

/**
 * The numbers of the former articles each article takes up, by article, from the corpus's pairs of
 * former and current articles (`correspondencePairs`: both lists of `correspondence.ts`).
 */
export function formerNumbersTakenUp(pairs: readonly CorrespondencePair[]): Map<ArticleId, string[]> {
  const takesUp = new Map<ArticleId, string[]>();
  for (const pair of pairs) {
    const list = takesUp.get(pair.current.id);
    if (!list) takesUp.set(pair.current.id, [pair.former.num]);
    else if (!list.includes(pair.former.num)) list.push(pair.former.num);
  }
  return takesUp;
}

/** Cuts documents into ranges of at most `size`, never splitting an article's texts apart. */
export function planShards(documents: readonly SearchDocument[], size: number, file: (n: number) => string): ShardPlan[] {
  const plan: ShardPlan[] = [];
  let from = 0;
  for (let i = 1; i <= documents.length; i++) {
    const cut = i === documents.length || (i - from >= size && documents[i]!.article !== documents[i - 1]!.article);
    if (cut) {
      plan.push({ file: file(plan.length), from, to: i });
      from = i;
    }
  }
  return plan;
}

/**
 * The search documents of a corpus, gathered code by code so that the compiler can let each
 * code's articles go once its files are written: only the documents (their texts, dates and
 * numbers) stay for the index. `takesUp` is read over the whole corpus before the first code.
 */
export class SearchDocuments {
  readonly current: SearchDocument[] = [];
  readonly past: SearchDocument[] = [];

  constructor(
    private readonly asOf: IsoDate,
    private readonly takesUp: ReadonlyMap<ArticleId, string[]>,
  ) {}

  add(articles: Iterable<Article>): void {
    for (const article of articles) {
      for (const doc of articleDocuments(article, this.asOf, this.takesUp.get(article.id)))
        (doc.current ? this.current : this.past).push(doc);
    }
  }
}

/** Receives each file of the index (path relative to the bundle root, JSON) as soon as it is made. */
export type SearchFileSink = (file: string, json: string) => void;

/**
 * The index of the documents, each file handed to `sink` as soon as it is made (the index of the
 * law in force and its texts, then each past shard and its texts): nothing is kept here once given,
 * and the documents of the law in force are let go (emptied) once written.
 * `sections`: the tables of contents of the codes, in the codes' order.
 */
export function writeSearchIndexes(
  documents: SearchDocuments,
  tocs: readonly (readonly Section[])[],
  options: SearchBuildOptions,
  sink: SearchFileSink,
): SearchManifest {
  const sections = sectionTable(tocs);
  const { current, past } = documents;
  const total = current.length + past.length;
  let done = 0;
  const progress = (count: number) => {
    done += count;
    options.onProgress?.(done, total);
  };
  const counts: Record<string, number> = {};
  const write = (file: string, { shard, texts }: BuiltShard) => {
    sink(file, JSON.stringify(shard));
    for (const [chunkFile, chunk] of texts) sink(chunkFile, JSON.stringify(chunk));
    counts[file] = shard.docs.article.length;
  };
  eachCollectionShard(current, 'current', options.asOf, [{ file: CURRENT_FILE, from: 0, to: current.length }], write, progress, sections);
  // Written: the texts in force go before the past ones are read.
  current.length = 0;
  const plan = past.length ? planShards(past, options.pastShardSize ?? DEFAULT_PAST_SHARD_SIZE, (n) => `search/past-${n + 1}.json`) : [];
  if (plan.length) eachCollectionShard(past, 'past', options.asOf, plan, write, progress, sections);
  return { lunrVersion: lunr.version, current: CURRENT_FILE, past: plan.map((shard) => shard.file), documents: counts };
}

/**
 * The search index of a corpus. `codes` gives the order of the codes (documents follow it, then the
 * order of `articles`); articles of codes not listed come after. Their tables of contents give the
 * titles above each article (`section-titles.ts`).
 */
export function buildSearchIndexes(
  articles: readonly Article[],
  codes: readonly { id: CodeId; title: string; toc?: Section[] }[],
  options: SearchBuildOptions,
): SearchBuild {
  const codeRank = new Map(codes.map((code, rank) => [code.id, rank]));
  const ordered = articles
    .map((article, position) => ({ article, position }))
    .sort(
      (a, b) => (codeRank.get(a.article.code) ?? codes.length) - (codeRank.get(b.article.code) ?? codes.length) || a.position - b.position,
    )
    .map(({ article }) => article);
  const documents = new SearchDocuments(options.asOf, formerNumbersTakenUp(correspondencePairs(articles)));
  documents.add(ordered);
  const files = new Map<string, string>();
  const manifest = writeSearchIndexes(
    documents,
    codes.map((code) => code.toc ?? []),
    options,
    (file, json) => files.set(file, json),
  );
  return { files, manifest };
}
