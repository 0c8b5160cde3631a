import { describe, expect, it } from 'vitest';
import { formatDate, isIsoDate, todayIso, validityRange } from './french-dates.ts';

describe('French dates', () => {
  it('writes dates as a French reader does', () => {
    expect(formatDate('1985-12-21')).toBe('21 décembre 1985');
    expect(formatDate('1990-01-01')).toBe('1er janvier 1990');
    expect(formatDate('2006-08-05')).toBe('5 août 2006');
    expect(formatDate('not a date')).toBe('not a date');
  });

  it('tells real calendar dates from look-alikes', () => {
    expect(isIsoDate('2006-01-28')).toBe(true);
    expect(isIsoDate('2004-02-29')).toBe(true);
    expect(isIsoDate('2006-02-29')).toBe(false);
    expect(isIsoDate('2006-13-01')).toBe(false);
    expect(isIsoDate('28/01/2006')).toBe(false);
  });

  it('states the validity range of closed, current and future versions', () => {
    expect(validityRange('1985-12-21', '1995-02-05', '2026-01-01')).toBe('En vigueur du 21 décembre 1985 au 5 février 1995');
    expect(validityRange('2005-12-09', undefined, '2026-01-01')).toBe('En vigueur depuis le 9 décembre 2005');
    expect(validityRange('2030-01-01', undefined, '2026-01-01')).toBe('En vigueur à partir du 1er janvier 2030');
  });

  it('takes today in local time', () => {
    expect(todayIso(new Date(2026, 0, 5, 0, 30))).toBe('2026-01-05');
  });
});
