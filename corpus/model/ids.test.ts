import { describe, expect, it } from 'vitest';
import { articleId, codeIdFromTitle, codeOfArticleId, foldAccents, legiArticleId, numberOfArticleId, parseArticleId } from './ids.ts';

describe('ids', () => {
  it('gives one code id for every way sources write a code title', () => {
    expect(codeIdFromTitle('Code de la sécurité sociale.')).toBe('code-de-la-securite-sociale');
    expect(codeIdFromTitle('CODE DE LA SECURITE SOCIALE')).toBe('code-de-la-securite-sociale');
    expect(codeIdFromTitle('code-de-la-securite-sociale')).toBe('code-de-la-securite-sociale');
    expect(codeIdFromTitle("Code des relations entre le public et l'administration")).toBe(
      'code-des-relations-entre-le-public-et-l-administration',
    );
  });
  it('prefers the LEGI id for article identity', () => {
    expect(articleId('c', 'LEGIARTI000006743538', 'L611-3')).toBe('c/LEGIARTI000006743538');
    expect(articleId('c', undefined, 'L611-3')).toBe('c/num:L611-3');
    expect(legiArticleId('6743538')).toBe('LEGIARTI000006743538');
  });
  it('parses what it builds', () => {
    expect(parseArticleId(articleId('code-de-la-securite-sociale', 'LEGIARTI000006743538', 'L611-3'))).toEqual({
      code: 'code-de-la-securite-sociale',
      legiId: 'LEGIARTI000006743538',
    });
    expect(parseArticleId(articleId('code-de-la-mutualite', undefined, 'L111-1'))).toEqual({ code: 'code-de-la-mutualite', num: 'L111-1' });
    // A number with a slash inside (annexes) stays whole.
    expect(parseArticleId("c/num:Annexe 1 à l'art. R611-21/2")).toEqual({ code: 'c', num: "Annexe 1 à l'art. R611-21/2" });
    expect(codeOfArticleId('code-du-travail/LEGIARTI000006901099')).toBe('code-du-travail');
    expect(numberOfArticleId('c/num:L611-3')).toBe('L611-3');
    expect(numberOfArticleId('c/LEGIARTI000006743538')).toBeUndefined();
    for (const bad of ['', 'no-slash', '/LEGIARTI1', 'c/', 'c/num:']) expect(parseArticleId(bad), bad).toBeUndefined();
  });
  it('folds accents', () => {
    expect(foldAccents('Sécurité, maîtrise, œuvre')).toBe('Securite, maitrise, œuvre');
  });
});
