/**
 * The corpus bundle as the host reads it (layout in `corpus/model/bundle.ts`): the manifest checked
 * once (schema version, shape, Lunr version), then tables of contents, catalogs and article shards
 * read on demand. A rebuilt bundle (`npm run corpus` while the app runs) is noticed by the
 * manifest's change of date, and the caches start over.
 *
 * Every file is checked the first time it is read: against its size and SHA-256 in the manifest
 * (`bundle-integrity.ts`), then against its schema (`bundle-schemas.ts`). A damaged file is named,
 * with what to do (« Corpus endommagé : recompilez-le ou réinstallez Palimpseste »), never used.
 * The files the renderer fetches itself (the search index) are checked the same way before the
 * static server sends them (`verifyFile`).
 *
 * Memory and speed: a shard is a series of gzip members of a few articles each, and the code's
 * `shards.json` says where each starts (`bundle-shard.ts`): an article read inflates only its
 * member (about 25 kB), and checks only its own line, on its bytes (`json-bytes-check.ts`, compiled
 * from the article schema; zod for what that check cannot prove), which are then sent as they are.
 * The shard files stay open a moment between member reads. Shard files (compressed, checked), inflated
 * members and checked articles (their JSON) are kept in the one LRU cache, each bounded by its
 * bytes, and whatever is being loaded is loaded once however many requests wait for it
 * (2,000 concurrent reads once decompressed 142 shards 1,850 times because a 12-entry cache
 * evicted loads still in progress).
 *
 * Every failure is a `HostError` whose French message says what to do.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, type Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { constants as zlibConstants, gunzip, gunzipSync } from 'node:zlib';
import path from 'node:path';
import lunr from 'lunr';
import type { z } from 'zod';
import { checkBundleFile, DAMAGED_CORPUS_ADVICE, describeIntegrityProblem } from '../../corpus/model/bundle-integrity.ts';
import {
  ARRAY_SLICE,
  articleSchema,
  catalogEntrySchema,
  changeSetsSchema,
  checkArrayShape,
  correspondenceSchema,
  checkShape,
  codeSchema,
  manifestSchema,
  shardIndexSchema,
} from '../../corpus/model/bundle-schemas.ts';
import { checkMemberOffsets, memberArticleRanges, type ShardIndex } from '../../corpus/model/bundle-shard.ts';
import { BUNDLE_SCHEMA_VERSION, type ArticleCatalogEntry, type Manifest } from '../../corpus/model/bundle.ts';
import { codeOfArticleId } from '../../corpus/model/ids.ts';
import type { CorrespondencePair } from '../../corpus/model/correspondence.ts';
import type { Article, ArticleId, ChangeSet, Code, CodeId } from '../../corpus/model/model.ts';
import { normalizeArticleNumber } from '../../corpus/text/article-number.ts';
import { compileJsonBytesCheck } from '../../corpus/util/json-bytes-check.ts';
import { LruCache } from '../../corpus/util/lru-cache.ts';
import { HostError } from './result.ts';
import type { Refusal } from './static-files.ts';

const gunzipAsync = promisify(gunzip);
/** The reader's first page loads in about a second: the warm-up waits for it (see `warm`). */
const WARM_AFTER_QUIET_MS = 1_000;
/** …unless no reader comes (the web edition's page not opened yet): then it starts anyway. */
const WARM_AT_THE_LATEST_MS = 5_000;
/** A lull between two calls of the reader, to slip in one more step of the warm-up. */
const WARM_STEP_QUIET_MS = 100;
/** Lets the requests that came in meanwhile be answered before long work (a catalog) goes on. */
const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export const MANIFEST_FILE = 'manifest.json';
const REBUILD = 'Compilez le corpus avec « npm run corpus », puis relancez Palimpseste.';

/** A code's catalog with the lookups built from it. */
interface CatalogIndex {
  entries: ArticleCatalogEntry[];
  byId: Map<ArticleId, ArticleCatalogEntry>;
  /** LEGI form of the number (`L611-3`) → its articles (one number can name several over time). */
  byNumber: Map<string, ArticleCatalogEntry[]>;
  /** Each article's line in its shard (the catalog lists a shard's articles in their order). */
  line: Map<ArticleId, number>;
  /** Articles per shard, to check a shard has them all. */
  shardSizes: Map<string, number>;
  /** Where each shard's members start; none for a bundle written before them (shards inflated whole). */
  members: ShardIndex | undefined;
  /** The file it was read from, to name it when it does not fit a shard. */
  membersFile: string | undefined;
}

