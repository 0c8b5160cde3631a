import { describe, expect, it } from 'vitest';
import { slugWords, titleFromSlug, Vocabulary } from './section-slug.ts';

// Folder slugs of the sécurité sociale LexHub bundle (L160-17's path).
describe('titleFromSlug', () => {
  it("rebuilds level, number and words; accents come back from the code's own texts", () => {
    const slug = 'titre-vi-dispositions-relatives-aux-prestations-et-aux-soins-controle-medical-tutelle-aux-prestations-sociales';
    expect(titleFromSlug(slug)).toEqual({
      title: 'Titre VI : Dispositions relatives aux prestations et aux soins controle medical tutelle aux prestations sociales',
      level: 'titre',
      rank: 6,
    });
    const vocabulary = new Vocabulary(new Set(slugWords(slug)));
    vocabulary.learn(
      "Le contrôle médical porte sur tous les éléments d'ordre médical qui commandent l'attribution et le service de l'ensemble des prestations",
    );
    expect(titleFromSlug(slug, vocabulary).title).toBe(
      'Titre VI : Dispositions relatives aux prestations et aux soins contrôle médical tutelle aux prestations sociales',
    );
  });

  it('gives back elided articles, LEGI part titles and special numbers', () => {
    const vocabulary = new Vocabulary();
    vocabulary.learn("l'application de l'assurance maladie");
    expect(titleFromSlug('chapitre-3-champ-dapplication-et-prestations-dassurance-maladie', vocabulary)).toEqual({
      title: "Chapitre 3 : Champ d'application et prestations d'assurance maladie",
      level: 'chapitre',
      rank: 3,
    });
    expect(titleFromSlug('partie-reglementaire-decrets-en-conseil-detat').title).toBe("Partie réglementaire - Décrets en Conseil d'Etat");
    expect(titleFromSlug('chapitre-preliminaire-dispositions-relatives-a-la-prise-en-charge-des-frais-de-sante').title).toMatch(
      /^Chapitre préliminaire : Dispositions/,
    );
    expect(titleFromSlug('chapitre-1er-ter-suppression-de-cotisations')).toMatchObject({
      title: 'Chapitre 1er ter : Suppression de cotisations',
      rank: 1.03,
    });
    expect(titleFromSlug('livre-ier-dispositions-generales', vocabulary).title).toBe('Livre Ier : Dispositions generales');
    expect(titleFromSlug('sous-section-1-champ-dapplication').level).toBe('sous-section');
    expect(titleFromSlug('livre-i-generalites-dispositions-communes-a-tout-ou-partie-des-regimes-de-base', new Vocabulary()).title).toBe(
      'Livre I : Généralités dispositions communes a tout ou partie des regimes de base',
    );
  });
});
