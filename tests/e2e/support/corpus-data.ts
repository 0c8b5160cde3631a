/**
 * The compiled corpus as the host serves it, read straight from disk, so that the end-to-end
 * tests compare what the page shows with the real data (texts, dates, section titles), not with
 * values written into the tests.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { ArticleCatalogEntry, Manifest } from '../../../corpus/model/bundle.ts';
import { codeOfArticleId } from '../../../corpus/model/ids.ts';
import { corpusDataDate, entryInForceOn, versionOn as timelineVersionOn } from '../../../corpus/model/timeline.ts';
import type { Article, Code, IsoDate, Section, Version } from '../../../corpus/model/model.ts';
import { PROJECT_ROOT } from './web-host.ts';

export const CORPUS_DIR = process.env.PALIMPSESTE_E2E_CORPUS ?? path.join(PROJECT_ROOT, 'corpus', 'dist');
export const CSS = 'code-de-la-securite-sociale';

function readJson<T>(relative: string): T {
  const bytes = readFileSync(path.join(CORPUS_DIR, relative));
  // Article shards are gzipped (`articles-<n>.json.gz`); the other files are plain JSON.
  return JSON.parse((relative.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8')) as T;
}

export function manifest(): Manifest {
  return readJson<Manifest>('manifest.json');
}

/**
 * Whether the served corpus was compiled from the committed sample (`corpus/sample/`, where
 * `../shared/corpus` is absent) rather than from the whole histories: the tests read their expected
 * values from the corpus itself, so they hold on both.
 */
export function corpusIsSample(): boolean {
  return manifest().sources.some((source) => source.path.split(path.sep).join('/').includes('/corpus/sample/'));
}

/** The corpus data date, as the reader counts it (`corpus/model/timeline.ts`). */
export function dataDate(): IsoDate {
  return corpusDataDate(manifest());
}

function summary(code: string) {
  const found = manifest().codes.find((c) => c.id === code);
  if (!found) throw new Error(`${code} is not in the corpus at ${CORPUS_DIR}`);
  return found;
}

export function catalog(code: string): ArticleCatalogEntry[] {
  return readJson<ArticleCatalogEntry[]>(summary(code).catalog);
}

export function toc(code: string): Code {
  return readJson<Code>(summary(code).toc);
}

/** The article with this number in force on the date (or the only one with it). */
export function articleByNum(code: string, num: string, date: IsoDate): Article {
  const entries = catalog(code).filter((e) => e.num === num);
  const entry = entries.find((e) => entryInForceOn(e, date, dataDate())) ?? entries[0];
  if (!entry) throw new Error(`${num} is not in ${code}`);
  return articleById(entry.id);
}

export function articleById(id: string): Article {
  const code = codeOfArticleId(id);
  const entry = catalog(code).find((e) => e.id === id);
  if (!entry) throw new Error(`${id} is not in the catalog`);
  const article = readJson<Article[]>(entry.shard).find((a) => a.id === id);
  if (!article) throw new Error(`${id} is not in ${entry.shard}`);
  return article;
}

export function versionOn(article: Article, date: IsoDate): Version {
  const version = timelineVersionOn(article, date, dataDate());
  if (!version) throw new Error(`${article.num} has no version in force on ${date}`);
  return version;
}

/** The sections from the root down to the one holding the article in the table of contents. */
export function sectionPath(code: string, articleId: string): Section[] {
  const walk = (sections: readonly Section[], trail: Section[]): Section[] | undefined => {
    for (const section of sections) {
      const here = [...trail, section];
      if (section.articles.includes(articleId)) return here;
      const below = walk(section.children, here);
      if (below) return below;
    }
    return undefined;
  };
  return walk(toc(code).toc, []) ?? [];
}
