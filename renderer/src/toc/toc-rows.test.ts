import { describe, expect, it } from 'vitest';
import type { ArticleCatalogEntry } from '../../../corpus/model/bundle.ts';
import type { Code, Section } from '../../../corpus/model/model.ts';
import { buildTocIndex } from '../data/toc-index.ts';
import { countArticles, entryInForce, tocRows } from './toc-rows.ts';

// A slice of the Code de la sécurité sociale as LexHub files it (titles from its folder names):
// L611-1 and L611-3 (repealed with the régime social des indépendants on 2018-01-01 in this slice),
// L612-1 created later.
const cid = 'code-de-la-securite-sociale';
const section = (id: string, title: string, level: Section['level'], children: Section[], articles: string[] = []): Section => ({
  id,
  title,
  level,
  children,
  articles,
});
const code: Code = {
  id: cid,
  title: 'Code de la sécurité sociale',
  toc: [
    section('pl', 'Partie législative', 'partie', [
      section('l6', 'Livre VI : Régimes des travailleurs non salariés', 'livre', [
        section('t1', 'Titre Ier : Régime social des indépendants', 'titre', [
          section(
            'c1',
            'Chapitre 1er : Organisation administrative',
            'chapitre',
            [],
            [`${cid}/LEGIARTI000006743465`, `${cid}/LEGIARTI000006743538`],
          ),
          section('c2', 'Chapitre 2 : Financement de la branche assurance maladie et maternité', 'chapitre', [], [`${cid}/num:L612-1`]),
        ]),
      ]),
    ]),
  ],
};
const entry = (id: string, num: string, from: string, to?: string): ArticleCatalogEntry => ({
  id: `${cid}/${id}`,
  num,
  shard: 'codes/code-de-la-securite-sociale/articles-0.json',
  from,
  ...(to ? { to } : {}),
  status: to ? 'ABROGE' : 'VIGUEUR',
  versionCount: 1,
});
const catalog = [
  entry('LEGIARTI000006743465', 'L611-1', '1985-12-21'),
  entry('LEGIARTI000006743538', 'L611-3', '1985-12-21', '2018-01-01'),
  entry('num:L612-1', 'L612-1', '2010-01-01'),
];
const index = buildTocIndex(code, catalog, '2026-11-22');

describe('table of contents rows', () => {
  it('lists only open sections, and hides what is not in force on the date', () => {
    const open = new Set(['pl', 'l6', 't1', 'c1']);
    const in2006 = tocRows(index, open, '2006-01-28', false, countArticles(index, '2006-01-28', false));
    expect(in2006.map((r) => (r.type === 'article' ? r.num : r.id))).toEqual(['pl', 'l6', 't1', 'c1', 'L611-1', 'L611-3']);
    const in2020 = tocRows(index, open, '2020-01-01', false, countArticles(index, '2020-01-01', false));
    expect(in2020.map((r) => (r.type === 'article' ? r.num : r.id))).toEqual(['pl', 'l6', 't1', 'c1', 'L611-1', 'c2']);
    const all = tocRows(index, open, '2020-01-01', true, countArticles(index, '2020-01-01', true));
    expect(all.find((r) => r.type === 'article' && r.num === 'L611-3')).toMatchObject({ inForce: false });
  });

  it('shows an article in its time even in a section of the current plan dated later', () => {
    // The real tree: L611-3 (1985-2018) placed in « Livre VI : Dispositions applicables aux travailleurs indépendants », dated 2018-01-01.
    const dated: Code = { ...code, toc: [{ ...code.toc[0]!, children: [{ ...code.toc[0]!.children[0]!, validFrom: '2018-01-01' }] }] };
    const datedIndex = buildTocIndex(dated, catalog, '2026-11-22');
    const rows = tocRows(
      datedIndex,
      new Set(['pl', 'l6', 't1', 'c1']),
      '2006-01-28',
      false,
      countArticles(datedIndex, '2006-01-28', false),
    );
    expect(rows.some((r) => r.type === 'article' && r.num === 'L611-3')).toBe(true);
  });

  it('counts the articles under each section at the date', () => {
    expect(countArticles(index, '2006-01-28', false).get('t1')).toBe(2);
    expect(countArticles(index, '2020-01-01', false).get('t1')).toBe(2);
    expect(countArticles(index, '1980-01-01', false).get('pl')).toBe(0);
  });

  it('counts a repeal stated without a date from today on, not at past dates (R633-28)', () => {
    // The catalog entry of R633-28 CSS: lexlib keeps the file with an « Abrogé par » entry, no source dates it.
    const r63328: ArticleCatalogEntry = {
      id: `${cid}/LEGIARTI000006751672`,
      num: 'R633-28',
      shard: 's',
      from: '1985-12-21',
      status: 'ABROGE',
      versionCount: 1,
    };
    expect(entryInForce(index, r63328, '1990-01-01')).toBe(true);
    expect(entryInForce(index, r63328, '2026-11-22')).toBe(false);
    const inForce: ArticleCatalogEntry = { ...r63328, status: 'VIGUEUR' };
    expect(entryInForce(index, inForce, '2026-11-22')).toBe(true);
  });
});
