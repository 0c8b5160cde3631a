/**
 * One URL per view: the part after `#` in the web edition, `palimpseste://code/article@date`
 * deep links in the desktop app (mapped to `#/…` by `electron/common/deep-link.ts`), and the
 * `location` saved in the session.
 *
 *   #/                                         home (the list of codes)
 *   #/code-de-la-securite-sociale@2006-01-28   a code's table of contents at a date
 *   #/code-de-la-securite-sociale/L611-3@2006-01-28            an article as in force on a date
 *   #/code-de-la-securite-sociale/L611-3@2006-01-28/versions   the same article, « Versions » tab
 *   #/code-de-la-securite-sociale/L611-3/versions/1985-12-21..2024-01-01[/redline]   two versions compared
 *   #/code-de-la-securite-sociale[@date]/modifications[/2006-01-28]   change dates, one change set
 *   #/code-du-travail/correspondance[?q=L122]   the table of former and new numbers, filtered
 *   #/recherche?q=…&code=…&partie=…&etat=…&date=…&page=…   the search results page
 *
 * Without `@date` the law of today is read. Article numbers are URI-encoded (« L114-1 A »).
 * Parsing never throws: a broken link gives an `invalid` route with a French message.
 */
import type { ArticleId, CodeId, IsoDate } from '../../../corpus/model/model.ts';
import { isIsoDate } from '../dates/french-dates.ts';
import { formatResultsLocation, isResultsPath, parseResultsPath, type ResultsQuery } from './results-route.ts';
import { CHANGES_SEGMENT, formatVersionPair, parseChangeDay, parseVersionPair, type VersionPair } from './versions-route.ts';
import type { PrintRequest } from '../../../electron/common/api.ts';
import { formatPrintRoute, parsePrintRoute, PRINT_SEGMENT } from './print-route.ts';

/** The list of all annotations (`#/annotations`) and the review after a corpus update (`#/annotations/revue`). */
export const ANNOTATIONS_SEGMENT = 'annotations';

/** Tabs of the article view. The versions work (timeline, comparison) adds its tabs here. */
export const ARTICLE_TABS = ['texte', 'versions'] as const;
export type ArticleTab = (typeof ARTICLE_TABS)[number];

export type Route =
  | { kind: 'home' }
  | { kind: 'code'; code: CodeId; date?: IsoDate }
  /** `id` is never in the URL: it is carried when the article is already known (a resolved link). */
  | { kind: 'article'; code: CodeId; num: string; date?: IsoDate; tab: ArticleTab; id?: ArticleId; compare?: VersionPair }
  /** A code's change dates (`day` absent) or the change set of one day; `date` is the session's reading date. */
  | { kind: 'changes'; code: CodeId; day?: IsoDate; date?: IsoDate }
  | { kind: 'search'; search: ResultsQuery }
  /** A code's table of former and new numbers (`renderer/src/correspondence/`), with its filter. */
  | { kind: 'correspondence'; code: CodeId; filter?: string }
  | { kind: 'annotations'; review?: boolean }
  /** A print view (`print-route.ts`): shown alone, without the app around it. */
  | { kind: 'print'; request: PrintRequest }
  | { kind: 'invalid'; raw: string; message: string };

const CODE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CORRESPONDENCE_SEGMENT = 'correspondance';

