/**
 * A shard in memory, as the engine queries it: the terms by binary search, postings decoded on
 * first use and kept, the documents' metadata decoded once.
 */
import type { CodeId } from '../model/model.ts';
import type { ArticlePart, ArticleState, DateRange } from './documents.ts';
import type { LruCache } from '../util/lru-cache.ts';
import { pushTo } from '../util/group-by.ts';
import { numberKey } from './french-analysis.ts';
import { decodeSectionPostings } from './section-titles.ts';
import { formFrequency } from './form-frequencies.ts';
import {
  decodePostings,
  decodeRanges,
  SEARCH_SCHEMA_VERSION,
  TEXT_FORMAT,
  type Collection,
  type PackedShard,
  type PostingList,
  type TextChunk,
} from './shard-format.ts';

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
  if (!chunk || typeof chunk !== 'object' || chunk.format !== TEXT_FORMAT)
    throw new SearchIndexFileError(file, 'pas un fichier de textes de l’index');
  if (chunk.schema !== SEARCH_SCHEMA_VERSION)
    throw new SearchIndexVersionError(`${file} : schéma ${chunk.schema}, attendu ${SEARCH_SCHEMA_VERSION}`);
  if (chunk.shard !== shardFile || chunk.first !== first || !Array.isArray(chunk.texts) || chunk.texts.length !== count) {
    throw new SearchIndexFileError(file, `ne correspond pas à ${shardFile} (reconstruit à part ?)`);
  }
  return chunk as TextChunk;
}

const PART_OF_CODE: Record<string, ArticlePart> = { L: 'L', R: 'R', D: 'D', A: 'A', o: 'other' };
const STATE_OF_CODE: Record<string, ArticleState> = { i: 'in-force', r: 'repealed', f: 'future' };

/** Decoded postings kept per shard, at most this many postings in all (then the cache restarts). */
const POSTINGS_CACHE_LIMIT = 4_000_000;

/**
 * Where a shard keeps the text chunks it loaded: its own (the law in force: loaded once, searched
 * all the time) or a cache bounded in characters that the past shards share (most of their text is
 * never shown: it loads when a search needs it, and goes when others are needed).
 */
export type ChunkStore = LruCache<string, readonly string[]> | undefined;

export class LoadedShard {
  readonly collection: Collection;
  readonly file: string;
  readonly size: number;
  private readonly shard: PackedShard;
  private readonly cache = new Map<number, PostingList>();
  private cachedPostings = 0;
  private ranges: DateRange[][] | undefined;
  private numbers: { keys: string[]; docs: Int32Array } | undefined;
  private takingUp: Map<string, number[]> | undefined;
  private readonly chunks: (readonly string[] | undefined)[];
  private readonly chunkLoads = new Map<number, Promise<readonly string[]>>();
  private readonly titleSections = new Map<number, ReadonlySet<number>>();

  constructor(
    file: string,
    shard: PackedShard,
    private readonly readFile: ReadFile,
    /** Shared bounded cache for the chunks; none: the shard keeps every chunk it loads. */
    private readonly chunkStore?: ChunkStore,
  ) {
    this.file = file;
    this.shard = shard;
    this.collection = shard.collection;
    this.size = shard.docs.article.length;
    this.chunks = shard.texts.map(() => undefined);
  }

