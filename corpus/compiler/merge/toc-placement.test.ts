/**
 * Placing the articles that no tree lists, on the real Code du travail: every article file lexlib
 * ever had (its last path: the part folder and the number; the placement reads nothing else, so the
 * texts are left out), merged with legi-data's real tree of that code, or alone (no tree at all).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeWholeCorpus } from '../../../tests/support/whole-corpus.ts';
import { legiArticleId } from '../../model/ids.ts';
import type { Article, Code, Section } from '../../model/model.ts';
import { GitRepository } from '../sources/common/git-repository.ts';
import { normalizeArticleNum } from '../sources/common/lexlib-format/article-file.ts';
import { importLegiData } from '../sources/legidata/legidata-import.ts';
import type { ImportedArticle, SourceImport } from '../sources/source-import.ts';
import { type MergedCorpus, mergeSources } from './merge.ts';
import { sectionStep } from './plan-position.ts';
import { placeUnsectionedArticles, UNPLACED_SECTION_ID } from './toc-placement.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const bundle = path.resolve(root, '../shared/corpus/lexlib-code-du-travail.bundle');
const missing = !existsSync(bundle);
if (missing) console.log(`toc-placement.test.ts: ${bundle} absent, the Code du travail checks are skipped`);

const CODE = 'code-du-travail';
const DATA_DATE = '2025-01-01';
/** The former code's numbers: three digits before the dash (L122-14-3, R241-51, D212-21). */
const FORMER = /^[LRD]\*?\d{3}-/;

/** Every article file of the bundle's history, at its last path, dated by the version that last added it. */
async function lexlibFiles(): Promise<SourceImport> {
  const repo = await GitRepository.open(bundle, path.join(root, 'corpus/cache'));
  const last = new Map<string, { path: string; date: string }>();
  for (const commit of await repo.history()) {
    const date = /du (\d{4}-\d{2}-\d{2})/.exec(commit.message)?.[1] ?? commit.authorDate.slice(0, 10);
    for (const change of commit.changes) {
      const match = /^(.*)\/Article (.+) - (\d+)\.md$/.exec(change.path);
      if (match && change.status !== 'D') last.set(match[3]!, { path: change.path, date });
    }
  }
  const articles: ImportedArticle[] = [...last].map(([digits, file]) => {
    const [, folder, num] = /^(.*)\/Article (.+) - \d+\.md$/.exec(file.path)!;
    return {
      code: CODE,
      num: normalizeArticleNum(num!),
      legiId: legiArticleId(digits),
      sectionPath: [folder!.replace(/^\d+\.\s*/, '')],
      versions: [{ validFrom: file.date, paragraphs: [`(${file.path})`], links: [] }],
    };
  });
  return {
    info: { id: 'lexlib-travail', kind: 'lexlib', path: bundle, revision: 'test', codes: [CODE] },
    codes: [{ id: CODE, title: 'Code du travail' }],
    articles,
    warnings: [],
  };
}

/** Titles from the root down to each article, by number (the first article bearing it). */
function titlePaths(merged: MergedCorpus): Map<string, string[]> {
  const code: Code = merged.codes.find((c) => c.id === CODE)!;
  const byId = new Map<string, Article>(merged.articles.get(CODE)!.map((a) => [a.id, a]));
  const paths = new Map<string, string[]>();
  const walk = (sections: readonly Section[], above: string[]) => {
    for (const s of sections) {
      const titles = [...above, s.title.replace(/\s+/g, ' ').trim()];
      for (const id of s.articles) if (!paths.has(byId.get(id)!.num)) paths.set(byId.get(id)!.num, titles);
      walk(s.children, titles);
    }
  };
  walk(code.toc, []);
  return paths;
}

function count(merged: MergedCorpus, test: (path: string[], num: string) => boolean): number {
  let n = 0;
  for (const [num, titles] of titlePaths(merged)) if (test(titles, num)) n++;
  return n;
}

