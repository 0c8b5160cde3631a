/**
 * Once the search index is in, the tables of contents of every code are loaded in the background,
 * one after the other: choosing a code then shows its tree at once (the sécurité sociale's catalog
 * alone is 2.5 MB to fetch and index). Waiting for the index keeps both off the first page's way.
 */
import { useEffect } from 'react';
import type { CorpusInfo } from '../../../electron/common/api.ts';
import type { Library } from '../data/library.ts';
import type { SearchClient } from '../search/search-client.ts';

export function useTocPrefetch(library: Library, client: SearchClient | undefined, corpus: CorpusInfo | undefined): void {
  useEffect(() => {
    if (!client || !corpus) return;
    let live = true;
    const prefetch = async () => {
      for (const code of corpus.manifest.codes) {
        if (!live) return;
        await library.codeIndex(code.id).catch(() => undefined);
      }
      if (live) performance.mark('palimpseste:tocs-preloaded');
    };
    if (client.state !== 'loading') void prefetch();
    else {
      const unsubscribe = client.subscribe(() => {
        unsubscribe();
        void prefetch();
      });
    }
    return () => {
      live = false;
    };
  }, [library, client, corpus]);
}
