/**
 * Dates as a French reader writes them: « 21 décembre 1985 », « 1er janvier 1990 »,
 * and the validity range of a version (« En vigueur du 21 décembre 1985 au 5 février 1995 »).
 * ISO dates (`YYYY-MM-DD`) are handled as strings: no time zone can shift them by a day.
 */
import type { IsoDate } from '../../../corpus/model/model.ts';

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a real calendar date `YYYY-MM-DD` (not 2006-02-30). */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** « 21 décembre 1985 »; the first of the month is « 1er ». Unknown shapes are returned as they are. */
export function formatDate(date: IsoDate): string {
  const match = ISO_DATE.exec(date);
  if (!match) return date;
  const day = Number(match[3]);
  const month = MONTHS[Number(match[2]) - 1];
  if (!month) return date;
  return `${day === 1 ? '1er' : String(day)} ${month} ${match[1]}`;
}

/** Today in the user's calendar (not UTC: at 00:30 in Paris it is already tomorrow there). */
export function todayIso(now: Date = new Date()): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The validity range of a version, `validTo` being exclusive as in the model (the day the next
 * version starts, which is also how Légifrance writes it).
 */
export function validityRange(validFrom: IsoDate, validTo: IsoDate | undefined, today: IsoDate): string {
  if (validTo) return `En vigueur du ${formatDate(validFrom)} au ${formatDate(validTo)}`;
  if (validFrom > today) return `En vigueur à partir du ${formatDate(validFrom)}`;
  return `En vigueur depuis le ${formatDate(validFrom)}`;
}
