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

/** What the manifest says besides the codes and the files, known once every code is written. */
export interface BundleTail {
  builtAt?: string;
  inputHash: string;
  sources: SourceInfo[];
  references: ReferenceCounts;
  warnings: number;
  search: SearchManifest;
}

type CorrespondencePairs = ReturnType<typeof correspondencePairs>;

/**
 * A bundle written part by part, so that the compiler lets each code go once its files are
 * written: the codes (in the manifest's order), then the search files as the index makes them,
 * the extra files, and the manifest last (`finish`). Until then everything is in a staging
 * folder beside the target; `abandon` removes it.
 */
export class BundleWriter {
  private readonly target: string;
  private readonly staging: string;
  private bytes = 0;
  // Every file's size and SHA-256, for the manifest: the host checks each file against it.
  private readonly files: Record<string, BundleFileChecksum> = {};
  private readonly summaries: CodeSummary[] = [];
  private articleCount = 0;
  private versionCount = 0;
  private textBytes = 0;

  /**
   * `pairs`: former ↔ new numbers over every code (a pair may cross codes), written per code.
   * `firstSearchFile`: the index the first search waits for, stored plain (see `writeSearchFile`).
   */
  constructor(
    outDir: string,
    private readonly pairs: CorrespondencePairs,
    private readonly firstSearchFile: string,
  ) {
    this.target = path.resolve(outDir);
    this.staging = `${this.target}.tmp-${process.pid}`;
    rmSync(this.staging, { recursive: true, force: true });
    mkdirSync(this.staging, { recursive: true });
  }

  private write(relative: string, data: string | Buffer): void {
    const file = path.join(this.staging, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    const content = typeof data === 'string' ? Buffer.from(data) : data;
    writeFileSync(file, content);
    this.bytes += content.length;
    this.files[relative] = fileChecksum(content, (b) => createHash('sha256').update(b).digest('hex'));
  }

  /** A code's files: its article shards, catalog, table of contents, change sets, correspondence. */
  writeCode(code: Code, articles: readonly Article[], changeSets: readonly ChangeSet[]): void {
    const folder = codeFolder(code.id);
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
      this.write(shardPath, Buffer.concat(members));
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
    this.textBytes += plainTextBytes(articles);
    // Read by the host only (never fetched by the renderer), which decompresses any `.gz` file of
    // the bundle: a sixth of the size.
    this.write(`${folder}/toc.json.gz`, gzip(JSON.stringify(code)));
    this.write(`${folder}/catalog.json.gz`, gzip(JSON.stringify(catalog)));
    this.write(`${folder}/changesets.json.gz`, gzip(JSON.stringify(changeSets)));
    const correspondence = correspondenceOfCode(this.pairs, code.id);
    if (correspondence.length > 0) this.write(`${folder}/correspondence.json.gz`, gzip(JSON.stringify(correspondence)));
    this.write(`${folder}/shards.json.gz`, gzip(JSON.stringify(shardIndex)));
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
    this.summaries.push(summary);
    this.articleCount += articles.length;
    this.versionCount += codeVersions;
  }

  /**
   * A file of the search index. They keep their names in the index (`search/past-1.json`) and are
   * stored gzipped beside them (`search/past-1.json.gz`): the renderer's worker decompresses them
   * natively (`DecompressionStream`) as it reads them (`bundle-files.ts`). The stored texts of every
   * version are most of the bundle; gzipped they are a quarter of it. The index of the law in force
   * stays plain: the first search waits for it alone, and decompressing it would cost that search
   * (9 MB: +40 % to read it, measured in Node), for 7 MB saved.
   */
  writeSearchFile(relative: string, data: string): void {
    if (relative === this.firstSearchFile) this.write(relative, data);
    else this.write(storedFileName(relative), gzip(data));
  }

  /** A file at the bundle root (the unresolved references report), gzipped. */
  writeExtra(relative: string, data: string): void {
    this.write(storedFileName(relative), gzip(data));
  }

  /** Writes the manifest, then swaps the staging folder in place of the target. */
  finish(tail: BundleTail): WrittenBundle {
    const manifest: Manifest = {
      schemaVersion: BUNDLE_SCHEMA_VERSION,
      builtAt: tail.builtAt ?? new Date().toISOString(),
      inputHash: tail.inputHash,
      sources: tail.sources,
      codes: this.summaries,
      counts: {
        codes: this.summaries.length,
        articles: this.articleCount,
        versions: this.versionCount,
        references: tail.references,
        warnings: tail.warnings,
        plainTextBytes: this.textBytes,
      },
      search: tail.search,
      files: { ...this.files },
    };
    // The manifest is written last: a bundle without one is incomplete by definition.
    this.write('manifest.json', JSON.stringify(manifest, null, 1));

    const previous = `${this.target}.old-${process.pid}`;
    rmSync(previous, { recursive: true, force: true });
    let hadPrevious = false;
    try {
      renameSync(this.target, previous);
      hadPrevious = true;
    } catch {
      // No previous bundle.
    }
    mkdirSync(path.dirname(this.target), { recursive: true });
    renameSync(this.staging, this.target);
    if (hadPrevious) rmSync(previous, { recursive: true, force: true });
    return { manifest, bytes: this.bytes };
  }

  /** A failed build: the staging folder goes, the previous bundle stays. */
  abandon(): void {
    rmSync(this.staging, { recursive: true, force: true });
  }
}

/** The whole bundle at once, from a corpus held in memory (tests, small corpora). */
export function writeBundle(outDir: string, content: BundleContent): WrittenBundle {
  const pairs = content.codes.length > 0 ? correspondencePairs([...content.articles.values()].flat()) : [];
  const writer = new BundleWriter(outDir, pairs, content.search.manifest.current);
  try {
    for (const code of content.codes) writer.writeCode(code, content.articles.get(code.id) ?? [], content.changeSets.get(code.id) ?? []);
    for (const [relative, data] of content.search.files) writer.writeSearchFile(relative, data);
    for (const [relative, data] of content.extraFiles ?? []) writer.writeExtra(relative, data);
    return writer.finish({
      ...(content.builtAt !== undefined ? { builtAt: content.builtAt } : {}),
      inputHash: content.inputHash,
      sources: content.sources,
      references: content.references,
      warnings: content.warnings,
      search: content.search.manifest,
    });
  } catch (error) {
    writer.abandon();
    throw error;
  }
}
