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
 * Memory and speed: decompressed shards are kept in the one LRU cache, bounded by their characters,
 * and a shard being read is read once however many requests wait for it (2,000 concurrent reads
 * once decompressed 142 shards 1,850 times because a 12-entry cache evicted loads still in
 * progress). Only the article asked for is parsed from its shard (one article per line:
 * `bundle-shard.ts`), and kept parsed in a second LRU bounded the same way.
 *
 * Every failure is a `HostError` whose French message says what to do.
 */
import { createHash } from 'node:crypto';
import { readFileSync, type Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import path from 'node:path';
import lunr from 'lunr';
import type { z } from 'zod';
import { checkBundleFile, DAMAGED_CORPUS_ADVICE, describeIntegrityProblem } from '../../corpus/model/bundle-integrity.ts';
import {
  articleSchema,
  catalogSchema,
  changeSetsSchema,
  checkShape,
  codeSchema,
  manifestSchema,
} from '../../corpus/model/bundle-schemas.ts';
import { shardLineRanges } from '../../corpus/model/bundle-shard.ts';
import { BUNDLE_SCHEMA_VERSION, type ArticleCatalogEntry, type Manifest } from '../../corpus/model/bundle.ts';
import { codeOfArticleId } from '../../corpus/model/ids.ts';
import type { Article, ArticleId, ChangeSet, Code, CodeId } from '../../corpus/model/model.ts';
import { normalizeArticleNumber } from '../../corpus/text/article-number.ts';
import { limiter } from '../../corpus/util/limiter.ts';
import { LruCache } from '../../corpus/util/lru-cache.ts';
import { HostError } from './result.ts';
import type { Refusal } from './static-files.ts';

const gunzipAsync = promisify(gunzip);
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
}

/** A decompressed shard (UTF-8, out of the JS heap) and where each article's JSON is in it. */
interface LoadedShard {
  bytes: Buffer;
  ranges: Int32Array;
}

/** An article parsed and checked, and the length of its JSON (its weight in the cache). */
interface ParsedArticle {
  article: Article;
  chars: number;
}

interface OpenBundle {
  /** The folder it was opened from (reads in flight across a `switchTo` stay in it). */
  root: string;
  manifest: Manifest;
  /** Change date of the manifest file, to notice a rebuilt bundle. */
  stamp: number;
  catalogs: Map<CodeId, Promise<CatalogIndex>>;
  shards: LruCache<string, LoadedShard>;
  articles: LruCache<ArticleId, ParsedArticle>;
  files: LruCache<string, unknown>;
  /** Files found whole (by path and the stat that was checked), and checks in flight. */
  verified: Map<string, Promise<string | undefined>>;
}

export interface CorpusStoreOptions {
  /**
   * Bytes of decompressed shards kept: 16 MB hold about ten of the default corpus's 142 shards
   * (213 MB in all): a reader moves around one code at a time, and an article parsed is kept apart.
   */
  shardCacheBytes?: number;
  /** Characters of JSON of the articles kept parsed (the objects take about three times as many bytes). */
  articleCacheChars?: number;
  /** The Lunr version the app's search uses; the bundle's index must have been built with it. */
  lunrVersion?: string;
}

/** `L. 611-3` → `L611-3`; text that is not an article number is compared as written, trimmed. */
function numberKey(num: string): string {
  return normalizeArticleNumber(num) ?? num.trim();
}

function damaged(message: string): HostError {
  return new HostError('corpus-damaged', message);
}

export class CorpusStore {
  private opening: Promise<OpenBundle> | undefined;
  private stamping: Promise<number> | undefined;
  private readonly shardCacheBytes: number;
  /** Shards decompressed at once, however many a burst of reads asks for. */
  private readonly decompressing = limiter(4);
  private readonly articleCacheChars: number;
  private readonly lunrVersion: string;

