/**
 * The lexlib importer on the real Code de la mutualité bundle (220 commits, with its whole-code
 * file), imported once for the whole file; and seed 003 checked against it.
 */
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { hasSharedCorpus, historyBundle, seedFile } from '../../../../tests/support/shared-corpus.ts';
import { describeWholeCorpus } from '../../../../tests/support/whole-corpus.ts';
import type { Section } from '../../../model/model.ts';
import { isInForceOn } from '../../../model/timeline.ts';
import { GitRepository } from '../common/git-repository.ts';
import type { ImportedArticle, SourceImport } from '../source-import.ts';
import { importSeedFile } from '../seeds/seed-import.ts';
import { type IntegralSection, parseIntegral } from '../common/lexlib-format/integral.ts';
import { importLexlib } from './lexlib-import.ts';

/** The data date of the lexlib bundles (their last consolidated version): the dates read here are long before it. */
const DATA_DATE = '2025-01-01';
const root = path.resolve(import.meta.dirname, '../../../..');
// The whole history: the counts, the table of contents of the whole-code file (which the sample
// leaves out) and the 156 articles of seed 003 need it.
const bundle = historyBundle('lexlib-code-de-la-mutualite');
const seed003 = seedFile('003');
const cacheDir = path.join(root, 'corpus/cache');
const missing = !hasSharedCorpus;

let result: SourceImport;
let byNum: Map<string, ImportedArticle>;
let integralAtHead: string;

beforeAll(async () => {
  if (missing) return;
  result = await importLexlib(bundle, { cacheDir, sourceId: 'lexlib-mut' });
  byNum = new Map(result.articles.map((a) => [a.num, a]));
  const repo = await GitRepository.open(bundle, cacheDir);
  integralAtHead = (await repo.readBlobs(['HEAD:Code de la mutualité - Intégral.md'])).get('HEAD:Code de la mutualité - Intégral.md')!;
});

/** The `## Contenu:` list of the whole-code file, nested by its indentation: `  - [Partie législative (art. …)](#1)`. */
function contentsTree(text: string): { title: string; children: unknown[] }[] {
  type Node = { title: string; children: Node[] };
  const roots: Node[] = [];
  const stack: { indent: number; node: Node }[] = [];
  for (const line of text.split('\n')) {
    const match = /^( *)- \[(.*?)(?: \(art\. [^)]*\))?\]\(#\d+\)$/.exec(line);
    if (!match) continue;
    const node: Node = { title: match[2]!.replace(/\s+/g, ' ').trim(), children: [] };
    const indent = match[1]!.length;
    while (stack.length > 0 && stack.at(-1)!.indent >= indent) stack.pop();
    (stack.at(-1)?.node.children ?? roots).push(node);
    stack.push({ indent, node });
  }
  return roots;
}

function titlesTree(sections: readonly IntegralSection[]): { title: string; children: unknown[] }[] {
  return sections.map((s) => ({ title: s.title, children: titlesTree(s.children) }));
}

function walk(sections: readonly Section[], visit: (s: Section, depth: number) => void, depth = 0): void {
  for (const s of sections) {
    visit(s, depth);
    walk(s.children, visit, depth + 1);
  }
}

