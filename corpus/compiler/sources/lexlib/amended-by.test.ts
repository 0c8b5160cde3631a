import { describe, expect, it } from 'vitest';
import { chooseAmendedBy, spellTextDate, textIdentity } from './amended-by.ts';
import { parseLinkEntry } from '../common/lexlib-format/links.ts';

const link = (kind: 'modifiedBy' | 'createdBy', entry: string) => parseLinkEntry(entry, kind).link;

describe('chooseAmendedBy', () => {
  it('takes the commit author when it names a text (sécurité sociale, 2025-01-01)', () => {
    expect(chooseAmendedBy({ author: 'Loi n°2018-1203 du 22 décembre 2018', commitTexts: [], links: [], firstVersion: false })).toBe(
      'Loi n°2018-1203 du 22 décembre 2018',
    );
  });

  it('for « Plusieurs textes », takes the version’s `Modifié par` text found in the commit list (L611-3, 2005-12-09)', () => {
    expect(
      chooseAmendedBy({
        author: 'Plusieurs textes',
        commitTexts: ['Ordonnance n°2005-1528 du 8 décembre 2005', 'Ordonnance n°2005-1529 du 8 décembre 2005'],
        links: [
          link('modifiedBy', 'Ordonnance 2005-1528 2005-12-08 art. 1 II, III JORF 9 décembre 2005'),
          link('modifiedBy', 'Ordonnance n°2005-1528 du 8 décembre 2005 - art. 1 (V) JORF 9 décembre 2005'),
        ],
        firstVersion: false,
      }),
    ).toBe('Ordonnance n°2005-1528 du 8 décembre 2005');
  });

  it('uses `Créé par` for a first version, spelled as Légifrance does (L611-3, 1985-12-21)', () => {
    expect(
      chooseAmendedBy({
        author: 'Plusieurs textes',
        commitTexts: [
          'Décret n°85-1353 1985-12-17 art. 1 JORF 21 décembre 1985 RECTIFICATIF JORF 20 mars 1986',
          'Décret n°85-1354 du 17 décembre 1985, art 1 (V)',
        ],
        links: [link('createdBy', 'Décret n°85-1353 1985-12-17 art. 1 JORF 21 décembre 1985')],
        firstVersion: true,
      }),
    ).toBe('Décret n°85-1353 du 17 décembre 1985');
  });

  it('falls back on a commit list naming one text, else gives nothing', () => {
    expect(
      chooseAmendedBy({
        author: 'Inconnu',
        commitTexts: ['Décret n°2006-83 2006-01-27 art. 6 1° JORF 28 janvier 2006', 'Décret n°2006-83 du 27 janvier 2006'],
        links: [],
        firstVersion: false,
      }),
    ).toBe('Décret n°2006-83 du 27 janvier 2006');
    expect(
      chooseAmendedBy({
        author: 'Plusieurs textes',
        commitTexts: ['Loi n°2019-1446 du 24 décembre 2019', 'Loi n°2019-486 du 22 mai 2019'],
        links: [],
        firstVersion: false,
      }),
    ).toBeUndefined();
  });

  it('compares texts by their number', () => {
    expect(textIdentity('Ordonnance 2005-1528 2005-12-08')).toBe(textIdentity('Ordonnance n°2005-1528 du 8 décembre 2005'));
    expect(spellTextDate('Loi n°85-773 1985-07-25')).toBe('Loi n°85-773 du 25 juillet 1985');
    expect(spellTextDate('Décret 2001-01-01')).toBe('Décret du 1er janvier 2001');
  });
});
