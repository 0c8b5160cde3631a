/**
 * The host's services put together, the same for Electron and the web edition: the corpus bundle,
 * the user's trails and session, the notices, and the API handlers over them.
 */
import type { ExportFile, PalimpsesteApi, PrintRequest, SavedFile } from '../common/api.ts';
import lunr from 'lunr';
import { BUNDLE_SCHEMA_VERSION } from '../../corpus/model/bundle.ts';
import type { CodeId } from '../../corpus/model/model.ts';
import { locationFirstSegment } from '../common/deep-link.ts';
import { AnnotationStore } from './annotation-store.ts';
import { CorpusStore } from './corpus-store.ts';
import { InstalledCorpora } from './corpus-updates/installed-corpora.ts';
import { createHandlers, createJsonAnswers, type JsonAnswers } from './handlers.ts';
import { NoticeBoard } from './notices.ts';
import { SessionStore } from './session-store.ts';
import type { ServeOptions } from './static-files.ts';
import { TrailStore } from './trail-store.ts';

export interface HostOptions {
  /**
   * The corpus bundle folder shipped with the app (holding `manifest.json`). A corpus imported from
   * a pack (kept in the user-data folder) is read instead when there is one (`InstalledCorpora`).
   */
  corpusDir: string;
  /** The user-data folder (trails, session). */
  dataDir: string;
  log?: (message: string) => void;
  now?: () => Date;
  /** Desktop only (see `HandlerDeps`). */
  exportPdf?: (request: PrintRequest) => Promise<SavedFile>;
  saveExportFile?: (file: ExportFile) => Promise<SavedFile>;
}

export interface Host {
  api: PalimpsesteApi;
  /** For the web edition's HTTP transport: the articles sent as the bundle stores them (see `JsonAnswers`). */
  jsonAnswers: JsonAnswers;
  corpus: CorpusStore;
  /** The corpora imported from packs, and which one is in use. */
  corpora: InstalledCorpora;
  /** For the static servers (web edition, `palimpseste://`): a corpus file is checked before it is sent. */
  verifyCorpusFile: NonNullable<ServeOptions['verify']>;
  trails: TrailStore;
  session: SessionStore;
  annotations: AnnotationStore;
  notices: NoticeBoard;
  options: HostOptions;
}

export function createHost(options: HostOptions): Host {
  const notices = new NoticeBoard();
  const corpora = new InstalledCorpora({
    shippedDir: options.corpusDir,
    dataDir: options.dataDir,
    expected: { bundleSchemaVersion: BUNDLE_SCHEMA_VERSION, lunrVersion: lunr.version },
    ...(options.log ? { log: options.log } : {}),
  });
  const corpus = new CorpusStore(corpora.activeDir());
  const trails = new TrailStore(options.dataDir, notices, options.now, { ...(options.log ? { log: options.log } : {}) });
  const session = new SessionStore(options.dataDir, notices, options.now, { ...(options.log ? { log: options.log } : {}) });
  const annotations = new AnnotationStore(options.dataDir, notices, corpus, options.now, { ...(options.log ? { log: options.log } : {}) });
  // Opened now, not on first use: temp files of a crashed run are swept and a damaged file is
  // reported at launch (its notice is shown before the trails list is ever opened).
  void trails.ready().catch(() => undefined);
  void session.ready().catch(() => undefined);
  void annotations.ready().catch(() => undefined);
  const api = createHandlers({
    corpus,
    corpora,
    trails,
    session,
    annotations,
    notices,
    corpusBaseUrl: 'corpus/',
    ...(options.log ? { log: options.log } : {}),
    ...(options.exportPdf ? { exportPdf: options.exportPdf } : {}),
    ...(options.saveExportFile ? { saveExportFile: options.saveExportFile } : {}),
  });
  const jsonAnswers = createJsonAnswers({ corpus, ...(options.log ? { log: options.log } : {}) });
  const verifyCorpusFile: Host['verifyCorpusFile'] = (relative, info) => corpus.verifyFile(relative, info);
  return { api, jsonAnswers, corpus, corpora, verifyCorpusFile, trails, session, annotations, notices, options };
}

/**
 * Reads the corpus in the background (`CorpusStore.warm`), the code where the reader left off
 * first: that is where the next launch opens (or the corpus's first code, for a first launch).
 */
export async function warmCorpus(host: Host): Promise<CodeId[]> {
  const session = await host.session.get().catch(() => undefined);
  const firstCode = locationFirstSegment(session?.location);
  return host.corpus.warm(firstCode === undefined ? {} : { firstCode });
}
