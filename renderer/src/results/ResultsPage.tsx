/**
 * The full results view (Enter in the search box): the results page by page, how many per code
 * and per part, the filters in view (code, part, in force / all versions / repealed, date), each
 * article's best passage with the query words marked, the dates of a past text, keyboard
 * navigation (↑ ↓ move, Entrée opens, Page suivante / précédente with PageDown / PageUp).
 *
 * The address keeps the query, the filters and the page (`results-query.ts`): every change is a
 * new browser history entry, and opening an article keeps the results' entry below it, so that
 * back returns here and reload shows the same page.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { IsoDate } from '../../../corpus/model/model.ts';
import type { ArticlePart, SearchResponse, SearchResult, SearchScope } from '../../../corpus/search/search-types.ts';
import { useReader, type ArticleTarget } from '../reader/reader-context.ts';
import { formatDate } from '../dates/french-dates.ts';
import { DateField } from '../ui/DateField.tsx';
import type { SearchClient } from '../search/search-client.ts';
import { hitDate, hitState } from '../search/result-labels.ts';
import { snippetParts } from '../search/snippet-parts.ts';
import { pastStatus } from '../search/past-status.ts';
import { scopePhrase } from '../search/search-scope.ts';
import { useIndexState } from '../search/use-search.ts';
import { formatResultsLocation, RESULTS_PER_PAGE, resultsFilters, type ResultsQuery } from '../reader/results-route.ts';
import './results.css';

const PART_NAMES: Record<ArticlePart, string> = {
  L: 'Partie législative',
  R: 'Réglementaire (R)',
  D: 'Réglementaire (D)',
  A: 'Arrêtés (A)',
  other: 'Annexes et autres',
};
const PART_ORDER: ArticlePart[] = ['L', 'R', 'D', 'A', 'other'];
const SCOPE_NAMES: Record<SearchScope, string> = {
  'in-force': 'Droit en vigueur',
  all: 'Toutes les versions',
  repealed: 'Articles abrogés',
};

/** Shows another query or page: a new history entry (back returns to this one). */
function go(query: ResultsQuery): void {
  const location = formatResultsLocation(query);
  if (window.location.hash !== location) window.location.hash = location;
}

function periods(hit: SearchResult): string {
  const others = hit.matchedRanges.filter((range) => !hit.ranges.some((shown) => shown.from === range.from && shown.to === range.to));
  if (others.length === 0) return '';
  const list = others.map((range) =>
    range.to ? `du ${formatDate(range.from)} au ${formatDate(range.to)}` : `depuis le ${formatDate(range.from)}`,
  );
  return `Autres textes de l’article qui correspondent : ${list.join(' ; ')}.`;
}

