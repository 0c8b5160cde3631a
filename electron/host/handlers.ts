/**
 * The API contract implemented once, for both transports (Electron IPC and the web edition's HTTP):
 * every argument parsed with its zod schema first, every outcome a `Result`, nothing thrown.
 */
import type {
  ApiMethod,
  CorpusInfo,
  CorpusUpdate,
  ExportFile,
  HostNotice,
  PalimpsesteApi,
  PrintRequest,
  Result,
  SavedFile,
  SessionState,
  Trail,
} from '../common/api.ts';
import type { IsoDate } from '../../corpus/model/model.ts';
import { AnnotationInputError } from '../../corpus/annotations/annotation.ts';
import type { AnnotationStore } from './annotation-store.ts';
import { API_ARGS, describeValidationError } from '../common/api-schemas.ts';
import type { CorpusStore } from './corpus-store.ts';
import type { InstalledCorpora } from './corpus-updates/installed-corpora.ts';
import type { NoticeBoard } from './notices.ts';
import { fail, HostError, ok, toApiError } from './result.ts';
import type { SessionStore } from './session-store.ts';
import { TooManyTrailsError, type TrailStore } from './trail-store.ts';
import { storageHostError } from './user-data/storage-errors.ts';

export interface HandlerDeps {
  corpus: CorpusStore;
  trails: TrailStore;
  session: SessionStore;
  annotations: AnnotationStore;
  notices: NoticeBoard;
  /** The imported corpora (corpus updates); without it, `importCorpus` and `revertCorpus` say updates are not available. */
  corpora?: InstalledCorpora;
  /** Desktop only: prints the print view to PDF and asks where to save it (`electron/main/pdf-export.ts`). */
  exportPdf?: (request: PrintRequest) => Promise<SavedFile>;
  /** Desktop only: asks where to save an export file and writes it. */
  saveExportFile?: (file: ExportFile) => Promise<SavedFile>;
  /** The host's today (local date): the version « in force today » of the annotation lists. */
  today?: () => IsoDate;
  /** Where the renderer finds the bundle's files, relative to the app (`corpus/`). */
  corpusBaseUrl?: string;
  /** Where failures are logged (the user sees the French message; the log gets the detail). */
  log?: (message: string) => void;
}

type Impl<M extends ApiMethod> = (
  ...args: Parameters<PalimpsesteApi[M]>
) => Promise<Awaited<ReturnType<PalimpsesteApi[M]>> extends Result<infer T> ? T : never>;

/** Wraps one implementation: validate the raw arguments, run, turn anything thrown into an error Result. */
function method<M extends ApiMethod>(name: M, impl: Impl<M>, log: (message: string) => void) {
  return checked(name, impl, log);
}

