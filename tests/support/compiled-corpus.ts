/**
 * The compiled default corpus (`corpus/dist/`, written by `npm run corpus`; `npm test` builds it
 * before the unit tests), read straight from disk for tests that need real articles with all their
 * versions as the reader shows them. Synchronous and cached: shards are read once per process.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { ArticleCatalogEntry, Manifest } from '../../corpus/model/bundle.ts';
import type { Article, CodeId } from '../../corpus/model/model.ts';

export const COMPILED_CORPUS = path.resolve(import.meta.dirname, '../../corpus/dist');
export const hasCompiledCorpus = existsSync(path.join(COMPILED_CORPUS, 'manifest.json'));
export const CSS: CodeId = 'code-de-la-securite-sociale';

const shards = new Map<string, Article[]>();
const catalogs = new Map<CodeId, ArticleCatalogEntry[]>();
let manifestCache: Manifest | undefined;

function readJson<T>(relative: string): T {
  const bytes = readFileSync(path.join(COMPILED_CORPUS, relative));
  return JSON.parse((relative.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8')) as T;
}

export function compiledManifest(): Manifest {
  return (manifestCache ??= readJson<Manifest>('manifest.json'));
}

export function compiledCatalog(code: CodeId): ArticleCatalogEntry[] {
  let catalog = catalogs.get(code);
  if (!catalog) {
    const summary = compiledManifest().codes.find((c) => c.id === code);
    if (!summary) throw new Error(`${code} is not in the compiled corpus`);
    catalogs.set(code, (catalog = readJson<ArticleCatalogEntry[]>(summary.catalog)));
  }
  return catalog;
}

export function compiledShard(shard: string): Article[] {
  let articles = shards.get(shard);
  if (!articles) shards.set(shard, (articles = readJson<Article[]>(shard)));
  return articles;
}

/** The article of a code with this number (the one with most versions when a number was reused). */
export function compiledArticle(code: CodeId, num: string): Article {
  const entries = compiledCatalog(code).filter((entry) => entry.num === num);
  const entry = entries.sort((a, b) => b.versionCount - a.versionCount)[0];
  if (!entry) throw new Error(`${num} is not in ${code}`);
  const article = compiledShard(entry.shard).find((a) => a.id === entry.id);
  if (!article) throw new Error(`${entry.id} is not in ${entry.shard}`);
  return article;
}

/** The articles of the given shards of a code (by position in its catalog's list of shards). */
export function compiledShardArticles(code: CodeId, shardIndexes: readonly number[]): Article[] {
  const names = [...new Set(compiledCatalog(code).map((entry) => entry.shard))].sort();
  return shardIndexes.flatMap((i) => (names[i % names.length] ? compiledShard(names[i % names.length]!) : []));
}

/**
 * Every article of a code with at least two versions that have a text. Without `../shared` these
 * are the histories of the committed sample (27 of the sécurité sociale: legi-data gives each
 * current article the text of its last version only); with it, thousands: read a few shards instead.
 */
export function compiledArticlesWithHistories(code: CodeId): Article[] {
  const entries = compiledCatalog(code).filter((entry) => entry.versionCount >= 2);
  return entries
    .map((entry) => compiledShard(entry.shard).find((a) => a.id === entry.id)!)
    .filter((article) => article.versions.filter((v) => !v.textUnavailable && v.paragraphs.length > 0).length >= 2);
}
