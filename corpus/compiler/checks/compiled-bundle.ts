/**
 * A compiled bundle read whole, for the checks against the sources: every article of a code with
 * its versions, the change sets, the data date. The host's store reads on demand for a reader; a
 * check reads everything once.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { ArticleCatalogEntry, Manifest } from '../../model/bundle.ts';
import type { Article, ChangeSet, CodeId } from '../../model/model.ts';
import { corpusDataDate } from '../../model/timeline.ts';

export class CompiledBundle {
  readonly manifest: Manifest;
  readonly dataDate: string;

  constructor(readonly dir: string) {
    this.manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
    this.dataDate = corpusDataDate(this.manifest);
  }

  hasCode(code: CodeId): boolean {
    return this.manifest.codes.some((c) => c.id === code);
  }

  private summary(code: CodeId) {
    const summary = this.manifest.codes.find((c) => c.id === code);
    if (!summary) throw new Error(`${this.dir} : pas de code « ${code} » dans le manifeste`);
    return summary;
  }

  /** A file named by the manifest or a catalog, decompressed when stored gzipped (every file but the manifest). */
  private json<T>(relative: string): T {
    const bytes = readFileSync(path.join(this.dir, relative));
    return JSON.parse((relative.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8')) as T;
  }

  catalog(code: CodeId): ArticleCatalogEntry[] {
    return this.json<ArticleCatalogEntry[]>(this.summary(code).catalog);
  }

  /** Every article of the code, in catalog order. */
  articles(code: CodeId): Article[] {
    const shards = [...new Set(this.catalog(code).map((entry) => entry.shard))];
    return shards.flatMap((shard) => this.json<Article[]>(shard));
  }

  changeSets(code: CodeId): ChangeSet[] {
    return this.json<ChangeSet[]>(this.summary(code).changeSets);
  }
}
