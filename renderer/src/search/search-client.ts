/**
 * The main thread's side of the search worker. Queries are coalesced rather than delayed: while
 * the worker is busy only the latest query waits, and it is sent the moment the worker is free.
 * So typing fast never queues stale searches, and a lone query is answered with no fixed delay.
 */
import type { SearchFilters, SearchResponse } from '../../../corpus/search/search-types.ts';
import type { FromWorker, ToWorker } from './search-protocol.ts';

export interface SearchAnswer {
  query: string;
  filters: SearchFilters;
  response: SearchResponse;
}

interface Port {
  postMessage(message: ToWorker): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

interface Pending {
  id: number;
  query: string;
  filters: SearchFilters;
  resolve: (answer: SearchAnswer | undefined) => void;
  reject: (error: Error) => void;
}

export type IndexState = 'loading' | 'ready' | 'complete' | 'failed';

export class SearchClient {
  private nextId = 1;
  private inFlight?: Pending;
  private waiting?: Pending;
  private failure?: string;
  private listeners = new Set<() => void>();
  state: IndexState = 'loading';
  /** The texts of the law in force are loaded (searches no longer wait for them). */
  textsLoaded = false;
  /** Why the past versions could not be loaded, if they could not. */
  pastFailure?: string;

  constructor(
    private readonly port: Port,
    baseUrl: string,
  ) {
    port.onmessage = (event) => this.receive(event.data);
    port.onerror = () => this.fail('La recherche a cessé de fonctionner. Rechargez la page pour la relancer.');
    port.postMessage({ type: 'init', baseUrl });
  }

  /**
   * A client that will never search, saying why: the corpus itself could not be opened (damaged,
   * missing), so there is no index to wait for.
   */
  static unavailable(message: string): SearchClient {
    const client = new SearchClient({ postMessage: () => undefined, onmessage: null, onerror: null }, '');
    client.fail(message);
    return client;
  }

  /** Why the search cannot run, once it failed. */
  get failureMessage(): string | undefined {
    return this.failure;
  }

  /** Called when the index state changes (ready, past versions loaded, failure). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Resolves with the answer, or with undefined when a newer query replaced this one before it was
   * sent (the caller then simply waits for the newer answer).
   */
  search(query: string, filters: SearchFilters): Promise<SearchAnswer | undefined> {
    if (this.failure) return Promise.reject(new Error(this.failure));
    return new Promise((resolve, reject) => {
      this.waiting?.resolve(undefined);
      this.waiting = { id: this.nextId++, query, filters, resolve, reject };
      this.pump();
    });
  }

  private pump(): void {
    if (this.inFlight || !this.waiting) return;
    const next = this.waiting;
    this.waiting = undefined;
    this.inFlight = next;
    this.port.postMessage({ type: 'search', id: next.id, query: next.query, filters: next.filters });
  }

  private changed(state: IndexState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }

  private receive(message: FromWorker): void {
    switch (message.type) {
      case 'ready':
        this.changed('ready');
        return;
      case 'texts-loaded':
        this.textsLoaded = true;
        this.changed(this.state);
        return;
      case 'past-loaded':
        this.changed('complete');
        return;
      case 'past-failed':
        this.pastFailure = message.message;
        this.changed(this.state);
        return;
      case 'error':
        if (message.id === undefined) {
          this.fail(message.message);
          return;
        }
        break;
      case 'results':
        break;
    }
    const current = this.inFlight;
    if (!current || message.id !== current.id) return;
    this.inFlight = undefined;
    if (message.type === 'results') current.resolve({ query: current.query, filters: current.filters, response: message.response });
    else current.reject(new Error(message.message));
    this.pump();
  }

  private fail(message: string): void {
    this.failure = message;
    this.inFlight?.reject(new Error(message));
    this.waiting?.reject(new Error(message));
    this.inFlight = this.waiting = undefined;
    this.changed('failed');
  }
}
