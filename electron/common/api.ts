/**
 * The one contract between the renderer and its host (Electron main over IPC, or the web edition's
 * Node host over HTTP on 127.0.0.1). Every cross-process call is a method here; nothing generic.
 *
 * Results are `{ ok: true, value } | { ok: false, error }`: a handler never throws across the
 * boundary, and its error message is French text fit to show to the user.
 * Arguments are validated at the boundary with the zod schemas of `api-schemas.ts`.
 *
 * Transports (both implemented over the same handler modules in `electron/host/`):
 * - Electron: the preload exposes `window.palimpseste: PalimpsesteApi` (contextBridge), each method an
 *   `ipcRenderer.invoke('palimpseste:<method>', ...args)`; the renderer is served from
 *   `palimpseste://app/index.html` and the bundle from `palimpseste://app/corpus/<file>`.
 * - Web edition: `POST /api/<method>` with body `{"args": [...]}`, answer the `Result` as JSON; the renderer
 *   is served from `http://127.0.0.1:PORT/` and the bundle from `/corpus/<file>`.
 * In both, the renderer reaches bundle files with the relative URL `corpus/<file>` (the Web Worker loads
 * the search index that way). The renderer build is `build/out/renderer/` (index.html at its root).
 */
import type { ArticleCatalogEntry, Manifest } from '../../corpus/model/bundle.ts';
import type { CorpusChange } from '../../corpus/model/corpus-change.ts';
import type { CorrespondencePair } from '../../corpus/model/correspondence.ts';
import type { Article, ArticleId, ChangeSet, Code, CodeId, IsoDate } from '../../corpus/model/model.ts';
import type { Annotation, AnnotationEdit } from '../../corpus/annotations/annotation.ts';
import type { AnchorStatus } from '../../corpus/annotations/anchor.ts';
import type { AnnotationQuery, HighlightField } from '../../corpus/annotations/search.ts';
import type { RolePalette } from '../../corpus/annotations/roles.ts';

export type ApiErrorCode =
  | 'invalid-argument' // the call's arguments failed validation
  | 'not-found' // no such article, code, trail
  | 'corpus-missing' // no bundle where the host looks for it
  | 'corpus-schema' // bundle of another schema or Lunr version: rebuild it
  | 'corpus-damaged' // a bundle file is truncated, edited or of the wrong shape: rebuild or reinstall
  | 'forbidden' // the sender's origin or frame is not the app's
  | 'disk-full' // the user's data could not be saved: no space left (nothing saved before is lost)
  | 'read-only' // the user-data folder cannot be written (read-only, or no permission)
  | 'busy' // the user-data folder is locked by another Palimpseste for too long
  | 'io' // a file could not be read or written
  | 'unsupported' // this host cannot do it (the web edition prints PDFs through the browser)
  | 'internal';

