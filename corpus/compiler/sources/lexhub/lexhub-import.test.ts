import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { historyBundle, seedFile } from '../../../../tests/support/shared-corpus.ts';
import { describeWholeCorpus } from '../../../../tests/support/whole-corpus.ts';
import { GitRepository } from '../common/git-repository.ts';
import type { ImportedArticle, SourceImport } from '../source-import.ts';
import { parseLexhubFile } from './lexhub-file.ts';
import { importLexhub } from './lexhub-import.ts';

const cacheDir = path.resolve(import.meta.dirname, '../../../cache');
// The whole histories with ../shared, else the sample's (the same commits for a few dozen articles).
const cssBundle = historyBundle('lexhub-code-de-la-securite-sociale');
const mutualiteBundle = historyBundle('lexhub-code-de-la-mutualite');
const lexlibCssBundle = historyBundle('lexlib-code-de-la-securite-sociale');

const byNum = (imported: SourceImport, num: string): ImportedArticle => {
  const article = imported.articles.find((a) => a.num === num);
  if (!article) throw new Error(`${num} absent`);
  return article;
};
const dates = (article: ImportedArticle) => article.versions.map((v) => [v.validFrom, v.validTo, v.status, v.dateQuality]);

// Each bundle imported once for the suites below (the whole sécurité sociale takes a while).
const progress: [number, number][] = [];
let cssImport: Promise<SourceImport> | undefined;
let mutualiteImport: Promise<SourceImport> | undefined;
const importCss = () =>
  (cssImport ??= importLexhub(cssBundle, { cacheDir, sourceId: 'lexhub-css', onProgress: (done, total) => progress.push([done, total]) }));
const importMutualite = () => (mutualiteImport ??= importLexhub(mutualiteBundle, { cacheDir, sourceId: 'lexhub-mutualite' }));

describe('importLexhub on the sécurité sociale history (whole, or the sample without ../shared)', () => {
  let css: SourceImport;
  beforeAll(async () => {
    css = await importCss();
  });

  it('gives L611-3 the dates lexlib gives it, and its repeal on 2018-01-01', async () => {
    const article = byNum(css, 'L611-3');
    expect(dates(article)).toEqual([
      ['1985-12-21', '1994-01-19', undefined, 'exact'],
      ['1994-01-19', '1995-02-05', undefined, 'exact'],
      ['1995-02-05', '2005-12-09', undefined, 'exact'],
      ['2005-12-09', '2018-01-01', 'ABROGE', 'exact'],
    ]);
    expect(article.versions[0]!.paragraphs[0]).toMatch(/^Les caisses mutuelles régionales sont responsables , dans leur circonscription/);
    expect(article.versions[3]!.paragraphs[0]).toMatch(
      /^Le régime social des indépendants comprend une caisse nationale et des caisses de base/,
    );
    expect(article.versions.map((v) => v.amendedBy)).toEqual([
      'Décret 85-1353 1985-12-17',
      undefined,
      'Loi n°95-116 du 4 février 1995',
      undefined,
    ]);
    // Moved twice (section renamed in 1995, 2005): no repeal at either move.
    expect(article.sectionPath).toEqual([
      'Partie législative',
      'Livre 6 : Régimes des travailleurs non salariés',
      'Titre 1 : Régime social des indépendants',
      'Chapitre 1er : Organisation administrative',
    ]);

    const lexlib = await GitRepository.open(lexlibCssBundle, cacheDir);
    const lexlibDates = (await lexlib.history())
      .filter((commit) => commit.changes.some((change) => change.path.endsWith('/Article L611-3 - 6743538.md')))
      .map((commit) => commit.authorDate.slice(0, 10));
    expect(lexlibDates).toEqual(['1985-12-21', '1994-01-19', '1995-02-05', '2005-12-09']);
    expect(article.versions.map((v) => v.validFrom)).toEqual(lexlibDates);
  });

  it('reads L160-17 through its six versions; the first is seed 004', async () => {
    const article = byNum(css, 'L160-17');
    expect(article.versions.map((v) => v.validFrom)).toEqual([
      '2016-01-01',
      '2017-01-01',
      '2018-01-01',
      '2018-09-01',
      '2019-01-01',
      '2023-09-01',
    ]);
    expect(article.versions.map((v) => v.amendedBy)).toEqual([
      'LOI n°2015-1702 du 21 décembre 2015',
      'LOI n°2016-1827 du 23 décembre 2016',
      'LOI n°2017-1836 du 30 décembre 2017',
      'LOI n°2018-166 du 8 mars 2018',
      'LOI n°2018-166 du 8 mars 2018',
      'LOI n°2023-270 du 14 avril 2023',
    ]);
    const seedText = readFileSync(seedFile('004'), 'utf8');
    // The seed is the very blob of the 2016-01-01 commit (`KNOWN_LEXHUB_FILES` relies on it).
    const repo = await GitRepository.open(cssBundle, cacheDir);
    const history = await repo.history();
    const creation = history.flatMap((c) =>
      c.changes.filter((x) => x.status === 'A' && x.path.endsWith('/l160-17.md')).map((x) => [c.authorDate.slice(0, 10), x.blob]),
    );
    expect(creation).toEqual([['2016-01-01', '2467fcef8d012956f1d4509f513d7806fccd38e2']]);
    expect((await repo.readBlobs(['2467fcef8d012956f1d4509f513d7806fccd38e2'])).get('2467fcef8d012956f1d4509f513d7806fccd38e2')).toBe(
      seedText,
    );
    const seed = parseLexhubFile(seedText, { source: 's', path: 'seed' }).article;
    expect(article.versions[0]!.paragraphs).toEqual(seed.paragraphs);
    expect(article.versions[0]!.nota).toEqual(seed.nota);
    expect(article.versions[0]!.links).toEqual(seed.links);
    expect(article.sectionPath?.slice(0, 2)).toEqual([
      'Partie législative',
      'Livre I : Généralités dispositions communes à tout ou partie des régimes de base',
    ]);
  });
});

