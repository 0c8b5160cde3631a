import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute } from './route.ts';

const id = 'code-de-la-securite-sociale/LEGIARTI000006743538';

describe('print routes', () => {
  it.each([
    { kind: 'article' as const, article: id, date: '2006-01-28', paper: 'A4' as const },
    { kind: 'comparison' as const, article: id, from: '1985-12-21', to: '2024-01-01', view: 'redline' as const, paper: 'Letter' as const },
    {
      kind: 'trail' as const,
      name: 'Visite du 3 décembre / URSSAF',
      steps: [
        { article: id, code: 'code-de-la-securite-sociale', num: '', date: '2006-01-28' },
        { article: 'code-de-la-mutualite/num:L111-1', code: 'code-de-la-mutualite', num: '', date: '1990-01-01' },
      ],
      paper: 'A4' as const,
    },
  ])('round-trips $kind', (request) => {
    const location = formatRoute({ kind: 'print', request });
    expect(location.startsWith('#/imprimer/')).toBe(true);
    expect(parseRoute(location)).toEqual({ kind: 'print', request });
  });

  it('refuses a malformed print location with a French message', () => {
    expect(parseRoute('#/imprimer/a3/article/x')).toMatchObject({
      kind: 'invalid',
      message: 'Ce lien ne correspond à aucune page à imprimer.',
    });
    expect(parseRoute(`#/imprimer/a4/article/${encodeURIComponent(`${id}@2006-02-30`)}`)).toMatchObject({ kind: 'invalid' });
  });

  it('parses the list of annotations and its review', () => {
    expect(parseRoute('#/annotations')).toEqual({ kind: 'annotations' });
    expect(parseRoute('#/annotations/revue')).toEqual({ kind: 'annotations', review: true });
  });
});
