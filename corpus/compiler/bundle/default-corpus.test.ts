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

const root = path.resolve(import.meta.dirname, '../../..');
const dist = path.join(root, 'corpus/dist');
const lexlibCss = path.resolve(root, '../shared/corpus/lexlib-code-de-la-securite-sociale.bundle');
const hasDist = existsSync(path.join(dist, 'manifest.json'));
const hasShared = existsSync(lexlibCss);
if (!hasDist) console.warn('default-corpus.test.ts: corpus/dist absent — run `npm run corpus` (npm test does it first).');
if (!hasShared) console.warn('default-corpus.test.ts: ../shared/corpus absent — the history checks are skipped (legi-data only).');

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

  it.skipIf(!hasShared)('merges the sources: Code de la mutualité from lexlib and LexHub, every version with its sources', async () => {
    expect(manifest.sources.map((s) => s.kind)).toEqual(
      expect.arrayContaining(['lexlib', 'lexhub', 'legi-data', 'seed-article', 'seed-code', 'seed-diff']),
    );
    const mutualite = manifest.codes.find((c) => c.id === 'code-de-la-mutualite')!;
    expect(mutualite.articleCount).toBeGreaterThan(1000);
    const [l111] = await store.findArticles('L111-1', CSS);
    const article = await store.article(l111!.id);
    // L111-1 CSS: five texts (1985, 2000, 2001, 2016, 2020), each known to lexlib, LexHub and legi-data.
    expect(article.versions.map((v) => v.validFrom)).toEqual(['1985-12-21', '2000-01-01', '2001-12-26', '2016-01-01', '2020-08-09']);
    for (const version of article.versions) expect([...version.sources].sort()).toEqual(['legi-data', 'lexhub-css', 'lexlib-css']);
  });

  it.skipIf(!hasShared)('gives L611-3 of the sécurité sociale its text versions from 1985-12-21, and its end from LexHub', async () => {
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

  it.skipIf(!hasShared)('never keeps two consecutive versions with the same text', async () => {
    const catalog = await store.catalog(CSS);
    let checked = 0;
    for (const entry of catalog.filter((_, i) => i % 25 === 0)) {
      const article: Article = await store.article(entry.id);
      article.versions.forEach((v, i) => {
        expect(v.sources.length).toBeGreaterThan(0);
        const next = article.versions[i + 1];
        if (next && !v.textUnavailable && !next.textUnavailable) {
          expect(JSON.stringify([next.paragraphs, next.nota ?? []]), `${article.num} ${next.validFrom}`).not.toBe(
            JSON.stringify([v.paragraphs, v.nota ?? []]),
          );
          expect(v.validTo).toBe(next.validFrom);
        }
      });
      checked++;
    }
    expect(checked).toBeGreaterThan(400);
  });

  it.skipIf(!hasShared)('has the 2006-01-28 change set exactly as its lexlib commit lists it', async () => {
    const sets = await store.changeSets(CSS);
    const set = sets.find((s) => s.date === '2006-01-28')!;
    expect([set.created.length, set.modified.length, set.repealed.length]).toEqual([152, 37, 19]);
    const catalog = new Map((await store.catalog(CSS)).map((e) => [e.id, e.num]));
    expect(set.modified.map((id) => catalog.get(id))).toContain('R115-5');
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

  it('writes the search index files the manifest names', () => {
    expect(existsSync(path.join(dist, manifest.search.current))).toBe(true);
    for (const file of manifest.search.past) expect(existsSync(path.join(dist, file))).toBe(true);
  });
});
