import { describe, expect, it } from 'vitest';
import { linksHeader, parseLinkEntry, parseLinksSection } from './links.ts';

describe('parseLinkEntry (entries quoted from the lexlib repositories)', () => {
  it.each([
    ['Code de la sécurité sociale. - art. L612-9 (M)', 'Code de la sécurité sociale', 'L612-9', 'M'],
    ['Décret n°2007-1752 du 13 décembre 2007 (V)', 'Décret n°2007-1752 du 13 décembre 2007', undefined, 'V'],
    ['Loi n°95-116 du 4 février 1995 - art. 40 () JORF 5 février 1995', 'Loi n°95-116 du 4 février 1995', '40', ''],
    ['Décret n°85-1353 1985-12-17', 'Décret n°85-1353 1985-12-17', undefined, ''],
    ['Ordonnance 2005-1528 2005-12-08 art. 1 II, III JORF 9 décembre 2005', 'Ordonnance 2005-1528 2005-12-08', '1 II, III', ''],
    [
      'Loi n°66-509 1966-07-12 art. 14 al. 1, al. 2, al. 3, al. 4, al. 6',
      'Loi n°66-509 1966-07-12',
      '14 al. 1, al. 2, al. 3, al. 4, al. 6',
      '',
    ],
    ['Arrêté du 25 juin 2018 - art. (V)', 'Arrêté du 25 juin 2018', undefined, 'V'],
    ['Arrêté du 22 décembre 1993 - art. Annexe, Préambule (V)', 'Arrêté du 22 décembre 1993', 'Annexe, Préambule', 'V'],
    [
      "Code de la sécurité sociale. - art. Annexe I à l'art. R434-35 (1) (V)",
      'Code de la sécurité sociale',
      "Annexe I à l'art. R434-35 (1)",
      'V',
    ],
    ['CODE GENERAL DES IMPOTS, CGI. - art. 995 (V)', 'CODE GENERAL DES IMPOTS, CGI', '995', 'V'],
    ['Code rural et de la pêche maritime (V)', 'Code rural et de la pêche maritime', undefined, 'V'],
    [
      'Décret n°99-1012 du 2 décembre 1999 - art. 3 (V) JORF 3 décembre 1999 en vigueur le 1er janvier 2000',
      'Décret n°99-1012 du 2 décembre 1999',
      '3',
      'V',
    ],
    ['Code de la mutualité - art. L211-10 (MMN)', 'Code de la mutualité', 'L211-10', 'MMN'],
  ])('%s', (entry, text, articleNum, status) => {
    const { link } = parseLinkEntry(entry, 'citedBy');
    expect([link.text, link.articleNum, link.status, link.label]).toEqual([text, articleNum, status, entry]);
  });

  it('moves the `_Liens_` qualifier to linkType (L611-3, 2005-12-09)', () => {
    expect(parseLinkEntry('DEPLACEMENT: Loi n°2017-1836 du 30 décembre 2017 - art. 15 (M)', 'associated').link).toEqual({
      kind: 'associated',
      label: 'Loi n°2017-1836 du 30 décembre 2017 - art. 15 (M)',
      text: 'Loi n°2017-1836 du 30 décembre 2017',
      articleNum: '15',
      status: 'M',
      linkType: 'DEPLACEMENT',
      origin: 'list',
    });
    expect(parseLinkEntry('TXT_SOURCE: Code de la sécurité sociale. - art. R142-1 (V)', 'associated').link.linkType).toBe('TXT_SOURCE');
  });

  it('recognises the AbD and An codes the model does not name, and keeps them in the label', () => {
    const parsed = parseLinkEntry('Code de la sécurité sociale. - art. D612-6 (AbD)', 'citedBy');
    expect(parsed.unknownStatus).toBe('AbD');
    expect(parsed.link).toMatchObject({ articleNum: 'D612-6', status: '', label: 'Code de la sécurité sociale. - art. D612-6 (AbD)' });
  });
});

describe('parseLinksSection', () => {
  it('reads both header styles', () => {
    expect(linksHeader('_Cité par_:')).toBe('Cité par');
    expect(linksHeader('\t**Cité par**:')).toBe('Cité par');
    expect(linksHeader('**Liens**:')).toBe('Liens');
    expect(linksHeader('**Liens relatifs à cet article**')).toBeUndefined();
  });

  it('parses the lists of L758-1 (lexlib, last version) and reports the unknown `_Modifie_:` header', () => {
    const lines = [
      '',
      '_Anciens textes_:',
      '',
      '  - Loi n°83-1159 1983-12-24 art. 18',
      '',
      '_Modifie_:',
      '',
      '  - Loi n°2011-2012 du 29 décembre 2011 - art. 34 (V)',
      '',
      '_Nouveaux textes_:',
      '',
      '  - Code de la sécurité sociale. - art. L755-27 (Ab)',
    ];
    const parsed = parseLinksSection(lines);
    expect(parsed.links.map((l) => [l.kind, l.text, l.articleNum ?? '', l.status])).toEqual([
      ['formerTexts', 'Loi n°83-1159 1983-12-24', '18', ''],
      ['newTexts', 'Code de la sécurité sociale', 'L755-27', 'Ab'],
    ]);
    expect(parsed.problems).toEqual([{ index: 5, message: 'en-tête de liens inconnu « Modifie » : entrées ignorées' }]);
  });
});
