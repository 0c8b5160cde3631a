/**
 * How a search result is labelled and at which date it opens, so that the text the reader sees
 * is the text that matched.
 */
import type { IsoDate } from '../../../corpus/model/model.ts';
import { rangeCovers } from '../../../corpus/model/timeline.ts';
import type { SearchResult } from '../../../corpus/search/search-types.ts';
import { formatDate } from '../dates/french-dates.ts';

/** « — abrogé », « — texte du 21 décembre 1985 au 5 février 1995 »: what sets a result apart from today's law. */
export function hitState(hit: SearchResult): string {
  const state = hit.articleState === 'repealed' ? ' — abrogé' : hit.articleState === 'future' ? ' — à venir' : '';
  if (hit.inForce) return state;
  const range = hit.ranges[hit.ranges.length - 1];
  const period = range
    ? range.to
      ? ` — texte du ${formatDate(range.from)} au ${formatDate(range.to)}`
      : ` — texte depuis le ${formatDate(range.from)}`
    : '';
  return state + period;
}

/**
 * « Article L1232-1 (remplace L122-14-3) », « Article R7122-10 (anciennement D7122-10) »: why a
 * result of a number search that does not bear that number is there.
 */
export function hitTitle(hit: SearchResult): string {
  if (hit.replaces) return `Article ${hit.num} (remplace ${hit.replaces})`;
  if (hit.formerNum) return `Article ${hit.num} (anciennement ${hit.formerNum})`;
  return `Article ${hit.num}`;
}

/**
 * The date to open a result at, so that the text shown is the text that matched: the filter's
 * date; else the date being read if that text was in force then; else today for today's law,
 * or the start of the text's last period for a past text.
 */
export function hitDate(
  hit: SearchResult,
  readingDate: IsoDate,
  explicitReading: IsoDate | undefined,
  filterDate: IsoDate | undefined,
): IsoDate | undefined {
  if (filterDate) return filterDate;
  const covers = hit.ranges.some((range) => rangeCovers(range, readingDate));
  if (covers) return explicitReading;
  if (hit.inForce) return undefined;
  return hit.ranges[hit.ranges.length - 1]?.from;
}