/** A decompressed member of a shard (UTF-8, out of the JS heap) and where each article's JSON is in it. */
interface LoadedMember {
  bytes: Buffer;
  ranges: Int32Array;
}

interface OpenBundle {
  /** The folder it was opened from (reads in flight across a `switchTo` stay in it). */
  root: string;
  manifest: Manifest;
  /** Change date of the manifest file, to notice a rebuilt bundle. */
  stamp: number;
  catalogs: Map<CodeId, Promise<CatalogIndex>>;
  /** The catalogs' indexes once built, for the lookups that must not wait for one (`findArticles`). */
  builtCatalogs: Map<CodeId, CatalogIndex>;
  /** Catalogs read and parsed, not yet checked and indexed: shared by `catalogIndex` and `scanCatalog`. */
  catalogData: Map<CodeId, Promise<unknown>>;
  /** Shard files of a bundle without shard index, as read (compressed) and checked against the manifest. */
  shardFiles: LruCache<string, Buffer>;
  /** Shard files found whole against the manifest, by path: their size (their members are then read alone). */
  checkedShards: Map<string, number>;
  /** Inflated members, by `<shard>#<member>`. */
  members: LruCache<string, LoadedMember>;
  /**
   * Articles checked against their schema, kept as their JSON (UTF-8, as the compiler wrote it):
   * the web host sends those bytes as they are, and a third of the size of the parsed objects.
   */
  articles: LruCache<ArticleId, Buffer>;
  files: LruCache<string, unknown>;
  /** Files found whole (by path and the stat that was checked), and checks in flight. */
  verified: Map<string, Promise<string | undefined>>;
  /** Shard files open for `readRange`, by path, and when they are all closed (see `shardFd`). */
  shardFds: Map<string, number>;
  closingFds: ReturnType<typeof setTimeout> | undefined;
}

/**
 * How long shard files stay open once one is opened for a member read. Opening and closing the
 * file at each read was ≈ 3 % of the host's CPU time for a burst of 2,000 reads (two system calls
 * of ≈ 15 µs each here); closed soon after, all together, so that a rebuilt or replaced corpus is
 * not held (Windows does not let an open file be replaced) and no descriptor outlives its bundle.
 */
const SHARD_FD_MS = 2_000;

export interface CorpusStoreOptions {
  /**
   * Bytes of shard files kept as read (compressed), for a bundle without shard index (each read
   * inflates the whole shard). A bundle with one keeps none: it reads members alone.
   */
  shardCacheBytes?: number;
  /** Bytes of inflated members kept (about 25 kB each): a reader moves around a few articles at a time. */
  memberCacheBytes?: number;
  /** Bytes of JSON of the articles kept checked (the objects they parse to take about three times as many). */
  articleCacheBytes?: number;
  /** The Lunr version the app's search uses; the bundle's index must have been built with it. */
  lunrVersion?: string;
}

/** `L. 611-3` → `L611-3`; text that is not an article number is compared as written, trimmed. */
function numberKey(num: string): string {
  return normalizeArticleNumber(num) ?? num.trim();
}

/**
 * The article check on JSON bytes: half the CPU time of a read went to decoding, parsing and zod
 * (see `json-bytes-check.ts`). Undefined if the schema ever uses what that module does not read:
 * zod then checks every article (`corpus-store.test.ts` says so first).
 */
export const checkArticleBytes = compileJsonBytesCheck(articleSchema);

/**
 * Whether the line starts `{"id":<id>,`: with the bytes check (which refuses a key given twice),
 * the article is the one asked for, without parsing it.
 */
function startsWithId(bytes: Buffer, id: ArticleId): boolean {
  const head = Buffer.from(`{"id":${JSON.stringify(id)},`, 'utf8');
  return bytes.length > head.length && head.equals(bytes.subarray(0, head.length));
}

function closeShardFds(bundle: OpenBundle): void {
  for (const fd of bundle.shardFds.values()) {
    try {
      closeSync(fd);
    } catch {
      // Already unusable: nothing to give back.
    }
  }
  bundle.shardFds.clear();
  clearTimeout(bundle.closingFds);
  bundle.closingFds = undefined;
}

/**
 * The numbers a catalog entry bears (`num`, then `formerNums`), those that are strings: the index
 * keys an entry by them, and the lookup of a catalog not indexed yet reads its unchecked items so.
 */
