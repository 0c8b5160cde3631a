import { describe, expect, it } from 'vitest';
import type { Link } from '../../model/model.ts';
import { dayAfterPublication, entryDateOfEffect, notaDateOfEffect, textIdentity } from './repeal-evidence.ts';

const entry = (label: string, text = label.replace(/\s+-\s+art\..*$/, '')): Link => ({
  kind: 'repealedBy',
  label,
  text,
  status: '',
  origin: 'list',
});

describe('repeal evidence', () => {
  it('identifies one text however the sources write its title', () => {
    expect(textIdentity('Loi n°2003-1199 2003-12-18')).toBe('loi 2003-1199');
    expect(textIdentity('Loi n°2003-1199 du 18 décembre 2003')).toBe('loi 2003-1199');
    expect(textIdentity('LOI n°2003-1199 du 18 décembre 2003 - art. 60 (V)')).toBe('loi 2003-1199');
    expect(textIdentity('Décret n°2008-244 du 7 mars 2008')).toBe('decret 2008-244');
    expect(textIdentity('Arrêté du 14 mai 1996')).toBe('arrete 1996-05-14');
    expect(textIdentity('Code du travail L118-2-4 alinéas 4 à 6')).toBeUndefined();
  });

  it('reads the date of effect an « Abrogé par » entry writes, never a deadline', () => {
    // L138-14 of the sécurité sociale, repealed 2003-01-01.
    expect(
      entryDateOfEffect(entry('Loi n°2002-1487 du 20 décembre 2002 - art. 65 () JORF 24 décembre 2002 en vigueur le 1er janvier 2003')),
    ).toBe('2003-01-01');
    // L122-14-3 of the former Code du travail: « au plus tard » is no date of effect.
    expect(
      entryDateOfEffect(
        entry('Ordonnance n°2007-329 du 12 mars 2007 - art. 12 (VD) JORF 13 mars 2007 en vigueur au plus tard le 1er mars 2008'),
      ),
    ).toBeUndefined();
  });

  it('gives the day after publication in the Journal officiel', () => {
    expect(dayAfterPublication(entry('Loi n°2003-1199 2003-12-18 art. 60 IV 1° JORF 19 décembre 2003'))).toBe('2003-12-20');
    expect(dayAfterPublication(entry('Décret n°2011-1830 du 6 décembre 2011 - art. 7'))).toBeUndefined();
  });

  it('takes the date a NOTA fixes, not the deadline before it (the former Code du travail: 1 May 2008)', () => {
    expect(
      notaDateOfEffect([
        'Ordonnance 2007-329 2007-03-12 art. 14 : Les dispositions de la présente ordonnance entrent en vigueur en même temps que la partie réglementaire du nouveau code du travail et au plus tard le 1er mars 2008.',
        'La loi n° 2008-67 du 21 janvier 2008 dans son article 2 X a fixé la date d’entrée en vigueur de la partie législative du code du travail au 1er mai 2008.',
      ]),
    ).toBe('2008-05-01');
    expect(notaDateOfEffect(['Voir le décret du 12 mars 2007.'])).toBeUndefined();
  });
});
