/**
 * The user's annotations, kept by the host in the user-data folder through the durable record
 * store (`annotations.json` + `annotations.journal`), with two small stores beside them: the names
 * the user gave the colours (`annotation-settings.json`) and, per annotated article, the versions
 * it had when its annotations were last reviewed (`annotation-baselines.json`: dates and text keys,
 * not texts), which is how a corpus update is noticed at the next launch.
 *
 * Every change is a transaction on the records on disk (`RecordStore.transact`), so two windows or
 * two hosts on one folder never undo each other: an edit of the note in one and of the tags in the
 * other both stay. The list of all annotations is searched here (`AnnotationIndex` of the pure
 * core, kept current from the records as they are, whoever wrote them), with each annotation's
 * status on the version in force today, computed from the corpus and cached.
 */
import { editAnnotation, type Annotation, type AnnotationEdit } from '../../corpus/annotations/annotation.ts';
import { anchorAnnotations, AnchorCache, type AnchorStatus } from '../../corpus/annotations/anchor.ts';
import { describeMerge, exportAnnotationsFile, mergeAnnotations, parseAnnotationsFile } from '../../corpus/annotations/files.ts';
import { articleBaseline, reviewAfterUpdate, type ArticleBaseline } from '../../corpus/annotations/review.ts';
import { annotationSchema, rolePaletteSchema } from '../../corpus/annotations/annotation-schema.ts';
import { DEFAULT_PALETTE, type RolePalette } from '../../corpus/annotations/roles.ts';
import { AnnotationIndex, type AnnotationQuery } from '../../corpus/annotations/search.ts';
import type { Article, ArticleId, CodeId, IsoDate } from '../../corpus/model/model.ts';
import { corpusDataDate, versionOn } from '../../corpus/model/timeline.ts';
import { z } from 'zod';
import type { AnnotationImportReport, AnnotationReview, AnnotationSearchAnswer, AnnotationSettings } from '../common/api.ts';
import { articleIdSchema, isoDateSchema } from '../common/api-schemas.ts';
import type { CorpusStore } from './corpus-store.ts';
import type { NoticeBoard } from './notices.ts';
import { HostError } from './result.ts';
import { describeProblem } from './user-data/problem-notice.ts';
import { RecordStore, type RecordStoreOptions } from './user-data/record-store.ts';

export const ANNOTATIONS_FILE = 'annotations.json';
export const ANNOTATION_SETTINGS_FILE = 'annotation-settings.json';
export const ANNOTATION_BASELINES_FILE = 'annotation-baselines.json';

/** More than anyone makes by hand: a renderer saving in a loop. */
export const MAX_ANNOTATIONS = 200_000;

const SETTINGS_ID = 'settings';

interface SettingsRecord {
  id: typeof SETTINGS_ID;
  palette: RolePalette;
}

const settingsSchema = z.object({ id: z.literal(SETTINGS_ID), palette: rolePaletteSchema }) satisfies z.ZodType<SettingsRecord>;

/** An annotated article's versions when its annotations were last reviewed, in the corpus named by `corpus`. */
interface BaselineRecord extends ArticleBaseline {
  article: ArticleId;
  /** The corpus's `inputHash` then. */
  corpus: string;
  versions: { validFrom: IsoDate; key: string }[];
}

const baselineSchema = z.object({
  article: articleIdSchema,
  corpus: z.string().max(200),
  versions: z.array(z.object({ validFrom: isoDateSchema, key: z.string().max(100) })).max(10_000),
}) satisfies z.ZodType<BaselineRecord>;

export type AnnotationStoreOptions = Partial<
  Omit<RecordStoreOptions<Annotation>, 'dir' | 'name' | 'schema' | 'idOf' | 'legacy' | 'onProblem'>
>;

export class AnnotationStore {
  readonly records: RecordStore<Annotation>;
  readonly settings: RecordStore<SettingsRecord>;
  readonly baselines: RecordStore<BaselineRecord>;
  private index: AnnotationIndex | undefined;
  /** The records the index was built from (by id): an id whose record is another object was changed. */
  private indexed = new Map<string, Annotation>();
  private indexedPalette: RolePalette | undefined;
  /** Status on the version in force today, per annotation, with the record it was computed for. */
  private statuses = new Map<string, { of: Annotation; status: AnchorStatus | undefined }>();
  private statusCorpus: string | undefined;
  private statusDay: IsoDate | undefined;
  /** What the last search derived from the records, and from which (`search`). */
  private derived:
    | {
        all: readonly Annotation[];
        palette: RolePalette;
        corpus: string | undefined;
        today: IsoDate;
        index: AnnotationIndex;
        codes: { code: CodeId; count: number }[];
      }
    | undefined;

