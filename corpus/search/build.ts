/**
 * `buildSearchIndexes`: the search index of a corpus, built at compile time (Node), written by the
 * bundle writer under `search/`, read by the reader's search Web Worker (`SearchEngine`).
 *
 * - `search/current.json`: the text of every article in force on the build date (one lunr index
 *   over all codes, so a term weighs the same in every code); its stored texts in
 *   `search/current.text-<n>.json` (the index loads first, the texts right after).
 * - `search/past-<n>.json`: every other distinct text (past versions, repealed articles, texts in
 *   force later), a separate lunr index per size-bounded shard, codes kept together; the reader
 *   loads them in the background, so they never slow the first search down.
 */
import type { Article, CodeId, IsoDate } from '../model/model.ts';
import type { SearchManifest } from '../model/bundle.ts';
import { articleDocuments, type SearchDocument } from './documents.ts';
import { lunr, TEXT_FIELD, useFrenchAnalysis } from './french-analysis.ts';
import {
  encodeRanges,
  packPostings,
  PART_CODES,
  SEARCH_SCHEMA_VERSION,
  SHARD_FORMAT,
  STATE_CODES,
  TEXT_FORMAT,
  type TextChunk,
  type Collection,
  type LunrJson,
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
const DEFAULT_PAST_SHARD_SIZE = 30_000;

/** Stored text per chunk file, about this many characters (a chunk parses in a few ms). */
const TEXT_CHUNK_CHARS = 1_500_000;

/** Splits the texts of a shard into chunk files `<file>.text-<n>.json`. */
function textChunks(documents: readonly SearchDocument[], file: string): TextChunk[] {
  const chunks: TextChunk[] = [];
  let chunk: TextChunk | undefined;
  let chars = 0;
  documents.forEach((doc, ordinal) => {
    if (!chunk || chars >= TEXT_CHUNK_CHARS) {
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

/** One lunr index over the documents, packed into a shard, and their texts in chunks. */
export function buildShard(
  documents: readonly SearchDocument[],
  collection: Collection,
  asOf: IsoDate,
  file: string,
  onIndexed?: (count: number) => void,
): { shard: PackedShard; texts: Map<string, TextChunk> } {
  const index = lunr(function () {
    useFrenchAnalysis(this);
    this.ref('ref');
    this.field(TEXT_FIELD);
    documents.forEach((doc, ordinal) => {
      this.add({ ref: ordinal.toString(36), [TEXT_FIELD]: doc.text });
      if (onIndexed && ordinal % 1000 === 999) onIndexed(1000);
    });
    if (onIndexed) onIndexed(documents.length % 1000);
  });
  const json = index.toJSON() as unknown as LunrJson;
  const { terms, postings } = packPostings(json, TEXT_FIELD, documents.length);
  const codes: CodeId[] = [];
  const codeSlot = new Map<CodeId, number>();
  for (const doc of documents) {
    if (!codeSlot.has(doc.code)) {
      codeSlot.set(doc.code, codes.length);
      codes.push(doc.code);
    }
  }
  const texts = new Map(textChunks(documents, file).map((chunk, n) => [textChunkFile(file, n), chunk]));
  const shard: PackedShard = {
    format: SHARD_FORMAT,
    schema: SEARCH_SCHEMA_VERSION,
    lunrVersion: lunr.version,
    pipeline: json.pipeline,
    collection,
    asOf,
    codes,
    docs: {
      article: documents.map((doc) => doc.article),
      num: documents.map((doc) => doc.num),
      code: documents.map((doc) => codeSlot.get(doc.code) ?? 0),
      part: documents.map((doc) => PART_CODES[doc.part]).join(''),
      state: documents.map((doc) => STATE_CODES[doc.articleState]).join(''),
      ranges: documents.map((doc) => encodeRanges(doc.ranges)),
      paragraphs: documents.map((doc) => doc.paragraphCount),
    },
    texts: [...texts].map(([chunkFile, chunk]) => ({ file: chunkFile, first: chunk.first, count: chunk.texts.length })),
    terms,
    postings,
  };
  return { shard, texts };
}

/** Splits documents into shards of at most `size`, never splitting an article's versions apart. */
function pastShards(documents: readonly SearchDocument[], size: number): SearchDocument[][] {
  const shards: SearchDocument[][] = [];
  let shard: SearchDocument[] = [];
  for (let i = 0; i < documents.length; i++) {
    const doc = documents[i]!;
    const sameArticle = shard.length > 0 && shard[shard.length - 1]!.article === doc.article;
    if (shard.length >= size && !sameArticle) {
      shards.push(shard);
      shard = [];
    }
    shard.push(doc);
  }
  if (shard.length) shards.push(shard);
  return shards;
}

/**
 * The search index of a corpus. `codes` gives the order of the codes (documents follow it, then the
 * order of `articles`); articles of codes not listed come after.
 */
export function buildSearchIndexes(articles: readonly Article[], codes: readonly { id: CodeId; title: string }[], options: SearchBuildOptions): SearchBuild {
  const codeRank = new Map(codes.map((code, rank) => [code.id, rank]));
  const ordered = articles
    .map((article, position) => ({ article, position }))
    .sort((a, b) => (codeRank.get(a.article.code) ?? codes.length) - (codeRank.get(b.article.code) ?? codes.length) || a.position - b.position)
    .map(({ article }) => article);
  const current: SearchDocument[] = [];
  const past: SearchDocument[] = [];
  for (const article of ordered) {
    for (const doc of articleDocuments(article, options.asOf)) (doc.current ? current : past).push(doc);
  }
  const total = current.length + past.length;
  let done = 0;
  const progress = (count: number) => {
    done += count;
    options.onProgress?.(done, total);
  };

  const files = new Map<string, string>();
  const documents: Record<string, number> = {};
  const write = (file: string, docs: readonly SearchDocument[], collection: Collection) => {
    const { shard, texts } = buildShard(docs, collection, options.asOf, file, progress);
    files.set(file, JSON.stringify(shard));
    for (const [chunkFile, chunk] of texts) files.set(chunkFile, JSON.stringify(chunk));
    documents[file] = docs.length;
  };
  write(CURRENT_FILE, current, 'current');
  const pastFiles: string[] = [];
  pastShards(past, options.pastShardSize ?? DEFAULT_PAST_SHARD_SIZE).forEach((docs, n) => {
    const file = `search/past-${n + 1}.json`;
    write(file, docs, 'past');
    pastFiles.push(file);
  });
  return { files, manifest: { lunrVersion: lunr.version, current: CURRENT_FILE, past: pastFiles, documents } };
}
