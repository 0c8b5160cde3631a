/**
 * The ranking rules, on real queries over the compiled default corpus (`corpus/dist/`, built by
 * `npm run corpus`, which `npm test` runs first): each rule is shown against the ranking by
 * lunr's scores alone (`lunrScoresOnly`) on the same index, and the facts the tests check (a
 * word's exact form in a text, two words next to each other, the titles above an article) are
 * read from the bundle's own files here, not through the engine.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../model/bundle.ts';
import type { Code, Section } from '../model/model.ts';
import { SearchEngine } from './engine.ts';
import { parseQuery } from './query.ts';
import type { SearchResult } from './search-types.ts';
import { evidenceFactor, evidenceQuery, textEvidence } from './text-evidence.ts';
import { readBundleText } from '../../tests/support/bundle-files.ts';

const root = path.resolve(import.meta.dirname, '../..');
const DIST = path.join(root, 'corpus/dist');
const missing = !existsSync(path.join(DIST, 'manifest.json'));
if (missing) console.log(`ranking tests skipped: no compiled corpus in ${DIST} (npm run corpus)`);

let manifest: Manifest;
let engine: SearchEngine;
let lunrOnly: SearchEngine;
const texts = new Map<string, string>();
const titlesAbove = new Map<string, string>();

const read = async (file: string) => readBundleText(DIST, file);
const plain = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const wordsOf = (text: string): string[] => plain(text).match(/[\p{L}\p{N}]+/gu) ?? [];

beforeAll(async () => {
  if (missing) return;
  manifest = JSON.parse(await read('manifest.json')) as Manifest;
  engine = await SearchEngine.load(manifest.search, read);
  lunrOnly = await SearchEngine.load(manifest.search, read, { lunrScoresOnly: true });
  await Promise.all([engine.textsLoaded(), lunrOnly.textsLoaded()]);
  const shard = JSON.parse(await read(manifest.search.current)) as { docs: { article: string[] }; texts: { file: string }[] };
  const all: string[] = [];
  for (const chunk of shard.texts) all.push(...(JSON.parse(await read(chunk.file)) as { texts: string[] }).texts);
  shard.docs.article.forEach((article, i) => texts.set(article, all[i] ?? ''));
  for (const code of manifest.codes) {
    const walk = (sections: readonly Section[], above: string) => {
      for (const section of sections) {
        const titles = `${above} ${section.title}`;
        for (const article of section.articles) titlesAbove.set(article, titles);
        walk(section.children, titles);
      }
    };
    walk((JSON.parse(await read(code.toc)) as Code).toc, '');
  }
});

/** Results of the law in force, many of them. */
const search = (which: SearchEngine, query: string) => which.search(query, { limit: 5000 }).then((response) => response.results);

/** The query terms as the engine reads texts for them. */
const evidenceTerms = (parsed: ReturnType<typeof parseQuery>) =>
  evidenceQuery(
    parsed.terms.map((term) => ({ term: term.term, forms: parsed.typed.filter((t) => t.term === term.term).map((t) => t.word) })),
  );

