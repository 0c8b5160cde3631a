/**
 * The search box of the top bar: results as you type (from the Web Worker), highlighted snippets,
 * filters, and article numbers in any form (`L. 611-3`, `art. L611-3`) offered first and opened by
 * Enter. Keyboard: ↑/↓ move in the results, Enter opens, Escape closes.
 */
import { AnnotatedMark } from '../annotations/AnnotatedMark.tsx';
import { forwardRef, useEffect, useEffectEvent, useImperativeHandle, useRef, useState, type KeyboardEvent } from 'react';
import type { ArticleCatalogEntry } from '../../../corpus/model/bundle.ts';
import { codeOfArticleId } from '../../../corpus/model/ids.ts';
import { normalizeArticleNumber } from '../../../corpus/text/article-number.ts';
import { useReader, type ArticleTarget } from '../reader/reader-context.ts';
import type { IsoDate } from '../../../corpus/model/model.ts';
import type { ArticlePart, SearchFilters, SearchResult } from '../../../corpus/search/search-types.ts';
import type { SearchAnswer, SearchClient } from './search-client.ts';
import { hitDate, hitState, hitTitle } from './result-labels.ts';
import { useSearch } from './use-search.ts';
import { snippetParts } from './snippet-parts.ts';
import { pastStatus } from './past-status.ts';
import { scopeChoices, scopeFilters, scopeLabel, scopePhrase, type ScopeChoice } from './search-scope.ts';
import { formatResultsLocation } from '../reader/results-route.ts';
import { CodePartFilters } from './CodePartFilters.tsx';

export interface SearchBoxHandle {
  focus(): void;
}

interface Option {
  key: string;
  target: ArticleTarget;
}

/**
 * Results asked of the worker for the drop-down: about twice what the panel shows; Entrée opens the
 * results page for the others. Fifty were more than a frame: their snippets (computed in the worker,
 * copied to the page, laid out) were a third of the time from a key to its results on screen.
 */
const RESULT_LIMIT = 20;

interface Filters {
  code?: string;
  part?: ArticlePart;
  scope: ScopeChoice;
}

