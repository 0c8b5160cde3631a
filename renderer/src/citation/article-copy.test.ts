import { describe, expect, it } from 'vitest';
import { articleCopyText } from './article-copy.ts';

describe('« Copier le texte »', () => {
  it('gives the heading, the dates, the paragraphs, the amending text and the citation', () => {
    // L611-3 of the Code de la sécurité sociale, version of 2005-12-09 (compiled corpus, first words).
    const version = {
      validFrom: '2005-12-09',
      validTo: '2018-01-01',
      amendedBy: 'Ordonnance n°2005-1528 du 8 décembre 2005',
      paragraphs: ['Le régime social des indépendants comprend une caisse nationale et des caisses de base.'],
      nota: ['Voir l’article 2.'],
    };
    expect(articleCopyText('Code de la sécurité sociale', 'L611-3', version, false, '2026-12-01')).toBe(
      [
        'Article L611-3 — Code de la sécurité sociale',
        'En vigueur du 9 décembre 2005 au 1er janvier 2018',
        'Le régime social des indépendants comprend une caisse nationale et des caisses de base.',
        'NOTA : Voir l’article 2.',
        'Modifié par : Ordonnance n° 2005-1528 du 8 décembre 2005',
        '(Article L611-3 du code de la sécurité sociale, dans sa rédaction issue de l’ordonnance n° 2005-1528 du 8 décembre 2005, en vigueur du 9 décembre 2005 au 1er janvier 2018.)',
      ].join('\n\n'),
    );
  });
});
