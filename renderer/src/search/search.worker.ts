/**
 * The search Web Worker: loads the index of the law in force from the bundle, answers queries,
 * then loads the past versions' shards in the background (they only matter for searches of
 * repealed or past texts, and for the date filter).
 */
import type { Manifest } from '../../../corpus/model/bundle.ts';
import { SearchEngine } from '../../../corpus/search/engine.ts';
import type { FromWorker, ToWorker } from './search-protocol.ts';

const scope = self as unknown as { postMessage(message: FromWorker): void; onmessage: ((event: MessageEvent<ToWorker>) => void) | null };
const post = (message: FromWorker) => scope.postMessage(message);

let engine: Promise<SearchEngine> | undefined;

async function readText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
}

function documentCount(loaded: Record<string, number>): number {
  return Object.values(loaded).reduce((sum, n) => sum + n, 0);
}

async function start(baseUrl: string): Promise<SearchEngine> {
  const started = performance.now();
  const manifest = JSON.parse(await readText(new URL('manifest.json', baseUrl).href)) as Manifest;
  const loaded = await SearchEngine.load(manifest.search, (path) => readText(new URL(path, baseUrl).href));
  post({ type: 'ready', loadMs: performance.now() - started, documents: documentCount(loaded.loadedDocuments) });
  const pastStarted = performance.now();
  loaded.loadPast().then(
    () => post({ type: 'past-loaded', loadMs: performance.now() - pastStarted, documents: documentCount(loaded.loadedDocuments) }),
    (error: unknown) => post({ type: 'past-failed', message: error instanceof Error ? error.message : String(error) }),
  );
  return loaded;
}

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'init') {
    engine ??= start(message.baseUrl);
    engine.catch((error: unknown) => post({ type: 'error', message: error instanceof Error ? error.message : 'Index de recherche illisible.' }));
    return;
  }
  if (!engine) {
    post({ type: 'error', id: message.id, message: 'La recherche n’est pas encore prête.' });
    return;
  }
  engine.then(
    async (ready) => {
      try {
        post({ type: 'results', id: message.id, response: await ready.search(message.query, message.filters) });
      } catch (error) {
        post({ type: 'error', id: message.id, message: error instanceof Error ? error.message : String(error) });
      }
    },
    () => {
      // The load failure was reported once, without an id; the client rejects every query since.
    },
  );
};
