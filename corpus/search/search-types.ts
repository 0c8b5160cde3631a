/** What the search box asks and what it gets back: the contract between the UI and the worker. */
import type { ArticleId, CodeId, IsoDate } from '../model/model.ts';
import type { ArticlePart, ArticleState, DateRange } from './documents.ts';
import type { Snippet } from './highlight.ts';

export type { ArticlePart, ArticleState, DateRange, Snippet };

/**
 * Which texts to search:
 * - `in-force` (default): the law in force on the build date;
 * - `all`: every version, past and later ones included (needs the past shards);
 * - `repealed`: the texts of articles no longer in force (needs the past shards).
 */
export type SearchScope = 'in-force' | 'all' | 'repealed';

export interface SearchFilters {
  /** Only these codes (absent or empty: all). */
  codes?: CodeId[];
  /** Only these parts (absent or empty: all). */
  parts?: ArticlePart[];
  scope?: SearchScope;
  /** Only texts in force on this date (any scope; a past date needs the past shards). */
  inForceOn?: IsoDate;
  /**
   * The code being read: where an article number exists in several codes, its article in this code
   * comes first (the others follow, each with its code).
   */
  preferCode?: CodeId;
  /** Results per page (default 20) and first result of the page. */
  limit?: number;
  offset?: number;
}

/** How a result was found: its number is the one asked, starts with it, or its text matches. */
/**
 * How a result matched: its number (or one it bore), as the article that takes up the former
 * article of that number (`replacing`), as an article of the number's family (`L611-3-1` for
 * `L611-3`), or by its text.
 */
export type MatchKind = 'number' | 'replacing' | 'number-family' | 'text';

export interface SearchResult {
  article: ArticleId;
  code: CodeId;
  num: string;
  part: ArticlePart;
  /** Periods of the matched text (one text may have been in force over several periods). */
  ranges: DateRange[];
  /** The matched text is the one in force on the build date. */
  inForce: boolean;
  articleState: ArticleState;
  /** Periods of every matching text of this article (the result shows the best one). */
  matchedRanges: DateRange[];
  /** Distinct texts of this article that match. */
  matchedVersions: number;
  match: MatchKind;
  /** Found by a number it bore before its current one (`D7122-10` for R7122-10): that number. */
  formerNum?: string;
  /** Found as an article that takes up the former article searched (`replacing`): the former number. */
  replaces?: string;
  /**
   * The ranking score: lunr's BM25 of the text and the titles above the article, raised for the
   * exact forms typed and the nearness of the words (`text-evidence.ts`); 0 for number matches.
   */
  score: number;
  snippet: Snippet;
}

/** A word found nowhere, read as the nearest word of the index (« cotisaton » → « cotisation »). */
export interface CorrectedWord {
  typed: string;
  read: string;
}

/** Matching articles per code and per part, whatever the code and part filters (the results page). */
export interface SearchFacets {
  codes: Record<CodeId, number>;
  parts: Partial<Record<ArticlePart, number>>;
}

export interface SearchResponse {
  results: SearchResult[];
  /** Matching articles in all (before `offset`/`limit`). */
  total: number;
  facets: SearchFacets;
  /**
   * Words of five letters or more found in no text were read as the nearest word of the index:
   * the UI says « Résultats pour … » with the query as read.
   */
  corrected?: { query: string; words: CorrectedWord[] };
  /** No article contains every word: the results contain some of them (the UI says so). */
  relaxed: boolean;
  /** The query has nothing to search (empty, or stop words only). */
  empty: boolean;
  /**
   * The filters need the past shards (or an article number was not found in the law in force: it
   * may be a repealed article's)…
   */
  pastNeeded: boolean;
  /** …and they are all loaded (otherwise results only cover what is loaded). */
  pastLoaded: boolean;
  /** Time spent, for the record (ms). */
  elapsed: number;
}
