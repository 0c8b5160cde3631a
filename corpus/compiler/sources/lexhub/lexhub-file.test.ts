import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importLexhubFile } from './lexhub-file-import.ts';
import { numFromFileName, parseLexhubFile } from './lexhub-file.ts';
import { seedFile } from '../../../../tests/support/shared-corpus.ts';

const seed004 = seedFile('004');
const content = readFileSync(seed004, 'utf8');
const where = { source: 'seed-004', path: seed004 };

describe('parseLexhubFile on seed 004', () => {
  it('reads L160-17: number from the heading, seven paragraphs, the NOTA, its four cited articles', () => {
    const { article, warnings } = parseLexhubFile(content, where);
    expect(warnings).toEqual([]);
    expect(article.num).toBe('L160-17');
    expect(article.paragraphs).toHaveLength(7);
    expect(article.paragraphs[2]).toBe(
      "Les mutuelles ou groupements de mutuelles régis par le code de la mutualité sont habilités à réaliser des opérations de gestion pour la prise en charge des frais de santé des assurés mentionnés aux articles L. 381-4, L. 712-1 et L. 712-2. Pour les assurés mentionnés à l'article L. 613-1, les mêmes organismes ainsi que les organismes chargés de la gestion des régimes obligatoires et les assureurs ou groupements d'assureurs régis par le code des assurances reçoivent délégation pour l'exécution, en tout ou partie, d'opérations de gestion.",
    );
    expect(article.nota).toHaveLength(1);
    expect(article.nota[0]).toMatch(/^Conformément à l'article 59 XIII A de la loi n° 2015-1702 du 21 décembre 2015, le dernier alinéa/);
    expect(article.links.map((l) => [l.kind, l.text, l.articleNum, l.status, l.origin])).toEqual([
      ['cites', 'Code de la sécurité sociale', 'L160-1', 'V', 'list'],
      ['cites', 'Code de la sécurité sociale', 'L381-4', 'V', 'list'],
      ['cites', 'Code de la sécurité sociale', 'L712-1', 'V', 'list'],
      ['cites', 'Code de la sécurité sociale', 'L613-1', 'V', 'list'],
    ]);
    expect(article.links[0]!.label).toBe('Code de la sécurité sociale. - art. L160-1 (V)');
  });

  it('takes the number from the file name when the heading is missing, and says so with the line', () => {
    const { article, warnings } = parseLexhubFile(content.split('\n').slice(2).join('\n'), {
      source: 'lexhub',
      path: 'partie-legislative/x/l160-17.md',
    });
    expect(article.num).toBe('L160-17');
    expect(warnings).toEqual([
      {
        source: 'lexhub',
        path: 'partie-legislative/x/l160-17.md',
        line: 1,
        message: 'titre « # Article … » absent: numéro pris du nom de fichier',
      },
    ]);
    expect(numFromFileName('annexes/annexe-a-larticle-d160-4.md')).toBe('annexe-a-larticle-d160-4');
    expect(numFromFileName('x/lo111-4.md')).toBe('LO111-4');
  });
});

describe('importLexhubFile', () => {
  it('makes seed 004 a one-article source of the Code de la sécurité sociale, dated 2016-01-01 (a known file)', () => {
    const imported = importLexhubFile(seed004, { sourceId: 'seed-004' });
    expect(imported.info).toMatchObject({
      id: 'seed-004',
      kind: 'seed-article',
      revision: '1879fcfa7b638980',
      date: '2016-01-01',
      codes: ['code-de-la-securite-sociale'],
    });
    expect(imported.codes).toEqual([
      { id: 'code-de-la-securite-sociale', title: 'Code de la sécurité sociale', legiTextId: 'LEGITEXT000006073189' },
    ]);
    const [article] = imported.articles;
    expect(article).toMatchObject({ code: 'code-de-la-securite-sociale', num: 'L160-17' });
    expect(article!.versions).toHaveLength(1);
    expect(article!.versions[0]).toMatchObject({ validFrom: '2016-01-01', dateQuality: 'exact' });
    expect(article!.versions[0]!.nota).toHaveLength(1);
    expect(imported.warnings).toEqual([]);
  });

  it('dates an unknown lone file 1970-01-02 « clamped » and says so; the code comes from its links', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lexhub-file-'));
    const copy = path.join(dir, 'l160-17.md');
    writeFileSync(copy, content.replace('pacte civil de solidarité', 'pacte civil de solidarité (copie)'));
    const imported = importLexhubFile(copy);
    expect(imported.info.id).toBe('l160-17');
    expect(imported.info.codes).toEqual(['code-de-la-securite-sociale']);
    expect(imported.articles[0]!.versions[0]).toMatchObject({ validFrom: '1970-01-02', dateQuality: 'clamped' });
    expect(imported.warnings.map((w) => [w.path, w.message])).toEqual([[copy, expect.stringMatching(/^date du texte inconnue/)]]);
    expect(importLexhubFile(copy, { validFrom: '2038-01-01' }).articles[0]!.versions[0]).toMatchObject({
      status: 'VIGUEUR_DIFF',
      dateQuality: 'unfixed',
    });
  });
});

/**
 * Damaged copies of seed 004: the parser must never throw, must never let a tag through as text,
 * and every warning must name the source, the path and a line inside the file.
 */
describe('parseLexhubFile on damaged copies of seed 004 (fuzz, fixed seeds)', () => {
  const full = parseLexhubFile(content, where).article;
  const bytes = Buffer.from(content, 'utf8');
  // Lines cut at tag ends, so that shuffling moves pieces of markup around.
  const pieces = content.replace(/>/g, '>\n').split('\n');

  const check = (damaged: string): ReturnType<typeof parseLexhubFile> => {
    const result = parseLexhubFile(damaged, where);
    const lines = damaged.split('\n').length;
    for (const paragraph of [...result.article.paragraphs, ...result.article.nota]) {
      expect(paragraph).not.toMatch(/<\/?(?:p|a|i|br|table|tr|td)\b[^<>]*>/i);
      expect(paragraph).toBe(paragraph.trim());
      expect(paragraph).not.toBe('');
    }
    expect(result.article.num.length).toBeGreaterThan(0);
    for (const warning of result.warnings) {
      expect(warning.source).toBe('seed-004');
      expect(warning.path).toBe(seed004);
      if (warning.line === undefined) continue;
      expect(warning.line).toBeGreaterThanOrEqual(1);
      expect(warning.line).toBeLessThanOrEqual(lines);
    }
    return result;
  };

  it('truncations: what is before the cut reads as in the whole file', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: content.length }), (cut) => {
        const { article } = check(content.slice(0, cut));
        const complete = article.paragraphs.slice(0, -1);
        expect(complete).toEqual(full.paragraphs.slice(0, complete.length));
      }),
      { seed: 4, numRuns: 300 },
    );
  });

  it('byte flips (invalid UTF-8 included)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(bytes.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 12 }),
        (flips) => {
          const copy = Buffer.from(bytes);
          for (const [at, value] of flips) copy[at] = value;
          check(copy.toString('utf8'));
        },
      ),
      { seed: 40, numRuns: 300 },
    );
  });

  it('shuffled lines', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(pieces, { minLength: 1 }), (lines) => {
        check(lines.join('\n'));
      }),
      { seed: 400, numRuns: 300 },
    );
  });
});
