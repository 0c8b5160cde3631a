/**
 * The corpus bundle on disk (`corpus/dist/`), as the compiler writes it and the host reads it.
 *
 * manifest.json                         Manifest
 * codes/<code>/toc.json.gz              Code (table of contents with article ids)
 * codes/<code>/catalog.json.gz          ArticleCatalogEntry[] (every article, small: for the TOC and lookups)
 * codes/<code>/articles-<n>.json.gz     Article[], one per line, gzipped 16 lines a member (`bundle-shard.ts`; read by the host)
 * codes/<code>/shards.json.gz           ShardIndex: where each shard's members start (read by the host)
 * codes/<code>/changesets.json.gz       ChangeSet[]
 * codes/<code>/correspondence.json.gz   CorrespondencePair[] (former ↔ new numbers; only for a code that has some)
 * search/….json(.gz)                    see `SearchManifest` (named there without `.gz`: `bundle-files.ts`)
 * unresolved-references.tsv.gz          report of the references the compiler could not resolve
 *
 * Every file but the manifest and the index of the law in force is gzipped: the host decompresses
 * them, and the renderer's search worker the past search files (`DecompressionStream`).
 *
 * The manifest lists every other file with its size and SHA-256 (`files`): the host checks a file
 * against it when it first reads it (`bundle-integrity.ts`), and checks each file's shape with the
 * schemas of `bundle-schemas.ts`.
 */
import type { ArticleId, CodeId, IsoDate, SourceInfo, VersionStatus } from './model.ts';

/**
 * Bumped whenever the shape of any bundle file changes; the loader refuses other versions.
 * 2: the manifest lists every file with its checksum (`files`); shards hold one article per line
 *    (`bundle-shard.ts`).
 * 3: versions carry their number (`Version.num`) and how an inferred end was found
 *    (`Version.endInferred`); change sets the numbers of their day (`ChangeSet.numbers`); catalog
 *    entries their gaps and former numbers.
 * 4: every file but the manifest and the index of the law in force gzipped (`.gz`), search files
 *    named without it (`bundle-files.ts`).
 */
export const BUNDLE_SCHEMA_VERSION = 4;

export interface ArticleCatalogEntry {
  id: ArticleId;
  num: string;
  /** Shard file (relative to the bundle root) holding the full article. */
  shard: string;
  section?: string;
  /** validFrom of the first version and validTo of the last (absent: still in force or later). */
  from: IsoDate;
  to?: IsoDate;
  /** Status of the last version. */
  status: VersionStatus;
  versionCount: number;
  /**
   * Periods between `from` and `to` when no version was in force (repealed, then re-created under
   * the same LEGI id: L6324-3 of the Code du travail, out from 2014-03-07 to 2019-08-23); `to` exclusive.
   */
  gaps?: { from: IsoDate; to: IsoDate }[];
  /** The other numbers the article bore, oldest first (`D7122-10` for the article now `R7122-10`). */
  formerNums?: string[];
}

export interface CodeSummary {
  id: CodeId;
  title: string;
  legiTextId?: string;
  articleCount: number;
  versionCount: number;
  toc: string;
  catalog: string;
  changeSets: string;
  /** The table of old and new numbers (`correspondence.ts`), when the code has one. */
  correspondence?: string;
  /**
   * Where each shard's gzip members start (`ShardIndex`). A bundle written before it had none: its
   * shards are then inflated whole (same format version: they are still valid gzip of the same text).
   */
  shardIndex?: string;
  /** Dates of the code's consolidated versions (change sets), ascending. */
  changeDates: IsoDate[];
}

export interface ReferenceCounts {
  total: number;
  resolved: number;
  /** References whose code is in the corpus (the denominator of the resolution target). */
  inCorpus: number;
  resolvedInCorpus: number;
}

export interface Manifest {
  schemaVersion: number;
  builtAt: string;
  /** Hash of the sources and compiler inputs: an unchanged hash means the bundle can be reused. */
  inputHash: string;
  sources: SourceInfo[];
  codes: CodeSummary[];
  counts: {
    codes: number;
    articles: number;
    versions: number;
    references: ReferenceCounts;
    warnings: number;
    plainTextBytes: number;
  };
  /** Written by the search index builder (`corpus/search`). */
  search: SearchManifest;
  /** Every file of the bundle but the manifest, by path relative to the bundle root. */
  files: Record<string, BundleFileChecksum>;
}

/** What the compiler wrote in one file: its size and the SHA-256 of its bytes (hexadecimal). */
export interface BundleFileChecksum {
  bytes: number;
  sha256: string;
}

export interface SearchManifest {
  lunrVersion: string;
  /** Index of the law in force (one document per article in force at build time). */
  current: string;
  /** Shards of the index of every distinct past text, loaded on demand. */
  past: string[];
  /** Documents per index file, for the record. */
  documents: Record<string, number>;
}
