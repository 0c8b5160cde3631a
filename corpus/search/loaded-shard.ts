/**
 * A shard in memory, as the engine queries it: the terms by binary search, postings decoded on
 * first use and kept, the documents' metadata decoded once.
 */
import type { CodeId } from '../model/model.ts';
import type { ArticlePart, ArticleState, DateRange } from './documents.ts';
import { numberKey } from './french-analysis.ts';
import { decodePostings, decodeRanges, SEARCH_SCHEMA_VERSION, TEXT_FORMAT, type Collection, type PackedShard, type PostingList, type TextChunk } from './shard-format.ts';

/** Reads a file of the bundle (path relative to its root) as text. */
export type ReadFile = (path: string) => Promise<string>;

/** The index on disk was built by another version of the code or of lunr. */
export class SearchIndexVersionError extends Error {
  constructor(details: string) {
    super(`Index de recherche d’une autre version (${details}) : relancez \`npm run corpus\`.`);
    this.name = 'SearchIndexVersionError';
  }
}

/** A file of the index could not be read or is not what it should be. */
export class SearchIndexFileError extends Error {
  constructor(file: string, reason: string) {
    super(`Index de recherche illisible : ${file} (${reason}) : relancez \`npm run corpus\`.`);
    this.name = 'SearchIndexFileError';
  }
}

/** Reads and parses a JSON file of the index; errors name the file. */
export async function readJson(file: string, readFile: ReadFile): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file);
  } catch (error) {
    throw new SearchIndexFileError(file, error instanceof Error ? error.message : String(error));
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SearchIndexFileError(file, `JSON invalide : ${error instanceof Error ? error.message : String(error)}`);
  }
}

function checkTextChunk(value: unknown, file: string, shardFile: string, first: number, count: number): TextChunk {
  const chunk = value as Partial<TextChunk> | null;
  if (!chunk || typeof chunk !== 'object' || chunk.format !== TEXT_FORMAT) throw new SearchIndexFileError(file, 'pas un fichier de textes de l’index');
  if (chunk.schema !== SEARCH_SCHEMA_VERSION) throw new SearchIndexVersionError(`${file} : schéma ${chunk.schema}, attendu ${SEARCH_SCHEMA_VERSION}`);
  if (chunk.shard !== shardFile || chunk.first !== first || !Array.isArray(chunk.texts) || chunk.texts.length !== count) {
    throw new SearchIndexFileError(file, `ne correspond pas à ${shardFile} (reconstruit à part ?)`);
  }
  return chunk as TextChunk;
}

const PART_OF_CODE: Record<string, ArticlePart> = { L: 'L', R: 'R', D: 'D', A: 'A', o: 'other' };
const STATE_OF_CODE: Record<string, ArticleState> = { i: 'in-force', r: 'repealed', f: 'future' };

/** Decoded postings kept per shard, at most this many postings in all (then the cache restarts). */
const POSTINGS_CACHE_LIMIT = 4_000_000;

export class LoadedShard {
  readonly collection: Collection;
  readonly file: string;
  readonly size: number;
  private readonly shard: PackedShard;
  private readonly cache = new Map<number, PostingList>();
  private cachedPostings = 0;
  private ranges: DateRange[][] | undefined;
  private numbers: { keys: string[]; docs: Int32Array } | undefined;
  private readonly chunks: (string[] | undefined)[];
  private readonly chunkLoads = new Map<number, Promise<void>>();

  constructor(
    file: string,
    shard: PackedShard,
    private readonly readFile: ReadFile,
  ) {
    this.file = file;
    this.shard = shard;
    this.collection = shard.collection;
    this.size = shard.docs.article.length;
    this.chunks = shard.texts.map(() => undefined);
  }