describeWholeCorpus('lexlib: Code de la mutualité', () => {
  it('imports the whole history', () => {
    expect(result.codes[0]!.id).toBe('code-de-la-mutualite');
    expect(result.codes[0]!.title).toBe('Code de la mutualité');
    expect(result.changeSets).toHaveLength(220);
    expect(result.info.date).toBe('2023-01-01');
    console.log(
      `mutualité: ${result.articles.length} articles, ${result.articles.reduce((n, a) => n + a.versions.length, 0)} versions, ${result.warnings.length} warnings`,
    );
  });

  it('nests the headings of the whole-code file as its own `## Contenu:` list does (last commit)', () => {
    const parsed = parseIntegral(integralAtHead, { source: 't', path: 'Intégral', warnings: [] });
    const contents = contentsTree(integralAtHead);
    expect(contents).toHaveLength(6);
    expect(titlesTree(parsed.toc)).toEqual(contents);
    expect(parsed.date).toBe('2023-01-01');
    expect(parsed.articles).toHaveLength(596);
  });

  it('gives the table of contents real titles, dates and article ids', () => {
    const toc = result.codes[0]!.toc!;
    expect(toc.map((s) => [s.title, s.validFrom, s.validTo])).toEqual([
      ['Partie législative', '1985-07-26', undefined],
      ['Partie réglementaire ancienne', '1986-03-14', undefined],
      ["Partie réglementaire - Décrets en Conseil d'Etat", '2001-11-25', undefined],
      ['Partie réglementaire - Arrêtés', '2001-11-25', undefined],
      ['Annexes', '2002-03-08', undefined],
      ['Partie réglementaire - Décrets simples', '2002-11-28', undefined],
    ]);
    const found: Section[] = [];
    walk(toc, (s) => {
      if (s.title === 'Section 1 : Adhésion, droits et obligations.') found.push(s);
    });
    expect(found).toHaveLength(1);
    expect(found[0]!.level).toBe('section');
    // L114-1 … L114-3 at the last commit (« Section 1 : Adhésion, droits et obligations. (art. L114-1 à L114-3) »).
    expect(found[0]!.articles.slice(0, 3)).toEqual(
      ['L114-1', 'L114-2', 'L114-3'].map((n) => `code-de-la-mutualite/${byNum.get(n)!.legiId}`),
    );
    // The 1985 structure ended: « Titre Ier : Objet » (L111-1 to L111-2) is gone at the last commit.
    const old: Section[] = [];
    walk(toc, (s) => {
      if (s.title === 'Titre Ier : Objet') old.push(s);
    });
    expect(old[0]!.validFrom).toBe('1985-07-26');
    expect(old[0]!.validTo).toBeDefined();
  });

  it('gives each article the section path of its latest position', () => {
    expect(byNum.get('L111-1')!.sectionPath).toEqual([
      'Partie législative',
      "Livre Ier : Règles générales applicables à l'ensemble des mutuelles, unions et fédérations.",
      'Chapitre Ier : Objet des mutuelles, unions et fédérations.',
    ]);
    expect(byNum.get('L111-1')!.versions.map((v) => [v.validFrom, v.amendedBy])).toEqual([
      ['1985-07-26', 'Loi n°85-773 du 25 juillet 1985'],
      ['2001-04-22', 'Ordonnance n°2001-350 du 19 avril 2001'],
      ['2010-01-23', 'Ordonnance n°2010-76 du 21 janvier 2010'],
      ['2010-05-08', 'Ordonnance n°2010-462 du 6 mai 2010'],
      ['2016-01-01', 'Loi n°2015-1702 du 21 décembre 2015'],
      ['2017-05-06', 'Ordonnance n°2017-734 du 4 mai 2017'],
      ['2018-09-01', 'Ordonnance n°2018-470 du 12 juin 2018'],
      ['2019-05-24', 'Loi n°2019-486 du 22 mai 2019'],
    ]);
  });

  it('seed 003 is the code as of 1986-12-31: its 156 articles have the texts of the lexlib versions in force that day', () => {
    const seed = importSeedFile(seed003, 'seed-003')!;
    expect(seed.articles).toHaveLength(156);
    // R211-1, R221-1 and R411-1 exist twice in lexlib (old and new regulatory parts): compare with each.
    const allByNum = new Map<string, ImportedArticle[]>();
    for (const a of result.articles) allByNum.set(a.num, [...(allByNum.get(a.num) ?? []), a]);
    const withoutKeywords = (paragraphs: string[]) => JSON.stringify(paragraphs.map((p) => p.replace(/\s*\[\*[^\]]*\*\]/g, '')));
    const differing: string[] = [];
    for (const article of seed.articles) {
      const inForce = (allByNum.get(article.num) ?? []).flatMap((a) => a.versions).filter((v) => isInForceOn(v, '1986-12-31', DATA_DATE));
      const text = JSON.stringify(article.versions[0]!.paragraphs);
      if (inForce.length === 0) differing.push(`${article.num}: not in force in lexlib`);
      else if (inForce.some((v) => JSON.stringify(v.paragraphs) === text)) continue;
      else if (inForce.some((v) => withoutKeywords(v.paragraphs) === withoutKeywords(article.versions[0]!.paragraphs))) {
        differing.push(`${article.num}: same text but the seed keeps LEGI's bracketed keywords`);
      } else differing.push(`${article.num}: text differs`);
    }
    // The seed was made from an older LEGI dump whose texts keep editorial keywords the bundle dropped:
    // « … à l'article L. 124-4 [*réception de dons et legs*] est accordée … », « … des résultats [*juridiction compétente*]. »
    expect(differing).toEqual([
      "R124-2: same text but the seed keeps LEGI's bracketed keywords",
      "R513-25: same text but the seed keeps LEGI's bracketed keywords",
    ]);
  });
});
