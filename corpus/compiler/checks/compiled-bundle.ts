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

  catalog(code: CodeId): ArticleCatalogEntry[] {
    return JSON.parse(readFileSync(path.join(this.dir, this.summary(code).catalog), 'utf8')) as ArticleCatalogEntry[];
  }

  /** Every article of the code, in catalog order. */
  articles(code: CodeId): Article[] {
    const shards = [...new Set(this.catalog(code).map((entry) => entry.shard))];
    return shards.flatMap((shard) => JSON.parse(gunzipSync(readFileSync(path.join(this.dir, shard))).toString('utf8')) as Article[]);
  }

  changeSets(code: CodeId): ChangeSet[] {
    return JSON.parse(readFileSync(path.join(this.dir, this.summary(code).changeSets), 'utf8')) as ChangeSet[];
  }
}