function splitDate(segment: string): { name: string; date?: string } {
  const at = segment.lastIndexOf('@');
  if (at < 0) return { name: segment };
  return { name: segment.slice(0, at), date: segment.slice(at + 1) };
}

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** Parses a location such as `#/code/L611-3@2006-01-28` (with or without `#`). */
export function parseRoute(location: string): Route {
  const raw = location.replace(/^#/, '');
  const invalid = (message: string): Route => ({ kind: 'invalid', raw, message });
  const path = raw.replace(/^\/+/, '').replace(/\/+$/, '');
  if (path === '') return { kind: 'home' };
  if (isResultsPath(path)) return { kind: 'search', search: parseResultsPath(path) };
  const parts = path.split('/');
  if (parts[0] === PRINT_SEGMENT) {
    const request = parsePrintRoute(parts.slice(1));
    return request ? { kind: 'print', request } : invalid('Ce lien ne correspond à aucune page à imprimer.');
  }
  if (parts[0] === ANNOTATIONS_SEGMENT) {
    if (parts.length === 1) return { kind: 'annotations' };
    if (parts.length === 2 && parts[1] === 'revue') return { kind: 'annotations', review: true };
    return invalid('Ce lien ne correspond à aucune page d’annotations.');
  }
  if (parts.length > 5) return invalid('Ce lien ne correspond à aucune page de Palimpseste.');

  const head = splitDate(parts[0] ?? '');
  const code = decode(head.name);
  if (!code || !CODE_ID.test(code)) return invalid(`« ${head.name} » n’est pas un identifiant de code valable.`);

  if (parts.length === 1) {
    if (head.date === undefined) return { kind: 'code', code };
    if (!isIsoDate(head.date)) return invalid(`« ${head.date} » n’est pas une date valable (attendu : AAAA-MM-JJ).`);
    return { kind: 'code', code, date: head.date };
  }
  if (parts[1] === CHANGES_SEGMENT) {
    const changes = parseChangeDay(parts.slice(2));
    if (!changes.ok) return invalid('Ce lien ne correspond à aucune page de modifications (attendu : /modifications/AAAA-MM-JJ).');
    if (head.date !== undefined && !isIsoDate(head.date))
      return invalid(`« ${head.date} » n’est pas une date valable (attendu : AAAA-MM-JJ).`);
    return { kind: 'changes', code, ...(changes.day ? { day: changes.day } : {}), ...(head.date ? { date: head.date } : {}) };
  }
  if (head.date === undefined && parts.length === 2 && parts[1]!.split('?')[0] === CORRESPONDENCE_SEGMENT) {
    const filter = new URLSearchParams(parts[1]!.split('?')[1] ?? '').get('q')?.trim();
    return { kind: 'correspondence', code, ...(filter ? { filter } : {}) };
  }
  if (head.date !== undefined) return invalid('Ce lien ne correspond à aucune page de Palimpseste.');

  const article = splitDate(parts[1] ?? '');
  const num = decode(article.name)?.trim();
  if (!num) return invalid('Ce lien ne nomme aucun article.');
  if (article.date !== undefined && !isIsoDate(article.date)) {
    return invalid(`« ${article.date} » n’est pas une date valable (attendu : AAAA-MM-JJ).`);
  }
  const tabName = parts[2] ?? 'texte';
  const tab = ARTICLE_TABS.find((t) => t === tabName);
  if (!tab) return invalid(`L’onglet « ${tabName} » n’existe pas.`);
  if (parts.length > 3) {
    const compare = tab === 'versions' ? parseVersionPair(parts.slice(3)) : undefined;
    if (!compare) return invalid('Ce lien ne correspond à aucune comparaison de versions (attendu : /versions/AAAA-MM-JJ..AAAA-MM-JJ).');
    return { kind: 'article', code, num, tab, ...(article.date ? { date: article.date } : {}), compare };
  }
  return { kind: 'article', code, num, tab, ...(article.date ? { date: article.date } : {}) };
}

/** The location of a route, `#/…`. */
export function formatRoute(route: Route): string {
  switch (route.kind) {
    case 'home':
      return '#/';
    case 'invalid':
      return `#${route.raw}`;
    case 'annotations':
      return `#/${ANNOTATIONS_SEGMENT}${route.review ? '/revue' : ''}`;
    case 'print':
      return formatPrintRoute(route.request);
    case 'code':
      return `#/${route.code}${route.date ? `@${route.date}` : ''}`;
    case 'article': {
      const tab = route.tab === 'texte' ? '' : `/${route.tab}`;
      const compare = route.tab === 'versions' && route.compare ? formatVersionPair(route.compare) : '';
      return `#/${route.code}/${encodeURIComponent(route.num)}${route.date ? `@${route.date}` : ''}${tab}${compare}`;
    }
    case 'changes':
      return `#/${route.code}${route.date ? `@${route.date}` : ''}/${CHANGES_SEGMENT}${route.day ? `/${route.day}` : ''}`;
    case 'search':
      return formatResultsLocation(route.search);
    case 'correspondence':
      return `#/${route.code}/${CORRESPONDENCE_SEGMENT}${route.filter ? `?${new URLSearchParams({ q: route.filter }).toString()}` : ''}`;
  }
}

/** The code of the view on screen (an article, a code's page, its change sets); none for the home page or a broken link. */
export function routeCode(route: Route): CodeId | undefined {
  return route.kind === 'article' || route.kind === 'code' || route.kind === 'changes' || route.kind === 'correspondence'
    ? route.code
    : undefined;
}

/**
 * The date the view on screen is read at; undefined: today's law. The results page is read at the
 * date it searches (« Droit en vigueur le … »): the reading date does not move when a search is run
 * from a past date, nor when one of its results is opened.
 */
export function routeDate(route: Route): IsoDate | undefined {
  if (route.kind === 'search') return route.search.date;
  return route.kind === 'article' || route.kind === 'code' || route.kind === 'changes' ? route.date : undefined;
}

/**
 * The view on screen read at another date (`date` undefined or today: today's law, no `@date` in
 * the location). The home page and a broken link have no date: they give the page of `fallbackCode`
 * (the code of the table of contents) at that date, or nothing when going back to today.
 */
export function routeAtDate(route: Route, date: IsoDate | undefined, today: IsoDate, fallbackCode?: CodeId): Route | undefined {
  const dated = date && date !== today ? { date } : {};
  switch (route.kind) {
    case 'article':
    case 'changes': {
      const { date: _previous, ...rest } = route;
      return { ...rest, ...dated };
    }
    case 'code':
      return { kind: 'code', code: route.code, ...dated };
    case 'search': {
      // Another date for the results: the same search, at that date, from its first page.
      const { date: _previous, ...search } = route.search;
      return { kind: 'search', search: { ...search, page: 1, ...dated } };
    }
    default:
      return 'date' in dated && fallbackCode ? { kind: 'code', code: fallbackCode, ...dated } : undefined;
  }
}
