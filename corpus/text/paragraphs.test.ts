import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isHyphenWrap, normalizeParagraph, rebuildParagraphs, unwrapLines } from './paragraphs.ts';
import { seedsDir } from '../../tests/support/shared-corpus.ts';

const seeds = seedsDir();

describe('rebuildParagraphs', () => {
  it('rebuilds R111-1 5°) of the sécurité sociale (lexlib, 2006-01-19) as Archéo Lex prints it (seed 002 line 26)', () => {
    // The three lines of `Article R111-1 - 6746438.md` at `Version consolidée du 2006-01-19`: the wrapper
    // broke « non-agricoles » after its hyphen, and the paragraph ends with a trailing space.
    const lines = [
      "5°) en ce qui concerne le régime d'assurance maladie et maternité des travailleurs non-salariés des professions non-",
      "agricoles : une caisse nationale d'assurance maladie et maternité des travailleurs non-salariés et des caisses mutuelles",
      "régionales d'assurance maladie et maternité des travailleurs non-salariés ; ",
    ];
    const seed002 = readFileSync(path.join(seeds, '002_ed8248280429ca41.txt'), 'utf8').split('\n');
    expect(seed002[25]).toMatch(/^-5°\) en ce qui concerne le régime d'assurance maladie/);
    expect(rebuildParagraphs(lines)).toEqual([seed002[25]!.slice(1)]);
  });

  it('rebuilds the five paragraphs of L611-3 in seed 000, keeping « responsables , dans »', () => {
    const text = readFileSync(path.join(seeds, '000_957ebed65d058a0e.txt'), 'utf8');
    const lines = text.split('\n');
    const body = lines.slice(1, lines.indexOf('**Liens relatifs à cet article**'));
    const paragraphs = rebuildParagraphs(body);
    expect(paragraphs).toHaveLength(5);
    expect(paragraphs[0]).toBe(
      "Les caisses mutuelles régionales sont responsables , dans leur circonscription, sous le contrôle de la caisse nationale d'assurance maladie et maternité des travailleurs non salariés, de la gestion du régime d'assurance maladie et maternité et sont chargées de promouvoir, en faveur de leurs ressortissants, une action sanitaire et sociale, ainsi qu'une action de prévention, d'éducation et d'information sanitaires.",
    );
    expect(paragraphs[4]).toBe(
      "Un décret fixe les conditions dans lesquelles se trouve engagée la responsabilité financière de ces organismes, à l'occasion des opérations qui, en application du présent article, leur sont confiées par les caisses.",
    );
  });

  it('keeps the space after a dash that follows punctuation (Annexe II Tableau n° 10, lexlib)', () => {
    expect(unwrapLines(['mordants en teinture ;- tannage au chrome ;-', 'préparation, par procédés photomécaniques'])).toBe(
      'mordants en teinture ;- tannage au chrome ;- préparation, par procédés photomécaniques',
    );
  });

  it('treats whitespace-only lines as paragraph breaks and drops empty paragraphs', () => {
    expect(rebuildParagraphs(['', '  ', "Cette transformation s'effectue", '\t', '', 'sans dissolution.', ''])).toEqual([
      "Cette transformation s'effectue",
      'sans dissolution.',
    ]);
    expect(rebuildParagraphs([])).toEqual([]);
  });
});

describe('isHyphenWrap', () => {
  it.each([
    ['des professions non-', 'agricoles : une caisse', true],
    ['du Haut-Rhin, du Bas-', 'Rhin et de la Moselle', true],
    ['et sels (o-tolidine) ; 2-', 'méthylaniline et sels', true],
    ["N-isopropyl N'-", 'phénylparaphénylène-diamine', true],
    ['en application des dispositions du VII. -', 'Classe 7, 4, point f', false],
    ['produits en renfermant ; -', 'emploi du benzène', false],
    ['tannage au chrome ;-', 'préparation, par procédés', false],
    ['des professions non-', '- Code de la sécurité sociale', false],
  ])('%s | %s → %s', (line, next, expected) => {
    expect(isHyphenWrap(line, next)).toBe(expected);
  });
});

describe('normalizeParagraph', () => {
  it('writes the U+2015 list dash as « - » (lexlib L114-23 « I. ― Dans le respect »)', () => {
    expect(normalizeParagraph('I. ― Dans le respect')).toBe('I. - Dans le respect');
  });
  it('collapses whitespace runs (spaces, tabs, no-break spaces) and trims', () => {
    expect(normalizeParagraph('  Les mutuelles sont    des groupements\u00a0 à but\tnon lucratif  ')).toBe(
      'Les mutuelles sont des groupements à but non lucratif',
    );
  });
  it('is idempotent', () => {
    const once = normalizeParagraph(' a ―  b ');
    expect(normalizeParagraph(once)).toBe(once);
  });
});
