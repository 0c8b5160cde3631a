/**
 * `npm start`: runs the app, always.
 * - With the Electron binary: builds what is missing (renderer, default corpus), compiles the main
 *   process and the preload, and launches Electron on them (its arguments follow `--`).
 * - Without it (its download is blocked on some machines): starts the web edition itself — the same
 *   reader on 127.0.0.1 (`build/web-edition.ts`) —, prints its address, opens it in the default
 *   browser where there is a display (`build/open-browser.ts`), and stops on Ctrl+C with the server
 *   closed (exit status 0). Options then: those of `npm run web`, and `--no-open`.
 */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { ELECTRON_OUT_DIR, PROJECT_ROOT } from '../electron/host/paths.ts';
import { findElectronBinary } from './electron-binary.ts';
import { buildElectron } from './electron-build.ts';
import { ensureCorpus, ensureRenderer } from './ensure-built.ts';
import { openInBrowser } from './open-browser.ts';
import {
  startWebEdition,
  untilStopped,
  WEB_ARGS,
  WEB_OPTIONS_USAGE,
  webEditionOptions,
  WebEditionError,
  WebEditionUsageError,
} from './web-edition.ts';

const say = (line: string) => console.error(line);

const WEB_USAGE = `Sans Electron, npm start sert l’édition web : npm start -- [--port N] [--corpus DOSSIER] [--data DOSSIER] [--no-build] [--no-open]
${WEB_OPTIONS_USAGE}
  --no-open         n’ouvre pas le navigateur (ou variable BROWSER=none)`;

async function launchElectron(electron: string): Promise<number> {
  if (!(await ensureRenderer(say))) return 1;
  await ensureCorpus(say);
  say('Compilation du processus principal (electron/ → build/out/electron/)…');
  const { main } = await buildElectron(ELECTRON_OUT_DIR);
  const child = spawn(electron, [main, ...process.argv.slice(2)], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', (error) => {
      say(`Impossible de lancer Electron : ${error.message}`);
      resolve(1);
    });
  });
}

async function serveWebEdition(): Promise<number> {
  let values;
  try {
    values = parseArgs({ options: { ...WEB_ARGS, 'no-open': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }).values;
  } catch (error) {
    say(`${error instanceof Error ? error.message : String(error)}\n${WEB_USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(WEB_USAGE);
    return 0;
  }
  say(
    'Electron n’est pas installé sur cette machine (binaire absent de node_modules/electron/dist) : Palimpseste s’ouvre dans le navigateur (édition web).',
  );
  let web;
  try {
    web = await startWebEdition(webEditionOptions(values, say));
  } catch (error) {
    if (!(error instanceof WebEditionError)) throw error;
    say(error.message);
    return error instanceof WebEditionUsageError ? 2 : 1;
  }
  say('Palimpseste, édition web — à cette adresse (Ctrl+C pour arrêter) :');
  console.log(web.url);
  await openInBrowser(web.url, { disabled: values['no-open'] ?? false, say });
  const reason = await untilStopped();
  await web.close();
  say(`Arrêt (${reason === 'parent-gone' ? 'npm arrêté' : reason}) : serveur fermé.`);
  return 0;
}

async function main(): Promise<number> {
  // Checked first: no point building for minutes to find there is nothing to run it with.
  const electron = findElectronBinary();
  return electron ? launchElectron(electron) : serveWebEdition();
}

process.exitCode = await main();