describe.skipIf(missing)('ranking rules on the compiled corpus', () => {
  it('raises a text with the exact form typed above one with another word of the same stem', () => {
    let shown = 0;
    for (const query of ['cotisants', 'salariée', 'assurés', 'pensionnés', 'employeurs', 'allocataires', 'exploitants']) {
      const word = plain(query);
      const stemmed = evidenceTerms(parseQuery(query));
      // Real texts of the law in force: one with the very form typed, one with only other forms of its stem.
      const withForm = [...texts.values()].find((text) => wordsOf(text).includes(word));
      const otherForm = [...texts.values()].find((text) => !wordsOf(text).includes(word) && textEvidence(text, stemmed).present === 1);
      if (!withForm || !otherForm) continue;
      shown++;
      expect(evidenceFactor(textEvidence(withForm, stemmed)), query).toBeGreaterThan(evidenceFactor(textEvidence(otherForm, stemmed)));
    }
    expect(shown).toBeGreaterThanOrEqual(5);
  });

  it('weighs a word typed by the rarity of its very form: the texts that have the words typed come first', async () => {
    let ours = 0;
    let lunrs = 0;
    for (const query of ['cotisants', 'pensionnés', 'allocataires', 'employeurs', 'salariées', 'assurés sociaux']) {
      const typed = wordsOf(query);
      const hasAll = (hit: SearchResult) => typed.every((word) => wordsOf(texts.get(hit.article) ?? '').includes(word));
      const [withEngine, withLunr] = [(await search(engine, query)).slice(0, 10), (await search(lunrOnly, query)).slice(0, 10)];
      console.log(
        `« ${query} »: ${withEngine.filter(hasAll).length} of the first 10 have the forms typed, ${withLunr.filter(hasAll).length} by lunr's scores`,
      );
      ours += withEngine.filter(hasAll).length;
      lunrs += withLunr.filter(hasAll).length;
    }
    expect(ours).toBeGreaterThan(lunrs);
  });

  it('raises a text where the words stand together above one where they are far apart', () => {
    let shown = 0;
    for (const query of ['caisse nationale', 'accident travail', 'pension vieillesse', 'contrôle médical', 'allocation logement']) {
      const [first, second] = wordsOf(query);
      const terms = evidenceTerms(parseQuery(query));
      const adjacent = (text: string) => wordsOf(text).some((w, i, all) => w === first && all[i + 1] === second);
      const both = (text: string) => wordsOf(text).includes(first!) && wordsOf(text).includes(second!);
      const together = [...texts.values()].find((text) => text.length < 3000 && adjacent(text));
      const apart = [...texts.values()].find(
        (text) => text.length < 3000 && both(text) && !adjacent(text) && textEvidence(text, terms).near < 0.5,
      );
      if (!together || !apart) continue;
      shown++;
      expect(evidenceFactor(textEvidence(together, terms)), query).toBeGreaterThan(evidenceFactor(textEvidence(apart, terms)));
    }
    expect(shown).toBeGreaterThanOrEqual(3);
  });

  it('finds the articles of the section a query names first', async () => {
    // Code rural, « Paragraphe 2 : Indemnités journalières en cas de maladie ou d'accident… »
    // under « Sous-section 1 : Assurance maladie ».
    const query = 'indemnités journalières maladie';
    const named = (hit: SearchResult) =>
      ['indemnit', 'journalier', 'maladie'].every((word) => plain(titlesAbove.get(hit.article) ?? '').includes(word));
    const ranked = await search(engine, query);
    expect([ranked[0]?.num, named(ranked[0]!)]).toEqual([ranked[0]?.num, true]);
    const alone = await search(lunrOnly, query);
    expect(alone.slice(0, 10).filter(named).length).toBeLessThan(ranked.slice(0, 10).filter(named).length);
  });

  it('reads a long word found nowhere as the nearest word of the index, and says so', async () => {
    const typed = await engine.search('cotisaton vieillesse', { limit: 10 });
    expect(typed.corrected).toEqual({ query: 'cotisation vieillesse', words: [{ typed: 'cotisaton', read: 'cotisation' }] });
    const right = await engine.search('cotisation vieillesse', { limit: 10 });
    expect(typed.results.map((hit) => hit.article)).toEqual(right.results.map((hit) => hit.article));
    expect(typed.total).toBe(right.total);
  });

  it('never reads otherwise a word the index has, nor a word of fewer than five letters', async () => {
    // « salarie » and « salaire », « cotisant » and « cotisants »: each exists, each is kept.
    for (const query of ['salarie', 'salaire', 'cotisant', 'mutualite', 'indemnite']) {
      const response = await engine.search(query, { limit: 5 });
      expect(response.corrected, query).toBeUndefined();
      expect(response.total, query).toBeGreaterThan(0);
    }
    const short = await engine.search('caise', { limit: 5 });
    expect(short.corrected?.words).toEqual([{ typed: 'caise', read: 'caisse' }]);
    expect((await engine.search('cais', { limit: 5 })).corrected).toBeUndefined();
  });

  it('ranks an article number first, in the code being read, the others after naming their code', async () => {
    // L111-1 is in several codes of the corpus.
    const codes = (await engine.search('L111-1', { limit: 20 })).results.filter((hit) => hit.num === 'L111-1').map((hit) => hit.code);
    expect(codes.length).toBeGreaterThan(1);
    for (const code of codes) {
      for (const form of ['L111-1', 'L. 111-1', 'l 111-1', 'art. L111-1', 'article L.111-1']) {
        const results = (await engine.search(form, { limit: 20, preferCode: code })).results;
        expect([results[0]?.num, results[0]?.code], form).toEqual(['L111-1', code]);
        expect(
          results
            .filter((hit) => hit.num === 'L111-1')
            .map((hit) => hit.code)
            .sort(),
          form,
        ).toEqual([...codes].sort());
      }
    }
  });

  it('never returns a text that is not in force as « en vigueur »', async () => {
    await engine.loadPast();
    for (const query of ['abrogé', 'caisse nationale', 'L611-3', 'cotisations', 'retraite complémentaire']) {
      for (const scope of ['in-force', 'all', 'repealed'] as const) {
        for (const hit of (await engine.search(query, { scope, limit: 100 })).results) {
          if (!hit.inForce) continue;
          expect(hit.articleState, `${query} (${scope}): ${hit.num}`).toBe('in-force');
          expect(hit.ranges.some((range) => range.from <= engine.asOf && (range.to === undefined || engine.asOf < range.to))).toBe(true);
        }
      }
    }
  });
});