function catalogItemNumbers(item: unknown): string[] {
  if (typeof item !== 'object' || item === null) return [];
  const { num, formerNums } = item as { num?: unknown; formerNums?: unknown };
  const nums = Array.isArray(formerNums) ? formerNums.filter((n): n is string => typeof n === 'string') : [];
  return typeof num === 'string' ? [num, ...nums] : nums;
}

function damaged(message: string): HostError {
  return new HostError('corpus-damaged', message);
}

export class CorpusStore {
  private opening: Promise<OpenBundle> | undefined;
  private stamping: Promise<number> | undefined;
  private readonly shardCacheBytes: number;
  private readonly memberCacheBytes: number;
  private readonly articleCacheBytes: number;
  private readonly lunrVersion: string;
  /** When the reader last called (any public method); the store's creation until it does. */
  private lastReaderCall = performance.now();

  constructor(
    private bundleRoot: string,
    options: CorpusStoreOptions = {},
  ) {
    this.shardCacheBytes = options.shardCacheBytes ?? 24 * 1024 * 1024;
    this.memberCacheBytes = options.memberCacheBytes ?? 8 * 1024 * 1024;
    this.articleCacheBytes = options.articleCacheBytes ?? 4 * 1024 * 1024;
    this.lunrVersion = options.lunrVersion ?? lunr.version;
  }

  /** The bundle folder read now. */
  get root(): string {
    return this.bundleRoot;
  }

  /**
   * Reads another bundle from now on (an imported corpus, or the previous one back): everything
   * read from the old one is dropped with it. Calls in flight finish on the bundle they opened.
   */
  switchTo(root: string): void {
    this.bundleRoot = root;
    this.opening = undefined;
    this.stamping = undefined;
  }

  /** The manifest, checked; throws `corpus-missing`, `corpus-schema` or `corpus-damaged` with what to do. */
  async manifest(): Promise<Manifest> {
    return (await this.bundle()).manifest;
  }

  async toc(code: CodeId): Promise<Code> {
    const bundle = await this.bundle();
    return this.readCached(bundle, this.summary(bundle, code).toc, codeSchema);
  }

  async catalog(code: CodeId): Promise<ArticleCatalogEntry[]> {
    const bundle = await this.bundle();
    return (await this.catalogIndex(bundle, code)).entries;
  }

  async changeSets(code: CodeId): Promise<ChangeSet[]> {
    const bundle = await this.bundle();
    return this.readCached(bundle, this.summary(bundle, code).changeSets, changeSetsSchema);
  }

  /** The code's table of former and new numbers; empty for a code that has none. */
  async correspondence(code: CodeId): Promise<CorrespondencePair[]> {
    const bundle = await this.bundle();
    const file = this.summary(bundle, code).correspondence;
    return file ? this.readCached(bundle, file, correspondenceSchema) : [];
  }

  async article(id: ArticleId): Promise<Article> {
    // Checked against its schema when it was read (`articleJson`): parsed again, not checked again.
    return JSON.parse((await this.articleJson(id)).toString('utf8')) as Article;
  }

  /**
   * The article's JSON (UTF-8), checked against its schema the first time it is read: the bytes of
   * its line in the shard, which is what `article` parses to (the schema transforms nothing, it only
   * checks). The web host answers with them as they are: a burst of 2,000 reads once spent a tenth
   * of its CPU serialising again the objects it had just parsed.
   */
  async articleJson(id: ArticleId): Promise<Buffer> {
    const bundle = await this.bundle();
    const code = codeOfArticleId(id);
    const index = bundle.manifest.codes.some((c) => c.id === code) ? await this.catalogIndex(bundle, code) : undefined;
    const entry = index?.byId.get(id);
    if (!index || !entry) throw new HostError('not-found', `L’article « ${id} » n’est pas dans le corpus.`);
    return bundle.articles.load(id, async () => {
      const at = index.line.get(id) ?? 0;
      const perMember = index.members?.articlesPerMember ?? Number.MAX_SAFE_INTEGER;
      const member = Math.floor(at / perMember);
      const loaded = await bundle.members.load(`${entry.shard}#${member}`, () => this.readMember(bundle, index, entry.shard, member));
      const within = at - member * perMember;
      const bytes = loaded.bytes.subarray(loaded.ranges[2 * within], loaded.ranges[2 * within + 1]);
      // Checked on its bytes (`json-bytes-check.ts`), the way the compiler writes it (its id first);
      // anything else is parsed and checked by zod, which names what is wrong.
      if (!(checkArticleBytes?.(bytes) && startsWithId(bytes, id))) {
        let raw: unknown;
        try {
          raw = JSON.parse(bytes.toString('utf8'));
        } catch {
          raw = undefined;
        }
        const checked = checkShape(articleSchema, raw);
        if (!checked.ok) throw damaged(this.shapeMessage(entry.shard, `article « ${id} », ${checked.problem}`));
        if (checked.value.id !== id)
          throw damaged(`Le corpus est incohérent : l’article « ${id} » manque à son fichier « ${entry.shard} ». ${DAMAGED_CORPUS_ADVICE}`);
      }
      // A copy: a view would keep the whole inflated member alive for as long as the article is cached.
      return Buffer.from(bytes);
    });
  }

