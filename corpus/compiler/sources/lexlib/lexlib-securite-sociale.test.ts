/**
 * The lexlib importer on the real Code de la sécurité sociale bundle (1,771 commits), imported once
 * for the whole file. Expected values are read from the data (`git log` of the files, the commit
 * messages) and quoted here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { historyBundle, seedsDir } from '../../../../tests/support/shared-corpus.ts';
import { describeWholeCorpus } from '../../../../tests/support/whole-corpus.ts';
import type { IsoDate } from '../../../model/model.ts';
import { isInForceOn } from '../../../model/timeline.ts';
import { normalizeParagraph } from '../../../text/paragraphs.ts';
import { GitRepository } from '../common/git-repository.ts';
import type { ImportedArticle, SourceImport } from '../source-import.ts';
import { parseArcheoDiff } from '../seeds/archeo-diff.ts';
import { importSeedFile } from '../seeds/seed-import.ts';
import { articleHeading } from '../common/lexlib-format/article-file.ts';
import { importLexlib } from './lexlib-import.ts';

/** The data date of the lexlib bundles (their last consolidated version): the dates read here are long before it. */
const DATA_DATE = '2025-01-01';
const root = path.resolve(import.meta.dirname, '../../../..');
// The whole history with ../shared, else the sample's: the same commits for a few dozen articles.
const bundle = historyBundle('lexlib-code-de-la-securite-sociale');
const seeds = seedsDir();
const cacheDir = path.join(root, 'corpus/cache');

let result: SourceImport;
let byNum: Map<string, ImportedArticle>;

beforeAll(async () => {
  result = await importLexlib(bundle, { cacheDir, sourceId: 'lexlib-css' });
  byNum = new Map(result.articles.map((a) => [a.num, a]));
});

/** The paragraphs of every version in force on `date`. */
function textAsOf(date: IsoDate): { paragraphs: Set<string>; nums: Set<string> } {
  const paragraphs = new Set<string>();
  const nums = new Set<string>();
  for (const article of result.articles) {
    for (const version of article.versions) {
      if (isInForceOn(version, date, DATA_DATE)) {
        nums.add(article.num);
        for (const p of version.paragraphs) paragraphs.add(p);
      }
    }
  }
  return { paragraphs, nums };
}

