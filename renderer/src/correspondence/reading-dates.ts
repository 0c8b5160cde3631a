/**
 * At which date a number of the correspondence opens its article: the article named must be shown
 * in force, not « pas encore en vigueur » or « plus en vigueur » because the reader's date lies on
 * the other side of the replacement.
 */
import type { IsoDate } from '../../../corpus/model/model.ts';

/** The day before an ISO date (calendar arithmetic in UTC: no time zone can shift a day). */
export function dayBefore(date: IsoDate): IsoDate {
  const time = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(time) ? date : new Date(time - 86_400_000).toISOString().slice(0, 10);
}

/**
 * `read`: the date read (undefined: today). `from`: a replacing article is in force from that day;
 * `until`: a former article was in force until that day. Undefined: today's law.
 */
export function readingDateFor(
  read: IsoDate | undefined,
  today: IsoDate,
  bounds: { from?: IsoDate; until?: IsoDate },
): IsoDate | undefined {
  const date = read ?? today;
  if (bounds.from !== undefined && date < bounds.from) return bounds.from;
  if (bounds.until !== undefined && date > bounds.until) return bounds.until;
  return read;
}