  constructor(
    dataDir: string,
    notices: NoticeBoard,
    private readonly corpus: CorpusStore,
    private readonly now: () => Date = () => new Date(),
    options: AnnotationStoreOptions = {},
  ) {
    const onProblem = (problem: Parameters<NonNullable<RecordStoreOptions<unknown>['onProblem']>>[0]) =>
      notices.add({ kind: 'annotations-corrupt', ...describeProblem(problem, 'annotations') });
    this.records = new RecordStore<Annotation>({
      ...options,
      dir: dataDir,
      name: ANNOTATIONS_FILE,
      schema: annotationSchema,
      idOf: (annotation) => annotation.id,
      onProblem,
      now,
    });
    const small = { ...(options.log ? { log: options.log } : {}), ...(options.fs ? { fs: options.fs } : {}), now };
    this.settings = new RecordStore<SettingsRecord>({
      ...small,
      dir: dataDir,
      name: ANNOTATION_SETTINGS_FILE,
      schema: settingsSchema,
      idOf: () => SETTINGS_ID,
      onProblem,
    });
    this.baselines = new RecordStore<BaselineRecord>({
      ...small,
      dir: dataDir,
      name: ANNOTATION_BASELINES_FILE,
      schema: baselineSchema,
      idOf: (baseline) => baseline.article,
      // A damaged baseline file costs only a review: it is rebuilt from the corpus, no need to alarm.
      log: options.log ?? (() => undefined),
    });
  }

  ready(): Promise<void> {
    return Promise.all([this.records.ready(), this.settings.ready(), this.baselines.ready().catch(() => undefined)]).then(() => undefined);
  }

  get dir(): string {
    return this.records.dir;
  }

  /** In the order first saved; `article` keeps one article's. */
  async list(article?: ArticleId): Promise<Annotation[]> {
    const all = await this.records.list();
    return article === undefined ? all : all.filter((a) => a.article.id === article);
  }

  async counts(): Promise<Record<ArticleId, number>> {
    const counts: Record<ArticleId, number> = {};
    for (const annotation of await this.records.list()) counts[annotation.article.id] = (counts[annotation.article.id] ?? 0) + 1;
    return counts;
  }

  /**
   * Creates an annotation, or puts back a deleted one (undo). The same id already there is
   * replaced only by a later edit of the same passage: the selectors of an annotation never change.
   */
  async save(annotation: Annotation): Promise<Annotation> {
    const saved = await this.records.transact((records) => {
      const existing = records.get(annotation.id);
      if (existing && JSON.stringify(existing.target) !== JSON.stringify(annotation.target))
        throw new HostError('invalid-argument', 'Une annotation existe déjà sous cet identifiant, sur un autre passage.');
      if (!existing && records.size >= MAX_ANNOTATIONS)
        throw new HostError(
          'invalid-argument',
          `Plus de ${MAX_ANNOTATIONS.toLocaleString('fr-FR')} annotations : supprimez-en avant d’en ajouter.`,
        );
      return { result: annotation, changes: [{ put: annotation }] };
    });
    await this.ensureBaseline(annotation.article.id);
    return saved;
  }

  /** Applies an edit to the annotation as it is on disk (not to a copy a window had). */
  edit(id: string, edit: AnnotationEdit): Promise<Annotation> {
    return this.records.transact((records) => {
      const existing = records.get(id);
      if (!existing) throw new HostError('not-found', 'Cette annotation n’existe plus (supprimée dans une autre fenêtre ?).');
      const next = editAnnotation(existing, edit, this.now());
      return { result: next, changes: [{ put: next }] };
    });
  }

  delete(id: string): Promise<boolean> {
    return this.records.delete(id);
  }

  async palette(): Promise<RolePalette> {
    return (await this.settings.get(SETTINGS_ID))?.palette ?? DEFAULT_PALETTE;
  }

  async getSettings(): Promise<AnnotationSettings> {
    return { palette: await this.palette() };
  }

  async setSettings(settings: AnnotationSettings): Promise<AnnotationSettings> {
    await this.settings.put({ id: SETTINGS_ID, palette: settings.palette });
    return settings;
  }

  async exportFile(): Promise<string> {
    return exportAnnotationsFile(await this.records.list(), { palette: await this.palette(), now: this.now() });
  }

