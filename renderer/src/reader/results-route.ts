/**
 * What the results page shows, as its address keeps it: `#/recherche?q=…&code=…&partie=…&etat=…&date=…&page=…`.
 * Back, forward and reload return to the same query, filters and page. Parsing never throws: a
 * value that makes no sense is dropped (an unknown part, a date that is not one, page « -3 »).
 */
import type { CodeId, IsoDate } from '../../../corpus/model/model.ts';
import type { ArticlePart, SearchFilters, SearchScope } from '../../../corpus/search/search-types.ts';
import { isIsoDate } from '../dates/french-dates.ts';

export const RESULTS_SEGMENT = 'recherche';
/** Results per page of the results view. */
export const RESULTS_PER_PAGE = 20;

export interface ResultsQuery {
  q: string;
  code?: CodeId;
  part?: ArticlePart;
  scope: SearchScope;
  /** In force on this date. */
  date?: IsoDate;
  /** 1-based. */
  page: number;
}

const PARTS: readonly ArticlePart[] = ['L', 'R', 'D', 'A', 'other'];
/** The scopes as the address writes them (French words a user can read in the address bar). */
const SCOPE_WORDS: Record<SearchScope, string> = { 'in-force': 'vigueur', all: 'toutes', repealed: 'abroges' };
const CODE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Whether a location path (after `#/`) is the results page's. */
export function isResultsPath(path: string): boolean {
  return path === RESULTS_SEGMENT || path.startsWith(`${RESULTS_SEGMENT}?`);
}

/** The query of a results location path (`recherche?q=…`). */
export function parseResultsPath(path: string): ResultsQuery {
  const params = new URLSearchParams(path.slice(RESULTS_SEGMENT.length + 1));
  const code = params.get('code') ?? '';
  const part = params.get('partie') ?? '';
  const scopeWord = params.get('etat') ?? '';
  const scope = (Object.keys(SCOPE_WORDS) as SearchScope[]).find((key) => SCOPE_WORDS[key] === scopeWord) ?? 'in-force';
  const date = params.get('date') ?? '';
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    q: (params.get('q') ?? '').trim(),
    ...(CODE_ID.test(code) ? { code } : {}),
    ...(PARTS.includes(part as ArticlePart) ? { part: part as ArticlePart } : {}),
    scope,
    ...(isIsoDate(date) ? { date } : {}),
    page: Number.isFinite(page) && page >= 1 ? page : 1,
  };
}

/** The location of a results query, `#/recherche?…` (defaults left out). */
export function formatResultsLocation(query: ResultsQuery): string {
  const params = new URLSearchParams();
  params.set('q', query.q);
  if (query.code) params.set('code', query.code);
  if (query.part) params.set('partie', query.part);
  if (query.scope !== 'in-force') params.set('etat', SCOPE_WORDS[query.scope]);
  if (query.date) params.set('date', query.date);
  if (query.page > 1) params.set('page', String(query.page));
  return `#/${RESULTS_SEGMENT}?${params.toString()}`;
}

/** The engine's filters for a page of the results view; the code being read ranks first for numbers. */
export function resultsFilters(query: ResultsQuery, readingCode: CodeId | undefined): SearchFilters {
  return {
    scope: query.scope,
    limit: RESULTS_PER_PAGE,
    offset: (query.page - 1) * RESULTS_PER_PAGE,
    ...(query.code ? { codes: [query.code] } : {}),
    ...(query.part ? { parts: [query.part] } : {}),
    ...(query.date ? { inForceOn: query.date } : {}),
    ...(readingCode ? { preferCode: readingCode } : {}),
  };
}