  private chunkOf(doc: number): number {
    const refs = this.shard.texts;
    let low = 0;
    let high = refs.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (refs[middle]!.first <= doc) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  private loadChunk(n: number): Promise<void> {
    let load = this.chunkLoads.get(n);
    if (!load) {
      const ref = this.shard.texts[n]!;
      load = readJson(ref.file, this.readFile).then((json) => {
        this.chunks[n] = checkTextChunk(json, ref.file, this.file, ref.first, ref.count).texts;
      });
      // A failed read may be retried by a later search.
      load.catch(() => this.chunkLoads.delete(n));
      this.chunkLoads.set(n, load);
    }
    return load;
  }

  /** Loads the text chunks of these documents (those not loaded yet). */
  async ensureTexts(docs: Iterable<number>): Promise<void> {
    const needed = new Set<number>();
    for (const doc of docs) {
      const n = this.chunkOf(doc);
      if (!this.chunks[n]) needed.add(n);
    }
    await Promise.all([...needed].map((n) => this.loadChunk(n)));
  }

  /** Loads every text chunk, one after the other. */
  async loadAllTexts(): Promise<void> {
    for (let n = 0; n < this.chunks.length; n++) if (!this.chunks[n]) await this.loadChunk(n);
  }

  get textsLoaded(): boolean {
    return this.chunks.every((chunk) => chunk !== undefined);
  }

  /** The build date of the shard. */
  get asOf(): string {
    return this.shard.asOf;
  }

  get codes(): readonly CodeId[] {
    return this.shard.codes;
  }

  article(doc: number): string {
    return this.shard.docs.article[doc] ?? '';
  }
  num(doc: number): string {
    return this.shard.docs.num[doc] ?? '';
  }
  codeSlot(doc: number): number {
    return this.shard.docs.code[doc] ?? 0;
  }
  code(doc: number): CodeId {
    return this.shard.codes[this.codeSlot(doc)] ?? '';
  }
  part(doc: number): ArticlePart {
    return PART_OF_CODE[this.shard.docs.part[doc] ?? 'o'] ?? 'other';
  }
  state(doc: number): ArticleState {
    return STATE_OF_CODE[this.shard.docs.state[doc] ?? 'i'] ?? 'in-force';
  }
  /** The stored text of a document (after `ensureTexts`). */
  text(doc: number): string {
    const n = this.chunkOf(doc);
    const chunk = this.chunks[n];
    if (!chunk) throw new Error(`search: text of document ${doc} of ${this.file} read before its chunk was loaded`);
    return chunk[doc - this.shard.texts[n]!.first] ?? '';
  }
  paragraphCount(doc: number): number {
    return this.shard.docs.paragraphs[doc] ?? 0;
  }
  dateRanges(doc: number): DateRange[] {
    this.ranges ??= this.shard.docs.ranges.map(decodeRanges);
    return this.ranges[doc] ?? [];
  }

  /** Slot of a term in `terms`, or -1. */
  termSlot(term: string): number {
    const terms = this.shard.terms;
    let low = 0;
    let high = terms.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const candidate = terms[middle]!;
      if (candidate === term) return middle;
      if (candidate < term) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  /** Slots of the terms that start with a prefix. */
  prefixSlots(prefix: string): number[] {
    const terms = this.shard.terms;
    let low = 0;
    let high = terms.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (terms[middle]! < prefix) low = middle + 1;
      else high = middle;
    }
    const slots: number[] = [];
    for (let slot = low; slot < terms.length && terms[slot]!.startsWith(prefix); slot++) slots.push(slot);
    return slots;
  }

  postings(slot: number): PostingList {
    let list = this.cache.get(slot);
    if (!list) {
      list = decodePostings(this.shard.postings[slot] ?? '');
      if (this.cachedPostings + list.docs.length > POSTINGS_CACHE_LIMIT) {
        this.cache.clear();
        this.cachedPostings = 0;
      }
      this.cache.set(slot, list);
      this.cachedPostings += list.docs.length;
    }
    return list;
  }

  /** Sorts the documents by number (done by the first number search otherwise: ~50 ms). */
  prepareNumbers(): void {
    if (!this.numbers) {
      const docs = Int32Array.from({ length: this.size }, (_, doc) => doc);
      const keys = this.shard.docs.num.map(numberKey);
      docs.sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));
      this.numbers = { keys: Array.from(docs, (doc) => keys[doc]!), docs };
    }
  }

  /** Documents whose number is `key` (exact) or, with `family`, starts with it then `-` or `_`. */
  docsByNumber(num: string, family: boolean): number[] {
    this.prepareNumbers();
    const { keys, docs } = this.numbers!;
    const key = numberKey(num);
    let low = 0;
    let high = keys.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (keys[middle]! < key) low = middle + 1;
      else high = middle;
    }
    const found: number[] = [];
    for (let i = low; i < keys.length && keys[i]!.startsWith(key); i++) {
      const rest = keys[i]!.slice(key.length);
      if (rest === '' ? !family : family && (rest.startsWith('-') || rest.startsWith('_'))) found.push(docs[i]!);
    }
    return found;
  }
}
