/**
 * What every view of the reader needs: the corpus library, the date being read, and the way to
 * move (open an article, a code). Made by `createReader` and provided once by the shell (`App`).
 */
import { createContext, useContext } from 'react';
import type { ArticleId, CodeId, IsoDate } from '../../../corpus/model/model.ts';
import type { CorpusInfo } from '../../../electron/common/api.ts';
import type { Library } from '../data/library.ts';
import { corpusDataDate } from '../../../corpus/model/timeline.ts';
import type { VersionPair } from './versions-route.ts';
import { formatRoute, type ArticleTab, type Route } from './route.ts';

/**
 * How a navigation counts in the link trail: `visit` adds a step, `replace` changes the step on
 * screen (another date, another tab), `trail` moves along the trail itself (back, forward, a step).
 */
export type Intent = 'visit' | 'replace' | 'trail';

export interface ArticleTarget {
  code: CodeId;
  num: string;
  /** The article's id when known (a resolved link): it wins over the number. */
  id?: ArticleId;
  /** The date to read it at; absent: today's law. */
  date?: IsoDate;
  tab?: ArticleTab;
  /** With `tab: 'versions'`: two versions to compare. */
  compare?: VersionPair;
}

export interface Reader {
  library: Library;
  corpus?: CorpusInfo;
  /** The date being read (the route's, or today). */
  date: IsoDate;
  /** True when no date was chosen: the law of today is read. */
  isToday: boolean;
  today: IsoDate;
  /**
   * The code being read (the one of the table of contents): where an article number is in several
   * codes, its article in this code comes first. Undefined before any code is shown.
   */
  readingCode?: CodeId;
  /**
   * The corpus data date (`corpusDataDate`): a repeal the sources state without a date counts from
   * it on (`corpus/model/timeline.ts`). Today until the corpus description has loaded.
   */
  dataDate: IsoDate;
  openArticle(target: ArticleTarget, intent?: Intent): void;
  openCode(code: CodeId): void;
  /** The `#/…` location of an article, for the `href` of links (middle click, copy link). */
  articleHref(target: ArticleTarget): string;
  codeTitle(code: CodeId): string;
  /** A code's change dates (no `day`) or « Modifications du … » of one day, at the session's date. */
  openChanges(code: CodeId, day?: IsoDate): void;
  changesHref(code: CodeId, day?: IsoDate): string;
  /** Closes the side panel shown as a drawer on narrow windows. */
  closePanel(): void;
}

export interface ReaderInputs {
  library: Library;
  corpus: CorpusInfo | undefined;
  date: IsoDate;
  today: IsoDate;
  readingCode?: CodeId;
  /** Shows a route (the trail's navigation): `intent` says how it counts in the link trail. */
  navigate: (route: Route, intent: Intent) => void;
  closePanel: () => void;
}

/** The reader of a date: its locations carry the date unless it is today (`#/code/L611-3`, not `…@today`). */
export function createReader({ library, corpus, date, today, readingCode, navigate, closePanel }: ReaderInputs): Reader {
  const titles = new Map((corpus?.manifest.codes ?? []).map((code) => [code.id, code.title]));
  const toRoute = (target: ArticleTarget): Route => ({
    kind: 'article',
    code: target.code,
    num: target.num,
    tab: target.tab ?? 'texte',
    ...(target.id ? { id: target.id } : {}),
    ...(target.date && target.date !== today ? { date: target.date } : {}),
    ...(target.compare ? { compare: target.compare } : {}),
  });
  const changesRoute = (code: CodeId, day?: IsoDate): Route => ({
    kind: 'changes',
    code,
    ...(day ? { day } : {}),
    ...(date !== today ? { date } : {}),
  });
  return {
    library,
    ...(corpus ? { corpus } : {}),
    date,
    isToday: date === today,
    today,
    ...(readingCode ? { readingCode } : {}),
    dataDate: corpus ? corpusDataDate(corpus.manifest) : today,
    openArticle: (target, intent = 'visit') => navigate(toRoute(target), intent),
    openCode: (code) => navigate({ kind: 'code', code, ...(date !== today ? { date } : {}) }, 'replace'),
    articleHref: (target) => formatRoute(toRoute(target)),
    codeTitle: (code) => titles.get(code) ?? code,
    openChanges: (code, day) => navigate(changesRoute(code, day), 'replace'),
    changesHref: (code, day) => formatRoute(changesRoute(code, day)),
    closePanel,
  };
}

export const ReaderContext = createContext<Reader | undefined>(undefined);

export function useReader(): Reader {
  const reader = useContext(ReaderContext);
  if (!reader) throw new Error('useReader outside of <ReaderContext.Provider>');
  return reader;
}