  /** Articles with this number in any written form (`art. L. 611-3`), in one code or in every code. */
  async findArticles(num: string, code?: CodeId): Promise<ArticleCatalogEntry[]> {
    const bundle = await this.bundle();
    const codes = code === undefined ? bundle.manifest.codes.map((c) => c.id) : [this.summary(bundle, code).id];
    const key = numberKey(num);
    const found: ArticleCatalogEntry[] = [];
    for (const id of codes) {
      const built = bundle.builtCatalogs.get(id);
      found.push(...(built ? (built.byNumber.get(key) ?? []) : await this.scanCatalog(bundle, id, key)));
    }
    return found;
  }

  /**
   * The entries of a catalog not indexed yet that bear this number, found by going through it once
   * (~1 ms) while its index is built for the next lookups. The reader's first page (a number in
   * its address) waited for the whole index — the shape of every entry checked, every number keyed:
   * 100–250 ms for the sécurité sociale on a host just started. Only the entries sent are checked here;
   * the index checks them all, and a damaged catalog is reported by the next call.
   */
  private async scanCatalog(bundle: OpenBundle, code: CodeId, key: string): Promise<ArticleCatalogEntry[]> {
    const data = await this.catalogData(bundle, code);
    // Not even an array: the index says what is wrong with it.
    if (!Array.isArray(data)) return (await this.catalogIndex(bundle, code)).byNumber.get(key) ?? [];
    // Started after the scan, not before: its first slice would otherwise run first.
    setImmediate(() => this.catalogIndex(bundle, code).catch(() => undefined));
    const found: ArticleCatalogEntry[] = [];
    for (const [i, item] of (data as unknown[]).entries()) {
      const nums = catalogItemNumbers(item);
      if (!nums.some((num) => numberKey(num) === key)) continue;
      const checked = checkShape(catalogEntrySchema, item);
      if (!checked.ok) throw damaged(this.shapeMessage(this.summary(bundle, code).catalog, `${i}.${checked.problem}`));
      found.push(checked.value);
    }
    return found;
  }

  /**
   * Reads every code's catalog and builds its number index in the background, one code after the
   * other (the server keeps answering in between), so that the first `findArticles` — a number
   * typed in the search box looks in every code — does not wait for them; then checks every shard
   * file against the manifest the same way. Resolves with the codes warmed; a failure is not thrown
   * here: the call that needs the file reports it.
   *
   * It starts once the reader has called (its first page) and then left the store alone for
   * `afterQuietMs` — or `WARM_AT_THE_LATEST_MS` after it was asked to if no reader calls — and
   * each step waits for a shorter lull (0: at once, no waiting). The catalogs take ~0.5 s of CPU
   * (their shape checks, their number keys): run at once at launch they were in the way of the
   * reader's first page — on two cores shared with the browser, the page and its code waited
   * 230–640 ms for a host busy warming (reader bench, cold host).
   */
  async warm({ afterQuietMs = WARM_AFTER_QUIET_MS, firstCode }: { afterQuietMs?: number; firstCode?: string } = {}): Promise<CodeId[]> {
    const warmed: CodeId[] = [];
    const asked = performance.now();
    let bundle: OpenBundle;
    try {
      bundle = await this.bundle({ byReader: false });
    } catch {
      return warmed;
    }
    // The code the reader opens on, at once: its first page (a number in its address, then that
    // article) needs this catalog's index, and on a host just started it is ready before the
    // browser asks (~150 ms of CPU, the browser's launch takes longer).
    const codes = bundle.manifest.codes.map((c) => c.id);
    const first = codes.find((id) => id === firstCode) ?? codes[0];
    const order = first === undefined ? codes : [first, ...codes.filter((id) => id !== first)];
    if (first !== undefined) await this.catalogIndex(bundle, first).catch(() => undefined);
    if (afterQuietMs > 0) {
      while (this.lastReaderCall < asked && performance.now() - asked < WARM_AT_THE_LATEST_MS)
        await new Promise((resolve) => setTimeout(resolve, 50));
      await this.readerQuiet(afterQuietMs);
    }
    for (const id of order) {
      await this.readerQuiet(Math.min(afterQuietMs, WARM_STEP_QUIET_MS));
      try {
        await this.catalogIndex(bundle, id);
        warmed.push(id);
      } catch {
        // Reported to the reader by the call that needs this catalog.
      }
    }
    // Then every shard file checked against the manifest, one at a time, the server answering in
    // between: the first reads after start (a burst of 2,000 touches every shard) no longer read
    // and hash 35 MB of shards on their way — a third of such a burst's CPU, measured in process.
    for (const id of warmed) {
      const index = await this.catalogIndex(bundle, id);
      if (!index.members) continue;
      for (const shard of index.shardSizes.keys()) {
        await yieldToRequests();
        await this.readerQuiet(Math.min(afterQuietMs, WARM_STEP_QUIET_MS));
        if ((await this.opening?.catch(() => undefined)) !== bundle) return warmed;
        if (bundle.checkedShards.has(shard)) continue;
        try {
          bundle.checkedShards.set(shard, (await this.readChecked(bundle, shard)).length);
        } catch {
          // Reported to the reader by the call that needs this shard.
        }
      }
    }
    return warmed;
  }

