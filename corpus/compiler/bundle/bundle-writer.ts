/**
 * Writes the corpus bundle (layout in `corpus/model/bundle.ts`). The bundle is written into a
 * temporary folder beside the target and swapped in at the end, so a failed build never leaves a
 * half-written bundle nor destroys the previous one.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import type {
  ArticleCatalogEntry,
  BundleFileChecksum,
  CodeSummary,
  Manifest,
  ReferenceCounts,
  SearchManifest,
} from '../../model/bundle.ts';
import { BUNDLE_SCHEMA_VERSION } from '../../model/bundle.ts';
import { fileChecksum } from '../../model/bundle-integrity.ts';
import { storedFileName } from '../../model/bundle-files.ts';
import { correspondenceOfCode, correspondencePairs } from '../../model/correspondence.ts';
import { ARTICLES_PER_MEMBER, memberOffsets, shardMembers, type ShardIndex } from '../../model/bundle-shard.ts';
import type { Article, ChangeSet, Code, SourceInfo } from '../../model/model.ts';
import { FAR_FUTURE, gapsOf, numbersOf } from '../../model/timeline.ts';

/** Articles per shard: small enough to load one in a few milliseconds, few enough files per code. */
export const ARTICLES_PER_SHARD = 250;

export interface BundleContent {
  /** When the build ran (ISO 8601); now when absent. */
  builtAt?: string;
  inputHash: string;
  sources: SourceInfo[];
  codes: Code[];
  articles: Map<string, Article[]>;
  changeSets: Map<string, ChangeSet[]>;
  references: ReferenceCounts;
  warnings: number;
  search: { manifest: SearchManifest; files: Map<string, string> };
  /** Extra files at the bundle root (the unresolved references report). */
  extraFiles?: Map<string, string>;
}

export interface WrittenBundle {
  manifest: Manifest;
  /** Bytes written, all files. */
  bytes: number;
}

const gzip = (text: string) => gzipSync(text, { level: 6 });

/** Folder-safe name of a code. */
function codeFolder(codeId: string): string {
  return `codes/${codeId.replace(/[^a-z0-9-]/g, '-')}`;
}

export function plainTextBytes(articles: Iterable<Article>): number {
  let bytes = 0;
  for (const article of articles) {
    for (const version of article.versions) {
      for (const p of version.paragraphs) bytes += Buffer.byteLength(p) + 1;
      for (const p of version.nota ?? []) bytes += Buffer.byteLength(p) + 1;
    }
  }
  return bytes;
}