describe('lexlib: Code de la sécurité sociale (whole history, or the sample without ../shared)', () => {
  it('L611-3 (LEGIARTI000006743538) has the text versions of `git log` of its file, with their amending texts', async () => {
    const article = byNum.get('L611-3')!;
    expect(article.legiId).toBe('LEGIARTI000006743538');
    // git log -- '01. Partie législative/Article L611-3 - 6743538.md' (all four commits say « Plusieurs textes »):
    //   4ddca807 Version consolidée du 1985-12-21   (file created; _Créé par_: Décret n°85-1353 1985-12-17 art. 1)
    //   928b5fe2 Version consolidée du 1994-01-19   (_Modifié par_: Loi n°94-43 du 18 janvier 1994 - art. 72)
    //   10f7e0f9 Version consolidée du 1995-02-05   (_Modifié par_: Loi n°95-116 du 4 février 1995 - art. 40)
    //   289d58fb Version consolidée du 2005-12-09   (_Modifié par_: Ordonnance n°2005-1528 du 8 décembre 2005 - art. 1)
    expect(article.versions.map((v) => [v.validFrom, v.validTo, v.status, v.amendedBy])).toEqual([
      ['1985-12-21', '1994-01-19', 'MODIFIE', 'Décret n°85-1353 du 17 décembre 1985'],
      ['1994-01-19', '1995-02-05', 'MODIFIE', 'Loi n°94-43 du 18 janvier 1994'],
      ['1995-02-05', '2005-12-09', 'MODIFIE', 'Loi n°95-116 du 4 février 1995'],
      // Still a file at the last commit, but `_Abrogé par_: Loi n°2017-1836 du 30 décembre 2017 - art. 15 (V)`.
      ['2005-12-09', undefined, 'ABROGE', 'Ordonnance n°2005-1528 du 8 décembre 2005'],
    ]);
    expect(article.versions[0]!.paragraphs[0]).toBe(
      "Les caisses mutuelles régionales sont responsables , dans leur circonscription, sous le contrôle de la caisse nationale d'assurance maladie et maternité des travailleurs non-salariés, de la gestion du régime d'assurance maladie et maternité et sont chargées de promouvoir, en faveur de leurs ressortissants, une action sanitaire et sociale, ainsi qu'une action de prévention médicale.",
    );
    expect(article.versions[3]!.paragraphs).toEqual([
      "Le régime social des indépendants comprend une caisse nationale et des caisses de base. Ces organismes de sécurité sociale dotés de la personnalité morale et de l'autonomie financière sont des organismes de droit privé chargés d'une mission de service public au profit des personnes mentionnées à l'article L. 611-1.",
    ]);
    const links = article.versions[3]!.links;
    expect(links.filter((l) => l.kind === 'associated')).toEqual([
      {
        kind: 'associated',
        label: 'Loi n°2017-1836 du 30 décembre 2017 - art. 15 (M)',
        text: 'Loi n°2017-1836 du 30 décembre 2017',
        articleNum: '15',
        status: 'M',
        linkType: 'DEPLACEMENT',
        origin: 'list',
      },
    ]);
    expect(links.filter((l) => l.kind === 'cites').map((l) => [l.text, l.articleNum, l.status])).toEqual([
      ['Code de la sécurité sociale', 'L611-1', 'M'],
    ]);

    // The same dates straight from the history: every commit that touched the file.
    const repo = await GitRepository.open(bundle, cacheDir);
    const dates = (await repo.history())
      .filter((c) => c.changes.some((ch) => ch.path === '01. Partie législative/Article L611-3 - 6743538.md'))
      .map((c) => /Version consolidée du (\S+)/.exec(c.message)![1]);
    expect(dates).toEqual(article.versions.map((v) => v.validFrom));
  });

  it('a repealed article: L758-1 ends on 2025-01-01, when its file is removed (after the data date: a scheduled repeal)', () => {
    const article = byNum.get('L758-1')!;
    const last = article.versions.at(-1)!;
    expect(last.validTo).toBe('2025-01-01');
    // Repealed, as the merged corpus says too (one rule: `versionStatus`); in force on the data date
    // all the same, by its dates.
    expect(last.status).toBe('ABROGE');
    const repealed = result.changeSets!.find((c) => c.date === '2025-01-01')!;
    expect(repealed.repealed).toEqual(['code-de-la-securite-sociale/LEGIARTI000006744207']);
    expect(repealed.amendingTexts).toEqual(['Loi n°2018-1203 du 22 décembre 2018']);
  });

  it('versions after the data date (2020-10-28) are VIGUEUR_DIFF; links-only commits are not versions', () => {
    const diff = result.articles.flatMap((a) => a.versions).filter((v) => v.status === 'VIGUEUR_DIFF');
    expect(diff.length).toBeGreaterThan(0);
    expect(diff.every((v) => v.validFrom > '2020-10-28')).toBe(true);
    expect(result.articles.flatMap((a) => a.versions).filter((v) => v.validFrom > '2020-10-28' && v.status !== 'VIGUEUR_DIFF')).toEqual([]);
    const withLinkOnly = result.articles.flatMap((a) => a.versions).filter((v) => v.linkOnlyChanges?.length);
    expect(withLinkOnly.length).toBeGreaterThan(0);
    for (const v of withLinkOnly)
      for (const d of v.linkOnlyChanges!) expect(d > v.validFrom && (v.validTo === undefined || d < v.validTo)).toBe(true);
  });

  it('seeds 000 and 001 are the lexlib versions of 1995-02-05 (L611-3) and 2015-01-01 (L611-20)', () => {
    for (const [file, num, date] of [
      ['000_957ebed65d058a0e.txt', 'L611-3', '1995-02-05'],
      ['001_803e8bac355c9d63.txt', 'L611-20', '2015-01-01'],
    ] as const) {
      const seed = importSeedFile(path.join(seeds, file), file)!;
      const version = seed.articles[0]!.versions[0]!;
      expect(version.validFrom).toBe(date);
      const lexlib = byNum.get(num)!.versions.find((v) => v.validFrom === date)!;
      expect(version.paragraphs).toEqual(lexlib.paragraphs);
    }
  });
});