  /** Whether a text read once may have to be read again (its chunk left the shared cache). */
  get evictsTexts(): boolean {
    return this.chunkStore !== undefined;
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

  private heldChunk(n: number): readonly string[] | undefined {
    return this.chunkStore ? this.chunkStore.get(this.shard.texts[n]!.file) : this.chunks[n];
  }

  private loadChunk(n: number): Promise<readonly string[]> {
    const held = this.heldChunk(n);
    if (held) return Promise.resolve(held);
    let load = this.chunkLoads.get(n);
    if (!load) {
      const ref = this.shard.texts[n]!;
      load = readJson(ref.file, this.readFile).then((json) => {
        const texts = checkTextChunk(json, ref.file, this.file, ref.first, ref.count).texts;
        if (this.chunkStore) this.chunkStore.set(ref.file, texts);
        else this.chunks[n] = texts;
        return texts;
      });
      // Done or failed, the next reader asks the store again (a failed read may be retried).
      const forget = () => this.chunkLoads.delete(n);
      load.then(forget, forget);
      this.chunkLoads.set(n, load);
    }
    return load;
  }

  /** Whether the stored text of a document is in memory (reading it costs nothing). */
  holdsText(doc: number): boolean {
    return this.heldChunk(this.chunkOf(doc)) !== undefined;
  }

  /**
   * Calls `visit` with the stored text of each of these documents, chunk after chunk: one chunk
   * read and parsed at a time (the garbage of a parse is collectable before the next one), and for
   * a past shard the chunks need not all fit in the cache at once.
   */
  async eachText(docs: Iterable<number>, visit: (doc: number, text: string) => void): Promise<void> {
    const byChunk = new Map<number, number[]>();
    for (const doc of docs) {
      const n = this.chunkOf(doc);
      const list = byChunk.get(n);
      if (list) list.push(doc);
      else byChunk.set(n, [doc]);
    }
    // Chunks already in memory first: they cost nothing and may leave the cache during the loads.
    const held = new Set([...byChunk.keys()].filter((n) => this.heldChunk(n) !== undefined));
    const order = [...byChunk.keys()].sort((a, b) => Number(!held.has(a)) - Number(!held.has(b)) || a - b);
    for (const n of order) {
      const texts = await this.loadChunk(n);
      const first = this.shard.texts[n]!.first;
      for (const doc of byChunk.get(n)!) visit(doc, texts[doc - first] ?? '');
    }
  }

  /** The stored texts of these documents. */
  async texts(docs: Iterable<number>): Promise<Map<number, string>> {
    const texts = new Map<number, string>();
    await this.eachText(docs, (doc, text) => texts.set(doc, text));
    return texts;
  }

  /** Loads every text chunk, one after the other. */
  async loadAllTexts(): Promise<void> {
    for (let n = 0; n < this.shard.texts.length; n++) await this.loadChunk(n);
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
  paragraphCount(doc: number): number {
    return this.shard.docs.paragraphs[doc] ?? 0;
  }
  dateRanges(doc: number): DateRange[] {
    return this.decodedRanges()[doc] ?? [];
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

  /** Sections whose titles hold these words: the title terms, sorted as the text terms. */
  titleTermSlot(term: string): number {
    const terms = this.shard.sections.terms;
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

  /** How many sections the shard has. */
  get sectionCount(): number {
    return this.shard.sections.parent.length;
  }

  /** The sections whose titles have a title term. */
  titleTermSections(slot: number): ReadonlySet<number> {
    let sections = this.titleSections.get(slot);
    if (!sections) {
      sections = new Set(decodeSectionPostings(this.shard.sections.postings[slot] ?? ''));
      this.titleSections.set(slot, sections);
    }
    return sections;
  }

  /** Whether a document sits in one of these sections or below one of them. */
  isBelowAny(doc: number, sections: ReadonlySet<number>): boolean {
    const parent = this.shard.sections.parent;
    for (let section = this.shard.docs.section[doc] ?? -1, depth = 0; section >= 0 && depth < 64; section = parent[section] ?? -1, depth++)
      if (sections.has(section)) return true;
    return false;
  }

  /**
   * Decodes now what the first search would otherwise decode for the whole shard, in its way: the
   * numbers (sorted), the dates of every document, the former numbers taken up. The engine calls it
   * in the background as a shard loads: for the seven past shards that is about 350 ms of work a
   * keystroke waited for (the first « L. 611-3 » after the past index loaded: 253 ms).
   */
  prepare(): void {
    this.prepareNumbers();
    this.decodedRanges();
    this.docsByFormerNumber();
  }

  /**
   * Sorts the documents by number (done by the first number search otherwise: ~50 ms): each by its
   * number and by every number it bore before (D7122-10 finds the article now R7122-10).
   */
  private prepareNumbers(): void {
    if (!this.numbers) {
      const keys = this.shard.docs.num.map(numberKey);
      const entries: number[] = Array.from({ length: this.size }, (_, doc) => doc);
      for (const [doc, nums] of this.shard.docs.formerNums) {
        for (const num of nums) {
          entries.push(doc);
          keys.push(numberKey(num));
        }
      }
      const order = Int32Array.from(entries.keys());
      order.sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : entries[a]! - entries[b]!));
      this.numbers = { keys: Array.from(order, (i) => keys[i]!), docs: Int32Array.from(order, (i) => entries[i]!) };
    }
  }

  /** The documents whose article takes up the former article of this number (`correspondence.ts`). */
  docsTakingUp(num: string): number[] {
    return this.docsByFormerNumber().get(numberKey(num)) ?? [];
  }

  /** The documents of each former number their articles take up, decoded on first use. */
  private docsByFormerNumber(): Map<string, number[]> {
    if (!this.takingUp) {
      this.takingUp = new Map();
      for (const [doc, nums] of this.shard.docs.takesUp) for (const former of nums) pushTo(this.takingUp, numberKey(former), doc);
    }
    return this.takingUp;
  }

  /** The date ranges of every document, decoded on first use. */
  private decodedRanges(): DateRange[][] {
    this.ranges ??= this.shard.docs.ranges.map(decodeRanges);
    return this.ranges;
  }

  /** Documents of the collection (every shard of it), and the average length of their texts. */
  get collectionSize(): { documents: number; averageChars: number } {
    return { documents: this.shard.forms.documents, averageChars: this.shard.forms.averageChars };
  }

  /**
   * How many documents of the collection have this form of a word: the table's count, else its
   * stem's (the posting list of this shard, scaled to the collection for a shard of past texts).
   */
  formDocuments(word: string, term: string): number {
    const counted = formFrequency(this.shard.forms, word);
    if (counted !== undefined) return counted;
    const slot = this.termSlot(term);
    if (slot < 0) return 0;
    return Math.round((this.postings(slot).docs.length * this.shard.forms.documents) / Math.max(1, this.size));
  }

  /** Whether a document bears this number today (not only one it bore before). */
  bearsNumber(doc: number, num: string): boolean {
    return numberKey(this.num(doc)) === numberKey(num);
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
    // A document is listed once, whether by its number or by one it bore.
    const found = new Set<number>();
    for (let i = low; i < keys.length && keys[i]!.startsWith(key); i++) {
      const rest = keys[i]!.slice(key.length);
      if (rest === '' ? !family : family && (rest.startsWith('-') || rest.startsWith('_'))) found.add(docs[i]!);
    }
    return [...found];
  }
}
