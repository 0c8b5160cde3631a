import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportedArticle, SourceImport } from '../source-import.ts';
import type { Section } from '../../../model/model.ts';
import { dateFromEpoch, endDate } from './legi-dates.ts';
import { legiDataPackage } from '../common/legi-data-package.ts';
import { importLegiData } from './legidata-import.ts';
import { knownCodeByLegiTextId, listKnownCodes } from '../common/known-codes.ts';

const CSS = 'code-de-la-securite-sociale';
const article = (imported: SourceImport, code: string, num: string): ImportedArticle => {
  const found = imported.articles.find((a) => a.code === code && a.num === num);
  if (!found) throw new Error(`${code} ${num} absent`);
  return found;
};

describe('importLegiData: the four codes of @socialgouv/legi-data', () => {
  let all: SourceImport;
  beforeAll(async () => {
    all = await importLegiData({ sourceId: 'legi-data' });
  });

  it('reads each code with its LEGITEXT id and all its articles', () => {
    expect(all.info).toMatchObject({ id: 'legi-data', kind: 'legi-data', revision: legiDataPackage().version, date: '2026-03-27' });
    expect(all.info.revision).toBe('2.513.0');
    const counts = all.codes.map((code) => [code.id, code.legiTextId, all.articles.filter((a) => a.code === code.id).length]);
    expect(counts).toEqual([
      ['code-du-travail', 'LEGITEXT000006072050', 11545],
      [CSS, 'LEGITEXT000006073189', 7372],
      ['code-rural-et-de-la-peche-maritime', 'LEGITEXT000022197698', 9724],
      ['code-des-relations-entre-le-public-et-l-administration', 'LEGITEXT000031366350', 474],
    ]);
    expect(all.warnings).toEqual([]);
    // Each article has exactly one version with a text (the current one); every other is dates only.
    expect(all.articles.every((a) => a.versions.filter((v) => !v.datesOnly).length === 1)).toBe(true);
  });

  it("has the sécurité sociale's real section titles, with their validity, and places every article", () => {
    const toc = all.codes.find((c) => c.id === CSS)!.toc!;
    expect(toc.map((s) => s.title)).toEqual([
      'Partie législative',
      "Partie réglementaire - Décrets en Conseil d'Etat",
      'Partie réglementaire - Décrets simples',
      'Partie réglementaire - Arrêtés',
      'Annexes',
    ]);
    expect(toc[0]).toMatchObject({ id: 'LEGISCTA000006106050', level: 'partie', validFrom: '1985-12-21' });
    expect(toc[0]!.validTo).toBeUndefined(); // 2999-01-01: no end
    const livreI = toc[0]!.children[0]!;
    expect(livreI).toMatchObject({
      id: 'LEGISCTA000006126885',
      title: 'Livre I : Généralités - Dispositions communes à tout ou partie des régimes de base',
      level: 'livre',
    });
    const chapitre = livreI.children[0]!.children[0]!;
    expect(chapitre.title).toBe('Chapitre 1er : Organisation de la sécurité sociale');
    expect(chapitre.articles[0]).toBe('code-de-la-securite-sociale/LEGIARTI000006740075');
    let placed = 0;
    const walk = (sections: readonly Section[]) => sections.forEach((s) => ((placed += s.articles.length), walk(s.children)));
    walk(toc);
    expect(placed).toBe(7372);
    expect(article(all, CSS, 'L111-1').sectionPath).toEqual([
      'Partie législative',
      'Livre I : Généralités - Dispositions communes à tout ou partie des régimes de base',
      'Titre I : Généralités',
      'Chapitre 1er : Organisation de la sécurité sociale',
    ]);
  });

  it('gives L111-1 its five versions from articleVersions, the current one with its text', () => {
    const l111 = article(all, CSS, 'L111-1');
    expect(l111.legiId).toBe('LEGIARTI000006740075');
    expect(l111.versions.map((v) => [v.validFrom, v.validTo, v.status, v.legiVersionId, v.datesOnly ?? false])).toEqual([
      ['1985-12-21', '2000-01-01', 'MODIFIE', 'LEGIARTI000006740075', true],
      ['2000-01-01', '2001-12-26', 'MODIFIE', 'LEGIARTI000006740076', true],
      ['2001-12-26', '2016-01-01', 'MODIFIE', 'LEGIARTI000006740077', true],
      ['2016-01-01', '2020-08-09', 'MODIFIE', 'LEGIARTI000031686333', true],
      ['2020-08-09', undefined, 'VIGUEUR', 'LEGIARTI000042223830', false],
    ]);
    const current = l111.versions[4]!;
    expect(current.paragraphs).toHaveLength(4);
    expect(current.paragraphs[0]).toBe('La sécurité sociale est fondée sur le principe de solidarité nationale.');
    expect(current.amendedBy).toBe('LOI n°2020-992 du 7 août 2020');
    expect(current.links.map((l) => [l.kind, l.text, l.articleNum, l.status])).toEqual([
      ['codifiedBy', 'Décret n° 85-1353 du 17 décembre 1985', undefined, ''],
      ['modifiedBy', 'LOI n°2020-992 du 7 août 2020', '5', 'V'],
    ]);
  });

  it('names the amending text of L160-17 whose link LEGI dates before the version (loi 2023-270, in force 2023-09-01), and reads its NOTA', () => {
    const current = article(all, CSS, 'L160-17').versions.at(-1)!;
    expect(current).toMatchObject({
      validFrom: '2023-09-01',
      amendedBy: 'LOI n°2023-270 du 14 avril 2023',
      legiVersionId: 'LEGIARTI000047452601',
    });
    expect(current.nota).toEqual([
      'Conformément au IX de l’article 1er de la loi n° 2023-270 du 14 avril 2023, ces dispositions entrent en vigueur le 1er septembre 2023.',
    ]);
  });

  it('keeps LEGI states honest: in force until a later repeal, in force later, never-in-force versions left out', () => {
    // L114-9: the current text is ABROGE_DIFF (replaced on 2029-01-01), the next one VIGUEUR_DIFF.
    expect(
      article(all, CSS, 'L114-9')
        .versions.slice(-2)
        .map((v) => [v.validFrom, v.validTo, v.status, v.datesOnly ?? false]),
    ).toEqual([
      ['2025-02-28', '2029-01-01', 'VIGUEUR', false],
      ['2029-01-01', undefined, 'VIGUEUR_DIFF', true],
    ]);
    // L114-10-1 has a MODIFIE_MORT_NE version from 2026-12-31 to 2025-07-02: an empty range.
    expect(article(all, CSS, 'L114-10-1').versions.map((v) => v.validFrom)).toEqual([
      '2016-01-01',
      '2016-12-25',
      '2019-12-28',
      '2022-12-25',
      '2025-07-02',
    ]);
  });

  it('reads epoch-millisecond dates as UTC days and 2999-01-01 as no end', () => {
    expect(dateFromEpoch(503971200000)).toBe('1985-12-21');
    expect(dateFromEpoch(32472144000000)).toBe('2999-01-01');
    expect(endDate('2999-01-01')).toBeUndefined();
    expect(dateFromEpoch('x')).toBeUndefined();
  });
});