describeWholeCorpus('placing the Code du travail’s articles, current and former', () => {
  let lexlib: SourceImport;
  let withTree: MergedCorpus;
  let alone: MergedCorpus;
  beforeAll(async () => {
    lexlib = await lexlibFiles();
    const legi = await importLegiData({ sourceId: 'legi-data', codes: ['LEGITEXT000006072050'] });
    withTree = mergeSources([lexlib, legi], { dataDate: DATA_DATE });
    alone = mergeSources([lexlib], { dataDate: DATA_DATE });
  }, 600_000);

  it('puts the former code’s articles under legi-data’s « Partie législative ancienne », with its titles where it has them', () => {
    const paths = titlePaths(withTree);
    expect(paths.get('L122-14-3')).toEqual([
      'Partie législative ancienne',
      'Livre Ier : Conventions relatives au travail',
      'Titre II : titre inconnu',
      'Chapitre II : titre inconnu',
    ]);
    // L321-1 is not in legi-data's tree, its chapter is (it holds L321-4-2 in force).
    expect(paths.get('L321-1')).toEqual([
      'Partie législative ancienne',
      'Livre III : Placement et emploi',
      'Titre II : Emploi',
      'Chapitre Ier : Licenciement pour motif économique.',
    ]);
    expect(paths.get('R122-1')).toEqual([
      "Partie réglementaire ancienne - Décrets en Conseil d'Etat",
      'Livre Ier : titre inconnu',
      'Titre II : titre inconnu',
      'Chapitre II : titre inconnu',
    ]);
    expect(paths.get('D122-1')).toEqual([
      'Partie réglementaire ancienne - Décrets simples',
      'Livre Ier : Conventions relatives au travail',
      'Titre II : titre inconnu',
      'Chapitre II : titre inconnu',
    ]);
  });

  it('leaves the current code’s articles where legi-data lists them', () => {
    expect(titlePaths(withTree).get('L1232-1')).toEqual([
      'Partie législative',
      'Première partie : Les relations individuelles de travail',
      'Livre II : Le contrat de travail',
      'Titre III : Rupture du contrat de travail à durée indéterminée',
      'Chapitre II : Licenciement pour motif personnel',
      'Section 1 : Cause réelle et sérieuse.',
    ]);
  });

  it('never puts an article of a former part in a part of the current code (1,033 did), nor one « hors plan »', () => {
    const formerFolders = new Map(lexlib.articles.map((a) => [a.num, a.sectionPath![0]!.includes('ancienne')]));
    for (const merged of [withTree, alone]) {
      expect(count(merged, (titles, num) => formerFolders.get(num) === true && !titles[0]!.includes('ancienne'))).toBe(0);
      expect(count(merged, (titles) => titles[0] === 'Articles hors plan')).toBe(0);
    }
    // The former code's numbers: all in the former parts, but for LEGI's L243-10-1 and L243-11-1,
    // articles of the current Deuxième partie (Livre IV, Titre III, Chapitres X and XI), and the
    // annexes, which lexlib files in a folder « Annexes » of their own.
    const strays = [...titlePaths(withTree)].filter(
      ([num, titles]) => FORMER.test(num) && !titles[0]!.includes('ancienne') && titles[0] !== 'Annexes',
    );
    expect(strays.map(([num]) => num).sort()).toEqual(['L243-10-1', 'L243-11-1']);
  });

  it('builds the tree of a code that has none from the source’s part folders and the numbers, titles unknown', () => {
    const code = alone.codes.find((c) => c.id === CODE)!;
    expect(code.toc.map((s) => s.title)).toEqual([
      'Partie législative',
      'Partie réglementaire',
      'Annexes',
      'Partie législative ancienne',
      "Partie réglementaire ancienne - Décrets en Conseil d'Etat",
      'Partie réglementaire ancienne - Décrets simples',
    ]);
    const paths = titlePaths(alone);
    expect(paths.get('L1232-1')).toEqual([
      'Partie législative',
      'Première partie : titre inconnu',
      'Livre II : titre inconnu',
      'Titre III : titre inconnu',
      'Chapitre II : titre inconnu',
    ]);
    expect(paths.get('L122-14-3')).toEqual([
      'Partie législative ancienne',
      'Livre Ier : titre inconnu',
      'Titre II : titre inconnu',
      'Chapitre II : titre inconnu',
    ]);
    // Divisions in number order: Livre préliminaire… Livre IX.
    const former = code.toc.find((s) => s.title === 'Partie législative ancienne')!;
    expect(former.children.map((s) => sectionStep(s.title)?.ordinal)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('placeUnsectionedArticles on the rules', () => {
  const article = (num: string, id = `c/num:${num}`): Article => ({
    id,
    code: 'c',
    num,
    versions: [{ validFrom: '2000-01-01', status: 'VIGUEUR', paragraphs: [], links: [], references: [], sources: [] }],
  });
  const section = (title: string, articles: string[] = [], children: Section[] = []): Section => ({
    id: title,
    title,
    level: 'other',
    children,
    articles,
  });

  it('follows the neighbour where the tree does not follow the numbers (the mutualité’s Livre V › Chapitre Ier holds R510-x)', () => {
    const chapitre = section('Chapitre Ier : Commission de contrôle', ['c/num:R510-1', 'c/num:R510-2']);
    const toc = [section('Partie réglementaire', [], [section('Livre V : Contrôle des mutuelles', [], [chapitre])])];
    const { stats } = placeUnsectionedArticles(toc, [article('R510-1'), article('R510-2'), article('R510-2-1')], {
      code: 'c',
      parts: new Map([['c/num:R510-2-1', 'Partie réglementaire']]),
    });
    expect(chapitre.articles).toEqual(['c/num:R510-1', 'c/num:R510-2', 'c/num:R510-2-1']);
    expect(stats).toMatchObject({ byNeighbour: 1, createdSections: 0 });
  });

  it('finds listed articles under their merged id, and says « hors plan » only when nothing is known', () => {
    const titre = section('Titre IX : Indemnisation des victimes de pesticides', ['c/LEGIARTI000041394016']);
    const toc = [section('Partie législative', [], [section('Livre IV : Accidents du travail', [], [titre])])];
    const { stats } = placeUnsectionedArticles(toc, [article('L491-1', 'c/LEGIARTI000041400000'), article('Annexe 3')], {
      code: 'c',
      mergedId: (id) => (id === 'c/LEGIARTI000041394016' ? 'c/LEGIARTI000041400000' : id),
    });
    expect(titre.articles).toEqual(['c/LEGIARTI000041400000']);
    expect(toc.at(-1)!.id).toBe(UNPLACED_SECTION_ID);
    expect(stats).toMatchObject({ listed: 1, unplaced: 1 });
  });
});
