/**
 * The compiled default corpus (`corpus/dist/`, built by `npm run corpus`; `npm test` builds it
 * before the unit tests): the merge of every source as a reader sees it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CorpusStore } from '../../../electron/host/corpus-store.ts';
import type { ArticleCatalogEntry, Manifest } from '../../model/bundle.ts';
import type { Article, Code, Section } from '../../model/model.ts';
import { readBundleText } from '../../../tests/support/bundle-files.ts';
import { storedFile } from '../../model/bundle-files.ts';
import { historyBundle } from '../../../tests/support/shared-corpus.ts';
import { describeWholeCorpus } from '../../../tests/support/whole-corpus.ts';
import { GitRepository } from '../sources/common/git-repository.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const dist = path.join(root, 'corpus/dist');
const hasDist = existsSync(path.join(dist, 'manifest.json'));
if (!hasDist) console.warn('default-corpus.test.ts: corpus/dist absent — run `npm run corpus` (npm test does it first).');
// Without ../shared the default corpus compiles the committed sample in place of the whole
// histories (corpus/sources.json): the checks of one article's history hold on both.

const CSS = 'code-de-la-securite-sociale';

describe.skipIf(!hasDist)('the default corpus', () => {
  let manifest: Manifest;
  let store: CorpusStore;
  beforeAll(async () => {
    store = new CorpusStore(dist);
    manifest = await store.manifest();
  });

  it('holds legi-data’s four codes, with real section titles', async () => {
    const titles = manifest.codes.map((c) => c.title);
    for (const title of [
      'Code de la sécurité sociale',
      'Code du travail',
      'Code rural et de la pêche maritime',
      "Code des relations entre le public et l'administration",
    ]) {
      expect(titles).toContain(title);
    }
    const toc = await store.toc(CSS);
    const legislative = toc.toc.find((s) => s.title === 'Partie législative')!;
    expect(legislative.children.map((s) => s.title)).toContain(
      'Livre I : Généralités - Dispositions communes à tout ou partie des régimes de base',
    );
  });

  it('places every article of every code exactly once in its table of contents', async () => {
    for (const summary of manifest.codes) {
      const [toc, catalog]: [Code, ArticleCatalogEntry[]] = [await store.toc(summary.id), await store.catalog(summary.id)];
      const seen = new Map<string, number>();
      const walk = (sections: Section[]) =>
        sections.forEach((s) => (s.articles.forEach((a) => seen.set(a, (seen.get(a) ?? 0) + 1)), walk(s.children)));
      walk(toc.toc);
      expect(
        [...seen.values()].every((n) => n === 1),
        summary.id,
      ).toBe(true);
      expect(seen.size, summary.id).toBe(catalog.length);
    }
  });

  it('merges the sources: L111-1 from lexlib, LexHub and legi-data, every version with its sources', async () => {
    expect(manifest.sources.map((s) => s.kind)).toEqual(
      expect.arrayContaining(['lexlib', 'lexhub', 'legi-data', 'seed-article', 'seed-code', 'seed-diff']),
    );
    const [l111] = await store.findArticles('L111-1', CSS);
    const article = await store.article(l111!.id);
    // L111-1 CSS: five texts (1985, 2000, 2001, 2016, 2020), each known to lexlib, LexHub and legi-data.
    expect(article.versions.map((v) => v.validFrom)).toEqual(['1985-12-21', '2000-01-01', '2001-12-26', '2016-01-01', '2020-08-09']);
    for (const version of article.versions) expect([...version.sources].sort()).toEqual(['legi-data', 'lexhub-css', 'lexlib-css']);
  });

  it('gives L611-3 of the sécurité sociale its text versions from 1985-12-21, and its end from LexHub', async () => {
    const article = await store.article(`${CSS}/LEGIARTI000006743538`);
    expect(article.versions.map((v) => [v.validFrom, v.validTo, v.amendedBy])).toEqual([
      ['1985-12-21', '1994-01-19', 'Décret n°85-1353 du 17 décembre 1985'],
      ['1994-01-19', '1995-02-05', 'Loi n°94-43 du 18 janvier 1994'],
      ['1995-02-05', '2005-12-09', 'Loi n°95-116 du 4 février 1995'],
      ['2005-12-09', '2018-01-01', 'Ordonnance n°2005-1528 du 8 décembre 2005'],
    ]);
    expect(article.versions[2]!.sources).toContain('seed-000');
    expect(article.versions[3]!.status).toBe('ABROGE');
  });

  it('never keeps two consecutive versions with the same text', async () => {
    const catalog = await store.catalog(CSS);
    let checked = 0;
    for (const entry of catalog.filter((_, i) => i % 25 === 0)) {
      const article: Article = await store.article(entry.id);
      article.versions.forEach((v, i) => {
        expect(v.sources.length).toBeGreaterThan(0);
        const next = article.versions[i + 1];
        if (next && v.validTo !== next.validFrom) {
          // A gap (issue 13 b): repealed, then back under the same id; the same text may come back.
          expect(v.validTo !== undefined && v.validTo < next.validFrom, `${article.num}: ends ${v.validTo}, back ${next.validFrom}`).toBe(
            true,
          );
        } else if (next && !v.textUnavailable && !next.textUnavailable && v.num === next.num) {
          // (A renumbering with the same text is a version of its own, issue 13 d: « Annexe I à
          // l'art. R434-35 (5) » became « … R434-32 (5) » on 2006-02-06.)
          expect(JSON.stringify([next.paragraphs, next.nota ?? []]), `${article.num} ${next.validFrom}`).not.toBe(
            JSON.stringify([v.paragraphs, v.nota ?? []]),
          );
        }
      });
      checked++;
    }
    // One article in 25 of the code: 424 with the whole histories.
    expect(checked).toBe(Math.ceil(catalog.length / 25));
  });

  it('has the 2006-01-28 change set exactly as its lexlib commit lists it', async () => {
    const sets = await store.changeSets(CSS);
    const set = sets.find((s) => s.date === '2006-01-28')!;
    const catalog = new Map((await store.catalog(CSS)).map((e) => [e.id, e.num]));
    const repo = await GitRepository.open(historyBundle('lexlib-code-de-la-securite-sociale'), path.join(root, 'corpus/cache'));
    const message = (await repo.history()).find((c) => c.message.startsWith('Version consolidée du 2006-01-28'))!.message;
    // `Articles nouveaux:` then a tab-indented line of numbers, and so on.
    const listed = (header: string) =>
      (new RegExp(`^${header}\\n\\t(.+)$`, 'm').exec(message)?.[1] ?? '').split(', ').filter(Boolean).sort();
    const nums = (ids: readonly string[]) => ids.map((id) => catalog.get(id)).sort();
    expect(nums(set.created)).toEqual(listed('Articles nouveaux:'));
    expect(nums(set.modified)).toEqual(listed('Articles modifiés:'));
    expect(nums(set.repealed)).toEqual(listed('Articles abrogés:'));
    expect(nums(set.modified)).toContain('R115-5');
    expect(set.unplaced ?? []).toEqual([]);
  });

  it('resolves at least 95 % of the references whose code is in the corpus, and reports the rest', () => {
    const refs = manifest.counts.references;
    console.log(
      `references: ${refs.resolvedInCorpus}/${refs.inCorpus} resolved (${((100 * refs.resolvedInCorpus) / refs.inCorpus).toFixed(1)} %), ${refs.total} found`,
    );
    expect(refs.resolvedInCorpus / refs.inCorpus).toBeGreaterThanOrEqual(0.95);
    const report = readBundleText(dist, 'unresolved-references.tsv').trim().split('\n');
    expect(report.length - 1).toBe(refs.total - refs.resolved);
  });

  it('writes the search index files the manifest names (gzipped beside their names but the first: `bundle-files.ts`)', () => {
    expect(storedFile(manifest.files, manifest.search.current)).toEqual({ file: manifest.search.current, gzipped: false });
    expect(existsSync(path.join(dist, manifest.search.current))).toBe(true);
    expect(manifest.search.past.length).toBeGreaterThan(0);
    for (const file of manifest.search.past) {
      expect(storedFile(manifest.files, file)).toEqual({ file: `${file}.gz`, gzipped: true });
      expect(existsSync(path.join(dist, `${file}.gz`))).toBe(true);
    }
  });
});

describeWholeCorpus('the default corpus from the whole histories', () => {
  let manifest: Manifest;
  let store: CorpusStore;
  beforeAll(async () => {
    store = new CorpusStore(dist);
    manifest = await store.manifest();
  });

  it('holds the whole Code de la mutualité, and the whole 2006-01-28 change set (152 new, 37 modified, 19 repealed)', async () => {
    expect(manifest.codes.find((c) => c.id === 'code-de-la-mutualite')!.articleCount).toBeGreaterThan(1000);
    const set = (await store.changeSets(CSS)).find((s) => s.date === '2006-01-28')!;
    expect([set.created.length, set.modified.length, set.repealed.length]).toEqual([152, 37, 19]);
  });
});
