import { describe, expect, it } from 'vitest';
import { addDays, addMonths, monthGrid, numericDate, parseDateEntry } from './date-entry.ts';

const date = (typed: string) => {
  const entry = parseDateEntry(typed);
  return entry.ok ? entry.date : entry.message;
};

describe('a date as a French reader types it', () => {
  it('reads the day first, whatever the browser’s locale', () => {
    expect(date('12/01/2026')).toBe('2026-01-12');
    expect(date('01/12/2026')).toBe('2026-12-01');
    expect(date('28.01.2006')).toBe('2006-01-28');
    expect(date('28-01-2006')).toBe('2006-01-28');
    expect(date('28012006')).toBe('2006-01-28');
  });
  it('accepts the short forms and the words', () => {
    expect(date('1/1/90')).toBe('1990-01-01');
    expect(date('28/1/06')).toBe('2006-01-28');
    expect(date('1er janvier 1990')).toBe('1990-01-01');
    expect(date('1 Janvier 1990')).toBe('1990-01-01');
    expect(date('28 janv. 2006')).toBe('2006-01-28');
    expect(date('8 decembre 2005')).toBe('2005-12-08');
    expect(date('15 août 2004')).toBe('2004-08-15');
    expect(date('  1er   février 2000 ')).toBe('2000-02-01');
  });
  it('accepts the ISO form of the addresses', () => {
    expect(date('2006-01-28')).toBe('2006-01-28');
  });
  it('says what is wrong, in French', () => {
    expect(date('30/02/2006')).toBe('« 30/02/2006 » : le 30 n’existe pas dans ce mois.');
    expect(date('01/13/2006')).toBe('« 01/13/2006 » : il n’y a pas de mois 13.');
    expect(date('1 brumaire 1990')).toBe('« 1 brumaire 1990 » : mois « brumaire » inconnu.');
    expect(date('01/01/1900')).toBe('« 01/01/1900 » : choisissez une date entre 1945 et 2099.');
    expect(date('hier')).toMatch(/n’est pas une date : écrivez-la jj\/mm\/aaaa/);
    expect(date('')).toBe('Saisissez une date (jj/mm/aaaa).');
  });
  it('writes a date back as jj/mm/aaaa', () => {
    expect(numericDate('1990-01-01')).toBe('01/01/1990');
  });
});

describe('the calendar', () => {
  it('moves by days and months inside the calendar', () => {
    expect(addDays('2005-12-31', 1)).toBe('2006-01-01');
    expect(addDays('2004-03-01', -1)).toBe('2004-02-29');
    expect(addMonths('2006-01-31', 1)).toBe('2006-02-28');
    expect(addMonths('2006-01-15', -1)).toBe('2005-12-15');
    expect(addMonths('2006-01-15', 12)).toBe('2007-01-15');
  });
  it('lays a month out in weeks from Monday', () => {
    // January 2006 starts on a Sunday: its first week starts on Monday 26 December 2005.
    const weeks = monthGrid('2006-01-28');
    expect(weeks[0]![0]).toBe('2005-12-26');
    expect(weeks[0]![6]).toBe('2006-01-01');
    expect(weeks.at(-1)!.at(-1)).toBe('2006-02-05');
    expect(weeks).toHaveLength(6);
    // February 2010 starts on a Monday and has exactly four weeks.
    expect(monthGrid('2010-02-10')).toHaveLength(4);
  });
});