export const SearchBox = forwardRef<SearchBoxHandle, { client: SearchClient | undefined }>(function SearchBox({ client }, ref) {
  const reader = useReader();
  const inputRef = useRef<HTMLInputElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  // The law of the date being read, by default (`search-scope.ts`).
  const [filters, setFilters] = useState<Filters>({ scope: 'reading-date' });
  const [active, setActive] = useState(-1);

  useImperativeHandle(ref, () => ({
    focus() {
      inputRef.current?.focus();
      inputRef.current?.select();
      setOpen(true);
    },
  }));

  const scope = scopeFilters(filters.scope, reader);
  const filterDate = scope.inForceOn;
  const engineFilters: SearchFilters = {
    scope: scope.scope,
    limit: RESULT_LIMIT,
    ...(filters.code ? { codes: [filters.code] } : {}),
    ...(filters.part ? { parts: [filters.part] } : {}),
    ...(filterDate ? { inForceOn: filterDate } : {}),
    ...(reader.readingCode ? { preferCode: reader.readingCode } : {}),
  };

  const { answer, error, numbers, pastFailure, typed } = useSearch(client, reader.library, query, engineFilters, filters.code);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const showAnswer = answer && answer.query === query.trim();
  // While the answer to the latest keystroke is on its way, the previous results stay (dimmed):
  // emptying the list at each key would make it flicker and cost a full redraw per key.
  const stale = !!answer && !showAnswer && query.trim().length >= 2;
  // The code being read first: on the Code de la mutualité, « L111-1 » is its own L111-1.
  const numberEntries = numbers && numbers.query === query.trim() ? readingCodeFirst(numbers.entries, reader.readingCode) : [];
  const numberIds = new Set(numberEntries.map((entry) => entry.id));
  const hits = answer && (showAnswer || stale) ? answer.response.results.filter((hit) => !numberIds.has(hit.article)) : [];
  const readingDate = reader.isToday ? undefined : reader.date;
  const options: Option[] = [
    ...numberEntries.map((entry) => ({ key: `num:${entry.id}`, target: entryTarget(entry, readingDate) })),
    ...hits.map((hit) => ({ key: `hit:${hit.article}`, target: hitTarget(hit, reader.date, readingDate, filterDate) })),
  ];

  const choose = (option: Option | undefined) => {
    if (!option) return;
    reader.openArticle(option.target, 'visit');
    setOpen(false);
    inputRef.current?.blur();
  };

  // Enter opens the first answer, once the answers for the text typed are in: the number lookup
  // (when the text is a number), and the full-text search unless a number already matched.
  const trimmed = query.trim();
  const isNumber = normalizeArticleNumber(trimmed) !== undefined;
  const numbersReady = !isNumber || numbers?.query === trimmed;
  const textReady = trimmed.length < 2 || !client || client.state === 'failed' || !!showAnswer || !!error;
  const answersReady = numbersReady && (textReady || numberEntries.length > 0);
  // Enter pressed before they were: the text it was pressed on; its first answer opens when they
  // arrive, unless the text has changed meanwhile.
  const [pendingEnter, setPendingEnter] = useState<string>();
  const openFirst = useEffectEvent(() => choose(options[0]));
  useEffect(() => {
    if (pendingEnter === undefined || pendingEnter !== trimmed || !answersReady) return;
    setPendingEnter(undefined);
    openFirst();
  }, [pendingEnter, trimmed, answersReady]);

  // Enter on words: the full results page, with the filters chosen here (a new history entry).
  const openResults = () => {
    window.location.hash = formatResultsLocation({
      q: trimmed,
      scope: scope.scope,
      page: 1,
      ...(filters.code ? { code: filters.code } : {}),
      ...(filters.part ? { part: filters.part } : {}),
      ...(filterDate ? { date: filterDate } : {}),
    });
    setOpen(false);
    inputRef.current?.blur();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(options.length - 1, i + 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(-1, i - 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (active >= 0) choose(options[active]);
      else if (!isNumber && trimmed.length >= 2) openResults();
      else if (answersReady) choose(options[0]);
      else setPendingEnter(trimmed);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (open) setOpen(false);
      else inputRef.current?.blur();
    }
  };

  const expanded = open && query.trim().length > 0;
  const optionId = (index: number) => `search-option-${index}`;

  return (
    <div className="search" ref={rootRef}>
      <label htmlFor="search-input" className="visually-hidden">
        Rechercher dans les codes
      </label>
      <input
        id="search-input"
        ref={inputRef}
        type="search"
        role="combobox"
        aria-expanded={expanded}
        aria-controls="search-panel"
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder="Rechercher : mots, « expression », L. 611-3…  (Ctrl+K)"
        value={query}
        onChange={(event) => {
          const value = event.target.value;
          typed(value);
          setQuery(value);
          setActive(-1);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
      />
      {expanded && (
        <div id="search-panel" className="search-panel">
          <div className="search-filters" role="group" aria-label="Filtres de recherche">
            <CodePartFilters
              code={filters.code}
              part={filters.part}
              hiddenLabels
              onChange={(change) => setFilters({ ...filters, ...change })}
            />
            <label>
              <span className="visually-hidden">État</span>
              <select
                name="etat"
                value={reader.isToday && filters.scope === 'today' ? 'reading-date' : filters.scope}
                onChange={(event) => setFilters({ ...filters, scope: event.target.value as ScopeChoice })}
              >
                {scopeChoices(reader).map((choice) => (
                  <option key={choice} value={choice}>
                    {scopeLabel(choice, reader)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <ul
            id="search-results"
            role="listbox"
            aria-label="Résultats de la recherche"
            aria-busy={stale}
            className={stale ? 'search-results stale' : 'search-results'}
          >
            {numberEntries.map((entry, index) => (
              <li
                key={entry.id}
                id={optionId(index)}
                role="option"
                aria-selected={active === index}
                className="search-option number-option"
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(options[index])}
              >
                <span className="option-title">
                  {entry.replaces ? `Nouvel article ${entry.num} (remplace ${entry.replaces})` : `Aller à l’article ${entry.num}`}
                </span>
                <span className="option-code">{reader.codeTitle(codeOfArticleId(entry.id))}</span>
              </li>
            ))}
            {hits.map((hit, i) => {
              const index = numberEntries.length + i;
              return (
                <li
                  key={hit.article}
                  id={optionId(index)}
                  role="option"
                  aria-selected={active === index}
                  className="search-option"
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => choose(options[index])}
                  onMouseMove={() => active !== index && setActive(index)}
                >
                  <span className="option-title">
                    {hitTitle(hit)}
                    <AnnotatedMark article={hit.article} />
                    <span className="option-state">{hitState(hit)}</span>
                  </span>
                  <span className="option-code">{reader.codeTitle(hit.code)}</span>
                  <span className="snippet">
                    {snippetParts(hit.snippet).map((part, j) =>
                      part.hit ? <mark key={j}>{part.text}</mark> : <span key={j}>{part.text}</span>,
                    )}
                  </span>
                </li>
              );
            })}
          </ul>
          <p className="search-status" role="status">
            {searchStatus(query, client, showAnswer ? answer : undefined, numberEntries.length, error, pastFailure, reader.today)}
          </p>
        </div>
      )}
    </div>
  );
});

function searchStatus(
  query: string,
  client: SearchClient | undefined,
  answer: SearchAnswer | undefined,
  numbers: number,
  error: string | undefined,
  pastFailure: string | undefined,
  today: IsoDate,
): string {
  if (error) return error;
  if (client?.state === 'failed' && client.failureMessage) return client.failureMessage;
  if (!client || client.state === 'loading') return 'Chargement de l’index de recherche…';
  if (query.trim().length < 2) return numbers > 0 ? '' : 'Tapez au moins deux caractères.';
  if (!answer) return 'Recherche…';
  const { response } = answer;
  if (response.empty) return 'Rien à chercher : ajoutez un mot plus précis.';
  const partial = response.pastNeeded && !response.pastLoaded ? ` ${pastStatus(pastFailure)}` : '';
  const within = ` ${scopePhrase(answer.filters.scope ?? 'in-force', answer.filters.inForceOn, today)}`;
  if (response.total === 0 && numbers === 0) return `Aucun résultat${within}. Essayez un autre mot, ou élargissez les filtres.${partial}`;
  const shown = response.results.length < response.total ? ` (les ${response.results.length} premiers affichés)` : '';
  const relaxed = response.relaxed ? ' Aucun article ne contient tous les mots : voici ceux qui en contiennent certains.' : '';
  const corrected = response.corrected ? `Résultats pour « ${response.corrected.query} ». ` : '';
  return `${corrected}${response.total} résultat${response.total > 1 ? 's' : ''}${within}${shown}.${relaxed}${partial} ↑ ↓ pour choisir, Entrée pour la page de résultats, Échap pour fermer.`;
}

/** Articles of the code being read first, the others after in the host's order. */
function readingCodeFirst<T extends ArticleCatalogEntry>(entries: readonly T[], code: string | undefined): T[] {
  if (!code) return [...entries];
  return [
    ...entries.filter((entry) => codeOfArticleId(entry.id) === code),
    ...entries.filter((entry) => codeOfArticleId(entry.id) !== code),
  ];
}

function entryTarget(entry: ArticleCatalogEntry, date: IsoDate | undefined): ArticleTarget {
  return { code: codeOfArticleId(entry.id), num: entry.num, id: entry.id, ...(date ? { date } : {}) };
}

function hitTarget(
  hit: SearchResult,
  readingDate: IsoDate,
  explicitReading: IsoDate | undefined,
  filterDate: IsoDate | undefined,
): ArticleTarget {
  const date = hitDate(hit, readingDate, explicitReading, filterDate);
  return { code: hit.code, num: hit.num, id: hit.article, ...(date ? { date } : {}) };
}