export function writeBundle(outDir: string, content: BundleContent): WrittenBundle {
  const target = path.resolve(outDir);
  const staging = `${target}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  let bytes = 0;
  // Every file's size and SHA-256, for the manifest: the host checks each file against it.
  const files: Record<string, BundleFileChecksum> = {};
  const write = (relative: string, data: string | Buffer) => {
    const file = path.join(staging, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    const content = typeof data === 'string' ? Buffer.from(data) : data;
    writeFileSync(file, content);
    bytes += content.length;
    files[relative] = fileChecksum(content, (b) => createHash('sha256').update(b).digest('hex'));
  };

  const summaries: CodeSummary[] = [];
  let articleCount = 0;
  let versionCount = 0;
  let textBytes = 0;
  // Former ↔ new numbers, computed once over every code (a pair may cross codes), written per code.
  let pairs: ReturnType<typeof correspondencePairs> | undefined;
  for (const code of content.codes) {
    const folder = codeFolder(code.id);
    const articles = content.articles.get(code.id) ?? [];
    const catalog: ArticleCatalogEntry[] = [];
    const shardIndex: ShardIndex = { articlesPerMember: ARTICLES_PER_MEMBER, shards: {} };
    let codeVersions = 0;
    for (let start = 0, shard = 0; start < articles.length; start += ARTICLES_PER_SHARD, shard++) {
      const slice = articles.slice(start, start + ARTICLES_PER_SHARD);
      // Shards hold every version with its links lists (the bulk of the bundle) and are read only by
      // the host, article by article: gzip takes them to about a tenth of their size.
      const shardPath = `${folder}/articles-${String(shard).padStart(3, '0')}.json.gz`;
      // A few articles per gzip member, so that the host inflates only the one it needs (`bundle-shard.ts`).
      const members = shardMembers(slice).map((text) => gzipSync(text, { level: 9 }));
      write(shardPath, Buffer.concat(members));
      shardIndex.shards[shardPath] = memberOffsets(members.map((member) => member.length));
      for (const article of slice) {
        const first = article.versions[0]!;
        const last = article.versions[article.versions.length - 1]!;
        const entry: ArticleCatalogEntry = {
          id: article.id,
          num: article.num,
          shard: shardPath,
          from: first.validFrom,
          status: last.status,
          versionCount: article.versions.length,
        };
        if (article.section) entry.section = article.section;
        if (last.validTo) entry.to = last.validTo;
        // Only the last version can end without a date, so the gaps never depend on the data date.
        const gaps = gapsOf(article.versions, FAR_FUTURE);
        if (gaps.length > 0) entry.gaps = gaps;
        const formerNums = numbersOf(article).slice(0, -1);
        if (formerNums.length > 0) entry.formerNums = formerNums;
        catalog.push(entry);
        codeVersions += article.versions.length;
      }
    }
    textBytes += plainTextBytes(articles);
    const changeSets = content.changeSets.get(code.id) ?? [];
    // Read by the host only (never fetched by the renderer), which decompresses any `.gz` file of
    // the bundle: a sixth of the size.
    write(`${folder}/toc.json.gz`, gzip(JSON.stringify(code)));
    write(`${folder}/catalog.json.gz`, gzip(JSON.stringify(catalog)));
    write(`${folder}/changesets.json.gz`, gzip(JSON.stringify(changeSets)));
    const correspondence = correspondenceOfCode((pairs ??= correspondencePairs([...content.articles.values()].flat())), code.id);
    if (correspondence.length > 0) write(`${folder}/correspondence.json.gz`, gzip(JSON.stringify(correspondence)));
    write(`${folder}/shards.json.gz`, gzip(JSON.stringify(shardIndex)));
    const summary: CodeSummary = {
      id: code.id,
      title: code.title,
      articleCount: articles.length,
      versionCount: codeVersions,
      toc: `${folder}/toc.json.gz`,
      catalog: `${folder}/catalog.json.gz`,
      changeSets: `${folder}/changesets.json.gz`,
      shardIndex: `${folder}/shards.json.gz`,
      changeDates: changeSets.map((c) => c.date),
    };
    if (correspondence.length > 0) summary.correspondence = `${folder}/correspondence.json.gz`;
    if (code.legiTextId) summary.legiTextId = code.legiTextId;
    summaries.push(summary);
    articleCount += articles.length;
    versionCount += codeVersions;
  }

  // The search files keep their names in the index (`search/past-1.json`) and are stored gzipped
  // beside them (`search/past-1.json.gz`): the renderer's worker decompresses them natively
  // (`DecompressionStream`) as it reads them (`bundle-files.ts`). The stored texts of every version
  // are most of the bundle; gzipped they are a quarter of it. The index of the law in force stays
  // plain: the first search waits for it alone, and decompressing it would cost that search
  // (9 MB: +40 % to read it, measured in Node), for 7 MB saved.
  const firstSearch = content.search.manifest.current;
  for (const [relative, data] of content.search.files) {
    if (relative === firstSearch) write(relative, data);
    else write(storedFileName(relative), gzip(data));
  }
  for (const [relative, data] of content.extraFiles ?? []) write(storedFileName(relative), gzip(data));

  const manifest: Manifest = {
    schemaVersion: BUNDLE_SCHEMA_VERSION,
    builtAt: content.builtAt ?? new Date().toISOString(),
    inputHash: content.inputHash,
    sources: content.sources,
    codes: summaries,
    counts: {
      codes: summaries.length,
      articles: articleCount,
      versions: versionCount,
      references: content.references,
      warnings: content.warnings,
      plainTextBytes: textBytes,
    },
    search: content.search.manifest,
    files: { ...files },
  };
  // The manifest is written last: a bundle without one is incomplete by definition.
  write('manifest.json', JSON.stringify(manifest, null, 1));

  const previous = `${target}.old-${process.pid}`;
  rmSync(previous, { recursive: true, force: true });
  let hadPrevious = false;
  try {
    renameSync(target, previous);
    hadPrevious = true;
  } catch {
    // No previous bundle.
  }
  mkdirSync(path.dirname(target), { recursive: true });
  renameSync(staging, target);
  if (hadPrevious) rmSync(previous, { recursive: true, force: true });
  return { manifest, bytes };
}