describe('importLegiData on damaged data', () => {
  it('skips what is not a code or not an article, naming the file and the node id, and never throws', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'legi-data-'));
    writeFileSync(path.join(dir, 'LEGITEXT000000000001.json'), '{"type":"code","data":{"title":"Code tronqué"},"children":[');
    // The CRPA, its first article without a number and its second without dates.
    // The CRPA's « Dispositions préliminaires » hold L100-1 and L100-2 directly.
    const crpa = JSON.parse(readFileSync(path.join(legiDataPackage().dataDir, 'LEGITEXT000031366350.json'), 'utf8')) as {
      children: { children: { type: string; data: Record<string, unknown> }[] }[];
    };
    const [first, second] = crpa.children[0]!.children;
    expect([first!.data.num, second!.data.num]).toEqual(['L100-1', 'L100-2']);
    first!.data.num = '';
    second!.data.articleVersions = [];
    second!.data.dateDebut = 'hier';
    writeFileSync(path.join(dir, 'LEGITEXT000031366350.json'), JSON.stringify(crpa));
    const imported = await importLegiData({ sourceId: 'damaged', dataDir: dir });
    expect(imported.codes.map((c) => c.id)).toEqual(['code-des-relations-entre-le-public-et-l-administration']);
    expect(imported.articles.length).toBe(474 - 2);
    expect(imported.warnings.map((w) => [w.source, path.basename(w.path), w.message.replace(/\(.*\)/, '(…)')])).toEqual([
      ['damaged', 'LEGITEXT000000000001.json', 'code illisible (…)'],
      ['damaged', `LEGITEXT000031366350.json#${String(first!.data.id)}`, 'article sans id ou sans numéro: ignoré'],
      ['damaged', `LEGITEXT000031366350.json#${String(second!.data.id)}`, 'version sans date de début: ignorée'],
      [
        'damaged',
        `LEGITEXT000031366350.json#${String(second!.data.id)}`,
        `article ${String(second!.data.num)} sans aucune version datée: ignoré`,
      ],
    ]);
  });
});

describe('listKnownCodes', () => {
  it("lists every code of legi-data's index once, the edition in force first", () => {
    const codes = listKnownCodes();
    expect(codes.length).toBe(100);
    expect(codes).toContainEqual({
      legiTextId: 'LEGITEXT000006073189',
      title: 'Code de la sécurité sociale',
      id: 'code-de-la-securite-sociale',
    });
    expect(codes).toContainEqual({ legiTextId: 'LEGITEXT000006073984', title: 'Code des assurances', id: 'code-des-assurances' });
    expect(codes).toContainEqual({ legiTextId: 'LEGITEXT000006074067', title: 'Code de la mutualité', id: 'code-de-la-mutualite' });
    expect(codes.find((c) => c.id === 'code-de-commerce')?.legiTextId).toBe('LEGITEXT000005634379');
    expect(knownCodeByLegiTextId('LEGITEXT000006069441')?.title).toBe('Code de commerce'); // the old edition
  });
});
