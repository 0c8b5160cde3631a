import { describe, expect, it } from 'vitest';
import { scopeChoices, scopeFilters, scopeLabel, scopePhrase } from './search-scope.ts';

const in1990 = { date: '1990-01-01', isToday: false };
const today = { date: '2026-12-01', isToday: true };

describe('the search scope', () => {
  it('searches the law of the date being read by default, and names that date', () => {
    expect(scopeFilters('reading-date', in1990)).toEqual({ scope: 'in-force', inForceOn: '1990-01-01' });
    expect(scopeLabel('reading-date', in1990)).toBe('Droit en vigueur le 1er janvier 1990');
    expect(scopeChoices(in1990).map((c) => scopeLabel(c, in1990))).toEqual([
      'Droit en vigueur le 1er janvier 1990',
      'Droit en vigueur aujourd’hui',
      'Articles abrogés',
      'Toutes les versions',
    ]);
  });
  it('at today, offers today’s law once', () => {
    expect(scopeFilters('reading-date', today)).toEqual({ scope: 'in-force' });
    expect(scopeChoices(today).map((c) => scopeLabel(c, today))).toEqual(['Droit en vigueur', 'Articles abrogés', 'Toutes les versions']);
  });
  it('says what the results were searched in', () => {
    expect(scopePhrase('in-force', '1990-01-01', '2026-12-01')).toBe('dans le droit en vigueur le 1er janvier 1990');
    expect(scopePhrase('in-force', undefined, '2026-12-01')).toBe('dans le droit en vigueur aujourd’hui');
    expect(scopePhrase('repealed', undefined, '2026-12-01')).toBe('parmi les articles abrogés');
    expect(scopePhrase('all', undefined, '2026-12-01')).toBe('dans toutes les versions');
  });
});
