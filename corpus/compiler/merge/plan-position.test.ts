import { describe, expect, it } from 'vitest';
import { planPosition, sameStep, sectionStep, stepHeading } from './plan-position.ts';

describe('planPosition: the divisions an article number spells', () => {
  it('reads three digits as livre, titre, chapitre (the former Code du travail, the sécurité sociale)', () => {
    expect(planPosition('L122-14-3')).toEqual([
      { level: 'livre', ordinal: 1 },
      { level: 'titre', ordinal: 2 },
      { level: 'chapitre', ordinal: 2 },
    ]);
    expect(planPosition('R*611-3').map((s) => s.ordinal)).toEqual([6, 1, 1]);
    expect(planPosition('L320-4').map((s) => s.ordinal)).toEqual([3, 2, 0]); // Chapitre préliminaire
  });

  it('reads four digits as partie, livre, titre, chapitre (the Code du travail since 2008)', () => {
    expect(planPosition('L1232-1')).toEqual([
      { level: 'partie', ordinal: 1 },
      { level: 'livre', ordinal: 2 },
      { level: 'titre', ordinal: 3 },
      { level: 'chapitre', ordinal: 2 },
    ]);
    expect(planPosition('D1232-1-1').map((s) => s.level)).toEqual(['partie', 'livre', 'titre', 'chapitre']);
  });

  it('reads nothing in numbers that are not by plan', () => {
    for (const num of ['1240', '150-0 A', 'L1', 'L23-101-1', 'L12345-1', "Annexe I à l'article R4312-1", 'L611']) {
      expect(planPosition(num), num).toEqual([]);
    }
  });
});

describe('sectionStep: the division a LEGI section title names', () => {
  it('reads the titles of legi-data’s trees', () => {
    const read = (title: string) => sectionStep(title);
    expect(read('Livre Ier : Conventions relatives au travail')).toEqual({ level: 'livre', ordinal: 1 });
    expect(read('Livre I : Généralités - Dispositions communes à tout ou partie des régimes de base')).toEqual({
      level: 'livre',
      ordinal: 1,
    });
    expect(read('Titre IV : Salaire.')).toEqual({ level: 'titre', ordinal: 4 });
    expect(read('Titre préliminaire.')).toEqual({ level: 'titre', ordinal: 0 });
    expect(read("Chapitre préliminaire : Gestion de l'emploi et des compétences")).toEqual({ level: 'chapitre', ordinal: 0 });
    expect(read('Chapitre 1er : Dispositions générales')).toEqual({ level: 'chapitre', ordinal: 1 });
    expect(read('Chapitre Ier : GARANTIES DE RESSOURCES DES TRAVAILLEURS PRIVES D’EMPLOI')).toEqual({ level: 'chapitre', ordinal: 1 });
    expect(read('Titre 7 : Congé de naissance ou d’adoption')).toEqual({ level: 'titre', ordinal: 7 });
    expect(read('Titre XI : Comité social et économique')).toEqual({ level: 'titre', ordinal: 11 });
    expect(read('Chapitre II bis : Mesures visant à supprimer les écarts de rémunération')).toEqual({
      level: 'chapitre',
      ordinal: 2,
      variant: 'bis',
    });
    expect(read('Chapitre unique : Fonds national de solidarité et d’action mutualistes.')).toEqual({ level: 'chapitre', ordinal: 1 });
    expect(read('Première partie : Les relations individuelles de travail')).toEqual({ level: 'partie', ordinal: 1 });
    expect(read('Huitième partie : Contrôle de l’application de la législation du travail')).toEqual({ level: 'partie', ordinal: 8 });
    expect(read('TITRE III : HYGIENE ET SECURITE')).toEqual({ level: 'titre', ordinal: 3 });
  });

  it('reads no division in the other sections', () => {
    for (const title of [
      'Partie législative',
      'Section 2 : Privilèges et garanties de la créance de salaire.',
      'Annexes',
      'Livres',
      'Titre',
    ]) {
      expect(sectionStep(title), title).toBeUndefined();
    }
  });

  it('writes headings as LEGI does, and reads them back', () => {
    const steps = [...planPosition('L1232-1'), { level: 'titre' as const, ordinal: 0 }, { level: 'livre' as const, ordinal: 9 }];
    expect(steps.map(stepHeading)).toEqual(['Première partie', 'Livre II', 'Titre III', 'Chapitre II', 'Titre préliminaire', 'Livre IX']);
    for (const step of steps) expect(sameStep(sectionStep(`${stepHeading(step)} : titre inconnu`)!, step)).toBe(true);
  });
});
