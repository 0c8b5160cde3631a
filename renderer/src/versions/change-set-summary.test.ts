import { describe, expect, it } from 'vitest';
import { changeSetCounts, changeSetSentence } from './change-set-summary.ts';

// The Code de la sécurité sociale on 2004-09-25: lexlib's commit « Version consolidée du 2004-09-25 » is empty.
const empty = { created: [], modified: [], repealed: [], amendingTexts: [] };
const some = { created: ['a', 'b'], modified: ['c'], repealed: [], amendingTexts: ['Décret n°2004-1 du 1 janvier 2004'] };

describe('what a change set changed', () => {
  it('counts what changed', () => {
    expect(changeSetCounts(some)).toBe('2 créés, 1 modifié, 0 abrogé');
    expect(changeSetSentence(some)).toBe('3 articles : 2 créés, 1 modifié, 0 abrogé.');
  });
  it('says it in words when no article changed', () => {
    expect(changeSetCounts(empty)).toBe('aucun article créé, modifié ou abrogé');
    expect(changeSetSentence(empty)).toBe(
      'Version consolidée sans aucun article créé, modifié ou abrogé : la source date une version consolidée à ce jour sans changer le texte d’aucun article ni nommer de texte.',
    );
    expect(changeSetSentence({ ...empty, amendingTexts: ['Loi n°2004-1'] })).toMatch(/la source nomme les textes ci-dessous/);
    expect(changeSetCounts({ ...empty, unplaced: ['L1', 'L2'] })).toBe(
      'aucun article créé, modifié ou abrogé (2 articles nommés par la source, absents du corpus)',
    );
  });
});