export interface ApiError {
  code: ApiErrorCode;
  /** French, for the user: what happened and what to do. */
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What the renderer needs to know of the loaded corpus. */
export interface CorpusInfo {
  manifest: Manifest;
  /** Base URL (relative to the app) under which the bundle's files are served, e.g. `corpus/`. */
  baseUrl: string;
}

/** One step of a link trail: an article read at a date. */
export interface TrailStep {
  article: ArticleId;
  /** Article number, for display without loading the article. */
  num: string;
  code: CodeId;
  date: IsoDate;
}

export interface Trail {
  id: string;
  name: string;
  steps: TrailStep[];
  createdAt: string;
  updatedAt: string;
}

/**
 * Something the host had to do that the user should know about, shown as a banner from launch
 * (the host opens the user's files when it starts): e.g. a saved-trails file, or some of its
 * trails, could not be read; a byte-for-byte copy was kept aside and the readable trails kept.
 */
export interface HostNotice {
  kind: 'trails-corrupt' | 'session-corrupt' | 'annotations-corrupt' | 'corpus-updated';
  /** French, for the user. */
  message: string;
  /** Where the unreadable file was moved (absolute path), when a file was kept aside. */
  keptAs?: string;
}

/** The outcome of a corpus update (a pack imported, or the previous corpus back). */
export interface CorpusUpdate {
  change: CorpusChange;
  /** French, for the user: « Corpus mis à jour : données du …, 1 204 versions ajoutées ; … ». */
  message: string;
  /** Whether « Revenir au corpus précédent » has a corpus to go back to. */
  canRevert: boolean;
}

/** Where the user left off, restored at the next launch. */
export interface SessionState {
  /** In-app location (the same string the web edition shows after `#`). */
  location?: string;
  theme?: 'light' | 'dark';
  textScale?: number;
  /** The last articles read, each at its date, the most recent first (the home page lists them). */
  recent?: TrailStep[];
}

/** The user's settings of annotations: the names of the colours. */
export interface AnnotationSettings {
  palette: RolePalette;
}

/** One annotation found by `searchAnnotations`, with its status on the version in force today. */
export interface AnnotationSearchHit {
  annotation: Annotation;
  /** Undefined while the article could not be read (corpus missing). */
  status?: AnchorStatus;
  highlights: { field: HighlightField; start: number; end: number }[];
}

export interface AnnotationSearchAnswer {
  total: number;
  hits: AnnotationSearchHit[];
  /** For the filters: every tag in use, and how many annotations each code has. */
  tags: { tag: string; count: number }[];
  codes: { code: CodeId; count: number }[];
}

/** What an import did, said in French (`message`) and counted. */
export interface AnnotationImportReport {
  added: number;
  updated: number;
  unchanged: number;
  keptLocal: number;
  message: string;
}

/** One annotation to look at again after a corpus update, with its status on the new version. */
export interface AnnotationReviewEntry {
  annotation: Annotation;
  /** The version it was checked on (the new version in force today, else the newest new one). */
  shownOn: IsoDate;
  status: AnchorStatus;
  /** The words it now covers on that version, when placed. */
  newText?: string;
}

export interface AnnotationReview {
  /** « 12 annotations concernées par le décret n° … du … », the largest group first. */
  groups: { title: string; amendingText?: string; entries: AnnotationReviewEntry[] }[];
  /** Annotations of articles gone from the corpus (kept; they open at their version). */
  missingArticles: Annotation[];
  total: number;
}

/** What to print: an article as annotated, a comparison, or a trail as one dossier. */
export type PrintRequest =
  | { kind: 'article'; article: ArticleId; date: IsoDate; paper?: PaperSize }
  | { kind: 'comparison'; article: ArticleId; from: IsoDate; to: IsoDate; view: 'cote-a-cote' | 'redline'; paper?: PaperSize }
  | { kind: 'trail'; name: string; steps: TrailStep[]; paper?: PaperSize };

export type PaperSize = 'A4' | 'Letter';

/** A file the user asked to export (annotations as JSON, an article's notes as Markdown). */
export interface ExportFile {
  suggestedName: string;
  content: string;
  kind: 'json' | 'markdown';
}

export type SavedFile = { saved: true; path: string } | { saved: false };

export interface PalimpsesteApi {
  getCorpusInfo(): Promise<Result<CorpusInfo>>;
  getToc(code: CodeId): Promise<Result<Code>>;
  getCatalog(code: CodeId): Promise<Result<ArticleCatalogEntry[]>>;
  getArticle(id: ArticleId): Promise<Result<Article>>;
  /** Articles with this number (any written form: `L. 611-3`), in one code or in all. */
  findArticles(num: string, code?: CodeId): Promise<Result<ArticleCatalogEntry[]>>;
  getChangeSets(code: CodeId): Promise<Result<ChangeSet[]>>;
  /** The code's table of former and new article numbers (« Anciens textes » / « Nouveaux textes »). */
  getCorrespondence(code: CodeId): Promise<Result<CorrespondencePair[]>>;

  listTrails(): Promise<Result<Trail[]>>;
  saveTrail(trail: Trail): Promise<Result<Trail>>;
  deleteTrail(id: string): Promise<Result<true>>;

