/**
 * What every view of the reader needs: the corpus library, the date being read, and the way to
 * move (open an article, a code). Provided once by `App`.
 */
import { createContext, useContext } from 'react';
import type { ArticleId, CodeId, IsoDate } from '../../../corpus/model/model.ts';
import type { CorpusInfo } from '../../../electron/common/api.ts';
import type { Library } from '../data/library.ts';
import type { VersionPair } from '../versions/versions-route.ts';
import type { ArticleTab } from './route.ts';

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

export const ReaderContext = createContext<Reader | undefined>(undefined);

export function useReader(): Reader {
  const reader = useContext(ReaderContext);
  if (!reader) throw new Error('useReader outside of <ReaderContext.Provider>');
  return reader;
}
