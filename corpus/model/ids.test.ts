import { describe, expect, it } from 'vitest';
import { articleId, codeIdFromTitle, foldAccents, legiArticleId } from './ids.ts';

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
  it('folds accents', () => {
    expect(foldAccents('Sécurité, maîtrise, œuvre')).toBe('Securite, maitrise, œuvre');
  });
});
