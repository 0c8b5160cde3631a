/**
 * The web edition, started and stopped: what `npm run web` runs, and `npm start` where the Electron
 * binary is absent. Builds what is missing (renderer, default corpus), serves the reader on
 * 127.0.0.1 with the same handlers as the desktop app, and stops on Ctrl+C (SIGINT) or SIGTERM with
 * the server closed. Everything it says goes to `say` (stderr): stdout carries only the address.
 */
import path from 'node:path';
import { createHost, warmCorpus } from '../electron/host/host.ts';
import { CORPUS_DIR, defaultDataDir, RENDERER_DIR } from '../electron/host/paths.ts';
import { startWebServer, type WebServer } from '../electron/host/web-server.ts';
import { ensureCorpus, ensureRenderer, type Say } from './ensure-built.ts';

export const WEB_OPTIONS_USAGE = `  --port N          port sur 127.0.0.1 (ou variable PORT ; 0 = un port libre ; défaut 5180, ou un port libre s’il est pris)
  --corpus DOSSIER  corpus compilé à servir (défaut : corpus/dist, compilé s’il manque)
  --data DOSSIER    dossier des données de l’utilisateur : pistes, session (défaut : ${defaultDataDir()})
  --renderer DOSSIER  interface construite à servir (défaut : build/out/renderer, construite si elle manque)
  --no-build        ne construit rien : sert ce qui existe
  --import-corpus FICHIER  installe ce paquet de corpus (« npm run corpus -- --pack FICHIER ») et le sert ;
                    un fichier endommagé ou étranger est refusé, le corpus en usage reste
  --revert-corpus   revient au corpus en usage avant la dernière mise à jour`;

const DEFAULT_PORT = 5180;

export interface WebEditionOptions {
  /** Undefined: 5180, or a free port when it is taken. */
  port?: number;
  corpusDir?: string;
  dataDir?: string;
  rendererDir?: string;
  /** Build the renderer and the default corpus when missing (default true). */
  build?: boolean;
  /** A corpus pack to install before serving (`npm run corpus -- --pack FILE`). */
  importCorpus?: string;
  /** Go back to the corpus in use before the last update, before serving. */
  revertCorpus?: boolean;
  say: Say;
}

export interface RunningWebEdition {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  close(): Promise<void>;
}

export class WebEditionError extends Error {}

/** A bad option (exit status 2). */
export class WebEditionUsageError extends WebEditionError {}

/** The options the web edition shares between `npm run web` and `npm start`, parsed. */
export const WEB_ARGS = {
  port: { type: 'string' },
  corpus: { type: 'string' },
  data: { type: 'string' },
  renderer: { type: 'string' },
  'no-build': { type: 'boolean' },
  'import-corpus': { type: 'string' },
  'revert-corpus': { type: 'boolean' },
} as const;

/** Reads `WEB_ARGS` values (and the `PORT` variable) into options; a bad port is a `WebEditionUsageError`. */
export function webEditionOptions(
  values: Partial<
    Record<'port' | 'corpus' | 'data' | 'renderer' | 'import-corpus', string> & Record<'no-build' | 'revert-corpus', boolean>
  >,
  say: Say,
  env: NodeJS.ProcessEnv = process.env,
): WebEditionOptions {
  const options: WebEditionOptions = { say, build: !values['no-build'] };
  const port = parsePort(values.port) ?? parsePort(env.PORT);
  if (port !== undefined) options.port = port;
  if (values.corpus) options.corpusDir = path.resolve(values.corpus);
  if (values.data) options.dataDir = path.resolve(values.data);
  if (values.renderer) options.rendererDir = path.resolve(values.renderer);
  if (values['import-corpus']) options.importCorpus = path.resolve(values['import-corpus']);
  if (values['revert-corpus']) options.revertCorpus = true;
  return options;
}

function parsePort(text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new WebEditionUsageError(`Port invalide : « ${text} ».`);
  return port;
}

