/**
 * Messages between the search box and its Web Worker. The worker owns the index (the bundle's
 * `search/` files, read from the app's `corpus/` URL) and the `SearchEngine`, so typing never
 * waits for Lunr on the main thread. Filters and results are the engine's own shapes.
 */
import type { SearchFilters, SearchResponse } from '../../../corpus/search/search-types.ts';

export type ToWorker =
  /** `baseUrl`: absolute URL of the bundle root (a worker resolves relative URLs against its own script). */
  { type: 'init'; baseUrl: string } | { type: 'search'; id: number; query: string; filters: SearchFilters };

export type FromWorker =
  /** The index of the law in force is loaded: searches can run. */
  | { type: 'ready'; loadMs: number; documents: number }
  /** The stored texts of the law in force are in too (snippets no longer wait for them). */
  | { type: 'texts-loaded'; loadMs: number }
  /** Every past shard is loaded too: searches of past texts are now complete. */
  | { type: 'past-loaded'; loadMs: number; documents: number }
  /** A past shard could not be loaded: searches of today's law still work. */
  | { type: 'past-failed'; message: string }
  | { type: 'results'; id: number; response: SearchResponse }
  /** `id` absent: the index itself could not be loaded (the search box says so). */
  | { type: 'error'; id?: number; message: string };