  getSession(): Promise<Result<SessionState>>;
  setSession(state: SessionState): Promise<Result<true>>;

  /**
   * Checks the corpus pack at `file` (a path on the host's machine, chosen in the host's own file
   * dialog or command line), installs it beside the corpus in use and switches to it at once. A
   * damaged or foreign file is refused with the reason, and the corpus in use stays.
   */
  importCorpus(file: string): Promise<Result<CorpusUpdate>>;
  /** « Revenir au corpus précédent »: the corpus in use before the last update. */
  revertCorpus(): Promise<Result<CorpusUpdate>>;

  /** What the host had to do since it started (damaged files kept aside…), for a banner; answered once the user's files are open. */
  getNotices(): Promise<Result<HostNotice[]>>;

  /** The annotations of one article (or every annotation, `{}`), in the order made. */
  listAnnotations(filter: { article?: ArticleId }): Promise<Result<Annotation[]>>;
  /** How many annotations each annotated article has (the mark in the table of contents and in search results). */
  annotationCounts(): Promise<Result<Record<ArticleId, number>>>;
  /** Creates an annotation, or puts back one that was deleted (undo); answered once on disk. */
  saveAnnotation(annotation: Annotation): Promise<Result<Annotation>>;
  /** Changes the note, tags or colour of an annotation, applied to the one on disk (another window's edit is kept). */
  editAnnotation(id: string, edit: AnnotationEdit): Promise<Result<Annotation>>;
  deleteAnnotation(id: string): Promise<Result<true>>;
  /** The list of all annotations: French search, filters, sorts (see `corpus/annotations/search.ts`). */
  searchAnnotations(query: AnnotationQuery): Promise<Result<AnnotationSearchAnswer>>;
  /** Merges an export file (its text) into the annotations; refuses the whole file, in French, if anything in it is wrong. */
  importAnnotations(fileText: string): Promise<Result<AnnotationImportReport>>;
  /** Every annotation as one export file (JSON text with a schema version). */
  exportAnnotations(): Promise<Result<string>>;
  getAnnotationSettings(): Promise<Result<AnnotationSettings>>;
  setAnnotationSettings(settings: AnnotationSettings): Promise<Result<AnnotationSettings>>;
  /** The annotations whose article got new versions since they were last reviewed (a corpus update), grouped by amending text. */
  getAnnotationReview(): Promise<Result<AnnotationReview>>;
  /** The review was read: those articles' versions are the new baseline. */
  acknowledgeAnnotationReview(): Promise<Result<true>>;

  /** Desktop: prints the print view to a PDF and asks where to save it. The web edition answers `unsupported` (the browser prints). */
  exportPdf(request: PrintRequest): Promise<Result<SavedFile>>;
  /** Desktop: asks where to save an export file and writes it. The web edition answers `unsupported` (the browser downloads). */
  saveExportFile(file: ExportFile): Promise<Result<SavedFile>>;
}

/** The method names, for the transports (IPC channels `palimpseste:<name>`, HTTP `POST /api/<name>`). */
export const API_METHODS = [
  'getCorpusInfo',
  'getToc',
  'getCatalog',
  'getArticle',
  'findArticles',
  'getChangeSets',
  'getCorrespondence',
  'listTrails',
  'saveTrail',
  'deleteTrail',
  'getSession',
  'setSession',
  'importCorpus',
  'revertCorpus',
  'getNotices',
  'listAnnotations',
  'annotationCounts',
  'saveAnnotation',
  'editAnnotation',
  'deleteAnnotation',
  'searchAnnotations',
  'importAnnotations',
  'exportAnnotations',
  'getAnnotationSettings',
  'setAnnotationSettings',
  'getAnnotationReview',
  'acknowledgeAnnotationReview',
  'exportPdf',
  'saveExportFile',
] as const satisfies readonly (keyof PalimpsesteApi)[];

export type ApiMethod = (typeof API_METHODS)[number];