  /**
   * For the static server, before it sends a bundle file to the renderer (the search index): the
   * manifest must open, and the file must be the one the compiler wrote. The check is made once
   * per file (and again if the file changes on disk); the manifest itself is checked by opening it.
   */
  async verifyFile(relative: string, info: Stats): Promise<Refusal | undefined> {
    let bundle: OpenBundle;
    try {
      bundle = await this.bundle();
    } catch (error) {
      return { status: 500, message: error instanceof Error ? error.message : String(error) };
    }
    if (relative === MANIFEST_FILE) return undefined;
    if (!Object.hasOwn(bundle.manifest.files, relative)) return { status: 404, message: 'Fichier introuvable.' };
    const key = `${relative}\n${info.size}\n${info.mtimeMs}\n${info.ino}`;
    let check = bundle.verified.get(key);
    if (!check) {
      check = readFile(path.join(bundle.root, relative)).then(
        (bytes) => {
          const problem = checkBundleFile(bundle.manifest.files, relative, bytes, sha256);
          return problem ? describeIntegrityProblem(problem) : undefined;
        },
        () => `Le fichier « ${relative} » du corpus est illisible. ${DAMAGED_CORPUS_ADVICE}`,
      );
      bundle.verified.set(key, check);
    }
    const problem = await check;
    return problem ? { status: 500, message: problem } : undefined;
  }

  /** Resolves once no reader call has come for `quietMs` (`bundle` notes each one). */
  private async readerQuiet(quietMs: number): Promise<void> {
    for (let wait = quietMs; wait > 0; wait = this.lastReaderCall + quietMs - performance.now())
      await new Promise((resolve) => setTimeout(resolve, wait));
  }

  /**
   * The open bundle, reopened when its manifest changed; a failed open is retried on the next call.
   * `byReader`: a call of the reader (not of the warm-up), which the warm-up gives way to.
   */
  private async bundle({ byReader = true } = {}): Promise<OpenBundle> {
    if (byReader) this.lastReaderCall = performance.now();
    const stamp = await this.manifestStamp();
    if (this.opening) {
      const current = await this.opening.catch(() => undefined);
      if (current && current.stamp === stamp) return current;
    }
    this.opening = this.open(stamp);
    return this.opening;
  }

  /**
   * The manifest's change date; calls made while a `stat` is in flight share it (a burst of 2,000
   * reads then makes a few `stat`s, not 2,000 queued behind the decompressions).
   */
  private manifestStamp(): Promise<number> {
    if (this.stamping) return this.stamping;
    const stamping = stat(path.join(this.root, MANIFEST_FILE)).then(
      (info) => info.mtimeMs + info.size,
      () => {
        throw new HostError('corpus-missing', `Aucun corpus n’a été trouvé dans « ${this.root} ». ${REBUILD}`);
      },
    );
    this.stamping = stamping;
    const done = () => {
      if (this.stamping === stamping) this.stamping = undefined;
    };
    stamping.then(done, done);
    return stamping;
  }

