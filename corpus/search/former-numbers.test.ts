/**
 * Old and new numbers in search (issue 13 §3), on the compiled default corpus (`corpus/dist/`)
 * with the whole Code du travail: « L. 122-14-3 », in any written form, opens the former article
 * and offers the articles that replaced it; an article is found by a number it bore; the law in
 * force never returns an article of the former code that is not in force. What the results must
 * be is read from the bundle's own files (the table of correspondence, the catalog, the tables of
 * contents), never written into the test but for the four numbers the issue names.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, expect, it } from 'vitest';
import type { ArticleCatalogEntry, Manifest } from '../model/bundle.ts';
import type { CorrespondencePair } from '../model/correspondence.ts';
import type { Article, Code, Section } from '../model/model.ts';
import { readBundleText } from '../../tests/support/bundle-files.ts';
import { describeWholeCorpus } from '../../tests/support/whole-corpus.ts';
import { SearchEngine } from './engine.ts';

const root = path.resolve(import.meta.dirname, '../..');
const DIST = path.join(root, 'corpus/dist');
const TRAVAIL = 'code-du-travail';
const FORMER = 'L122-14-3';
const hasDist = existsSync(path.join(DIST, 'manifest.json'));
if (!hasDist) console.log(`former-numbers tests: no compiled corpus in ${DIST} (npm run corpus)`);

// Through the bundle's reader: the catalogs and tables of format 4 are stored gzipped.
const read = (file: string) => readBundleText(DIST, file);
let manifest: Manifest;
let engine: SearchEngine;
let catalog: ArticleCatalogEntry[];
let pairs: CorrespondencePair[];
/** Articles of the code's former parts (« Partie législative ancienne »…), from its table of contents. */
const formerPart = new Set<string>();

beforeAll(async () => {
  if (!hasDist) return;
  manifest = JSON.parse(read('manifest.json')) as Manifest;
  const summary = manifest.codes.find((code) => code.id === TRAVAIL)!;
  catalog = JSON.parse(read(summary.catalog)) as ArticleCatalogEntry[];
  pairs = JSON.parse(read(summary.correspondence!)) as CorrespondencePair[];
  const walk = (sections: readonly Section[], inFormer: boolean) => {
    for (const section of sections) {
      const former = inFormer || /\bancienne\b/i.test(section.title);
      if (former) for (const article of section.articles) formerPart.add(article);
      walk(section.children, former);
    }
  };
  walk((JSON.parse(read(summary.toc)) as Code).toc, false);
  engine = await SearchEngine.load(manifest.search, async (file) => read(file));
  await engine.textsLoaded();
  await engine.loadPast();
}, 120_000);

const former = () => catalog.find((entry) => entry.num === FORMER)!;

describeWholeCorpus('old and new article numbers in search', () => {
  it('« L. 122-14-3 », in any written form, opens the former article, then offers the articles that replaced it', async () => {
    const replacing = pairs.filter((pair) => pair.former.id === former().id).map((pair) => pair.current.num);
    expect(replacing).toEqual(expect.arrayContaining(['L1232-1', 'L1233-2', 'L1235-1', 'L1235-9']));
    for (const form of ['L. 122-14-3', 'L122-14-3', 'l 122-14-3', 'art. L. 122-14-3', 'article L.122-14-3']) {
      const { results } = await engine.search(form, { limit: 20, preferCode: TRAVAIL });
      expect([results[0]?.article, results[0]?.inForce, results[0]?.articleState], form).toEqual([former().id, false, 'repealed']);
      const next = results.slice(1, 1 + replacing.length);
      expect(
        next.map((hit) => [hit.match, hit.replaces, hit.inForce]),
        form,
      ).toEqual(replacing.map(() => ['replacing', FORMER, true]));
      expect(next.map((hit) => hit.num).sort(), form).toEqual([...replacing].sort());
    }
  });

  it('finds an article by a number it bore, and says which', async () => {
    const renumbered = catalog.filter((entry) => entry.formerNums?.length && entry.to === undefined);
    expect(renumbered.length).toBeGreaterThan(10);
    let checked = 0;
    for (const entry of renumbered) {
      const old = entry.formerNums![0]!;
      // A number now borne by another article finds that one first: not the case looked at here.
      if (catalog.some((other) => other.num === old) || !/^[LRDA]\d/.test(old)) continue;
      const { results } = await engine.search(old, { limit: 5, preferCode: TRAVAIL });
      expect([results[0]?.article, results[0]?.num, results[0]?.formerNum], old).toEqual([entry.id, entry.num, old]);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('never returns over the law in force an article of the former code that is not in force', async () => {
    // Former-code articles that ended, searched by words of their own last text.
    const ended = catalog.filter((entry) => formerPart.has(entry.id) && entry.to !== undefined && entry.to <= engine.asOf);
    expect(ended.length).toBeGreaterThan(4000);
    const endedIds = new Set(ended.map((entry) => entry.id));
    const articles = new Map<string, Article>();
    const sample = ended.filter((_, i) => i % Math.floor(ended.length / 40) === 0).slice(0, 40);
    // A breath between shards and between searches: the loop would otherwise hold the worker for
    // 10 s of CPU, and Vitest's RPC times out past 60 s on a loaded machine (tests/support/stretch-watch.ts).
    const breathe = () => new Promise((resolve) => setImmediate(resolve));
    for (const shard of new Set(sample.map((entry) => entry.shard))) {
      for (const article of JSON.parse(gunzipSync(readFileSync(path.join(DIST, shard))).toString('utf8')) as Article[])
        articles.set(article.id, article);
      await breathe();
    }
    let searched = 0;
    for (const entry of sample) {
      const text = articles.get(entry.id)?.versions.at(-1)?.paragraphs.join(' ') ?? '';
      const words = (text.match(/[\p{L}]{6,}/gu) ?? []).slice(0, 4);
      if (words.length < 2) continue;
      searched++;
      await breathe();
      const inForce = await engine.search(words.join(' '), { limit: 50, scope: 'in-force' });
      for (const hit of inForce.results) {
        expect(endedIds.has(hit.article), `${words.join(' ')} → ${hit.num}`).toBe(false);
        expect(hit.inForce).toBe(true);
      }
      // The same words over every version find it, not in force.
      const all = await engine.search(words.join(' '), { limit: 200, scope: 'all' });
      const found = all.results.find((hit) => hit.article === entry.id);
      if (found) expect(found.inForce).toBe(false);
    }
    expect(searched).toBeGreaterThan(30);
  });
});
