/**
 * A date as a French reader types it, read the same whatever the browser's locale: « 01/01/1990 »,
 * « 1/1/90 », « 1.1.1990 », « 1er janvier 1990 », « 28 janv. 2006 », « 2006-01-28 ». Day first,
 * always: « 12/01/2026 » is the 12th of January. And the month grid of the date field's calendar
 * (weeks from Monday, as a French calendar prints them).
 *
 * Pure: the date field (`ui/DateField.tsx`) and its tests share it.
 */
import type { IsoDate } from '../../../corpus/model/model.ts';
import { isIsoDate } from './french-dates.ts';

/** The dates a reader may ask for: the codes of the corpus start after 1945; 2099 bounds a typing slip. */
export const FIRST_DATE: IsoDate = '1945-01-01';
export const LAST_DATE: IsoDate = '2099-12-31';

export type DateEntry = { ok: true; date: IsoDate } | { ok: false; message: string };

const pad = (n: number) => String(n).padStart(2, '0');

/** Month names and the abbreviations a reader types (« janv. », « fév », « sept. »), accents optional. */
const MONTH_WORDS: readonly (readonly string[])[] = [
  ['janvier', 'janv', 'jan'],
  ['fevrier', 'fevr', 'fev'],
  ['mars', 'mar'],
  ['avril', 'avr'],
  ['mai'],
  ['juin'],
  ['juillet', 'juil'],
  ['aout'],
  ['septembre', 'sept', 'sep'],
  ['octobre', 'oct'],
  ['novembre', 'nov'],
  ['decembre', 'dec'],
];

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function monthOfWord(word: string): number | undefined {
  const folded = fold(word).replace(/\.$/, '');
  const index = MONTH_WORDS.findIndex((forms) => forms.includes(folded));
  return index < 0 ? undefined : index + 1;
}

/**
 * A two-digit year: 00–49 are 2000–2049, 50–99 are 1950–1999. Legal dates typed short are of the
 * codes' time (« 1/1/90 » is 1990, « 28/1/06 » is 2006); a fixed pivot keeps « 45 » from meaning a
 * different year next January.
 */
function fullYear(text: string): number {
  const year = Number(text);
  if (text.length > 2) return year;
  return year < 50 ? 2000 + year : 1900 + year;
}

function checked(year: number, month: number, day: number, typed: string): DateEntry {
  const iso = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
  if (month < 1 || month > 12) return { ok: false, message: `« ${typed} » : il n’y a pas de mois ${month}.` };
  if (!isIsoDate(iso)) return { ok: false, message: `« ${typed} » : le ${day} n’existe pas dans ce mois.` };
  if (iso < FIRST_DATE || iso > LAST_DATE) return { ok: false, message: `« ${typed} » : choisissez une date entre 1945 et 2099.` };
  return { ok: true, date: iso };
}

/** Reads a typed date; the message says in French what is wrong with it. */
export function parseDateEntry(input: string): DateEntry {
  const typed = input.trim().replace(/\s+/g, ' ');
  if (typed === '') return { ok: false, message: 'Saisissez une date (jj/mm/aaaa).' };

  // 2006-01-28: the form of the addresses and of the sources.
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(typed);
  if (match) return checked(Number(match[1]), Number(match[2]), Number(match[3]), typed);

  // 28/01/2006, 1/1/90, 28.01.2006, 28-01-2006: day first.
  match = /^(\d{1,2})\s?[/.-]\s?(\d{1,2})\s?[/.-]\s?(\d{2}|\d{4})$/.exec(typed);
  if (match) return checked(fullYear(match[3]!), Number(match[2]), Number(match[1]), typed);

  // 28012006: eight digits typed without separators.
  match = /^(\d{2})(\d{2})(\d{4})$/.exec(typed);
  if (match) return checked(Number(match[3]), Number(match[2]), Number(match[1]), typed);

  // 1er janvier 1990, 28 janv. 2006, 1 décembre 88.
  match = /^(\d{1,2})(?:er|ᵉʳ)?\s?([\p{L}.]+)\s?(\d{2}|\d{4})$/u.exec(typed);
  if (match) {
    const month = monthOfWord(match[2]!);
    if (!month) return { ok: false, message: `« ${typed} » : mois « ${match[2]} » inconnu.` };
    return checked(fullYear(match[3]!), month, Number(match[1]), typed);
  }
  return { ok: false, message: `« ${typed} » n’est pas une date : écrivez-la jj/mm/aaaa (par exemple 01/01/1990).` };
}

/** « 01/01/1990 »: how the field shows a date. */
export function numericDate(date: IsoDate): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

/** The date `days` later (earlier when negative), in the calendar, with no time zone involved. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const moved = new Date(Date.UTC(year, month - 1, day + days));
  return `${String(moved.getUTCFullYear()).padStart(4, '0')}-${pad(moved.getUTCMonth() + 1)}-${pad(moved.getUTCDate())}`;
}

/** The same day `months` later, kept inside the month (31 January + 1 month: 28 or 29 February). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const [y, m] = [Math.floor(index / 12), (index % 12) + 1];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${String(y).padStart(4, '0')}-${pad(m)}-${pad(Math.min(day, last))}`;
}

/** `date` kept between the first and last dates a reader may ask for. */
export function clampDate(date: IsoDate): IsoDate {
  return date < FIRST_DATE ? FIRST_DATE : date > LAST_DATE ? LAST_DATE : date;
}

/**
 * The weeks of the month of `date`, Monday first; days of the neighbouring months fill the first
 * and last weeks (the calendar shows them dimmed).
 */
export function monthGrid(date: IsoDate): IsoDate[][] {
  const first = `${date.slice(0, 7)}-01`;
  const [year, month] = first.split('-').map(Number) as [number, number];
  // getUTCDay: 0 is Sunday; a French week starts on Monday.
  const weekday = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7;
  const start = addDays(first, -weekday);
  const weeks: IsoDate[][] = [];
  for (let week = 0; week < 6; week++) {
    const days = Array.from({ length: 7 }, (_, day) => addDays(start, week * 7 + day));
    if (week > 0 && days[0]!.slice(0, 7) !== first.slice(0, 7)) break;
    weeks.push(days);
  }
  return weeks;
}
