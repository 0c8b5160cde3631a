import { describe, expect, it } from 'vitest';
import type { ArticleCatalogEntry } from '../../../corpus/model/bundle.ts';
import type { Code, Section } from '../../../corpus/model/model.ts';
import { buildTocIndex, sectionPathOf, sectionsAbove } from './toc-index.ts';

// Two articles of the Code de la sécurité sociale's Livre VI: L611-1 listed in its chapter, L611-3
// known only from its catalog entry (placed by the catalog's `section`).
const cid = 'code-de-la-securite-sociale';
const section = (id: string, level: Section['level'], children: Section[], articles: string[] = []): Section => ({
  id,
  title: id,
  level,
  children,
  articles,
});
const code: Code = {
  id: cid,
  title: 'Code de la sécurité sociale',
  toc: [section('pl', 'partie', [section('l6', 'livre', [section('t1', 'titre', [section('c1', 'chapitre', [], [`${cid}/A`])])])])],
};
const entry = (id: string, num: string, sectionId?: string): ArticleCatalogEntry => ({
  id: `${cid}/${id}`,
  num,
  shard: 's',
  from: '1985-12-21',
  status: 'VIGUEUR',
  versionCount: 1,
  ...(sectionId ? { section: sectionId } : {}),
});
const index = buildTocIndex(code, [entry('A', 'L611-1'), entry('B', 'L611-3', 't1')], '2026-11-22');

describe('table of contents index', () => {
  it('gives the sections above an article, root first', () => {
    expect(sectionsAbove(index, `${cid}/A`).map((s) => s.level)).toEqual(['partie', 'livre', 'titre', 'chapitre']);
    expect(sectionsAbove(index, `${cid}/unknown`)).toEqual([]);
  });

  it('places an article missing from the tree by its catalog entry', () => {
    expect(sectionPathOf(index, `${cid}/B`)).toEqual(['pl', 'l6', 't1']);
    expect(sectionPathOf(index, `${cid}/unknown`)).toBeUndefined();
  });
});