describeWholeCorpus('importLexhub on the whole sécurité sociale bundle (7,015 commits)', () => {
  let css: SourceImport;
  beforeAll(async () => {
    css = await importCss();
  });

  it('names the code from its links and knows its LEGITEXT id', () => {
    expect(css.codes.map((c) => [c.id, c.title, c.legiTextId])).toEqual([
      ['code-de-la-securite-sociale', 'Code de la sécurité sociale', 'LEGITEXT000006073189'],
    ]);
    expect(css.info).toMatchObject({
      id: 'lexhub-css',
      kind: 'lexhub',
      revision: '2bbb3577ccd1db8ba33be2bf200aace03fe3cfae',
      codes: ['code-de-la-securite-sociale'],
    });
    // The last commit with a fixed date (the five after it are dated 2038-01-01).
    expect(css.info.date).toBe('2028-01-01');
    expect(progress.at(-1)).toEqual([27833, 27833]);
  });

  it('has one article per number ever seen, those of the last commit in force', async () => {
    // The last commit's files, by their `# Article` heading: the articles not repealed.
    const repo = await GitRepository.open(cssBundle, cacheDir);
    const files = await repo.listFiles();
    const blobs = await repo.readBlobs(files.map((f) => `HEAD:${f}`));
    const atHead = new Set(files.map((f) => parseLexhubFile(blobs.get(`HEAD:${f}`)!, { source: 't', path: f }).article.num));
    expect(files.length).toBe(7308);
    expect(atHead.size).toBe(7308);
    const live = css.articles.filter((a) => a.versions.at(-1)!.validTo === undefined);
    expect(new Set(live.map((a) => a.num))).toEqual(atHead);
    expect(css.articles.length).toBe(10592);
    expect(css.articles.filter((a) => a.versions.at(-1)!.status === 'ABROGE').length).toBe(3282);
    expect(css.articles.reduce((sum, a) => sum + a.versions.length, 0)).toBe(27266);
  });

  it('marks the clamped 1970-01-02 commit (TABLEAU 17) and the unfixed 2038-01-01 ones (R145-10)', () => {
    expect(dates(byNum(css, 'TABLEAU 17'))).toEqual([['1970-01-02', '1985-06-23', 'ABROGE', 'clamped']]);
    const unfixed = css.articles.filter((a) => a.versions.some((v) => v.dateQuality === 'unfixed')).map((a) => a.num);
    expect(unfixed.sort()).toEqual(['R145-10', 'R146-1', 'R146-2', 'R146-3', 'R146-4', 'R146-6', 'R146-7', 'R146-8', 'R382-72']);
    const r145 = byNum(css, 'R145-10');
    expect(dates(r145).slice(-2)).toEqual([
      ['2018-01-01', '2038-01-01', undefined, 'exact'],
      ['2038-01-01', undefined, 'VIGUEUR_DIFF', 'unfixed'],
    ]);
    expect(r145.versions.at(-1)!.amendedBy).toBe('Décret n°2018-79 du 9 février 2018');
    // L162-47's file is deleted by a 2038-01-01 commit: it ends then, its repeal date not fixed.
    expect(dates(byNum(css, 'L162-47')).at(-1)).toEqual(['2007-12-22', '2038-01-01', undefined, 'exact']);
  });

  it('builds the table of contents from the folders, in reading order', () => {
    const toc = css.codes[0]!.toc!;
    expect(toc.map((s) => s.title)).toEqual([
      'Partie législative',
      "Partie réglementaire - Décrets en Conseil d'Etat",
      'Partie réglementaire - Décrets simples',
      'Partie réglementaire - Arrêtés',
      'Annexes',
    ]);
    const livreI = toc[0]!.children[0]!;
    expect(livreI.title).toBe('Livre I : Généralités dispositions communes à tout ou partie des régimes de base');
    expect(livreI.children.slice(0, 3).map((s) => s.title)).toEqual([
      'Titre I : Généralités',
      'Titre II : Administration fonctionnement et personnel des organismes',
      'Titre III : Dispositions communes relatives au financement',
    ]);
    const chapitre1 = livreI.children[0]!.children[0]!;
    expect(chapitre1.title).toBe('Chapitre 1er : Organisation de la sécurité sociale');
    expect(chapitre1.articles.slice(0, 3)).toEqual([
      'code-de-la-securite-sociale/num:L111-1',
      'code-de-la-securite-sociale/num:L111-2',
      'code-de-la-securite-sociale/num:L111-2-1',
    ]);
    // A folder of the 1985 layout, all its articles moved or repealed: it ends with the last repeal.
    const old = toc[0]!.children.find((s) => s.title === 'Livre 1 : Généralités');
    expect(old?.validTo).toBe('2004-01-01');
  });

  it('warns only about real oddities of the repository', () => {
    // Two annexes numbered alike in two tables, both kept by LexHub.
    expect(css.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/^article Annexe I présent dans plusieurs dossiers à la fois \(annexes\/tableau-1-siege/),
      expect.stringMatching(/^article Annexe II présent dans plusieurs dossiers à la fois \(annexes\/annexe-ii-bareme/),
    ]);
    expect(css.warnings.every((w) => w.source === 'lexhub-css' && w.path.startsWith('annexes/'))).toBe(true);
  });
});

