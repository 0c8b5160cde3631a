/**
 * The bundle the search-quality benchmark reads, and its search index either as compiled
 * (`corpus/dist/search/`) or rebuilt here in memory from the bundle's own articles with the
 * working tree's index builder (SEARCH_QUALITY_INDEX=build): a change to the ranking or to the
 * index format is measured in a minute, without `npm run corpus` (which reads every source again).
 * The rebuilt index is the one `npm run corpus` would write: the same articles, tables of contents
 * and build date, through the same `buildSearchIndexes`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ArticleCatalogEntry, Manifest, SearchManifest } from '../../corpus/model/bundle.ts';
import type { Article, Code, Section } from '../../corpus/model/model.ts';
import { readBundleJson, readBundleText } from '../support/bundle-files.ts';

export interface BenchBundle {
  dist: string;
  manifest: Manifest;
  /** The search manifest used (the bundle's, or that of the index rebuilt here). */
  search: SearchManifest;
  /** Reads a file of the bundle (search files from the rebuilt index when there is one). */
  read(file: string): string;
  /** Bytes of a file. */
  size(file: string): number;
  /** Where the search index comes from, for the table's heading. */
  origin: string;
}

/** The codes (with their tables of contents) and every article of a compiled bundle. */
export function bundleArticles(dist: string, manifest: Manifest): { codes: Code[]; articles: Article[] } {
  const codes: Code[] = [];
  const articles: Article[] = [];
  for (const summary of manifest.codes) {
    codes.push(readBundleJson<Code>(dist, summary.toc));
    const catalog = readBundleJson<ArticleCatalogEntry[]>(dist, summary.catalog);
    for (const shard of new Set(catalog.map((entry) => entry.shard))) articles.push(...readBundleJson<Article[]>(dist, shard));
  }
  return { codes, articles };
}

export async function openBundle(dist: string, rebuild: boolean): Promise<BenchBundle> {
  const manifest = JSON.parse(readFileSync(path.join(dist, 'manifest.json'), 'utf8')) as Manifest;
  // Every file but the manifest and the index of the law in force is stored gzipped (`bundle-files.ts`).
  const fromDisk = (file: string) => readBundleText(dist, file);
  if (!rebuild) {
    return {
      dist,
      manifest,
      search: manifest.search,
      read: fromDisk,
      size: (file) => Buffer.byteLength(fromDisk(file)),
      origin: `index compilé (${manifest.builtAt})`,
    };
  }
  // The build date of the compiled index is the one `npm run corpus` used.
  const asOf = (JSON.parse(fromDisk(manifest.search.current)) as { asOf: string }).asOf;
  const { buildSearchIndexes } = await import('../../corpus/search/build.ts');
  const started = performance.now();
  const { codes, articles } = bundleArticles(dist, manifest);
  const build = buildSearchIndexes(articles, codes, { asOf });
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  const read = (file: string) => build.files.get(file) ?? fromDisk(file);
  return {
    dist,
    manifest,
    search: build.manifest,
    read,
    size: (file) => Buffer.byteLength(read(file)),
    origin: `index reconstruit ici avec le code de l’arbre de travail (${articles.length} articles, ${seconds} s), au ${asOf}`,
  };
}

// ---------------------------------------------------------------------------------------------
// The documents, read from the bundle's search files (not through the engine): one per distinct
// text of an article, with the titles of its place in the table of contents.

export interface BenchDocument {
  /** Ordinal among all documents (current first). */
  id: number;
  article: string;
  code: string;
  num: string;
  current: boolean;
  /** Past text of an article, not one in force later. */
  past: boolean;
  /** `from/to;from/`, as the shard writes them: which text of the article this is. */
  ranges: string;
  text: string;
  titles: string;
}

export interface ShardFile {
  asOf: string;
  codes: string[];
  docs: { article: string[]; num: string[]; code: number[]; ranges: string[] };
  texts: { file: string; first: number; count: number }[];
}

/** Titles of the sections above each article, from the codes' tables of contents. */
function tocTitles(bundle: BenchBundle): Map<string, string> {
  const titles = new Map<string, string>();
  const walk = (sections: readonly Section[], above: readonly string[]) => {
    for (const section of sections) {
      const path = [...above, section.title];
      for (const article of section.articles) titles.set(article, path.join(' › '));
      walk(section.children, path);
    }
  };
  for (const code of bundle.manifest.codes) walk((JSON.parse(bundle.read(code.toc)) as Code).toc, []);
  return titles;
}

export function readDocuments(bundle: BenchBundle): BenchDocument[] {
  const titles = tocTitles(bundle);
  const json = <T>(file: string) => JSON.parse(bundle.read(file)) as T;
  const asOf = json<ShardFile>(bundle.search.current).asOf;
  const documents: BenchDocument[] = [];
  for (const file of [bundle.search.current, ...bundle.search.past]) {
    const shard = json<ShardFile>(file);
    const texts: string[] = [];
    for (const chunk of shard.texts) texts.push(...json<{ texts: string[] }>(chunk.file).texts);
    shard.docs.article.forEach((article, i) => {
      const ranges = shard.docs.ranges[i] ?? '';
      const current = file === bundle.search.current;
      documents.push({
        id: documents.length,
        article,
        code: shard.codes[shard.docs.code[i] ?? 0] ?? '',
        num: shard.docs.num[i] ?? '',
        current,
        past: !current && ranges.split(';').every((range) => range.slice(0, 10) <= asOf),
        ranges,
        text: texts[i] ?? '',
        titles: titles.get(article) ?? '',
      });
    });
  }
  return documents;
}
