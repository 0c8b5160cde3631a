/**
 * The search Web Worker: loads the index of the law in force from the bundle and answers queries.
 * The past versions' shards are loaded the first time a search asks for them (repealed articles,
 * every version, or a date other than the index's): they hold more text than the law in force
 * and most searches never need them, so they stay out of memory until then.
 */
import type { Manifest } from '../../../corpus/model/bundle.ts';
import { storedFile } from '../../../corpus/model/bundle-files.ts';
import { SearchEngine } from '../../../corpus/search/engine.ts';
import type { SearchFilters } from '../../../corpus/search/search-types.ts';
import type { FromWorker, ToWorker } from './search-protocol.ts';

const scope = self as unknown as { postMessage(message: FromWorker): void; onmessage: ((event: MessageEvent<ToWorker>) => void) | null };
const post = (message: FromWorker) => scope.postMessage(message);

let engine: Promise<SearchEngine> | undefined;
/**
 * The host's own words when it refused a file (a damaged corpus: « Corpus endommagé : recompilez-le
 * ou réinstallez Palimpseste »): shown as they are rather than wrapped in the engine's message.
 */
let refusal: string | undefined;

async function readText(url: string, gzipped = false): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) {
    const text = /^text\/plain/.test(response.headers.get('content-type') ?? '') ? (await response.text()).trim() : '';
    if (text) refusal ??= text;
    throw new Error(text || `HTTP ${response.status}`);
  }
  // The search files are stored gzipped (`bundle-files.ts`): decompressed natively as they arrive.
  if (!gzipped || !response.body) return response.text();
  return new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).text();
}

const failureMessage = (error: unknown, fallback: string) => refusal ?? (error instanceof Error ? error.message : fallback);

function documentCount(loaded: Record<string, number>): number {
  return Object.values(loaded).reduce((sum, n) => sum + n, 0);
}

async function start(baseUrl: string): Promise<SearchEngine> {
  const started = performance.now();
  const manifest = JSON.parse(await readText(new URL('manifest.json', baseUrl).href)) as Manifest;
  const loaded = await SearchEngine.load(manifest.search, (path) => {
    const { file, gzipped } = storedFile(manifest.files, path);
    return readText(new URL(file, baseUrl).href, gzipped);
  });
  post({ type: 'ready', loadMs: performance.now() - started, documents: documentCount(loaded.loadedDocuments) });
  loaded.textsLoaded().then(
    async () => {
      await warmUp(loaded);
      post({ type: 'texts-loaded', loadMs: performance.now() - started });
    },
    () => undefined,
  );
  return loaded;
}

/**
 * A few searches of every kind, answers dropped, once the texts are in: the engine's code is
 * compiled by the JavaScript engine before the user's first keystrokes rather than during them
 * (the first query typed was the slowest of the reader bench: « cot », « cotisa » ≈ 150 ms on
 * screen, against 35 ms for the median keystroke).
 */
async function warmUp(ready: SearchEngine): Promise<void> {
  for (const query of ['cotisations sociales', 'assur', '"organisme de sécurité sociale"', 'L. 111-1', 'contrat de travail']) {
    try {
      await ready.search(query, { limit: 20 });
    } catch {
      // A failure belongs to the user's own search, which reports it.
    }
  }
}

let pastStarted = false;

/** Starts loading the past shards once; the search box re-runs its query when they are in. */
function loadPast(ready: SearchEngine): void {
  if (pastStarted) return;
  pastStarted = true;
  const started = performance.now();
  ready.loadPast().then(
    () => post({ type: 'past-loaded', loadMs: performance.now() - started, documents: documentCount(ready.loadedDocuments) }),
    (error: unknown) => post({ type: 'past-failed', message: failureMessage(error, String(error)) }),
  );
}

/**
 * An answer over the law in force may ask for the past (a number found only among repealed
 * articles). A number being typed passes through such answers (« L. 6 », « L. 61 » on the way to
 * « L. 611-3 »), and loading the past shards holds the worker for some 400 ms: the keystrokes that
 * follow waited for it (the reader bench's slowest). So that load waits for the typing to pause.
 */
const PAST_AFTER_PAUSE_MS = 500;
let pastTimer: ReturnType<typeof setTimeout> | undefined;

function loadPastAfterPause(ready: SearchEngine): void {
  clearTimeout(pastTimer);
  pastTimer = setTimeout(() => loadPast(ready), PAST_AFTER_PAUSE_MS);
}

function needsPast(filters: SearchFilters, asOf: string): boolean {
  return (filters.scope ?? 'in-force') !== 'in-force' || (filters.inForceOn !== undefined && filters.inForceOn !== asOf);
}

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'init') {
    engine ??= start(message.baseUrl);
    engine.catch((error: unknown) => post({ type: 'error', message: failureMessage(error, 'Index de recherche illisible.') }));
    return;
  }
  if (!engine) {
    post({ type: 'error', id: message.id, message: 'La recherche n’est pas encore prête.' });
    return;
  }
  // A new query: the typing goes on (`loadPastAfterPause`).
  clearTimeout(pastTimer);
  engine.then(
    async (ready) => {
      try {
        if (needsPast(message.filters, ready.asOf)) loadPast(ready);
        const response = await ready.search(message.query, message.filters);
        // The engine may need the past for a query whose filters did not say so (an article number
        // found only among repealed articles): its answer says it, and the past is loaded once the
        // typing pauses.
        if (response.pastNeeded && !response.pastLoaded) loadPastAfterPause(ready);
        post({ type: 'results', id: message.id, response });
      } catch (error) {
        post({ type: 'error', id: message.id, message: error instanceof Error ? error.message : String(error) });
      }
    },
    () => {
      // The load failure was reported once, without an id; the client rejects every query since.
    },
  );
};
