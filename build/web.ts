/**
 * `npm run web [-- --port N] [--corpus DIR] [--data DIR] [--renderer DIR] [--no-build] [--import-corpus FILE] [--revert-corpus]`: the web edition. Builds
 * what is missing (renderer, default corpus), serves the reader on 127.0.0.1 with the same handlers
 * as the desktop app, and prints its address `http://127.0.0.1:PORT/` on a line of its own (the only
 * line on stdout: the end-to-end tests wait for it). Everything else goes to stderr.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createHost } from '../electron/host/host.ts';
import { CORPUS_DIR, defaultDataDir, RENDERER_DIR } from '../electron/host/paths.ts';
import { startWebServer, type WebServer } from '../electron/host/web-server.ts';
import { ensureCorpus, ensureRenderer } from './ensure-built.ts';

const USAGE = `Usage : npm run web -- [--port N] [--corpus DOSSIER] [--data DOSSIER] [--no-build]
  --port N          port sur 127.0.0.1 (ou variable PORT ; 0 = un port libre ; défaut 5180, ou un port libre s’il est pris)
  --corpus DOSSIER  corpus compilé à servir (défaut : corpus/dist, compilé s’il manque)
  --data DOSSIER    dossier des données de l’utilisateur : pistes, session (défaut : ${defaultDataDir()})
  --renderer DOSSIER  interface construite à servir (défaut : build/out/renderer, construite si elle manque)
  --no-build        ne construit rien : sert ce qui existe
  --import-corpus FICHIER  installe ce paquet de corpus (« npm run corpus -- --pack FICHIER ») et le sert ;
                    un fichier endommagé ou étranger est refusé, le corpus en usage reste
  --revert-corpus   revient au corpus en usage avant la dernière mise à jour`;

const DEFAULT_PORT = 5180;
const say = (line: string) => console.error(line);

function parsePort(text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Port invalide : « ${text} ».`);
  return port;
}

async function main(): Promise<number> {
  let values;
  try {
    values = parseArgs({
      options: {
        port: { type: 'string' },
        corpus: { type: 'string' },
        data: { type: 'string' },
        renderer: { type: 'string' },
        'no-build': { type: 'boolean' },
        'import-corpus': { type: 'string' },
        'revert-corpus': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    say(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  let requestedPort: number | undefined;
  try {
    requestedPort = parsePort(values.port) ?? parsePort(process.env.PORT);
  } catch (error) {
    say((error as Error).message);
    return 2;
  }
  const corpusDir = values.corpus ? path.resolve(values.corpus) : CORPUS_DIR;
  const dataDir = values.data ? path.resolve(values.data) : defaultDataDir();
  const rendererDir = values.renderer ? path.resolve(values.renderer) : RENDERER_DIR;

  if (!values['no-build']) {
    if (!values.renderer && !ensureRenderer(say)) return 1;
    // A corpus given with --corpus is the user's: it is served as is, or reported missing in the app.
    if (!values.corpus) ensureCorpus(say);
  }

  const host = createHost({ corpusDir, dataDir, log: say });
  // Before serving: a refused pack stops here (exit status 1), the corpus in use untouched.
  const update = values['import-corpus']
    ? await host.api.importCorpus(path.resolve(values['import-corpus']))
    : values['revert-corpus']
      ? await host.api.revertCorpus()
      : undefined;
  if (update && !update.ok) {
    say(update.error.message);
    return 1;
  }
  if (update) say(update.value.message);
  const options = { api: host.api, rendererDir, corpusDir: () => host.corpus.root, verifyCorpusFile: host.verifyCorpusFile, log: say };
  let web: WebServer;
  try {
    web = await startWebServer({ ...options, port: requestedPort ?? DEFAULT_PORT });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || requestedPort !== undefined) {
      say(`Impossible d’écouter sur 127.0.0.1:${requestedPort ?? DEFAULT_PORT} : ${(error as Error).message}`);
      return 1;
    }
    web = await startWebServer({ ...options, port: 0 });
  }
  const corpus = await host.api.getCorpusInfo();
  if (!corpus.ok) say(corpus.error.message);
  else
    say(
      `Corpus : ${corpus.value.manifest.counts.articles} articles de ${corpus.value.manifest.counts.codes} codes (${host.corpus.root}). Données : ${dataDir}.`,
    );
  say('Palimpseste, édition web — ouvrez cette adresse dans un navigateur (Ctrl+C pour arrêter) :');
  console.log(web.url);
  // Once the address is out: the catalogs' number index, built while the reader loads its first
  // page, so that the first number typed in the search box finds its articles at once.
  const warming = performance.now();
  void host.corpus.warm().then((codes) => say(`Catalogues prêts : ${codes.length} codes (${Math.round(performance.now() - warming)} ms).`));

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await web.close();
  return 0;
}

process.exitCode = await main();
