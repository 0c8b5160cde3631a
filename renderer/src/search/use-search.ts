/**
 * Search as you type: the full-text answer of the worker for the text and filters on screen, and
 * the articles whose number the text is, in any written form (the host knows every form). Each
 * answer names the text it answers, so the view can tell a stale one (still shown, dimmed) from
 * the current one. The time from a keystroke to its answer is measured for the benchmark.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SearchFilters } from '../../../corpus/search/search-types.ts';
import { normalizeArticleNumber } from '../../../corpus/text/article-number.ts';
import type { Library } from '../data/library.ts';
import { withReplacements, type NumberEntry } from '../correspondence/with-replacements.ts';
import type { IndexState, SearchAnswer, SearchClient } from './search-client.ts';

export interface NumberMatches {
  query: string;
  /** A former number is followed by the articles that replaced it (`correspondence/`). */
  entries: NumberEntry[];
}

export interface Search {
  answer?: SearchAnswer;
  error?: string;
  numbers?: NumberMatches;
  /** Why the past versions could not be loaded, if they could not. */
  pastFailure?: string;
  /** Called with the text of each keystroke: the benchmark's measure starts there. Stable. */
  typed(text: string): void;
}

/**
 * The index's state, re-read when it changes (ready, complete with the past versions, failed), and
 * why the past versions could not be loaded, if they could not (the state itself stays « ready »).
 */
export function useIndexState(client: SearchClient | undefined): { state?: IndexState; pastFailure?: string } {
  const read = () => ({ ...(client ? { state: client.state } : {}), ...(client?.pastFailure ? { pastFailure: client.pastFailure } : {}) });
  const [index, setIndex] = useState(read);
  useEffect(() => {
    const reread = () =>
      setIndex({ ...(client ? { state: client.state } : {}), ...(client?.pastFailure ? { pastFailure: client.pastFailure } : {}) });
    reread();
    return client?.subscribe(reread);
  }, [client]);
  return index;
}

/** `code`: the code filter, which also narrows the number lookup. */
export function useSearch(
  client: SearchClient | undefined,
  library: Library,
  query: string,
  filters: SearchFilters,
  code?: string,
): Search {
  const [answer, setAnswer] = useState<SearchAnswer>();
  const [error, setError] = useState<string>();
  const [numbers, setNumbers] = useState<NumberMatches>();
  const typedAt = useRef(new Map<string, number>());
  // The index becoming ready (or complete with the past versions) re-runs the query on screen.
  const { state: indexState, pastFailure } = useIndexState(client);
  // The filters by value: a new object with the same filters is not a new search.
  const filtersKey = JSON.stringify(filters);

  // Full-text search, in the worker.
  useEffect(() => {
    const text = query.trim();
    if (!client || text.length < 2 || indexState === 'loading') {
      setAnswer(undefined);
      return;
    }
    let live = true;
    client.search(text, JSON.parse(filtersKey) as SearchFilters).then(
      (result) => {
        if (!live || !result) return;
        setAnswer(result);
        setError(undefined);
      },
      (failure: unknown) => live && setError(failure instanceof Error ? failure.message : String(failure)),
    );
    return () => {
      live = false;
    };
  }, [client, query, filtersKey, indexState]);

  // Article numbers in any written form: the host knows every form.
  useEffect(() => {
    const text = query.trim();
    if (!normalizeArticleNumber(text)) {
      setNumbers(undefined);
      return;
    }
    let live = true;
    void library.api
      .findArticles(text, code)
      .then((result) => withReplacements(library, result.ok ? result.value : []))
      .then((entries) => {
        if (live) setNumbers({ query: text, entries });
      });
    return () => {
      live = false;
    };
  }, [library, query, code]);

  // For the benchmark: time from the keystroke to the results on screen, measured in the page.
  useEffect(() => {
    if (!answer) return;
    const started = typedAt.current.get(answer.query);
    if (started === undefined) return;
    typedAt.current.delete(answer.query);
    performance.measure('palimpseste:search', {
      start: started,
      end: performance.now(),
      detail: { query: answer.query, total: answer.response.total, engineMs: answer.response.elapsed },
    });
  }, [answer]);

  const typed = useCallback((text: string) => {
    typedAt.current.set(text.trim(), performance.now());
  }, []);

  return {
    ...(answer ? { answer } : {}),
    ...(error ? { error } : {}),
    ...(numbers ? { numbers } : {}),
    ...(pastFailure ? { pastFailure } : {}),
    typed,
  };
}
