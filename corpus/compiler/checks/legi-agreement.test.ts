/**
 * The law in force of the compiled default corpus against DILA's own dates: legi-data's
 * `articleVersions` for every article of its four codes, read as LEGI reads them (a
 * `MODIFIE_MORT_NE` version never applied; an `ABROGE` version ends the article until a later
 * version starts). Every article must agree, or be listed below with the source that proves the
 * corpus right.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeWholeCorpus } from '../../../tests/support/whole-corpus.ts';
import type { Article } from '../../model/model.ts';
import { CompiledBundle } from './compiled-bundle.ts';
import { legiCodeFiles, readLegiArticles, type LegiArticle } from './legi-article-versions.ts';
import {
  compareWithLegi,
  compiledPeriods,
  findCompiled,
  indexByLegiIds,
  legiPeriods,
  unionOfRanges,
  type Disagreement,
} from './legi-agreement.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const dist = path.join(root, 'corpus/dist');
const hasDist = existsSync(path.join(dist, 'manifest.json'));
if (!hasDist) console.warn('legi-agreement.test.ts: corpus/dist absent — run `npm run corpus` (npm test does it first).');

/**
 * Disagreements where another source proves the corpus right, by code and number, with the proof.
 * Empty: the corpus follows DILA everywhere.
 */
const EXPLAINED: Record<string, string> = {};

describe('the comparison of periods in force', () => {
  it('joins overlapping and touching ranges', () => {
    expect(unionOfRanges([{ from: '2008-05-01', to: '2008-05-29' }, { from: '2008-05-01' }])).toEqual([{ from: '2008-05-01' }]);
    expect(
      unionOfRanges([
        { from: '2001-01-01', to: '2002-01-01' },
        { from: '2002-01-01', to: '2003-01-01' },
      ]),
    ).toEqual([{ from: '2001-01-01', to: '2003-01-01' }]);
  });

  it('reads LEGI’s versions as LEGI does: a mort-né never applied, an ABROGE leaves a gap', () => {
    // L1235-16 of the Code du travail.
    expect(
      legiPeriods([
        { id: 'a', etat: 'MODIFIE', from: '2008-05-01', to: '2011-07-30' },
        { id: 'b', etat: 'MODIFIE_MORT_NE', from: '2011-07-30', to: '2013-07-01' },
        { id: 'c', etat: 'VIGUEUR', from: '2013-07-01' },
      ]),
    ).toEqual([{ from: '2008-05-01', to: '2011-07-30' }, { from: '2013-07-01' }]);
  });

  it('names a gap run through and an article ended while DILA has it in force', () => {
    const article = (validTo?: string): Pick<Article, 'versions'> => ({
      versions: [
        {
          validFrom: '2008-05-01',
          ...(validTo ? { validTo } : {}),
          status: validTo ? 'ABROGE' : 'VIGUEUR',
          paragraphs: [],
          links: [],
          references: [],
          sources: [],
        },
      ],
    });
    const gap = {
      num: 'L3121-12',
      versions: [
        { id: 'a', etat: 'ABROGE', from: '2008-05-01', to: '2008-08-22' },
        { id: 'b', etat: 'VIGUEUR', from: '2016-08-10' },
      ],
    };
    expect(compareWithLegi(gap, article(), '2026-03-27')?.kind).toBe('gap-closed');
    expect(
      compareWithLegi({ num: 'L114-11', versions: [{ id: 'a', etat: 'VIGUEUR', from: '2008-05-01' }] }, article('2018-12-23'), '2026-03-27')
        ?.kind,
    ).toBe('ended-but-in-force');
    expect(compiledPeriods(article('2018-12-23'), '2026-03-27')).toEqual([{ from: '2008-05-01', to: '2018-12-23' }]);
  });
});

describeWholeCorpus('the compiled corpus against legi-data’s articleVersions', () => {
  let bundle: CompiledBundle;
  const byCode = new Map<string, { legi: LegiArticle[]; compiled: Map<string, Article> }>();
  beforeAll(() => {
    bundle = new CompiledBundle(dist);
    for (const file of legiCodeFiles()) {
      const { code, articles } = readLegiArticles(file);
      byCode.set(code, { legi: articles, compiled: indexByLegiIds(bundle.articles(code)) });
    }
  });

  it('puts every article of the four codes in force exactly when DILA does', () => {
    const disagreements: (Disagreement & { code: string })[] = [];
    const missing: string[] = [];
    let agree = 0;
    for (const [code, { legi, compiled }] of byCode) {
      for (const article of legi) {
        const found = findCompiled(compiled, article);
        if (!found) {
          missing.push(`${code} ${article.num}`);
          continue;
        }
        const disagreement = compareWithLegi(article, found, bundle.dataDate);
        if (!disagreement) agree++;
        else if (!EXPLAINED[`${code} ${article.num}`]) disagreements.push({ ...disagreement, code });
      }
    }
    const kinds = new Map<string, number>();
    for (const d of disagreements) kinds.set(`${d.code} ${d.kind}`, (kinds.get(`${d.code} ${d.kind}`) ?? 0) + 1);
    console.log(
      `legi-data articleVersions: ${agree} articles agree, ${disagreements.length} disagree, ${Object.keys(EXPLAINED).length} explained, ${missing.length} absent`,
    );
    for (const [kind, count] of kinds) console.log(`  ${kind}: ${count}`);
    for (const d of disagreements.slice(0, 20))
      console.log(`  ${d.code} ${d.num} ${d.kind}: DILA ${JSON.stringify(d.legi)}, corpus ${JSON.stringify(d.compiled)}`);
    expect(missing).toEqual([]);
    expect(disagreements.map((d) => `${d.code} ${d.num} ${d.kind}`)).toEqual([]);
  });
});
