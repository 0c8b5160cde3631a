/**
 * The corpus bundle as the host reads it (layout in `corpus/model/bundle.ts`): the manifest checked
 * once (schema version, Lunr version), then tables of contents, catalogs and article shards read on
 * demand, the last shards kept in a small LRU. A rebuilt bundle (`npm run corpus` while the app runs)
 * is noticed by the manifest's change of date, and the caches start over.
 *
 * Every failure is a `HostError` whose French message says what to do (usually: run `npm run corpus`).
 */
import { readFile, stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import path from 'node:path';
import lunr from 'lunr';
import { z } from 'zod';
import { BUNDLE_SCHEMA_VERSION, type ArticleCatalogEntry, type Manifest } from '../../corpus/model/bundle.ts';
import { codeOfArticleId } from '../../corpus/model/ids.ts';
import type { Article, ArticleId, ChangeSet, Code, CodeId } from '../../corpus/model/model.ts';
import { normalizeArticleNumber } from '../../corpus/text/article-number.ts';
import { HostError } from './result.ts';
import { LruCache } from './lru-cache.ts';

const gunzipAsync = promisify(gunzip);

export const MANIFEST_FILE = 'manifest.json';
const REBUILD = 'Compilez le corpus avec « npm run corpus », puis relancez Palimpseste.';

/** Only what the host relies on is checked; the rest of the manifest is passed to the renderer as is. */
const manifestShape = z.looseObject({
  schemaVersion: z.number(),
  codes: z.array(z.looseObject({ id: z.string(), title: z.string(), toc: z.string(), catalog: z.string(), changeSets: z.string() })),
  search: z.looseObject({ lunrVersion: z.string(), current: z.string(), past: z.array(z.string()) }),
});

/** A code's catalog with the lookups built from it. */
interface CatalogIndex {
  entries: ArticleCatalogEntry[];
  byId: Map<ArticleId, ArticleCatalogEntry>;
  /** LEGI form of the number (`L611-3`) → its articles (one number can name several over time). */
  byNumber: Map<string, ArticleCatalogEntry[]>;
}

interface OpenBundle {
  manifest: Manifest;
  /** Change date of the manifest file, to notice a rebuilt bundle. */
  stamp: number;
  catalogs: Map<CodeId, Promise<CatalogIndex>>;
  shards: LruCache<string, Promise<Map<ArticleId, Article>>>;
  files: LruCache<string, Promise<unknown>>;
}

export interface CorpusStoreOptions {
  /** Article shards kept parsed (each about 250 articles with all their versions). */
  shardCacheSize?: number;
  /** The Lunr version the app's search uses; the bundle's index must have been built with it. */
  lunrVersion?: string;
}

/** A cached read that failed is not kept: the next call tries the file again. */
function forgetOnFailure(promise: Promise<unknown>, forget: () => void): void {
  promise.catch(forget);
}

/** `L. 611-3` → `L611-3`; text that is not an article number is compared as written, trimmed. */
function numberKey(num: string): string {
  return normalizeArticleNumber(num) ?? num.trim();
}

export class CorpusStore {
  private opening: Promise<OpenBundle> | undefined;
  private readonly shardCacheSize: number;
  private readonly lunrVersion: string;

  constructor(
    readonly root: string,
    options: CorpusStoreOptions = {},
  ) {
    this.shardCacheSize = options.shardCacheSize ?? 12;
    this.lunrVersion = options.lunrVersion ?? lunr.version;
  }

  /** The manifest, checked; throws `corpus-missing` or `corpus-schema` with what to do. */
  async manifest(): Promise<Manifest> {
    return (await this.bundle()).manifest;
  }

  async toc(code: CodeId): Promise<Code> {
    const bundle = await this.bundle();
    return (await this.readCached(bundle, this.summary(bundle, code).toc)) as Code;
  }

  async catalog(code: CodeId): Promise<ArticleCatalogEntry[]> {
    const bundle = await this.bundle();
    return (await this.catalogIndex(bundle, code)).entries;
  }

  async changeSets(code: CodeId): Promise<ChangeSet[]> {
    const bundle = await this.bundle();
    return (await this.readCached(bundle, this.summary(bundle, code).changeSets)) as ChangeSet[];
  }

  async article(id: ArticleId): Promise<Article> {
    const bundle = await this.bundle();
    const code = codeOfArticleId(id);
    const entry = bundle.manifest.codes.some((c) => c.id === code) ? (await this.catalogIndex(bundle, code)).byId.get(id) : undefined;
    if (!entry) throw new HostError('not-found', `L’article « ${id} » n’est pas dans le corpus.`);
    let shard = bundle.shards.get(entry.shard);
    if (!shard) {
      shard = this.readJson(entry.shard).then((articles) => new Map((articles as Article[]).map((a) => [a.id, a])));
      bundle.shards.set(entry.shard, shard);
      forgetOnFailure(shard, () => bundle.shards.delete(entry.shard));
    }
    const article = (await shard).get(id);
    if (!article)
      throw new HostError(
        'corpus-schema',
        `Le corpus est incohérent : l’article « ${id} » manque à son fichier « ${entry.shard} ». ${REBUILD}`,
      );
    return article;
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

  private async manifestStamp(): Promise<number> {
    try {
      const info = await stat(path.join(this.root, MANIFEST_FILE));
      return info.mtimeMs + info.size;
    } catch {
      throw new HostError('corpus-missing', `Aucun corpus n’a été trouvé dans « ${this.root} ». ${REBUILD}`);
    }
  }

  private async open(stamp: number): Promise<OpenBundle> {
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(path.join(this.root, MANIFEST_FILE), 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        throw new HostError('corpus-missing', `Aucun corpus n’a été trouvé dans « ${this.root} ». ${REBUILD}`);
      throw new HostError('corpus-schema', `Le manifeste du corpus (« ${path.join(this.root, MANIFEST_FILE)} ») est illisible. ${REBUILD}`);
    }
    const schemaVersion = typeof raw === 'object' && raw !== null && 'schemaVersion' in raw ? raw.schemaVersion : undefined;
    if (schemaVersion !== BUNDLE_SCHEMA_VERSION) {
      throw new HostError(
        'corpus-schema',
        `Le corpus de « ${this.root} » est au format ${String(schemaVersion ?? 'inconnu')}, cette version de Palimpseste lit le format ${BUNDLE_SCHEMA_VERSION}. ${REBUILD}`,
      );
    }
    const shape = manifestShape.safeParse(raw);
    if (!shape.success) throw new HostError('corpus-schema', `Le manifeste du corpus de « ${this.root} » est incomplet. ${REBUILD}`);
    if (shape.data.search.lunrVersion !== this.lunrVersion) {
      throw new HostError(
        'corpus-schema',
        `L’index de recherche du corpus a été construit avec Lunr ${shape.data.search.lunrVersion}, Palimpseste utilise Lunr ${this.lunrVersion}. ${REBUILD}`,
      );
    }
    return {
      manifest: raw as Manifest,
      stamp,
      catalogs: new Map(),
      shards: new LruCache(this.shardCacheSize),
      files: new LruCache(8),
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
      index = this.readJson(this.summary(bundle, code).catalog).then((data) => {
        const entries = data as ArticleCatalogEntry[];
        const byNumber = new Map<string, ArticleCatalogEntry[]>();
        for (const entry of entries) {
          const key = numberKey(entry.num);
          const list = byNumber.get(key);
          if (list) list.push(entry);
          else byNumber.set(key, [entry]);
        }
        return { entries, byId: new Map(entries.map((e) => [e.id, e])), byNumber };
      });
      bundle.catalogs.set(code, index);
      forgetOnFailure(index, () => bundle.catalogs.delete(code));
    }
    return index;
  }

  private readCached(bundle: OpenBundle, relative: string): Promise<unknown> {
    let data = bundle.files.get(relative);
    if (!data) {
      data = this.readJson(relative);
      bundle.files.set(relative, data);
      forgetOnFailure(data, () => bundle.files.delete(relative));
    }
    return data;
  }

  /** A JSON file of the bundle, named by the manifest or a catalog: never outside the bundle. */
  private async readJson(relative: string): Promise<unknown> {
    const file = path.resolve(this.root, relative);
    const inside = path.relative(path.resolve(this.root), file);
    if (inside.startsWith('..') || path.isAbsolute(inside))
      throw new HostError('corpus-schema', `Le corpus nomme un fichier hors de son dossier : « ${relative} ». ${REBUILD}`);
    let text: string;
    try {
      // Article shards are gzipped by the compiler (they are read only here, never by the renderer).
      const bytes = await readFile(file);
      text = relative.endsWith('.gz') ? (await gunzipAsync(bytes)).toString('utf8') : bytes.toString('utf8');
    } catch {
      throw new HostError('io', `Le fichier « ${relative} » du corpus est introuvable ou illisible. ${REBUILD}`);
    }
    try {
      return JSON.parse(text);
    } catch {
      throw new HostError('corpus-schema', `Le fichier « ${relative} » du corpus est illisible. ${REBUILD}`);
    }
  }
}
