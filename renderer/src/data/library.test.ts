import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleCatalogEntry, Manifest } from '../../../corpus/model/bundle.ts';
import { normalizeArticleNumber } from '../../../corpus/text/article-number.ts';
import type { CorpusInfo, PalimpsesteApi, Result } from '../../../electron/common/api.ts';
import { readBundleJson } from '../../../tests/support/bundle-files.ts';
import { Library, pickAtDate } from './library.ts';

// The compiled default corpus (`npm run corpus`); these tests read its real catalog.
const dist = path.resolve(import.meta.dirname, '../../../corpus/dist');
const catalogFile = 'codes/code-de-la-securite-sociale/catalog.json';
const missing = !existsSync(path.join(dist, 'manifest.json'));
if (missing) console.log(`library.test.ts: ${dist} has no corpus (run npm run corpus): the catalog tests are skipped.`);
// Stored gzipped beside that name (`bundle-files.ts`).
const catalog = (): ArticleCatalogEntry[] => readBundleJson<ArticleCatalogEntry[]>(dist, catalogFile);

/** The host's `findArticles` over the real catalog, counting its calls. */
function fakeApi(entries: ArticleCatalogEntry[]) {
  const calls: string[] = [];
  const api = {
    // The corpus description, for the data date from which an undated repeal counts.
    getCorpusInfo: async (): Promise<Result<CorpusInfo>> => ({
      ok: true,
      value: {
        manifest: JSON.parse(readFileSync(path.join(dist, 'manifest.json'), 'utf8')) as Manifest,
        baseUrl: 'corpus/',
      },
    }),
    findArticles: async (num: string): Promise<Result<ArticleCatalogEntry[]>> => {
      calls.push(num);
      const key = normalizeArticleNumber(num) ?? num;
      return { ok: true, value: entries.filter((e) => e.num === key) };
    },
  };
  return { api: api as unknown as PalimpsesteApi, calls };
}

describe.skipIf(missing)('Library on the real catalog of the sécurité sociale', () => {
  it('picks, among the articles that used a number, the one in force on the date', () => {
    // L131-6-3 was two articles: 2010-12-11 → 2011-12-23, then 2016-01-01 → 2018-01-01.
    const both = catalog().filter((e) => e.num === 'L131-6-3');
    expect(both).toHaveLength(2);
    expect(pickAtDate(both, '2011-06-01', '2026-12-01')?.from).toBe('2010-12-11');
    expect(pickAtDate(both, '2017-01-01', '2026-12-01')?.from).toBe('2016-01-01');
    // In force on neither date: the latest.
    expect(pickAtDate(both, '2014-01-01', '2026-12-01')?.from).toBe('2016-01-01');
  });

  it('resolves a number written any way through the host, once per number and date', async () => {
    const { api, calls } = fakeApi(catalog());
    const library = new Library(api);
    const first = await library.resolveNumber('code-de-la-securite-sociale', 'L. 131-6-3', '2011-06-01');
    expect(first?.id).toBe('code-de-la-securite-sociale/LEGIARTI000022357562');
    await library.resolveNumber('code-de-la-securite-sociale', 'L. 131-6-3', '2011-06-01');
    expect(calls).toEqual(['L. 131-6-3']);
    expect(await library.resolveNumber('code-de-la-securite-sociale', 'L999-999', '2011-06-01')).toBeUndefined();
  });
});
