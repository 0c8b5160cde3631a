/**
 * The seed documents, with values read from the files themselves.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Section } from '../../../model/model.ts';
import { parseArcheoDiff } from './archeo-diff.ts';
import { importSeedText } from './seed-import.ts';
import { detectSeedKind } from './seed-kind.ts';
import { seedsDir } from '../../../../tests/support/shared-corpus.ts';

const seeds = seedsDir();
const read = (file: string) => readFileSync(path.join(seeds, file), 'utf8');
const SEED_000 = '000_957ebed65d058a0e.txt';
const SEED_001 = '001_803e8bac355c9d63.txt';
const SEED_002 = '002_ed8248280429ca41.txt';
const SEED_003 = '003_e563875e8f8a73d7.txt';
const SEED_004 = '004_de1cfeb6a59aaf65.txt';

const importSeed = (file: string) => importSeedText(read(file), { sourceId: file, path: file })!;

describe('detectSeedKind', () => {
  it('tells every seed apart by its content', () => {
    expect([SEED_000, SEED_001, SEED_002, SEED_003, SEED_004].map((f) => detectSeedKind(read(f)))).toEqual([
      'seed-article',
      'seed-article',
      'seed-diff',
      'seed-code',
      'lexhub-article',
    ]);
    expect(detectSeedKind('')).toBeUndefined();
    expect(detectSeedKind('Bonjour')).toBeUndefined();
  });
  it('leaves LexHub articles (seed 004) to the LexHub importer', () => {
    expect(importSeedText(read(SEED_004), { sourceId: 's4', path: SEED_004 })).toBeUndefined();
  });
});

describe('seed 000: L611-3 as of 1995', () => {
  const result = importSeed(SEED_000);
  const article = result.articles[0]!;
  const version = article.versions[0]!;
  const of = (kind: string) => version.links.filter((l) => l.kind === kind);

  it('is one version of L611-3 of the Code de la sécurité sociale, from 1995-02-05', () => {
    expect(result.info).toMatchObject({ kind: 'seed-article', date: '1995-02-05', codes: ['code-de-la-securite-sociale'] });
    expect(result.codes).toEqual([{ id: 'code-de-la-securite-sociale', title: 'Code de la sécurité sociale' }]);
    expect(article.num).toBe('L611-3');
    expect(result.articles).toHaveLength(1);
    expect(version.validFrom).toBe('1995-02-05');
    expect(version.paragraphs).toHaveLength(5);
    expect(version.paragraphs[4]).toBe(
      "Un décret fixe les conditions dans lesquelles se trouve engagée la responsabilité financière de ces organismes, à l'occasion des opérations qui, en application du présent article, leur sont confiées par les caisses.",
    );
    expect(version.nota).toBeUndefined();
    expect(result.warnings).toEqual([]);
  });

  it('has all 43 « Cité par » entries with their status', () => {
    expect(of('citedBy').map((l) => [l.text, l.articleNum, l.status])).toEqual([
      ['Arrêté du 4 avril 1984', '1', 'V'],
      ['Décret n°86-561 du 14 mars 1986', '3', 'Ab'],
      ['Décret n°86-562 du 14 mars 1986', '1', 'V'],
      ['Arrêté du 6 mai 1987', '1', 'V'],
      ['Arrêté du 8 décembre 1987', '3', 'V'],
      ['Arrêté du 22 décembre 1993', 'Annexe article 1', 'V'],
      ['Arrêté du 22 décembre 1993', 'Annexe article 64', 'V'],
      ['Arrêté du 22 décembre 1993', 'Annexe, Préambule', 'V'],
      ['Arrêté du 4 mai 1994', '2', 'Ab'],
      ['Décret n°96-466 du 30 mai 1996', '1', 'V'],
      ['Arrêté du 31 janvier 2003', '2', 'Ab'],
      ['Décret n°2005-362 du 20 avril 2005', '1', 'V'],
      ['Arrêté du 20 décembre 2016', '1', 'V'],
      ['Arrêté du 23 décembre 1985', 'ANNEXE', 'V'],
      ['Arrêté du 23 décembre 1985', 'Annexe art. 1', 'V'],
      ['Arrêté du 23 décembre 1985', 'Annexe art. 50', 'V'],
      ['Code de la mutualité', 'L111-1', 'V'],
      ['Code de la sécurité sociale', 'D412-79', 'V'],
      ['Code de la sécurité sociale', 'L133-6-2', 'VT'],
      ['Code de la sécurité sociale', 'L134-11-1', 'VT'],
      ['Code de la sécurité sociale', 'L242-11', 'VD'],
      ['Code de la sécurité sociale', 'L611-12', 'M'],
      ['Code de la sécurité sociale', 'L611-4', 'M'],
      ['Code de la sécurité sociale', 'L613-13', 'V'],
      ['Code de la sécurité sociale', 'R161-10', 'V'],
      ['Code de la sécurité sociale', 'R161-29', 'M'],
      ['Code de la sécurité sociale', 'R611-1', 'M'],
      ['Code de la sécurité sociale', 'R611-124', 'Ab'],
      ['Code de la sécurité sociale', 'R611-125', 'Ab'],
      ['Code de la sécurité sociale', 'R611-126', 'Ab'],
      ['Code de la sécurité sociale', 'R611-128', 'Ab'],
      ['Code de la sécurité sociale', 'R611-129', 'Ab'],
      ['Code de la sécurité sociale', 'R611-134', 'Ab'],
      ['Code de la sécurité sociale', 'R611-43', 'M'],
      ['Code de la sécurité sociale', 'R613-23', 'V'],
      ['Code de la sécurité sociale', 'R613-24', 'V'],
      ['Code de la sécurité sociale', 'R613-27-1', 'V'],
      ['Code de la sécurité sociale', 'R615-23', 'T'],
      ['Code de la sécurité sociale', 'R615-24', 'T'],
      ['Code de la sécurité sociale', 'R651-3', 'Ab'],
      ['Code de la sécurité sociale', 'R652-2', 'M'],
      ['Code des assurances', 'L442-6', 'VD'],
      ['Livre des procédures fiscales', 'L97', 'V'],
    ]);
    expect(of('citedBy')[7]!.label).toBe('Arrêté du 22 décembre 1993 - art. Annexe, Préambule (V)');
    expect(of('citedBy').every((l) => l.origin === 'list')).toBe(true);
  });

  it('has its « Codifié par », « Modifié par » and « Cite » entries', () => {
    expect(of('codifiedBy')).toEqual([
      { kind: 'codifiedBy', label: 'Décret n°85-1353 1985-12-17', text: 'Décret n°85-1353 1985-12-17', status: '', origin: 'list' },
    ]);
    expect(of('modifiedBy')).toEqual([
      {
        kind: 'modifiedBy',
        label: 'Loi n°95-116 du 4 février 1995 - art. 40 () JORF 5 février 1995',
        text: 'Loi n°95-116 du 4 février 1995',
        articleNum: '40',
        status: '',
        origin: 'list',
      },
    ]);
    expect(of('cites')).toEqual([
      {
        kind: 'cites',
        label: 'Code de la sécurité sociale. - art. L612-9 (M)',
        text: 'Code de la sécurité sociale',
        articleNum: 'L612-9',
        status: 'M',
        origin: 'list',
      },
    ]);
    expect(version.links).toHaveLength(46);
  });
});

describe('seed 001: L611-20 as of 2015', () => {
  it('is one version from 2015-01-01 with an empty NOTA and its lists', () => {
    const result = importSeed(SEED_001);
    const version = result.articles[0]!.versions[0]!;
    expect(result.articles[0]!.num).toBe('L611-20');
    expect(version.validFrom).toBe('2015-01-01');
    expect(version.paragraphs).toHaveLength(2);
    expect(version.paragraphs[1]).toMatch(/^La Caisse nationale peut confier .* ou à des groupements de sociétés d'assurance\.$/);
    // « **Nota:** » followed by nothing.
    expect(version.nota).toBeUndefined();
    expect(version.links.filter((l) => l.kind === 'citedBy')).toHaveLength(26);
    expect(version.links.filter((l) => l.kind === 'citedBy')[0]).toEqual({
      kind: 'citedBy',
      label: 'Décret n°2007-1752 du 13 décembre 2007 (V)',
      text: 'Décret n°2007-1752 du 13 décembre 2007',
      status: 'V',
      origin: 'list',
    });
    expect(version.links.filter((l) => l.kind === 'citedBy')[4]).toMatchObject({
      text: 'Loi n°2015-1702 du 21 décembre 2015',
      articleNum: '13',
      status: '',
    });
    expect(version.links.filter((l) => l.kind === 'modifiedBy').map((l) => l.text)).toEqual(['Loi n°2014-1554 du 22 décembre 2014']);
    expect(result.warnings).toEqual([]);
  });
});

describe('seed 003: the Code de la mutualité as of 1986-12-31', () => {
  const result = importSeed(SEED_003);
  const toc = result.codes[0]!.toc!;
  const count = (level: string) => {
    let n = 0;
    const walk = (sections: readonly Section[]) => {
      for (const s of sections) {
        if (s.level === level) n++;
        walk(s.children);
      }
    };
    walk(toc);
    return n;
  };

  it('is the whole code with its date', () => {
    expect(result.info).toMatchObject({ kind: 'seed-code', date: '1986-12-31', codes: ['code-de-la-mutualite'] });
    expect(result.codes[0]!.title).toBe('Code de la mutualité');
    expect(result.warnings).toEqual([]);
  });

  it('has all 156 articles in their sections (87 législatifs, 69 réglementaires)', () => {
    expect(result.articles).toHaveLength(156);
    expect(result.articles.filter((a) => a.sectionPath![0] === 'Partie législative')).toHaveLength(87);
    expect(result.articles.filter((a) => a.sectionPath![0] === 'Partie réglementaire ancienne')).toHaveLength(69);
    expect(toc.map((s) => s.title)).toEqual(['Partie législative', 'Partie réglementaire ancienne']);
    expect([count('partie'), count('livre'), count('titre'), count('chapitre'), count('section')]).toEqual([2, 12, 25, 37, 9]);
    const placed: string[] = [];
    const walk = (sections: readonly Section[]) => {
      for (const s of sections) {
        placed.push(...s.articles);
        walk(s.children);
      }
    };
    walk(toc);
    expect(placed).toHaveLength(156);
    expect(new Set(placed)).toEqual(new Set(result.articles.map((a) => `code-de-la-mutualite/num:${a.num}`)));
  });

  it('places articles under their real titles', () => {
    const byNum = new Map(result.articles.map((a) => [a.num, a]));
    expect(byNum.get('L111-1')!.sectionPath).toEqual([
      'Partie législative',
      'Livre Ier : Objet et règles générales de fonctionnement des mutuelles',
      'Titre Ier : Objet',
      'Chapitre unique',
    ]);
    expect(byNum.get('R124-2')!.sectionPath).toEqual([
      'Partie réglementaire ancienne',
      'Livre Ier : Objet et règles générales de fonctionnement des mutuelles',
      'Titre II : Règles générales de fonctionnement des mutuelles',
      'Chapitre IV : Capacité civile et dispositions financières',
      'Section 1 : Dispositions générales',
    ]);
    const chapitre4 = toc[0]!.children[0]!.children[1]!.children[3]!;
    expect(chapitre4.title).toBe('Chapitre IV : Capacité civile et dispositions financières');
    expect(chapitre4.children.map((s) => [s.title, s.articles.length])).toEqual([
      ['Section 1 : Dispositions générales', 4],
      ['Section 2 : Dépôt, placement des fonds et réserves', 2],
      ['Section 3 : Comptabilité et garantie', 2],
    ]);
    expect(chapitre4.children[0]!.articles).toEqual(['L124-1', 'L124-2', 'L124-3', 'L124-4'].map((n) => `code-de-la-mutualite/num:${n}`));
  });

  it('reads the first article: « Les mutuelles sont des groupements à but non lucratif … » and its links', () => {
    const article = result.articles[0]!;
    expect(article.num).toBe('L111-1');
    const version = article.versions[0]!;
    expect(version).toMatchObject({ validFrom: '1986-12-31', dateQuality: 'clamped' });
    expect(version.paragraphs).toHaveLength(4);
    expect(version.paragraphs[0]).toMatch(/^Les mutuelles sont des groupements à but non lucratif qui, essentiellement,/);
    expect(version.links.filter((l) => l.kind === 'citedBy')).toHaveLength(60);
    expect(version.links.filter((l) => l.kind === 'repealedBy')).toEqual([
      {
        kind: 'repealedBy',
        label: 'Ordonnance 2001-350 2001-04-19 art. 3 JORF 22 avril 2001',
        text: 'Ordonnance 2001-350 2001-04-19',
        articleNum: '3',
        status: '',
        origin: 'list',
      },
    ]);
  });
});

describe('seed 002: the Archéo Lex diff page', () => {
  const diff = parseArcheoDiff(read(SEED_002), { source: 'seed-002', path: SEED_002 });

  it('reads the header: code, dates, version', () => {
    expect(diff.codeTitle).toBe('Code de la sécurité sociale');
    expect(diff.fromDate).toBe('2006-01-19');
    expect(diff.toDate).toBe('2006-01-28');
    expect(diff.version).toBe('a45eea6');
  });

  it('reads the hunks with their line numbers', () => {
    expect(diff.hunks).toHaveLength(42);
    const first = diff.hunks[0]!;
    expect(first).toMatchObject({ oldStart: 16696, oldCount: 9, newStart: 16696, newCount: 9 });
    expect(first.heading).toBe("h. dans les départements d'outre-mer, des caisses générales de sécurité soc");
    expect(first.lines.slice(3, 5)).toEqual([
      {
        kind: '-',
        oldLine: 16699,
        text: "4°) en ce qui concerne les régimes d'assurance vieillesse des travailleurs non-salariés : des caisses constituées pour l'application des régimes à chacun des groupes professionnels prévus par le présent code et, notamment, l'article L. 621-3 ;",
        pageLine: 20,
      },
      {
        kind: '+',
        newLine: 16699,
        text: '4°) en ce qui concerne le régime social des indépendants : une caisse nationale et des caisses de base ;',
        pageLine: 22,
      },
    ]);
    expect(first.lines[0]).toEqual({ kind: ' ', oldLine: 16696, newLine: 16696, text: '', pageLine: 14 });
    const lines = diff.hunks.flatMap((h) => h.lines);
    expect(lines.length).toBe(3793);
    expect(
      lines.every(
        (l) => (l.kind === '+' ? l.oldLine === undefined : l.oldLine! > 0) && (l.kind === '-' ? l.newLine === undefined : l.newLine! > 0),
      ),
    ).toBe(true);
  });

  it('warns that the page ends in the middle of its last hunk', () => {
    expect(diff.warnings).toEqual([
      { source: 'seed-002', path: SEED_002, line: 7681, message: 'numéros de ligne « 41084 40099 » sans ligne de texte qui les suive' },
      { source: 'seed-002', path: SEED_002, message: 'bloc @@ -41076,9 +40091,9 @@ : 8 anciennes et 8 nouvelles lignes lues' },
    ]);
  });

  it('as a document: one change set on 2006-01-28 with the articles whose headings it shows', () => {
    const result = importSeed(SEED_002);
    expect(result.info.kind).toBe('seed-diff');
    expect(result.articles).toEqual([]);
    const set = result.changeSets![0]!;
    expect(set.date).toBe('2006-01-28');
    expect(set.modified).toContain('code-de-la-securite-sociale/num:R115-5');
    expect(set.repealed).toContain('code-de-la-securite-sociale/num:R633-9');
  });
});