export function ResultsPage({
  query,
  client,
  readingCode,
}: {
  query: ResultsQuery;
  client: SearchClient | undefined;
  /** The code being read (its table of contents is shown): where a number is in several codes, its article comes first. */
  readingCode: string | undefined;
}) {
  const reader = useReader();
  const [answer, setAnswer] = useState<{ key: string; response: SearchResponse }>();
  const [error, setError] = useState<string>();
  const [active, setActive] = useState(0);
  const { state: indexState, pastFailure } = useIndexState(client);
  const listRef = useRef<HTMLOListElement>(null);
  const key = formatResultsLocation(query);

  useEffect(() => {
    if (!client || indexState === 'loading' || !query.q) return;
    let live = true;
    const ask = (attempt: number) =>
      client.search(query.q, resultsFilters(query, readingCode)).then(
        (result) => {
          if (!live) return;
          // Replaced by a query of the search box before it was sent: ask again.
          if (!result) {
            if (attempt < 5) void ask(attempt + 1);
            return;
          }
          setAnswer({ key, response: result.response });
          setError(undefined);
          setActive(0);
        },
        (failure: unknown) => live && setError(failure instanceof Error ? failure.message : String(failure)),
      );
    void ask(0);
    return () => {
      live = false;
    };
    // `key` stands for the query and its filters: the route gives a new `query` object on every
    // render, so depending on it would ask the worker again for the same answer each time.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, key, indexState, readingCode]);

  useEffect(() => {
    listRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const response = answer?.key === key ? answer.response : undefined;
  const results = response?.results ?? [];
  const pages = response ? Math.max(1, Math.ceil(response.total / RESULTS_PER_PAGE)) : 1;
  const codes = reader.corpus?.manifest.codes ?? [];
  const readingDate = reader.isToday ? undefined : reader.date;

  const target = (hit: SearchResult): ArticleTarget => {
    const date: IsoDate | undefined = hitDate(hit, reader.date, readingDate, query.date);
    return { code: hit.code, num: hit.num, id: hit.article, ...(date ? { date } : {}) };
  };
  const open = (hit: SearchResult | undefined) => {
    if (!hit) return;
    // The results stay in the history below the article: back returns to them.
    window.history.pushState(null, '', window.location.hash);
    reader.openArticle(target(hit), 'visit');
  };
  const set = (change: Partial<ResultsQuery>) => go({ ...query, ...change, page: change.page ?? 1 });

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if ((event.target as HTMLElement).closest('select, input')) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((i) => Math.min(results.length - 1, i + 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      open(results[active]);
    } else if (event.key === 'PageDown' && query.page < pages) {
      event.preventDefault();
      set({ page: query.page + 1 });
    } else if (event.key === 'PageUp' && query.page > 1) {
      event.preventDefault();
      set({ page: query.page - 1 });
    }
  };

  const first = (query.page - 1) * RESULTS_PER_PAGE + 1;
  const status = !query.q
    ? 'Tapez des mots dans la zone de recherche, puis Entrée.'
    : error
      ? error
      : !client || indexState === 'loading'
        ? 'Chargement de l’index de recherche…'
        : !response
          ? 'Recherche…'
          : response.empty
            ? 'Rien à chercher : ajoutez un mot plus précis.'
            : response.total === 0
              ? 'Aucun résultat. Essayez un autre mot, ou élargissez les filtres.'
              : `${response.total} article${response.total > 1 ? 's' : ''} ${scopePhrase(query.scope, query.date, reader.today)} — résultats ${first} à ${first + results.length - 1}, page ${query.page} sur ${pages}.`;

  return (
    <section className="results-page article-pane" aria-labelledby="results-title" onKeyDown={onKeyDown}>
      <h1 id="results-title">Résultats pour « {response?.corrected?.query ?? query.q} »</h1>
      {response?.corrected && (
        <p className="results-corrected" role="note">
          Aucun texte ne contient {response.corrected.words.map((word) => `« ${word.typed} »`).join(', ')} : résultats pour «{' '}
          {response.corrected.query} ».
        </p>
      )}
      {response?.relaxed && (
        <p className="results-corrected">Aucun article ne contient tous les mots : voici ceux qui en contiennent certains.</p>
      )}
      <div className="results-filters" role="group" aria-label="Filtres des résultats">
        <label>
          Code{' '}
          <select value={query.code ?? ''} onChange={(event) => set({ code: event.target.value || undefined })}>
            <option value="">Tous les codes</option>
            {codes.map((code) => (
              <option key={code.id} value={code.id}>
                {code.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Partie{' '}
          <select
            value={query.part ?? ''}
            onChange={(event) => set({ part: (event.target.value || undefined) as ArticlePart | undefined })}
          >
            <option value="">Toutes les parties</option>
            {PART_ORDER.map((part) => (
              <option key={part} value={part}>
                {PART_NAMES[part]}
              </option>
            ))}
          </select>
        </label>
        <label>
          État{' '}
          <select value={query.scope} onChange={(event) => set({ scope: event.target.value as SearchScope })}>
            {(Object.keys(SCOPE_NAMES) as SearchScope[]).map((scope) => (
              <option key={scope} value={scope}>
                {SCOPE_NAMES[scope]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {/* The French date entry of the top bar (jj/mm/aaaa whatever the locale); empty: no date. */}
          En vigueur le <DateField id="results-date" value={query.date} optional onChange={(date) => set({ date })} />
        </label>
      </div>
      {response && response.total > 0 && (
        <div className="results-facets">
          <nav aria-label="Résultats par code">
            <h2>Par code</h2>
            <ul>
              {Object.entries(response.facets.codes)
                .sort((a, b) => b[1] - a[1])
                .map(([code, count]) => (
                  <li key={code}>
                    <button
                      type="button"
                      aria-pressed={query.code === code}
                      onClick={() => set({ code: query.code === code ? undefined : code })}
                    >
                      {reader.codeTitle(code)} <span className="count">{count}</span>
                    </button>
                  </li>
                ))}
            </ul>
          </nav>
          <nav aria-label="Résultats par partie">
            <h2>Par partie</h2>
            <ul>
              {PART_ORDER.filter((part) => response.facets.parts[part]).map((part) => (
                <li key={part}>
                  <button
                    type="button"
                    aria-pressed={query.part === part}
                    onClick={() => set({ part: query.part === part ? undefined : part })}
                  >
                    {PART_NAMES[part]} <span className="count">{response.facets.parts[part]}</span>
                  </button>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      )}
      <p className="results-status" role="status">
        {status}
        {response && response.pastNeeded && !response.pastLoaded ? ` ${pastStatus(pastFailure)}` : ''}
      </p>
      <ol
        ref={listRef}
        className="results-list"
        aria-label="Résultats"
        tabIndex={0}
        aria-activedescendant={results.length ? `result-${active}` : undefined}
        start={first}
      >
        {results.map((hit, i) => (
          <li
            key={hit.article}
            id={`result-${i}`}
            data-index={i}
            className="result"
            aria-selected={i === active}
            onMouseMove={() => i !== active && setActive(i)}
          >
            <a
              className="result-title"
              href={reader.articleHref(target(hit))}
              onClick={(event) => {
                event.preventDefault();
                open(hit);
              }}
            >
              Article {hit.num}
              <span className="option-state">{hitState(hit)}</span>
            </a>
            <span className="option-code">{reader.codeTitle(hit.code)}</span>
            <p className="snippet">
              {snippetParts(hit.snippet).map((part, j) => (part.hit ? <mark key={j}>{part.text}</mark> : <span key={j}>{part.text}</span>))}
            </p>
            {!hit.inForce || hit.matchedVersions > 1 ? <p className="result-versions">{periods(hit)}</p> : null}
          </li>
        ))}
      </ol>
      {pages > 1 && (
        <nav className="results-pages" aria-label="Pages de résultats">
          <button type="button" disabled={query.page <= 1} onClick={() => set({ page: query.page - 1 })}>
            ← Page précédente
          </button>
          <span>
            Page {query.page} sur {pages}
          </span>
          <button type="button" disabled={query.page >= pages} onClick={() => set({ page: query.page + 1 })}>
            Page suivante →
          </button>
        </nav>
      )}
      <p className="results-help">↑ ↓ pour choisir, Entrée pour ouvrir, Page suivante / précédente : PageDown / PageUp.</p>
    </section>
  );
}