export async function startWebEdition(options: WebEditionOptions): Promise<RunningWebEdition> {
  const { say } = options;
  const corpusDir = options.corpusDir ?? CORPUS_DIR;
  const dataDir = options.dataDir ?? defaultDataDir();
  const rendererDir = options.rendererDir ?? RENDERER_DIR;

  if (options.build !== false) {
    if (!options.rendererDir && !(await ensureRenderer(say))) throw new WebEditionError('La construction de l’interface a échoué.');
    // A corpus given with --corpus is the user's: it is served as is, or reported missing in the app.
    if (!options.corpusDir) await ensureCorpus(say);
  }

  const host = createHost({ corpusDir, dataDir, log: say });
  // Before serving: a refused pack stops here (exit status 1), the corpus in use untouched.
  const update = options.importCorpus
    ? await host.api.importCorpus(options.importCorpus)
    : options.revertCorpus
      ? await host.api.revertCorpus()
      : undefined;
  if (update && !update.ok) throw new WebEditionError(update.error.message);
  if (update) say(update.value.message);
  // A function: an imported corpus is served from its own folder (`host.corpus.root`).
  const serverOptions = {
    api: host.api,
    jsonAnswers: host.jsonAnswers,
    rendererDir,
    corpusDir: () => host.corpus.root,
    verifyCorpusFile: host.verifyCorpusFile,
    log: say,
  };
  let web: WebServer;
  try {
    web = await startWebServer({ ...serverOptions, port: options.port ?? DEFAULT_PORT });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || options.port !== undefined) {
      throw new WebEditionError(`Impossible d’écouter sur 127.0.0.1:${options.port ?? DEFAULT_PORT} : ${(error as Error).message}`, {
        cause: error,
      });
    }
    web = await startWebServer({ ...serverOptions, port: 0 });
  }
  const corpus = await host.api.getCorpusInfo();
  if (!corpus.ok) say(corpus.error.message);
  else {
    const sample = corpus.value.manifest.sources.some((s) => s.path.includes(`${path.sep}corpus${path.sep}sample${path.sep}`));
    say(
      `Corpus : ${corpus.value.manifest.counts.articles} articles de ${corpus.value.manifest.counts.codes} codes (${host.corpus.root}). Données : ${dataDir}.` +
        (sample ? ' Historiques : l’échantillon du dépôt (../shared/corpus absent ; voir « npm run corpus:fetch »).' : ''),
    );
  }
  // Once the server listens: the catalogs' number index, built while the reader loads its first
  // page, so that the first number typed in the search box finds its articles at once.
  const warming = performance.now();
  void warmCorpus(host).then((codes) => say(`Catalogues prêts : ${codes.length} codes (${Math.round(performance.now() - warming)} ms).`));
  return { url: web.url, close: () => web.close() };
}

/**
 * The parent as this process started, not when `untilStopped` is called: npm can be gone by then
 * (the build and the start of the host come first), and the parent read then would be the adopter.
 */
const LAUNCH_PARENT = process.ppid;

/** Why the web edition stops: a signal, or the process that started it is gone. */
export type StopReason = NodeJS.Signals | 'parent-gone';

/**
 * Resolves on the first Ctrl+C (SIGINT) or SIGTERM — or when the process that started this one is
 * gone: `npm start` runs it through `sh -c`, and a SIGTERM sent to npm alone (a process manager, an
 * editor's stop button) kills npm and sh but not us, leaving an orphan that holds the port. An
 * orphan is adopted by another process: a changed parent id says so.
 */
export function untilStopped(parentCheckMs = 1000): Promise<StopReason> {
  return new Promise((resolve) => {
    const parent = LAUNCH_PARENT;
    // Already adopted: npm went while the edition was starting (seen on a loaded machine).
    if (process.ppid !== parent) return resolve('parent-gone');
    const watch = setInterval(() => {
      if (process.ppid !== parent) stop('parent-gone');
    }, parentCheckMs);
    watch.unref();
    function stop(reason: StopReason) {
      clearInterval(watch);
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(reason);
    }
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