describe('importLexhub on the mutualité history (whole, or the sample without ../shared)', () => {
  let mutualite: SourceImport;
  beforeAll(async () => {
    mutualite = await importMutualite();
  });

  it('dates L111-1 from the 1985 code to 2019', () => {
    expect(byNum(mutualite, 'L111-1').versions.map((v) => v.validFrom)).toEqual([
      '1985-07-26',
      '2001-04-22',
      '2010-01-23',
      '2010-05-08',
      '2016-01-01',
      '2017-05-06',
      '2018-09-01',
      '2019-05-24',
    ]);
  });
});

describeWholeCorpus('importLexhub on the whole mutualité bundle (542 commits)', () => {
  let mutualite: SourceImport;
  beforeAll(async () => {
    mutualite = await importMutualite();
  });

  it('names L111-1’s amending texts, bare numbers completed from the whole repository', () => {
    const article = byNum(mutualite, 'L111-1');
    expect(article.versions.map((v) => [v.validFrom, v.amendedBy])).toEqual([
      ['1985-07-26', 'Loi 85-773 1985-07-25'],
      ['2001-04-22', 'Ordonnance 2001-350 2001-04-19'],
      ['2010-01-23', undefined],
      ['2010-05-08', 'Ordonnance n°2010-462 du 6 mai 2010'],
      ['2016-01-01', '2015-1702 du 21 décembre 2015'],
      ['2017-05-06', 'Ordonnance n°2017-734 du 4 mai 2017'],
      ['2018-09-01', 'Ordonnance n°2018-470 du 12 juin 2018'],
      ['2019-05-24', 'LOI n° 2019-486 du 22 mai 2019'],
    ]);
  });

  it('has the 526 files of its last commit in force and 1,052 articles in all', () => {
    expect(mutualite.codes.map((c) => [c.id, c.legiTextId])).toEqual([['code-de-la-mutualite', 'LEGITEXT000006074067']]);
    expect(mutualite.articles.length).toBe(1052);
    expect(mutualite.articles.filter((a) => a.versions.at(-1)!.status !== 'ABROGE').length).toBe(526);
    expect(mutualite.info.date).toBe('2023-08-03');
  });
});
