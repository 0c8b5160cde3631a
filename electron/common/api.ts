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
import type { Article, ArticleId, ChangeSet, Code, CodeId, IsoDate } from '../../corpus/model/model.ts';

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
  kind: 'trails-corrupt' | 'session-corrupt' | 'corpus-updated';
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

export interface PalimpsesteApi {
  getCorpusInfo(): Promise<Result<CorpusInfo>>;
  getToc(code: CodeId): Promise<Result<Code>>;
  getCatalog(code: CodeId): Promise<Result<ArticleCatalogEntry[]>>;
  getArticle(id: ArticleId): Promise<Result<Article>>;
  /** Articles with this number (any written form: `L. 611-3`), in one code or in all. */
  findArticles(num: string, code?: CodeId): Promise<Result<ArticleCatalogEntry[]>>;
  getChangeSets(code: CodeId): Promise<Result<ChangeSet[]>>;

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
}

/** The method names, for the transports (IPC channels `palimpseste:<name>`, HTTP `POST /api/<name>`). */
export const API_METHODS = [
  'getCorpusInfo',
  'getToc',
  'getCatalog',
  'getArticle',
  'findArticles',
  'getChangeSets',
  'listTrails',
  'saveTrail',
  'deleteTrail',
  'getSession',
  'setSession',
  'importCorpus',
  'revertCorpus',
  'getNotices',
] as const satisfies readonly (keyof PalimpsesteApi)[];

export type ApiMethod = (typeof API_METHODS)[number];
