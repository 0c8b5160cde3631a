import { describe, expect, it } from 'vitest';
import { parseRoute, formatRoute } from './route.ts';
import { formatResultsLocation, isResultsPath, parseResultsPath, resultsFilters, type ResultsQuery } from './results-route.ts';

describe('the address of the results page', () => {
  it('keeps the query, the filters and the page, and reads them back', () => {
    const query: ResultsQuery = {
      q: 'indemnités journalières « arrêt de travail »',
      code: 'code-de-la-securite-sociale',
      part: 'R',
      scope: 'all',
      date: '2006-01-28',
      page: 3,
    };
    const location = formatResultsLocation(query);
    expect(location).toBe(
      '#/recherche?q=indemnit%C3%A9s+journali%C3%A8res+%C2%AB+arr%C3%AAt+de+travail+%C2%BB&code=code-de-la-securite-sociale&partie=R&etat=toutes&date=2006-01-28&page=3',
    );
    expect(parseResultsPath(location.slice(2))).toEqual(query);
    // The app's router knows it and gives the same location back (reload, back and forward).
    const route = parseRoute(location);
    expect(route).toEqual({ kind: 'search', search: query });
    expect(formatRoute(route)).toBe(location);
  });

  it('leaves the defaults out and drops what makes no sense', () => {
    expect(formatResultsLocation({ q: 'cotisations', scope: 'in-force', page: 1 })).toBe('#/recherche?q=cotisations');
    expect(parseResultsPath('recherche?q=x&code=Pas%20un%20code&partie=Z&etat=peut-etre&date=2006-13-45&page=-3')).toEqual({
      q: 'x',
      scope: 'in-force',
      page: 1,
    });
    expect(isResultsPath('recherche')).toBe(true);
    expect(isResultsPath('recherche-sociale')).toBe(false);
  });

  it('asks the engine for the page shown, with the code being read first for numbers', () => {
    expect(resultsFilters({ q: 'x', scope: 'repealed', code: 'code-du-travail', page: 2 }, 'code-de-la-mutualite')).toEqual({
      scope: 'repealed',
      limit: 20,
      offset: 20,
      codes: ['code-du-travail'],
      preferCode: 'code-de-la-mutualite',
    });
  });
});
