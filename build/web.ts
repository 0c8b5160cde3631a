/**
 * `npm run web [-- --port N] [--corpus DIR] [--data DIR] [--renderer DIR] [--no-build] [--import-corpus FILE] [--revert-corpus]`: the web edition
 * (`build/web-edition.ts`). Prints its address `http://127.0.0.1:PORT/` on a line of its own (the
 * only line on stdout: the end-to-end tests wait for it). Everything else goes to stderr. Ctrl+C
 * (SIGINT) or SIGTERM closes the server and exits with 0.
 */
import { parseArgs } from 'node:util';
import {
  startWebEdition,
  untilStopped,
  WEB_ARGS,
  WEB_OPTIONS_USAGE,
  webEditionOptions,
  WebEditionError,
  WebEditionUsageError,
} from './web-edition.ts';

const USAGE = `Usage : npm run web -- [--port N] [--corpus DOSSIER] [--data DOSSIER] [--no-build]\n${WEB_OPTIONS_USAGE}`;
const say = (line: string) => console.error(line);

async function main(): Promise<number> {
  let values;
  try {
    values = parseArgs({ options: { ...WEB_ARGS, help: { type: 'boolean', short: 'h' } } }).values;
  } catch (error) {
    say(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  let web;
  try {
    const options = webEditionOptions(values, say);
    web = await startWebEdition(options);
  } catch (error) {
    if (!(error instanceof WebEditionError)) throw error;
    say(error.message);
    return error instanceof WebEditionUsageError ? 2 : 1;
  }
  say('Palimpseste, édition web — ouvrez cette adresse dans un navigateur (Ctrl+C pour arrêter) :');
  console.log(web.url);
  await untilStopped();
  await web.close();
  return 0;
}

process.exitCode = await main();
