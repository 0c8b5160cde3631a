import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute, routeAtDate, routeDate } from './route.ts';

describe('routes', () => {
  it('reads an article at a date and writes it back the same', () => {
    const route = parseRoute('#/code-de-la-securite-sociale/L611-3@2006-01-28');
    expect(route).toEqual({ kind: 'article', code: 'code-de-la-securite-sociale', num: 'L611-3', date: '2006-01-28', tab: 'texte' });
    expect(formatRoute(route)).toBe('#/code-de-la-securite-sociale/L611-3@2006-01-28');
  });

  it('round-trips numbers with spaces and the versions tab', () => {
    const location = formatRoute({ kind: 'article', code: 'code-de-la-securite-sociale', num: 'L114-1 A', tab: 'versions' });
    expect(location).toBe('#/code-de-la-securite-sociale/L114-1%20A/versions');
    expect(parseRoute(location)).toMatchObject({ num: 'L114-1 A', tab: 'versions' });
  });

  it('reads home and code pages', () => {
    expect(parseRoute('')).toEqual({ kind: 'home' });
    expect(parseRoute('#/')).toEqual({ kind: 'home' });
    expect(parseRoute('#/code-de-la-mutualite@1990-01-01')).toEqual({ kind: 'code', code: 'code-de-la-mutualite', date: '1990-01-01' });
  });

  it('turns broken links into a French message instead of throwing', () => {
    expect(parseRoute('#/code-de-la-securite-sociale/L611-3@2006-02-30')).toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining('date'),
    });
    expect(parseRoute('#/Code%20Civil!/L1')).toMatchObject({ kind: 'invalid' });
    expect(parseRoute('#/code-de-la-securite-sociale/%E0%A4%A')).toMatchObject({ kind: 'invalid' });
    expect(parseRoute('#/code-de-la-securite-sociale/L611-3/historique')).toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining('historique'),
    });
    expect(parseRoute('#/a/b/c/d')).toMatchObject({ kind: 'invalid' });
  });

  it('reads the view on screen at another date, and back at today without a date in the location', () => {
    const today = '2026-05-04';
    const css = 'code-de-la-securite-sociale';
    const at = (location: string, date: string | undefined, fallback?: string) => {
      const route = routeAtDate(parseRoute(location), date, today, fallback);
      return route && formatRoute(route);
    };
    expect(at(`#/${css}/L611-3@2006-01-28/versions`, '1990-01-01')).toBe(`#/${css}/L611-3@1990-01-01/versions`);
    expect(at(`#/${css}/L611-3@2006-01-28`, undefined)).toBe(`#/${css}/L611-3`);
    expect(at(`#/${css}/L611-3@2006-01-28`, today)).toBe(`#/${css}/L611-3`);
    expect(at(`#/${css}`, '1990-01-01')).toBe(`#/${css}@1990-01-01`);
    expect(at(`#/${css}@1990-01-01/modifications/2006-01-28`, undefined)).toBe(`#/${css}/modifications/2006-01-28`);
    // The home page has no date: the code of the table of contents is opened at it.
    expect(at('#/', '1990-01-01', css)).toBe(`#/${css}@1990-01-01`);
    expect(at('#/', '1990-01-01')).toBeUndefined();
    expect(at('#/', undefined, css)).toBeUndefined();
    // The results page is read at the date it searches; another date searches again from page 1.
    expect(routeDate(parseRoute('#/recherche?q=employeur&date=1990-01-01'))).toBe('1990-01-01');
    expect(routeDate(parseRoute('#/recherche?q=employeur'))).toBeUndefined();
    expect(at('#/recherche?q=employeur&date=1990-01-01&page=3', '2006-01-28')).toBe('#/recherche?q=employeur&date=2006-01-28');
    expect(at('#/recherche?q=employeur&date=1990-01-01', undefined)).toBe('#/recherche?q=employeur');
  });

  it('reads a code’s table of correspondence with its filter, and writes it back', () => {
    expect(parseRoute('#/code-du-travail/correspondance')).toEqual({ kind: 'correspondence', code: 'code-du-travail' });
    const route = parseRoute('#/code-du-travail/correspondance?q=L.+122-14-3');
    expect(route).toEqual({ kind: 'correspondence', code: 'code-du-travail', filter: 'L. 122-14-3' });
    expect(formatRoute(route)).toBe('#/code-du-travail/correspondance?q=L.+122-14-3');
    // An article numbered « correspondance » does not exist; the segment is not read as one.
    expect(parseRoute('#/code-du-travail/correspondance').kind).not.toBe('article');
  });
});