  constructor(
    private bundleRoot: string,
    options: CorpusStoreOptions = {},
  ) {
    this.shardCacheBytes = options.shardCacheBytes ?? 16 * 1024 * 1024;
    this.articleCacheChars = options.articleCacheChars ?? 4 * 1024 * 1024;
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

  async article(id: ArticleId): Promise<Article> {
    const bundle = await this.bundle();
    const code = codeOfArticleId(id);
    const index = bundle.manifest.codes.some((c) => c.id === code) ? await this.catalogIndex(bundle, code) : undefined;
    const entry = index?.byId.get(id);
    if (!index || !entry) throw new HostError('not-found', `L’article « ${id} » n’est pas dans le corpus.`);
    const parsed = await bundle.articles.load(id, async () => {
      const shard = await bundle.shards.load(entry.shard, () =>
        this.readShard(bundle, entry.shard, index.shardSizes.get(entry.shard) ?? 0),
      );
      const at = index.line.get(id) ?? -1;
      const line = at >= 0 ? shard.bytes.toString('utf8', shard.ranges[2 * at], shard.ranges[2 * at + 1]) : undefined;
      let raw: unknown;
      try {
        raw = line === undefined ? undefined : JSON.parse(line);
      } catch {
        raw = undefined;
      }
      const checked = checkShape(articleSchema, raw);
      if (!checked.ok) throw damaged(this.shapeMessage(entry.shard, `article « ${id} », ${checked.problem}`));
      if (checked.value.id !== id)
        throw damaged(`Le corpus est incohérent : l’article « ${id} » manque à son fichier « ${entry.shard} ». ${DAMAGED_CORPUS_ADVICE}`);
      return { article: checked.value, chars: line?.length ?? 0 };
    });
    return parsed.article;
  }

  /** Articles with this number in any written form (`art. L. 611-3`), in one code or in every code. */
  async findArticles(num: string, code?: CodeId): Promise<ArticleCatalogEntry[]> {
    const bundle = await this.bundle();
    const codes = code === undefined ? bundle.manifest.codes.map((c) => c.id) : [this.summary(bundle, code).id];
    const key = numberKey(num);
    const found: ArticleCatalogEntry[] = [];
    for (const id of codes) found.push(...((await this.catalogIndex(bundle, id)).byNumber.get(key) ?? []));
    return found;
  }

  /**
   * Reads every code's catalog and builds its number index in the background, one code after the
   * other (the server keeps answering in between), so that the first `findArticles` — a number
   * typed in the search box looks in every code — does not wait for them. Resolves with the codes
   * warmed; a failure is not thrown here: the call that needs the file reports it.
   */
  async warm(): Promise<CodeId[]> {
    const warmed: CodeId[] = [];
    let bundle: OpenBundle;
    try {
      bundle = await this.bundle();
    } catch {
      return warmed;
    }
    for (const { id } of bundle.manifest.codes) {
      try {
        await this.catalogIndex(bundle, id);
        warmed.push(id);
      } catch {
        // Reported to the reader by the call that needs this catalog.
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

  /** The open bundle, reopened when its manifest changed; a failed open is retried on the next call. */
  private async bundle(): Promise<OpenBundle> {
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
      shards: new LruCache({ maxWeight: this.shardCacheBytes, weigh: (shard) => shard.bytes.length }),
      articles: new LruCache({ maxWeight: this.articleCacheChars, weigh: (parsed) => parsed.chars }),
      files: new LruCache({ maxWeight: 8 }),
      verified: new Map(),
    };
  }

  private summary(bundle: OpenBundle, code: CodeId) {
    const summary = bundle.manifest.codes.find((c) => c.id === code);
    if (!summary) throw new HostError('not-found', `Le code « ${code} » n’est pas dans le corpus.`);
    return summary;
  }

  private catalogIndex(bundle: OpenBundle, code: CodeId): Promise<CatalogIndex> {
    let index = bundle.catalogs.get(code);
    if (!index) {
      index = this.readFile(bundle, this.summary(bundle, code).catalog, catalogSchema).then(({ value: entries }) => {
        const byNumber = new Map<string, ArticleCatalogEntry[]>();
        const line = new Map<ArticleId, number>();
        const shardSizes = new Map<string, number>();
        for (const entry of entries) {
          const key = numberKey(entry.num);
          const list = byNumber.get(key);
          if (list) list.push(entry);
          else byNumber.set(key, [entry]);
          const position = shardSizes.get(entry.shard) ?? 0;
          line.set(entry.id, position);
          shardSizes.set(entry.shard, position + 1);
        }
        return { entries, byId: new Map(entries.map((e) => [e.id, e])), byNumber, line, shardSizes };
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

  /** A shard decompressed, its articles' lines found (each decoded and parsed when first asked for). */
  private readShard(bundle: OpenBundle, relative: string, articles: number): Promise<LoadedShard> {
    return this.decompressing(async () => {
      const bytes = await this.readBytes(bundle, relative);
      const ranges = shardLineRanges(bytes);
      if (!ranges || ranges.length !== 2 * articles)
        throw damaged(
          this.shapeMessage(
            relative,
            ranges ? `${ranges.length / 2} articles au lieu des ${articles} du catalogue` : 'pas un article par ligne',
          ),
        );
      return { bytes, ranges };
    });
  }

  /** A JSON file of the bundle: read (`readBytes`), parsed and checked against its schema. */
  private async readFile<T>(bundle: OpenBundle, relative: string, schema: z.ZodType<T>): Promise<{ value: T }> {
    const text = (await this.readBytes(bundle, relative)).toString('utf8');
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      throw damaged(`Le fichier « ${relative} » du corpus n’est pas du JSON lisible. ${DAMAGED_CORPUS_ADVICE}`);
    }
    const shape = checkShape(schema, data);
    if (!shape.ok) throw damaged(this.shapeMessage(relative, shape.problem));
    return { value: shape.value };
  }

  /**
   * A file of the bundle, named by the manifest or a catalog (never outside the bundle): checked
   * against the manifest, decompressed when gzipped.
   */
  private async readBytes(bundle: OpenBundle, relative: string): Promise<Buffer> {
    const file = path.resolve(bundle.root, relative);
    const inside = path.relative(path.resolve(bundle.root), file);
    if (inside.startsWith('..') || path.isAbsolute(inside))
      throw damaged(`Le corpus nomme un fichier hors de son dossier : « ${relative} ». ${DAMAGED_CORPUS_ADVICE}`);
    let bytes: Buffer;
    try {
      // Read at once, not through the thread pool: bundle files are small (a shard is ~130 kB), and
      // the pool is busy decompressing during a burst of reads (each read would wait behind it).
      bytes = readFileSync(file);
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      throw damaged(`Le fichier « ${relative} » du corpus est ${missing ? 'introuvable' : 'illisible'}. ${DAMAGED_CORPUS_ADVICE}`);
    }
    const problem = checkBundleFile(bundle.manifest.files, relative, bytes, sha256);
    if (problem) throw damaged(describeIntegrityProblem(problem));
    try {
      // Article shards are gzipped by the compiler (they are read only here, never by the renderer).
      if (!relative.endsWith('.gz')) return bytes;
      // Decompressed into one buffer of the right size (gzip ends with the size, modulo 4 GB): no
      // 16 kB chunks to gather and copy, less memory churned by a burst of reads.
      const size = bytes.length >= 4 ? bytes.readUInt32LE(bytes.length - 4) : 0;
      return await gunzipAsync(bytes, { chunkSize: Math.max(64 * 1024, Math.min(size + 1, 64 * 1024 * 1024)) });
    } catch {
      throw damaged(`Le fichier « ${relative} » du corpus ne se décompresse pas. ${DAMAGED_CORPUS_ADVICE}`);
    }
  }

  private shapeMessage(relative: string, problem: string): string {
    return `Le fichier « ${relative} » du corpus n’a pas la forme attendue (${problem}). ${DAMAGED_CORPUS_ADVICE}`;
  }
}
