/**
 * The packed index is a Lunr index: built → written → read → searched, it ranks and scores every
 * query exactly as the lunr index built from the same documents does, and `toLunrJson` gives back
 * an index that `lunr.Index.load` loads and that answers the same. Real data: the Code des
 * relations entre le public et l'administration in force (legi-data).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCollection, buildSearchIndexes, planShards, type SearchBuild } from './build.ts';
import { articleDocuments } from './documents.ts';
import { SearchEngine } from './engine.ts';
import { articlesFromLegiData, type LegiDataNode } from './fixtures/legi-data-fixture.ts';
import { lunr, queryTerms, TEXT_FIELD, useFrenchAnalysis } from './french-analysis.ts';
import { toLunrJson, type PackedShard } from './shard-format.ts';

const root = path.resolve(import.meta.dirname, '../..');
const CRPA_JSON = path.join(root, 'node_modules/@socialgouv/legi-data/data/LEGITEXT000031366350.json');
const AS_OF = '2026-02-05';
const missing = !existsSync(CRPA_JSON);
if (missing) console.log(`packed index tests skipped: ${CRPA_JSON} is missing`);

const QUERIES = [
  'administration',
  'décision implicite',
  'documents administratifs',
  'recours gracieux',
  'silence gardé',
  'délai de recours contentieux',
  "l'usager",
  'données publiques réutilisation',
  'commission d’accès aux documents administratifs',
  'sanction',
];

let build: SearchBuild;
let engine: SearchEngine;
let direct: lunr.Index;
let articleOfRef: string[];
let split: SearchEngine;

beforeAll(async () => {
  if (missing) return;
  const { code, articles } = articlesFromLegiData(JSON.parse(readFileSync(CRPA_JSON, 'utf8')) as LegiDataNode, AS_OF);
  build = buildSearchIndexes(articles, [code], { asOf: AS_OF });
  // Lunr's scores alone: the ranking rules on top of them (titles, text evidence) are tested in engine.test.ts.
  engine = await SearchEngine.load(build.manifest, async (file) => build.files.get(file) ?? Promise.reject(new Error(file)), {
    lunrScoresOnly: true,
  });
  // The same documents indexed by lunr directly, never serialised.
  const docs = articles.flatMap((article) => articleDocuments(article, AS_OF)).filter((doc) => doc.current);
  articleOfRef = docs.map((doc) => doc.article);
  // The same collection written as four shards of one lunr index.
  const plan = planShards(docs, 120, (n) => `search/part-${n + 1}.json`);
  const files = new Map<string, string>();
  for (const [file, { shard, texts }] of buildCollection(docs, 'current', AS_OF, plan)) {
    files.set(file, JSON.stringify(shard));
    for (const [chunkFile, chunk] of texts) files.set(chunkFile, JSON.stringify(chunk));
  }
  const manifest = { lunrVersion: lunr.version, current: plan[0]!.file, past: plan.slice(1).map((p) => p.file), documents: {} };
  split = await SearchEngine.load(manifest, async (file) => files.get(file) ?? Promise.reject(new Error(file)), { lunrScoresOnly: true });
  await split.loadPast();
  direct = lunr(function () {
    useFrenchAnalysis(this);
    this.ref('ref');
    this.field(TEXT_FIELD);
    docs.forEach((doc, i) => this.add({ ref: i.toString(36), [TEXT_FIELD]: doc.text }));
  });
});

function lunrResults(index: lunr.Index, query: string): Map<string, number> {
  const terms = queryTerms(query);
  const results = index.query((q) => {
    for (const term of terms) q.term(term, { fields: [TEXT_FIELD], presence: lunr.Query.presence.REQUIRED, usePipeline: false });
  });
  return new Map(results.map((r) => [articleOfRef[parseInt(r.ref, 36)]!, r.score]));
}

describe.skipIf(missing)('the packed index is a lunr index', () => {
  it('indexes every article in force of the code', () => {
    expect(build.manifest.documents['search/current.json']).toBe(articleOfRef.length);
    expect(articleOfRef.length).toBeGreaterThan(450);
  });

  it('finds the same articles with the same scores as lunr, in the same order', async () => {
    for (const query of QUERIES) {
      const expected = lunrResults(direct, query);
      const response = await engine.search(query, { limit: 10_000 });
      expect(expected.size, query).toBeGreaterThan(0);
      expect(response.total, query).toBe(expected.size);
      for (const result of response.results)
        expect(Math.abs(result.score - (expected.get(result.article) ?? -1)), `${query}: ${result.num}`).toBeLessThanOrEqual(0.0005 + 1e-9);
      const scores = response.results.map((r) => r.score);
      expect(scores, query).toEqual([...scores].sort((a, b) => b - a));
    }
  });

  it('scores the same when the collection is written as several shards', async () => {
    expect(Object.keys(split.loadedDocuments)).toHaveLength(4);
    for (const query of QUERIES) {
      const whole = await engine.search(query, { limit: 10_000 });
      const parts = await split.search(query, { limit: 10_000 });
      expect(
        parts.results.map((r) => [r.article, r.score]),
        query,
      ).toEqual(whole.results.map((r) => [r.article, r.score]));
    }
  });

  it('gives back an index that lunr.Index.load loads and that answers the same', () => {
    const shard = JSON.parse(build.files.get('search/current.json')!) as PackedShard;
    const loaded = lunr.Index.load(toLunrJson(shard, TEXT_FIELD));
    for (const query of QUERIES) {
      const expected = lunrResults(direct, query);
      const actual = lunrResults(loaded, query);
      expect([...actual.keys()].sort(), query).toEqual([...expected.keys()].sort());
      for (const [article, score] of actual) expect(score, query).toBeCloseTo(expected.get(article)!, 9);
    }
  });

  it('names the pipeline functions it needs, registered under our labels', () => {
    const shard = JSON.parse(build.files.get('search/current.json')!) as PackedShard;
    expect(shard.pipeline).toEqual(['palimpseste-stop-words-fr', 'palimpseste-stem-fr']);
    expect(shard.lunrVersion).toBe(lunr.version);
  });
});
