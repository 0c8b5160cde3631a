/**
 * What the search box searches, said in one choice: the law in force on the date being read (the
 * default: a reader at 1990 searches the law of 1990), today's law, the repealed articles, or every
 * version. One list, so the filters never show « Droit en vigueur » beside a different date.
 */
import type { IsoDate } from '../../../corpus/model/model.ts';
import type { SearchScope } from '../../../corpus/search/search-types.ts';
import { formatDate } from '../dates/french-dates.ts';

export type ScopeChoice = 'reading-date' | 'today' | 'repealed' | 'all';

export interface ReadingDate {
  date: IsoDate;
  isToday: boolean;
}

/** The choices offered: at today's date, the law of the reading date is today's law (one entry). */
export function scopeChoices(reading: ReadingDate): ScopeChoice[] {
  return reading.isToday ? ['reading-date', 'repealed', 'all'] : ['reading-date', 'today', 'repealed', 'all'];
}

export function scopeLabel(choice: ScopeChoice, reading: ReadingDate): string {
  switch (choice) {
    case 'reading-date':
      return reading.isToday ? 'Droit en vigueur' : `Droit en vigueur le ${formatDate(reading.date)}`;
    case 'today':
      return 'Droit en vigueur aujourd’hui';
    case 'repealed':
      return 'Articles abrogés';
    case 'all':
      return 'Toutes les versions';
  }
}

/** The engine's scope and date for a choice. */
export function scopeFilters(choice: ScopeChoice, reading: ReadingDate): { scope: SearchScope; inForceOn?: IsoDate } {
  switch (choice) {
    case 'reading-date':
      return reading.isToday ? { scope: 'in-force' } : { scope: 'in-force', inForceOn: reading.date };
    case 'today':
      return { scope: 'in-force' };
    case 'repealed':
    case 'all':
      return { scope: choice };
  }
}

/** « dans le droit en vigueur le 1er janvier 1990 »: what a count of results is a count of. */
export function scopePhrase(scope: SearchScope, inForceOn: IsoDate | undefined, today: IsoDate): string {
  if (scope === 'repealed')
    return inForceOn ? `parmi les articles abrogés en vigueur le ${formatDate(inForceOn)}` : 'parmi les articles abrogés';
  if (scope === 'all') return inForceOn ? `dans les versions en vigueur le ${formatDate(inForceOn)}` : 'dans toutes les versions';
  if (inForceOn && inForceOn !== today) return `dans le droit en vigueur le ${formatDate(inForceOn)}`;
  return 'dans le droit en vigueur aujourd’hui';
}