/** `method` for an implementation of any result type (the JSON answers below). */
function checked<M extends ApiMethod, T>(
  name: M,
  impl: (...args: Parameters<PalimpsesteApi[M]>) => Promise<T>,
  log: (message: string) => void,
): (...raw: unknown[]) => Promise<Result<T>> {
  return async (...raw: unknown[]): Promise<Result<T>> => {
    const parsed = API_ARGS[name].safeParse(raw);
    if (!parsed.success) return fail('invalid-argument', `Appel « ${name} » refusé : ${describeValidationError(parsed.error)}.`);
    try {
      return ok(await impl(...(parsed.data as Parameters<PalimpsesteApi[M]>)));
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.code === 'internal') log(`${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return { ok: false, error: apiError };
    }
  };
}

/**
 * Methods whose value the HTTP transport can send as it is stored, as JSON bytes (UTF-8), instead of
 * building the objects and serialising them again: the same arguments checks and errors as the
 * method of the same name in `createHandlers`, the same value once parsed.
 */
export type JsonAnswers = Partial<Record<ApiMethod, (...raw: unknown[]) => Promise<Result<Buffer>>>>;

export function createJsonAnswers(deps: Pick<HandlerDeps, 'corpus' | 'log'>): JsonAnswers {
  const log = deps.log ?? ((message: string) => console.error(`[palimpseste] ${message}`));
  return { getArticle: checked('getArticle', (id) => deps.corpus.articleJson(id), log) };
}

export function createHandlers(deps: HandlerDeps): PalimpsesteApi {
  const log = deps.log ?? ((message: string) => console.error(`[palimpseste] ${message}`));
  const baseUrl = deps.corpusBaseUrl ?? 'corpus/';
  const { corpus, trails, session, notices, annotations, corpora } = deps;
  const today = deps.today ?? localToday;

  // Each update is also a notice: the banner says what changed after the window reloads.
  const updated = async (run: (installed: InstalledCorpora) => Promise<CorpusUpdate>): Promise<CorpusUpdate> => {
    if (!corpora) throw new HostError('not-found', 'Les mises à jour du corpus ne sont pas disponibles ici.');
    const update = await run(corpora);
    if (!update.change.identical) notices.add({ kind: 'corpus-updated', message: update.message });
    return update;
  };

  // Failures on the user's own files become French errors that say which (disk full, read-only
  // folder, busy, unusable folder); the log keeps the system's reason.
  const userFile = async <T>(action: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (error instanceof TooManyTrailsError)
        throw new HostError('invalid-argument', 'Trop de parcours enregistrés : supprimez-en avant d’en ajouter.');
      if (error instanceof HostError) throw error;
      if (error instanceof AnnotationInputError) throw new HostError('invalid-argument', error.message);
      log(`${action}: ${error instanceof Error ? error.message : String(error)}`);
      throw storageHostError(action, error, trails.records.dir);
    }
  };

  const api: { [M in ApiMethod]: (...raw: unknown[]) => Promise<Result<unknown>> } = {
    getCorpusInfo: method('getCorpusInfo', async (): Promise<CorpusInfo> => ({ manifest: await corpus.manifest(), baseUrl }), log),
    getToc: method('getToc', (code) => corpus.toc(code), log),
    getCatalog: method('getCatalog', (code) => corpus.catalog(code), log),
    getArticle: method('getArticle', (id) => corpus.article(id), log),
    findArticles: method('findArticles', (num, code) => corpus.findArticles(num, code), log),
    getChangeSets: method('getChangeSets', (code) => corpus.changeSets(code), log),
    getCorrespondence: method('getCorrespondence', (code) => corpus.correspondence(code), log),
    listTrails: method('listTrails', () => userFile('Impossible de lire les parcours enregistrés', () => trails.list()), log),
    saveTrail: method('saveTrail', (trail: Trail) => userFile('Impossible d’enregistrer le parcours', () => trails.save(trail)), log),
    deleteTrail: method(
      'deleteTrail',
      async (id): Promise<true> => {
        const existed = await userFile('Impossible de supprimer le parcours', () => trails.delete(id));
        if (!existed) throw new HostError('not-found', 'Ce parcours n’existe plus.');
        return true;
      },
      log,
    ),
    getSession: method(
      'getSession',
      (): Promise<SessionState> => userFile('Impossible de lire la dernière session', () => session.get()),
      log,
    ),
    setSession: method(
      'setSession',
      async (state): Promise<true> => {
        await userFile('Impossible d’enregistrer la session', () => session.set(state));
        return true;
      },
      log,
    ),
    importCorpus: method('importCorpus', (file) => updated((installed) => installed.importPack(file, corpus)), log),
    revertCorpus: method('revertCorpus', () => updated((installed) => installed.revert(corpus)), log),
    // The stores are opened at host start: a damaged file's notice is there for the first call, at
    // launch (a store that cannot be opened at all says so when it is used).
    getNotices: method(
      'getNotices',
      async (): Promise<HostNotice[]> => {
        await Promise.allSettled([trails.ready(), session.ready(), annotations.ready()]);
        return notices.list();
      },
      log,
    ),
    listAnnotations: method(
      'listAnnotations',
      (filter) => userFile('Impossible de lire les annotations', () => annotations.list(filter.article)),
      log,
    ),
    annotationCounts: method('annotationCounts', () => userFile('Impossible de lire les annotations', () => annotations.counts()), log),
    saveAnnotation: method(
      'saveAnnotation',
      (annotation) => userFile('Impossible d’enregistrer l’annotation', () => annotations.save(annotation)),
      log,
    ),
    editAnnotation: method(
      'editAnnotation',
      (id, edit) => userFile('Impossible d’enregistrer la modification de l’annotation', () => annotations.edit(id, edit)),
      log,
    ),
    deleteAnnotation: method(
      'deleteAnnotation',
      async (id): Promise<true> => {
        const existed = await userFile('Impossible de supprimer l’annotation', () => annotations.delete(id));
        if (!existed) throw new HostError('not-found', 'Cette annotation n’existe plus.');
        return true;
      },
      log,
    ),
    searchAnnotations: method(
      'searchAnnotations',
      (query) => userFile('Impossible de lire les annotations', () => annotations.search(query, today())),
      log,
    ),
    importAnnotations: method(
      'importAnnotations',
      (text) => userFile('Impossible d’importer les annotations', () => annotations.importFile(text)),
      log,
    ),
    exportAnnotations: method(
      'exportAnnotations',
      () => userFile('Impossible de lire les annotations', () => annotations.exportFile()),
      log,
    ),
    getAnnotationSettings: method(
      'getAnnotationSettings',
      () => userFile('Impossible de lire les noms des couleurs', () => annotations.getSettings()),
      log,
    ),
    setAnnotationSettings: method(
      'setAnnotationSettings',
      (settings) => userFile('Impossible d’enregistrer les noms des couleurs', () => annotations.setSettings(settings)),
      log,
    ),
    getAnnotationReview: method(
      'getAnnotationReview',
      async () => {
        const { articles: _articles, ...review } = await userFile('Impossible de relire les annotations', () =>
          annotations.review(today()),
        );
        return review;
      },
      log,
    ),
    acknowledgeAnnotationReview: method(
      'acknowledgeAnnotationReview',
      async (): Promise<true> => {
        await userFile('Impossible d’enregistrer la revue des annotations', () => annotations.acknowledgeReview(today()));
        return true;
      },
      log,
    ),
    exportPdf: method(
      'exportPdf',
      async (request) => {
        if (!deps.exportPdf)
          throw new HostError('unsupported', 'L’édition web imprime en PDF par le navigateur : choisissez « Enregistrer au format PDF ».');
        return deps.exportPdf(request);
      },
      log,
    ),
    saveExportFile: method(
      'saveExportFile',
      async (file) => {
        if (!deps.saveExportFile) throw new HostError('unsupported', 'L’édition web enregistre les exports par un téléchargement.');
        return deps.saveExportFile(file);
      },
      log,
    ),
  };
  // Each entry takes the method's arguments (validated at run time) and returns its Result.
  return api as unknown as PalimpsesteApi;
}

/** Today in the host's time zone (`YYYY-MM-DD`), as the renderer counts it. */
function localToday(): IsoDate {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