  private async open(stamp: number): Promise<OpenBundle> {
    const root = this.root;
    const manifestPath = path.join(root, MANIFEST_FILE);
    let text: string;
    try {
      text = await readFile(manifestPath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        throw new HostError('corpus-missing', `Aucun corpus n’a été trouvé dans « ${this.root} ». ${REBUILD}`);
      throw damaged(`Le manifeste du corpus (« ${manifestPath} ») est illisible. ${DAMAGED_CORPUS_ADVICE}`);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      // A manifest cut short (a copy interrupted, a full disk) is damage, not another version.
      throw damaged(
        `Le manifeste du corpus (« ${manifestPath} ») est endommagé : ce n’est pas du JSON complet (fichier tronqué ?). ${DAMAGED_CORPUS_ADVICE}`,
      );
    }
    const schemaVersion = typeof raw === 'object' && raw !== null && 'schemaVersion' in raw ? raw.schemaVersion : undefined;
    if (typeof schemaVersion !== 'number')
      throw damaged(`Le manifeste du corpus (« ${manifestPath} ») est endommagé : il ne dit pas son format. ${DAMAGED_CORPUS_ADVICE}`);
    if (schemaVersion !== BUNDLE_SCHEMA_VERSION) {
      throw new HostError(
        'corpus-schema',
        `Le corpus de « ${this.root} » est au format ${schemaVersion}, cette version de Palimpseste lit le format ${BUNDLE_SCHEMA_VERSION}. ${REBUILD}`,
      );
    }
    const shape = checkShape(manifestSchema, raw);
    if (!shape.ok) throw damaged(`Le manifeste du corpus (« ${manifestPath} ») est endommagé (${shape.problem}). ${DAMAGED_CORPUS_ADVICE}`);
    if (shape.value.search.lunrVersion !== this.lunrVersion) {
      throw new HostError(
        'corpus-schema',
        `L’index de recherche du corpus a été construit avec Lunr ${shape.value.search.lunrVersion}, Palimpseste utilise Lunr ${this.lunrVersion}. ${REBUILD}`,
      );
    }
    return {
      root,
      manifest: shape.value,
      stamp,
      catalogs: new Map(),
      builtCatalogs: new Map(),
      catalogData: new Map(),
      shardFiles: new LruCache({ maxWeight: this.shardCacheBytes, weigh: (bytes) => bytes.length }),
      checkedShards: new Map(),
      members: new LruCache({ maxWeight: this.memberCacheBytes, weigh: (member) => member.bytes.length }),
      articles: new LruCache({ maxWeight: this.articleCacheBytes, weigh: (json) => json.length }),
      files: new LruCache({ maxWeight: 8 }),
      verified: new Map(),
      shardFds: new Map(),
      closingFds: undefined,
    };
  }

  private summary(bundle: OpenBundle, code: CodeId) {
    const summary = bundle.manifest.codes.find((c) => c.id === code);
    if (!summary) throw new HostError('not-found', `Le code « ${code} » n’est pas dans le corpus.`);
    return summary;
  }

  /** The catalog's JSON, read and parsed, until its index is built. */
  private catalogData(bundle: OpenBundle, code: CodeId): Promise<unknown> {
    let data = bundle.catalogData.get(code);
    if (!data) {
      data = this.readJson(bundle, this.summary(bundle, code).catalog);
      bundle.catalogData.set(code, data);
      data.catch(() => bundle.catalogData.delete(code));
    }
    return data;
  }

  private catalogIndex(bundle: OpenBundle, code: CodeId): Promise<CatalogIndex> {
    let index = bundle.catalogs.get(code);
    if (!index) {
      const summary = this.summary(bundle, code);
      const members = summary.shardIndex ? this.readFile(bundle, summary.shardIndex, shardIndexSchema) : Promise.resolve(undefined);
      const entries = this.catalogData(bundle, code).then(async (data) => {
        const shape = await checkArrayShape(catalogEntrySchema, data, yieldToRequests);
        if (!shape.ok) throw damaged(this.shapeMessage(summary.catalog, shape.problem));
        return shape.value;
      });
      index = Promise.all([entries, members]).then(async ([entries, members]) => {
        const byNumber = new Map<string, ArticleCatalogEntry[]>();
        const line = new Map<ArticleId, number>();
        const shardSizes = new Map<string, number>();
        for (const [i, entry] of entries.entries()) {
          // In slices too (a number's key takes ~3 µs: 60 ms for a catalog), for the same reason.
          if (i > 0 && i % ARRAY_SLICE === 0) await yieldToRequests();
          // An article is found by every number it bore (D7122-10 finds the article now R7122-10).
          for (const num of new Set(catalogItemNumbers(entry))) {
            const key = numberKey(num);
            const list = byNumber.get(key);
            if (!list) byNumber.set(key, [entry]);
            else if (!list.includes(entry)) list.push(entry);
          }
          const position = shardSizes.get(entry.shard) ?? 0;
          line.set(entry.id, position);
          shardSizes.set(entry.shard, position + 1);
        }
        const built: CatalogIndex = {
          entries,
          byId: new Map(entries.map((e) => [e.id, e])),
          byNumber,
          line,
          shardSizes,
          members: members?.value,
          membersFile: summary.shardIndex,
        };
        bundle.builtCatalogs.set(code, built);
        bundle.catalogData.delete(code);
        return built;
      });
      bundle.catalogs.set(code, index);
      // A failed read is not kept: the next call tries the file again.
      index.catch(() => bundle.catalogs.delete(code));
    }
    return index;
  }

  private readCached<T>(bundle: OpenBundle, relative: string, schema: z.ZodType<T>): Promise<T> {
    return bundle.files.load(relative, () => this.readFile(bundle, relative, schema).then((read) => read.value)) as Promise<T>;
  }

  /**
   * One member of a shard inflated, its articles' lines found (each decoded and parsed when first
   * asked for). Without a shard index, the whole shard is its one member.
   *
   * A shard file is read whole once, to check it against the manifest (its checksum covers the
   * file); after that only the member asked for is read from it (~3 kB), not kept whole in memory:
   * the 142 shard files of the default corpus, all touched by a burst of reads, would otherwise stay
   * resident (25 MB) long after it. A member changed on disk since fails gzip's own CRC-32.
   */
  private async readMember(bundle: OpenBundle, index: CatalogIndex, relative: string, member: number): Promise<LoadedMember> {
    const articles = index.shardSizes.get(relative) ?? 0;
    let compressed: Buffer;
    let expected = articles;
    let last = true;
    if (!index.members) {
      compressed = await bundle.shardFiles.load(relative, () => this.readChecked(bundle, relative));
    } else {
      let file: Buffer | undefined;
      let size = bundle.checkedShards.get(relative);
      if (size === undefined) {
        file = await this.readChecked(bundle, relative);
        size = file.length;
        bundle.checkedShards.set(relative, size);
      }
      const perMember = index.members.articlesPerMember;
      const offsets = index.members.shards[relative];
      const problem = offsets ? checkMemberOffsets(offsets, size, articles, perMember) : 'fichier absent de l’index';
      if (problem || !offsets)
        throw damaged(
          `Le fichier « ${index.membersFile ?? ''} » du corpus ne correspond pas à « ${relative} » (${problem}). ${DAMAGED_CORPUS_ADVICE}`,
        );
      const start = offsets[member]!;
      const end = offsets[member + 1]!;
      compressed = file ? file.subarray(start, end) : this.readRange(bundle, relative, start, end);
      expected = Math.min(perMember, articles - member * perMember);
      last = member === offsets.length - 2;
    }
    {
      let bytes: Buffer;
      try {
        // Inflated at once, into one buffer of its size (a gzip member ends with it): a member is
        // ~25 kB, a fraction of a millisecond, less than the thread pool's round trips and the
        // 16 kB chunks an asynchronous inflate hands back one callback at a time (measured: those
        // callbacks were a third of a burst's CPU time). Not a larger buffer: the member kept in
        // the cache is a view of it (a 64 kB floor once held 64 kB for a member of 8).
        const size = compressed.length >= 4 ? compressed.readUInt32LE(compressed.length - 4) : 0;
        bytes = gunzipSync(compressed, { chunkSize: Math.max(zlibConstants.Z_MIN_CHUNK, Math.min(size + 1, 64 * 1024 * 1024)) });
      } catch {
        throw damaged(`Le fichier « ${relative} » du corpus ne se décompresse pas. ${DAMAGED_CORPUS_ADVICE}`);
      }
      // Without an index, the whole file inflates as one, however many members it holds.
      const ranges = memberArticleRanges(bytes, member === 0, last);
      if (!ranges || ranges.length !== 2 * expected)
        throw damaged(
          this.shapeMessage(
            relative,
            !ranges
              ? 'pas un article par ligne'
              : index.members
                ? `${ranges.length / 2} articles dans le morceau ${member} au lieu de ${expected}`
                : `${ranges.length / 2} articles au lieu des ${expected} du catalogue`,
          ),
        );
      return { bytes, ranges };
    }
  }

  /** A JSON file of the bundle: read (`readBytes`), parsed and checked against its schema. */
  private async readFile<T>(bundle: OpenBundle, relative: string, schema: z.ZodType<T>): Promise<{ value: T }> {
    const data = await this.readJson(bundle, relative);
    const shape = checkShape(schema, data);
    if (!shape.ok) throw damaged(this.shapeMessage(relative, shape.problem));
    return { value: shape.value };
  }

  /** A JSON file of the bundle, read (`readBytes`) and parsed, not checked. */
  private async readJson(bundle: OpenBundle, relative: string): Promise<unknown> {
    const text = (await this.readBytes(bundle, relative)).toString('utf8');
    try {
      return JSON.parse(text);
    } catch {
      throw damaged(`Le fichier « ${relative} » du corpus n’est pas du JSON lisible. ${DAMAGED_CORPUS_ADVICE}`);
    }
  }

  /**
   * A file of the bundle, named by the manifest or a catalog (never outside the bundle): checked
   * against the manifest, decompressed when gzipped.
   */
  private async readBytes(bundle: OpenBundle, relative: string): Promise<Buffer> {
    const bytes = await this.readChecked(bundle, relative);
    try {
      // Every file of the bundle but the manifest is gzipped by the compiler (`bundle-files.ts`).
      if (!relative.endsWith('.gz')) return bytes;
      // Decompressed into one buffer of the right size (gzip ends with the size, modulo 4 GB): no
      // 16 kB chunks to gather and copy.
      const size = bytes.length >= 4 ? bytes.readUInt32LE(bytes.length - 4) : 0;
      return await gunzipAsync(bytes, { chunkSize: Math.max(64 * 1024, Math.min(size + 1, 64 * 1024 * 1024)) });
    } catch {
      throw damaged(`Le fichier « ${relative} » du corpus ne se décompresse pas. ${DAMAGED_CORPUS_ADVICE}`);
    }
  }

  /** A file of the bundle as it is on disk, checked against the manifest. */
  private async readChecked(bundle: OpenBundle, relative: string): Promise<Buffer> {
    const file = path.resolve(bundle.root, relative);
    const inside = path.relative(path.resolve(bundle.root), file);
    if (inside.startsWith('..') || path.isAbsolute(inside))
      throw damaged(`Le corpus nomme un fichier hors de son dossier : « ${relative} ». ${DAMAGED_CORPUS_ADVICE}`);
    let bytes: Buffer;
    try {
      // Read at once, not through the thread pool: bundle files are small (a shard is ~140 kB), read
      // once for a burst (then cached), and a trip through the pool costs more than the read.
      bytes = readFileSync(file);
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      throw damaged(`Le fichier « ${relative} » du corpus est ${missing ? 'introuvable' : 'illisible'}. ${DAMAGED_CORPUS_ADVICE}`);
    }
    const problem = checkBundleFile(bundle.manifest.files, relative, bytes, sha256);
    if (problem) throw damaged(describeIntegrityProblem(problem));
    return bytes;
  }

  /**
   * Bytes `[start, end)` of a bundle file already checked whole (`readChecked`): read at once, like
   * it, a member being a few kilobytes.
   */
  private readRange(bundle: OpenBundle, relative: string, start: number, end: number): Buffer {
    const bytes = Buffer.allocUnsafe(end - start);
    let read: number;
    try {
      read = readSync(this.shardFd(bundle, relative), bytes, 0, bytes.length, start);
    } catch (error) {
      // Opened again at the next read (a descriptor gone bad is not kept).
      closeShardFds(bundle);
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      throw damaged(`Le fichier « ${relative} » du corpus est ${missing ? 'introuvable' : 'illisible'}. ${DAMAGED_CORPUS_ADVICE}`);
    }
    if (read !== bytes.length)
      throw damaged(`Le fichier « ${relative} » du corpus a changé depuis son ouverture. ${DAMAGED_CORPUS_ADVICE}`);
    return bytes;
  }

  /** The shard file open for reading, kept open `SHARD_FD_MS` with the others opened since. */
  private shardFd(bundle: OpenBundle, relative: string): number {
    let fd = bundle.shardFds.get(relative);
    if (fd === undefined) {
      fd = openSync(path.resolve(bundle.root, relative), 'r');
      bundle.shardFds.set(relative, fd);
      bundle.closingFds ??= setTimeout(() => closeShardFds(bundle), SHARD_FD_MS).unref();
    }
    return fd;
  }

  private shapeMessage(relative: string, problem: string): string {
    return `Le fichier « ${relative} » du corpus n’a pas la forme attendue (${problem}). ${DAMAGED_CORPUS_ADVICE}`;
  }
}
