/**
 * legi-data's dates. Articles and their versions carry epoch milliseconds at UTC midnight
 * (`dateDebut: 503971200000` = 1985-12-21; checked: every value of the four codes is a multiple of
 * a day), sections and codes carry `YYYY-MM-DD` strings. LEGI writes « no end » as 2999-01-01
 * (`32472144000000`).
 */
import type { IsoDate } from '../../../model/model.ts';

export const NO_END = '2999-01-01';
const DAY = 86_400_000;

/** An epoch-ms date as `YYYY-MM-DD` (UTC), or undefined when it is not a usable date. */
export function dateFromEpoch(ms: unknown): IsoDate | undefined {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return undefined;
  const date = new Date(Math.floor(ms / DAY) * DAY);
  if (Number.isNaN(date.getTime())) return undefined;
  return date.toISOString().slice(0, 10);
}

/** A `YYYY-MM-DD` string (time part ignored), or undefined. */
export function dateFromString(value: unknown): IsoDate | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4}-\d{2}-\d{2})/.exec(value);
  return match?.[1];
}

/** An end date, or undefined for LEGI's « no end » (2999-01-01 and later). */
export function endDate(date: IsoDate | undefined): IsoDate | undefined {
  return date !== undefined && date < NO_END ? date : undefined;
}