  /** Reads an export file and merges it in one change (never duplicates: `mergeAnnotations`). */
  async importFile(text: string): Promise<AnnotationImportReport> {
    const parsed = parseAnnotationsFile(text);
    if (!parsed.ok) throw new HostError('invalid-argument', parsed.error.message);
    const incoming = parsed.value.annotations;
    const report = await this.records.transact((records) => {
      const merge = mergeAnnotations([...records.values()], incoming);
      const before = new Set(records.keys());
      const changes = merge.annotations
        .filter((annotation) => !before.has(annotation.id) || records.get(annotation.id) !== annotation)
        .map((annotation) => ({ put: annotation }));
      if (records.size + merge.added > MAX_ANNOTATIONS)
        throw new HostError(
          'invalid-argument',
          `Ce fichier porterait les annotations au-delà de ${MAX_ANNOTATIONS.toLocaleString('fr-FR')}.`,
        );
      return { result: merge, changes };
    });
    for (const article of new Set(incoming.map((a) => a.article.id))) await this.ensureBaseline(article).catch(() => undefined);
    return {
      added: report.added,
      updated: report.updated,
      unchanged: report.unchanged,
      keptLocal: report.keptLocal,
      message: describeMerge(report),
    };
  }

  /** The list of all annotations (see the module comment). */
  async search(query: AnnotationQuery, today: IsoDate): Promise<AnnotationSearchAnswer> {
    const all = await this.records.snapshot();
    const palette = await this.palette();
    const corpusHash = await this.corpus.manifest().then(
      (manifest) => manifest.inputHash,
      () => undefined,
    );
    // The statuses, the index and the counts by code follow the records: redone only when the
    // records (the same array while none changed), the colours' names, the corpus or the day did.
    const derived = this.derived;
    let index: AnnotationIndex;
    let codes: { code: CodeId; count: number }[];
    if (derived && derived.all === all && derived.palette === palette && derived.corpus === corpusHash && derived.today === today) {
      ({ index, codes } = derived);
    } else {
      await this.refreshStatuses(all, today);
      index = this.syncIndex(all, palette);
      const counts = new Map<CodeId, number>();
      for (const annotation of all) counts.set(annotation.article.code, (counts.get(annotation.article.code) ?? 0) + 1);
      codes = [...counts].map(([code, count]) => ({ code, count })).sort((a, b) => a.code.localeCompare(b.code));
      this.derived = { all, palette, corpus: corpusHash, today, index, codes };
    }
    const result = index.search(query);
    return {
      total: result.total,
      hits: result.hits.map((hit) => ({
        annotation: hit.annotation,
        ...(hit.status ? { status: hit.status } : {}),
        highlights: hit.highlights,
      })),
      tags: index.tags(),
      codes,
    };
  }

  /** The index, brought up to date with the records (changed ones re-indexed, removed ones dropped). */
  private syncIndex(all: readonly Annotation[], palette: RolePalette): AnnotationIndex {
    const statusOf = (a: Annotation) => this.statuses.get(a.id)?.status;
    if (!this.index || this.indexedPalette !== palette) {
      this.index = new AnnotationIndex(all, {
        palette,
        statuses: new Map(all.flatMap((a) => (statusOf(a) ? [[a.id, statusOf(a)!] as const] : []))),
      });
      this.indexed = new Map(all.map((a) => [a.id, a]));
      this.indexedPalette = palette;
      return this.index;
    }
    const seen = new Set<string>();
    for (const annotation of all) {
      seen.add(annotation.id);
      if (this.indexed.get(annotation.id) !== annotation) {
        this.index.upsert(annotation, statusOf(annotation));
        this.indexed.set(annotation.id, annotation);
      } else this.index.setStatus(annotation.id, statusOf(annotation));
    }
    if (seen.size !== this.indexed.size) {
      for (const id of [...this.indexed.keys()]) {
        if (!seen.has(id)) {
          this.index.remove(id);
          this.indexed.delete(id);
        }
      }
    }
    return this.index;
  }