describeWholeCorpus('lexlib: Code de la sécurité sociale, whole history', () => {
  it('imports the whole history: code, source info, counts', () => {
    expect(result.codes).toEqual([{ id: 'code-de-la-securite-sociale', title: 'Code de la sécurité sociale' }]);
    expect(result.info.kind).toBe('lexlib');
    expect(result.info.revision).toBe('75b81226b6afa8cec81714ffa47526baba9d826e');
    expect(result.info.date).toBe('2025-01-01');
    expect(result.changeSets).toHaveLength(1771);
    // 10,055 article files at the last commit; the others were removed on the way.
    expect(result.articles.length).toBeGreaterThan(10_055);
    console.log(
      `sécurité sociale: ${result.articles.length} articles, ${result.articles.reduce((n, a) => n + a.versions.length, 0)} versions, ${result.warnings.length} warnings`,
    );
  });

  it('the 2006-01-28 change set has exactly the articles its commit message lists', () => {
    const sets = result.changeSets!.filter((c) => c.date === '2006-01-28');
    expect(sets).toHaveLength(1);
    const set = sets[0]!;
    const numOf = new Map(result.articles.map((a) => [`${a.code}/${a.legiId}`, a.num]));
    const nums = (ids: string[]) => ids.map((id) => numOf.get(id));
    // git log -1 --format=%B ad4966bfd8431b752a0729b361b33ab9cd1dfa0f
    const created = [
      ...Array.from({ length: 68 }, (_, i) => `R611-${i + 1}`),
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16, 17, 18, 19, 20, 21, 22].map((n) => `R612-${n}`),
      ...[
        1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 33, 34, 35, 38, 39,
        40, 41, 44, 45, 46, 47, 48, 49, 52, 53, 54, 55, 56, 58, 63, 64, 65, 66, 67, 68, 69, 70,
      ].map((n) => `R613-${n}`),
      'R614-1',
      'R614-2',
      'R633-66',
      'R756-1',
      'R756-2',
      'R756-3',
    ];
    const repealed =
      'R631-1, R631-3, R631-4, R631-5, R631-41, R631-42, R632-2, R632-3, R632-29, R632-30, R633-1, R633-2, R633-53, R633-54, R633-55, R633-56, R633-57, R633-58, R635-8'.split(
        ', ',
      );
    const modified =
      'R111-1, R112-1, R115-5, R121-2, R122-2, R123-4, R123-11, R123-47-2, R135-6, R142-2, R161-29, R162-1-8, R162-2, R162-3, R162-5, R162-6, R162-10, R162-12, R162-39, R162-47, R162-48, R162-50, R162-56, R163-15, R165-18, R166-5, R173-4-3, R183-1, R183-2, R183-12, R183-13, R183-14, R183-16, R622-2, R631-2, R635-9, R815-59'.split(
        ', ',
      );
    expect(nums(set.created)).toEqual(created);
    expect(nums(set.repealed)).toEqual(repealed);
    expect(nums(set.modified)).toEqual(modified);
    expect(set.unplaced).toBeUndefined();
    expect(set.amendingTexts).toHaveLength(24);
    expect(set.amendingTexts[0]).toBe('Décret n°2006-83 2006-01-27 art. 6 10° JORF 28 janvier 2006');
    expect(set.amendingTexts.at(-1)).toBe('Décret n°85-1353 du 17 décembre 1985');
    // R631-1 is repealed that day: its last version ends on 2006-01-28, by removal.
    const r6311 = result.articles.find((a) => `${a.code}/${a.legiId}` === set.repealed[0])!;
    expect(r6311.versions.at(-1)).toMatchObject({ validTo: '2006-01-28', status: 'ABROGE' });
  });

  it('seed 002: every removed line is in the text as of 2006-01-19 and every added line in the text as of 2006-01-28', () => {
    const diff = parseArcheoDiff(readFileSync(path.join(seeds, '002_ed8248280429ca41.txt'), 'utf8'));
    expect([diff.fromDate, diff.toDate]).toEqual(['2006-01-19', '2006-01-28']);
    const before = textAsOf('2006-01-19');
    const after = textAsOf('2006-01-28');
    const missingLines: string[] = [];
    const unchecked: string[] = [];
    let checked = 0;
    for (const hunk of diff.hunks) {
      for (const line of hunk.lines) {
        if (!line.text.trim()) continue;
        const sides =
          line.kind === '-'
            ? [['2006-01-19', before]]
            : line.kind === '+'
              ? [['2006-01-28', after]]
              : [
                  ['2006-01-19', before],
                  ['2006-01-28', after],
                ];
        for (const [date, text] of sides as [string, ReturnType<typeof textAsOf>][]) {
          const num = articleHeading(line.text);
          if (num !== undefined) {
            // An article heading: that article has a version in force on that date.
            checked++;
            if (!text.nums.has(num)) missingLines.push(`page line ${line.pageLine} (${line.kind}, ${date}): no article ${num} in force`);
          } else if (/^#/.test(line.text)) {
            // A section heading: the sécurité sociale bundle has no whole-code file, hence no section titles.
            unchecked.push(`page line ${line.pageLine} (${line.kind}): ${line.text} — no section titles in this lexlib bundle`);
          } else {
            checked++;
            if (!text.paragraphs.has(normalizeParagraph(line.text)))
              missingLines.push(`page line ${line.pageLine} (${line.kind}, ${date}): not found: ${line.text.slice(0, 120)}`);
          }
        }
      }
    }
    console.log(`seed 002: ${checked} lines checked, ${missingLines.length} not found, ${unchecked.length} section headings not checkable`);
    for (const line of [...missingLines, ...unchecked]) console.log(`  ${line}`);
    // 2,261 checks of text lines and article headings (context lines count twice: before and after);
    // 155 section headings (`#### Chapitre 7 : …`, `###### Sous-section 1 : Caisse nationale.`) are not checkable.
    expect(checked).toBe(2261);
    expect(unchecked).toHaveLength(155);
    expect(missingLines).toEqual([]);
  });
});
