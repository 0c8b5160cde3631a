import { describe, expect, it } from 'vitest';
import type { SearchResponse } from '../../../corpus/search/search-types.ts';
import type { FromWorker, ToWorker } from './search-protocol.ts';
import { SearchClient } from './search-client.ts';

/** A worker stand-in that records what it is sent and answers when told to. */
class FakePort {
  sent: ToWorker[] = [];
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  postMessage(message: ToWorker) {
    this.sent.push(message);
  }
  answer(message: FromWorker) {
    this.onmessage?.({ data: message } as MessageEvent<FromWorker>);
  }
}

const response = (total: number): SearchResponse => ({
  results: [],
  total,
  facets: { codes: {}, parts: {} },
  relaxed: false,
  empty: false,
  pastNeeded: false,
  pastLoaded: false,
  elapsed: 1,
});
const queries = (port: FakePort) => port.sent.flatMap((m) => (m.type === 'search' ? [m.query] : []));

describe('SearchClient', () => {
  it('sends the index location first, then one query at a time, keeping only the latest while busy', async () => {
    const port = new FakePort();
    const client = new SearchClient(port, 'http://127.0.0.1:4173/corpus/');
    expect(port.sent[0]).toEqual({ type: 'init', baseUrl: 'http://127.0.0.1:4173/corpus/' });
    const first = client.search('cot', {});
    const dropped = client.search('cotis', {});
    const latest = client.search('cotisations', {});
    expect(queries(port)).toEqual(['cot']);
    expect(await dropped).toBeUndefined();
    port.answer({ type: 'results', id: 1, response: response(40) });
    expect((await first)?.query).toBe('cot');
    expect(queries(port)).toEqual(['cot', 'cotisations']);
    port.answer({ type: 'results', id: 3, response: response(12) });
    expect((await latest)?.response.total).toBe(12);
  });

  it('tells its listeners when the index is ready and when the past versions are loaded', () => {
    const port = new FakePort();
    const client = new SearchClient(port, 'corpus/');
    const states: string[] = [];
    client.subscribe(() => states.push(client.state));
    port.answer({ type: 'ready', loadMs: 120, documents: 30_165 });
    expect(client.textsLoaded).toBe(false);
    port.answer({ type: 'texts-loaded', loadMs: 800 });
    expect(client.textsLoaded).toBe(true);
    port.answer({ type: 'past-loaded', loadMs: 900, documents: 55_023 });
    expect(states).toEqual(['ready', 'ready', 'complete']);
  });

  it('rejects pending and later queries once the index cannot be loaded', async () => {
    const port = new FakePort();
    const client = new SearchClient(port, 'corpus/');
    const pending = client.search('sécurité sociale', {});
    port.answer({ type: 'error', message: 'Index de recherche illisible : search/current.json' });
    await expect(pending).rejects.toThrow('Index de recherche illisible');
    await expect(client.search('x', {})).rejects.toThrow('Index de recherche illisible');
    expect(client.state).toBe('failed');
  });

  it('says at once why there is no search when the corpus itself could not be opened', async () => {
    const message =
      'Le manifeste du corpus est endommagé. Corpus endommagé : recompilez-le (« npm run corpus ») ou réinstallez Palimpseste.';
    const client = SearchClient.unavailable(message);
    expect([client.state, client.failureMessage]).toEqual(['failed', message]);
    await expect(client.search('cotisations', {})).rejects.toThrow(message);
  });
});
