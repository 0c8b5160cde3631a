/**
 * The peers' answers, kept between runs of the search-quality benchmark: a peer's ranking depends
 * only on the documents it indexes, the queries and its own settings, none of which a change to
 * Palimpseste's engine touches. Each (peer, documents, queries) is run once, its outcomes written to
 * `corpus/cache/search-quality/` (git-ignored), and read back by the next runs, so that measuring
 * our engine takes a minute and the table still shows every peer beside it (saying they come from
 * the cache). SEARCH_QUALITY_PEERS=run runs them again.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A query's outcome for one engine (what the table is computed from). */
export interface Outcome {
  /** Rank (1-based) of the target in the first 10, or 0. */
  rank: number;
  /** Past texts: the article is in the first 10 and the target text is among its matching texts. */
  versionShown: boolean;
  ms: number;
}

export interface CachedRun {
  peer: string;
  /** When it was run, and the machine's load then (its timings depend on it). */
  ranAt: string;
  load: string;
  outcomes: Outcome[];
}

/** Bumped when a peer's set-up or the way its answers are read changes (its cached runs are then stale). */
const PEER_SETUP_VERSION = 2;

export function fingerprint(parts: Iterable<string>): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex').slice(0, 16);
}

export class PeerCache {
  constructor(private readonly folder: string) {}

  private file(peer: string, documents: string, queries: string): string {
    const key = fingerprint([String(PEER_SETUP_VERSION), peer, documents, queries]);
    return path.join(this.folder, `${peer.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}-${key}.json`);
  }

  get(peer: string, documents: string, queries: string, count: number): CachedRun | undefined {
    const file = this.file(peer, documents, queries);
    if (!existsSync(file)) return undefined;
    try {
      const run = JSON.parse(readFileSync(file, 'utf8')) as CachedRun;
      return run.outcomes.length === count ? run : undefined;
    } catch {
      return undefined;
    }
  }

  set(peer: string, documents: string, queries: string, run: CachedRun): void {
    mkdirSync(this.folder, { recursive: true });
    const file = this.file(peer, documents, queries);
    const staging = `${file}.tmp-${process.pid}`;
    writeFileSync(staging, JSON.stringify(run));
    renameSync(staging, file);
  }
}