  /** Each annotation's status on its article's version in force today (cached until the record or the corpus changes). */
  private async refreshStatuses(all: readonly Annotation[], today: IsoDate): Promise<void> {
    let manifest;
    try {
      manifest = await this.corpus.manifest();
    } catch {
      return; // no corpus: no status (the lists still work)
    }
    if (manifest.inputHash !== this.statusCorpus || today !== this.statusDay) {
      this.statuses.clear();
      this.statusCorpus = manifest.inputHash;
      this.statusDay = today;
    }
    const stale = new Map<ArticleId, Annotation[]>();
    for (const annotation of all) {
      if (this.statuses.get(annotation.id)?.of === annotation) continue;
      const list = stale.get(annotation.article.id);
      if (list) list.push(annotation);
      else stale.set(annotation.article.id, [annotation]);
    }
    const undatedEndsOn = corpusDataDate(manifest);
    for (const [id, annotations] of stale) {
      const article = await this.corpus.article(id).catch(() => undefined);
      const shown = article && (versionOn(article, today, undatedEndsOn) ?? article.versions.at(-1));
      const anchors = article && shown ? anchorAnnotations(annotations, article, shown, new AnchorCache()) : undefined;
      for (const annotation of annotations)
        this.statuses.set(annotation.id, { of: annotation, status: anchors?.get(annotation.id)?.status });
    }
  }

  /** Records the versions an article has now, the first time it is annotated. */
  private async ensureBaseline(id: ArticleId): Promise<void> {
    try {
      if (await this.baselines.get(id)) return;
      const [manifest, article] = await Promise.all([this.corpus.manifest(), this.corpus.article(id)]);
      await this.baselines.transact((records) =>
        records.has(id)
          ? { result: undefined, changes: [] }
          : { result: undefined, changes: [{ put: baselineOf(article, manifest.inputHash) }] },
      );
    } catch {
      // No corpus, or the article is gone: its baseline is made at the next review.
    }
  }

  /**
   * The annotations whose article has versions its baseline did not (a corpus update), grouped by
   * the amending text, each with its status on the new version (`reviewAfterUpdate`).
   */
  async review(today: IsoDate): Promise<AnnotationReview & { articles: ArticleId[] }> {
    const manifest = await this.corpus.manifest();
    const annotations = await this.records.list();
    const baselines = new Map((await this.baselines.list().catch(() => [])).map((b) => [b.article, b]));
    const pending = annotations.filter((a) => baselines.get(a.article.id)?.corpus !== manifest.inputHash);
    const articles = new Map<ArticleId, Article | undefined>();
    for (const id of new Set(pending.map((a) => a.article.id))) articles.set(id, await this.corpus.article(id).catch(() => undefined));
    const review = reviewAfterUpdate({
      annotations: pending.filter((a) => baselines.has(a.article.id) || !articles.get(a.article.id)),
      before: (id) => baselines.get(id),
      after: (id) => articles.get(id),
      today,
      undatedEndsOn: corpusDataDate(manifest),
    });
    // Articles whose baseline is of another corpus but that got no new version are up to date: said silently.
    const quiet = [...articles].filter(
      ([id, article]) => article && baselines.has(id) && !review.groups.some((g) => g.entries.some((e) => e.annotation.article.id === id)),
    );
    const missingBaselines = [...articles].filter(([id, article]) => article && !baselines.has(id));
    if (quiet.length + missingBaselines.length > 0) {
      await this.baselines
        .transact(() => ({
          result: undefined,
          changes: [...quiet, ...missingBaselines].map(([, article]) => ({ put: baselineOf(article!, manifest.inputHash) })),
        }))
        .catch(() => undefined);
    }
    const reviewed = new Set<ArticleId>();
    const groups = review.groups.map((group) => ({
      title: group.title,
      ...(group.amendingText ? { amendingText: group.amendingText } : {}),
      entries: group.entries.map((entry) => {
        reviewed.add(entry.annotation.article.id);
        return {
          annotation: entry.annotation,
          shownOn: entry.shownOn.validFrom,
          status: entry.anchor.status,
          ...(entry.anchor.target === 'passage' && entry.anchor.status !== 'orphan' ? { newText: entry.anchor.range.text } : {}),
        };
      }),
    }));
    return { groups, missingArticles: review.missingArticles, total: review.total, articles: [...reviewed] };
  }

  /** The review was read: the articles it listed take their current versions as baseline. */
  async acknowledgeReview(today: IsoDate): Promise<void> {
    const { articles } = await this.review(today);
    const manifest = await this.corpus.manifest();
    const records: BaselineRecord[] = [];
    for (const id of articles) {
      const article = await this.corpus.article(id).catch(() => undefined);
      if (article) records.push(baselineOf(article, manifest.inputHash));
    }
    if (records.length) await this.baselines.transact(() => ({ result: undefined, changes: records.map((put) => ({ put })) }));
  }
}

function baselineOf(article: Article, corpus: string): BaselineRecord {
  return { article: article.id, corpus, versions: articleBaseline(article).versions.map((v) => ({ ...v })) };
}
