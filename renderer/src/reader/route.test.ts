import { describe, expect, it } from 'vitest';
import { deepLinkToLocation, formatRoute, parseRoute } from './route.ts';

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

  it('maps desktop deep links to locations', () => {
    expect(deepLinkToLocation('palimpseste://code-de-la-securite-sociale/L611-3@2006-01-28')).toBe(
      '#/code-de-la-securite-sociale/L611-3@2006-01-28',
    );
    expect(deepLinkToLocation('palimpseste://app/index.html')).toBeUndefined();
    expect(deepLinkToLocation('https://example.org/')).toBeUndefined();
  });
});
