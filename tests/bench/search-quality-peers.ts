/**
 * The peers of the search-quality benchmark, each built on the same documents (the article's
 * number, the titles of its place in the table of contents, its text) and asked the same queries:
 * - MiniSearch 7 with its default settings (BM25+, every word optional), and the same index
 *   searched with `prefix: true, fuzzy: 0.2` (its documented typo-tolerant set-up), its fuzzy cost
 *   bounded by its own option `maxFuzzy: 2`: two edits at most (a swapped pair of letters is two
 *   for its Levenshtein distance), where the default, 6, lets a word of 13 letters or more
 *   (« administrative », « complémentaire ») match words three edits away, which multiplies the
 *   terms it expands to (measured here on a loaded machine: 0.2–0.5 s a query, 2 to 4 times its
 *   default search);
 * - FlexSearch 0.8, `Index` with its default settings over the three fields written one after the other;
 * - lunr 2.3.9 with lunr-languages' French pipeline (trimmer, stop words, Snowball stemmer), plain
 *   `index.search(query)`.
 * Each answers with the keys of the documents it ranks, best first.
 */
import { Index as FlexIndex } from 'flexsearch';
import lunr from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import frenchLanguage from 'lunr-languages/lunr.fr.js';
import MiniSearch from 'minisearch';

export interface PeerDocument {
  /** Ordinal in the collection. */
  id: number;
  num: string;
  titles: string;
  text: string;
}

export interface Peer {
  name: string;
  /** Document ordinals, best first (at least `wanted` of them when that many match). */
  search(query: string, wanted: number): number[];
}

let lunrReady = false;
function frenchLunr(): typeof lunr {
  if (!lunrReady) {
    stemmerSupport(lunr);
    frenchLanguage(lunr);
    lunrReady = true;
  }
  return lunr;
}

export function buildMiniSearch(documents: readonly PeerDocument[]): MiniSearch<PeerDocument> {
  const index = new MiniSearch<PeerDocument>({ fields: ['num', 'titles', 'text'], idField: 'id' });
  index.addAll(documents);
  return index;
}

export function miniSearchPeers(index: MiniSearch<PeerDocument>): Peer[] {
  return [
    {
      name: 'MiniSearch (défaut, BM25+)',
      search: (query, wanted) =>
        index
          .search(query)
          .slice(0, wanted)
          .map((hit) => hit.id as number),
    },
    {
      name: 'MiniSearch (préfixe + flou 0,2, maxFuzzy 2)',
      search: (query, wanted) =>
        index
          .search(query, { prefix: true, fuzzy: 0.2, maxFuzzy: 2 })
          .slice(0, wanted)
          .map((hit) => hit.id as number),
    },
  ];
}

export function flexSearchPeer(documents: readonly PeerDocument[]): Peer {
  const index = new FlexIndex();
  for (const doc of documents) index.add(doc.id, `${doc.num}\n${doc.titles}\n${doc.text}`);
  return { name: 'FlexSearch (défaut)', search: (query, wanted) => index.search(query, { limit: wanted }) as number[] };
}

/** lunr's query language gives meaning to `: ^ ~ * + -`; a user's words are searched as words. */
function lunrWords(query: string): string {
  return query.replace(/[:^~*+-]/g, ' ');
}

export function lunrPeer(documents: readonly PeerDocument[]): Peer {
  const l = frenchLunr();
  const index = l(function () {
    this.use((l as unknown as { fr: lunr.Builder.Plugin }).fr);
    this.ref('id');
    this.field('num');
    this.field('titles');
    this.field('text');
    for (const doc of documents) this.add({ id: String(doc.id), num: doc.num, titles: doc.titles, text: doc.text });
  });
  return {
    name: 'lunr + lunr-languages fr',
    search: (query, wanted) => {
      try {
        return index
          .search(lunrWords(query))
          .slice(0, wanted)
          .map((hit) => Number(hit.ref));
      } catch {
        return [];
      }
    },
  };
}
