import { describe, expect, it } from 'vitest';
import { articleCitation, codeInSentence } from './article-citation.ts';

// Versions and amending texts as the compiled corpus has them (Code de la sécurité sociale).
const CSS = 'Code de la sécurité sociale';
const TODAY = '2026-12-01';

describe('an article cited as French legal writing does', () => {
  it('names the code in running text, the amending text with its article, and the dates in force', () => {
    expect(
      articleCitation(
        CSS,
        'L611-3',
        { validFrom: '2005-12-09', validTo: '2018-01-01', amendedBy: 'Ordonnance n°2005-1528 du 8 décembre 2005' },
        TODAY,
      ),
    ).toBe(
      'Article L611-3 du code de la sécurité sociale, dans sa rédaction issue de l’ordonnance n° 2005-1528 du 8 décembre 2005, en vigueur du 9 décembre 2005 au 1er janvier 2018',
    );
    expect(articleCitation(CSS, 'L111-1', { validFrom: '2020-08-09', amendedBy: 'Loi n°2020-992 du 7 août 2020' }, TODAY)).toBe(
      'Article L111-1 du code de la sécurité sociale, dans sa rédaction issue de la loi n° 2020-992 du 7 août 2020, en vigueur depuis le 9 août 2020',
    );
    expect(
      articleCitation(
        CSS,
        'L611-3',
        { validFrom: '1985-12-21', validTo: '1994-01-19', amendedBy: 'Décret n°85-1353 du 17 décembre 1985' },
        TODAY,
      ),
    ).toBe(
      'Article L611-3 du code de la sécurité sociale, dans sa rédaction issue du décret n° 85-1353 du 17 décembre 1985, en vigueur du 21 décembre 1985 au 19 janvier 1994',
    );
  });
  it('cites the source’s words when the text is of unknown shape, and nothing when there is none', () => {
    expect(articleCitation(CSS, 'R1', { validFrom: '2030-01-01', amendedBy: 'Texte inconnu' }, TODAY)).toBe(
      'Article R1 du code de la sécurité sociale, dans sa rédaction issue de « Texte inconnu », en vigueur à partir du 1er janvier 2030',
    );
    expect(articleCitation(CSS, 'R1', { validFrom: '2000-01-01' }, TODAY)).toBe(
      'Article R1 du code de la sécurité sociale, en vigueur depuis le 1er janvier 2000',
    );
  });
  it('writes a code’s title with a small initial inside a sentence', () => {
    expect(codeInSentence('Code de la mutualité')).toBe('code de la mutualité');
    expect(codeInSentence('Livre des procédures fiscales')).toBe('livre des procédures fiscales');
  });
});
