/**
 * The search index's Web Worker: started once the first page is on screen (the index never delays
 * it), stopped when the corpus changes or the reader goes away. Undefined until it is started.
 * Without a corpus (missing, damaged: `corpusFailure`), the search says why at once instead of
 * waiting for an index.
 */
import { useEffect, useState } from 'react';
import type { CorpusInfo } from '../../../electron/common/api.ts';
import type { Library } from '../data/library.ts';
import { SearchClient } from './search-client.ts';

export function useSearchWorker(
  library: Library,
  corpus: CorpusInfo | undefined,
  corpusFailure: string | undefined,
): SearchClient | undefined {
  const [client, setClient] = useState<SearchClient>();
  useEffect(() => {
    if (corpusFailure !== undefined) setClient(SearchClient.unavailable(corpusFailure));
  }, [corpusFailure]);
  useEffect(() => {
    if (!corpus) return;
    let worker: Worker | undefined;
    let live = true;
    void library.firstPagePainted.then(() => {
      if (!live) return;
      worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: 'recherche' });
      const searchClient = new SearchClient(worker, new URL(corpus.baseUrl, document.baseURI).href);
      // Exposed for the tests and the benchmark: « loading », « ready », « complete », « failed »,
      // and whether the texts of the law in force are loaded.
      const show = () => {
        document.documentElement.dataset.searchIndex = searchClient.state;
        document.documentElement.dataset.searchTexts = searchClient.textsLoaded ? 'loaded' : 'loading';
      };
      show();
      searchClient.subscribe(show);
      setClient(searchClient);
    });
    return () => {
      live = false;
      worker?.terminate();
    };
  }, [library, corpus]);
  return client;
}
