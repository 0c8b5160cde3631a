/**
 * Search-quality benchmark: does the article the user has in mind come first?
 *
 * Known-item queries are simulated from the corpus itself (`search-quality-queries.ts`, after
 * Azzopardi, de Rijke & Balog 2007), with a fixed seed, before any engine runs:
 *   (i)   3 words drawn by tf·idf, typed as written, then in lower case without accents;
 *   (ii)  4 words drawn by tf, both ways;
 *   (iii) 2 words drawn by tf·idf, both ways;
 *   (iv)  3 words by tf·idf with a typing error in one word of five letters or more;
 *   numbers: the article's number in one of its written forms (`L. 611-3`, `art. L611-3`…), the
 *         article's code being the one read (the engine is told so);
 *   past texts: 3 words by tf·idf from a replaced version or a repealed article's text, searched
 *         over every version; the target is that article *and* that text.
 * The target is the document the words were drawn from; its rank is read in the first 10 results.
 * Palimpseste's engine and its peers (`search-quality-peers.ts`) answer the same queries on the same
 * documents; the table gives MRR@10, success@1, success@10 and latency p50/p95 of each.
 *
 * The documents are the search documents of the bundle (`corpus/dist/`, or SEARCH_BENCH_BUNDLE):
 * one per distinct text of an article, in force on the build date or not; the peers index the same
 * texts with the article's number and the titles of its place in the table of contents.
 * SEARCH_QUALITY_ENGINE=<path of engine.ts> runs another checkout's engine on the same queries (the
 * « before » column of a change). SEARCH_QUALITY_ARTICLES / SEARCH_QUALITY_PAST: sample sizes;
 * SEARCH_QUALITY_SEED: another draw (parameters of the engine are set on another seed than the
 * one reported, so that the figures are not those of queries the engine was tuned on).
 *
 * Run: `npm run bench -- search-quality`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Manifest } from '../../corpus/model/bundle.ts';
import type { Code, Section } from '../../corpus/model/model.ts';
import type { SearchFilters, SearchResponse } from '../../corpus/search/search-types.ts';
import { median, ms, percentile, printTable } from './table.ts';
import {
  documentFrequencies,
  documentWords,
  drawWords,
  numberForms,
  randomGenerator,
  typed,
  typo,
  type DocumentWords,
  type Weighting,
} from './search-quality-queries.ts';
import { buildMiniSearch, flexSearchPeer, lunrPeer, miniSearchPeers, type Peer, type PeerDocument } from './search-quality-peers.ts';
import { readBundleText } from '../support/bundle-files.ts';

const root = path.resolve(import.meta.dirname, '../..');
const DIST = process.env.SEARCH_BENCH_BUNDLE ? path.resolve(process.env.SEARCH_BENCH_BUNDLE) : path.join(root, 'corpus/dist');
const ENGINE = process.env.SEARCH_QUALITY_ENGINE
  ? path.resolve(process.env.SEARCH_QUALITY_ENGINE)
  : path.join(root, 'corpus/search/engine.ts');
const ARTICLES = Number(process.env.SEARCH_QUALITY_ARTICLES ?? 300);
/** SEARCH_QUALITY_PEERS=none: Palimpseste alone (the peers depend only on the documents and queries). */
const PEERS = process.env.SEARCH_QUALITY_PEERS !== 'none';
/**
 * SEARCH_QUALITY_PEERS=fast: without MiniSearch's fuzzy search (about a second per query on this
 * corpus) and without the peers' past-texts run (indexes of 55,000 texts): what a shared machine
 * can run in a quarter of an hour.
 */
const FAST_PEERS = process.env.SEARCH_QUALITY_PEERS === 'fast';
/** SEARCH_QUALITY_OURS=none: the peers alone (their figures depend only on the documents and queries). */
const OURS = process.env.SEARCH_QUALITY_OURS !== 'none';
const PAST = Number(process.env.SEARCH_QUALITY_PAST ?? 300);
const SEED = Number(process.env.SEARCH_QUALITY_SEED ?? 20070723);
const TOP = 10;

// ---------------------------------------------------------------------------------------------
// The documents, read from the bundle's files (not through the engine).

interface BenchDocument {
  /** Ordinal among all documents (current first). */
  id: number;
  article: string;
  code: string;
  num: string;
  current: boolean;
  /** Past text of an article, not one in force later. */
  past: boolean;
  /** `from/to;from/`, as the shard writes them: which text of the article this is. */
  ranges: string;
  text: string;
  titles: string;
}

interface ShardFile {
  codes: string[];
  docs: { article: string[]; num: string[]; code: number[]; ranges: string[] };
  texts: { file: string; first: number; count: number }[];
}

const readJson = <T>(file: string): T => JSON.parse(readBundleText(DIST, file)) as T;

/** Titles of the sections above each article, from the codes' tables of contents. */
function tocTitles(manifest: Manifest): Map<string, string> {
  const titles = new Map<string, string>();
  const walk = (sections: readonly Section[], above: readonly string[]) => {
    for (const section of sections) {
      const path = [...above, section.title];
      for (const article of section.articles) titles.set(article, path.join(' › '));
      walk(section.children, path);
    }
  };
  for (const code of manifest.codes) walk(readJson<Code>(code.toc).toc, []);
  return titles;
}

function readDocuments(manifest: Manifest): BenchDocument[] {
  const titles = tocTitles(manifest);
  const asOf = readJson<{ asOf: string }>(manifest.search.current).asOf;
  const documents: BenchDocument[] = [];
  for (const file of [manifest.search.current, ...manifest.search.past]) {
    const shard = readJson<ShardFile>(file);
    const texts: string[] = [];
    for (const chunk of shard.texts) texts.push(...readJson<{ texts: string[] }>(chunk.file).texts);
    shard.docs.article.forEach((article, i) => {
      const ranges = shard.docs.ranges[i] ?? '';
      const current = file === manifest.search.current;
      documents.push({
        id: documents.length,
        article,
        code: shard.codes[shard.docs.code[i] ?? 0] ?? '',
        num: shard.docs.num[i] ?? '',
        current,
        past: !current && ranges.split(';').every((range) => range.slice(0, 10) <= asOf),
        ranges,
        text: texts[i] ?? '',
        titles: titles.get(article) ?? '',
      });
    });
  }
  return documents;
}

// ---------------------------------------------------------------------------------------------
// The queries, drawn once with a fixed seed.

interface Query {
  model: string;
  text: string;
  target: BenchDocument;
  scope: 'in-force' | 'all';
}

interface Model {
  key: string;
  label: string;
}

const MODELS: Model[] = [
  { key: 'i', label: '(i) 3 mots tf·idf, tels qu’écrits' },
  { key: 'i-plain', label: '(i) 3 mots tf·idf, sans accents, minuscules' },
  { key: 'ii', label: '(ii) 4 mots tf, tels qu’écrits' },
  { key: 'ii-plain', label: '(ii) 4 mots tf, sans accents, minuscules' },
  { key: 'iii', label: '(iii) 2 mots tf·idf, tels qu’écrits' },
  { key: 'iii-plain', label: '(iii) 2 mots tf·idf, sans accents, minuscules' },
  { key: 'iv', label: '(iv) 3 mots tf·idf, une faute de frappe (mot ≥ 5 lettres)' },
  { key: 'number', label: 'numéro d’article, formes diverses (code lu)' },
  { key: 'number-shared', label: '  dont numéros présents dans plusieurs codes' },
  { key: 'past', label: 'textes passés, toutes versions (article et version)' },
];

/** Documents a query can be drawn from: enough words to type four of them. */
const drawable = (words: DocumentWords) => words.words.size >= 6;

function sample<T>(items: readonly T[], count: number, random: () => number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
  return out;
}

function drawQueries(documents: readonly BenchDocument[]): { queries: Query[]; sampled: number; eligible: number; pastEligible: number } {
  const current = documents.filter((doc) => doc.current);
  const currentWords = new Map(current.map((doc) => [doc.id, documentWords(doc.text)]));
  const dfCurrent = documentFrequencies([...currentWords.values()]);
  const eligible = current.filter((doc) => drawable(currentWords.get(doc.id)!));
  const random = randomGenerator(SEED);
  const picked = sample(eligible, ARTICLES, random);
  const queries: Query[] = [];
  const draw = (doc: BenchDocument, count: number, weighting: Weighting, stream: () => number) =>
    drawWords(currentWords.get(doc.id)!, count, weighting, dfCurrent, current.length, stream);
  const streams = {
    i: randomGenerator(SEED + 1),
    ii: randomGenerator(SEED + 2),
    iii: randomGenerator(SEED + 3),
    iv: randomGenerator(SEED + 4),
  };
  const numberStream = randomGenerator(SEED + 5);
  const numberCodes = new Map<string, Set<string>>();
  for (const doc of current) numberCodes.set(doc.num, (numberCodes.get(doc.num) ?? new Set()).add(doc.code));
  for (const doc of picked) {
    const words = currentWords.get(doc.id)!;
    for (const [model, count, weighting] of [
      ['i', 3, 'tfidf'],
      ['ii', 4, 'tf'],
      ['iii', 2, 'tfidf'],
    ] as const) {
      const keys = draw(doc, count, weighting, streams[model]);
      queries.push({ model, text: typed(words, keys, false), target: doc, scope: 'in-force' });
      queries.push({ model: `${model}-plain`, text: typed(words, keys, true), target: doc, scope: 'in-force' });
    }
    // (iv): a tf·idf draw of its own, with one word of five letters or more mistyped.
    const keys = draw(doc, 3, 'tfidf', streams.iv);
    if (!keys.some((key) => key.length >= 5)) {
      const long = [...words.words.keys()].filter((key) => key.length >= 5);
      if (long.length) keys[keys.length - 1] = long[Math.floor(streams.iv() * long.length)]!;
    }
    const longOnes = keys.map((key, i) => [key, i] as const).filter(([key]) => key.length >= 5);
    if (longOnes.length) {
      const [key, at] = longOnes[Math.floor(streams.iv() * longOnes.length)]!;
      const written = keys.map((k) => (words.words.get(k)?.written ?? k).toLowerCase());
      written[at] = typo(key, streams.iv);
      queries.push({ model: 'iv', text: written.join(' '), target: doc, scope: 'in-force' });
    }
    // The article's number, in one of its written forms.
    const forms = numberForms(doc.num);
    const form = forms[Math.floor(numberStream() * forms.length)]!;
    queries.push({ model: 'number', text: form, target: doc, scope: 'in-force' });
    if ((numberCodes.get(doc.num)?.size ?? 0) > 1) queries.push({ model: 'number-shared', text: form, target: doc, scope: 'in-force' });
  }

  // Past texts: idf over every text, as the scope « toutes versions » searches them all.
  const allWords = new Map(documents.map((doc) => [doc.id, doc.current ? currentWords.get(doc.id)! : documentWords(doc.text)]));
  const dfAll = documentFrequencies([...allWords.values()]);
  const pastEligible = documents.filter((doc) => doc.past && drawable(allWords.get(doc.id)!));
  const pastStream = randomGenerator(SEED + 6);
  for (const doc of sample(pastEligible, PAST, randomGenerator(SEED + 7))) {
    const words = allWords.get(doc.id)!;
    const keys = drawWords(words, 3, 'tfidf', dfAll, documents.length, pastStream);
    queries.push({ model: 'past', text: typed(words, keys, false), target: doc, scope: 'all' });
  }
  return { queries, sampled: picked.length, eligible: eligible.length, pastEligible: pastEligible.length };
}

// ---------------------------------------------------------------------------------------------
// Ranking and measuring.

/** What a ranker answers: the articles in order, with the text shown first for each. */
interface Ranked {
  article: string;
  /** Ranges of the text shown first for the article (`from/to;…`). */
  ranges: string;
  /** Every document of the article that matched (for « the right version among those shown »). */
  matched: (doc: BenchDocument) => boolean;
}

interface Ranker {
  name: string;
  rank(query: Query): Promise<Ranked[]>;
  /**
   * Whether a first run warms what the next one reads (Palimpseste decodes a term's postings on
   * first use and keeps them): then the query is timed on a second run. The peers hold their whole
   * index decoded in memory: their first run is their warm one.
   */
  warms: boolean;
}

interface Outcome {
  /** Rank (1-based) of the target in the first 10, or 0. */
  rank: number;
  /** Past texts: the article is in the first 10 and the target text is among its matching texts. */
  versionShown: boolean;
  ms: number;
}

function outcome(ranked: readonly Ranked[], query: Query, elapsed: number): Outcome {
  const top = ranked.slice(0, TOP);
  const at = top.findIndex(
    (hit) => hit.article === query.target.article && (query.scope === 'in-force' || hit.ranges === query.target.ranges),
  );
  const shown = top.find((hit) => hit.article === query.target.article);
  return { rank: at + 1, versionShown: !!shown && shown.matched(query.target), ms: elapsed };
}

type EngineModule = typeof import('../../corpus/search/engine.ts');

async function palimpsesteRanker(manifest: Manifest): Promise<Ranker> {
  const { SearchEngine } = (await import(pathToFileURL(ENGINE).href)) as EngineModule;
  const engine = await SearchEngine.load(manifest.search, async (file) => readBundleText(DIST, file));
  await engine.textsLoaded();
  await engine.loadPast();
  const encode = (ranges: readonly { from: string; to?: string }[]) => ranges.map((r) => `${r.from}/${r.to ?? ''}`).join(';');
  return {
    name: 'Palimpseste',
    warms: true,
    async rank(query) {
      // The code being read is the target's: an engine that knows the reader's code may use it.
      const filters: SearchFilters & { preferCode?: string } = { limit: TOP, scope: query.scope, preferCode: query.target.code };
      const response: SearchResponse = await engine.search(query.text, filters);
      return response.results.map((result) => {
        const matched = new Set(result.matchedRanges.map((range) => `${range.from}/${range.to ?? ''}`));
        return {
          article: result.article,
          ranges: encode(result.ranges),
          matched: (doc) => doc.ranges.split(';').every((range) => matched.has(range)),
        };
      });
    },
  };
}

/** A peer's ranked documents, grouped by article (the article's first document is the one shown). */
function peerRanker(peer: Peer, documents: readonly BenchDocument[], scope: 'in-force' | 'all'): Ranker {
  return {
    name: peer.name,
    warms: false,
    async rank(query) {
      const ids = peer.search(query.text, scope === 'all' ? 200 : 50);
      const byArticle = new Map<string, { first: BenchDocument; docs: Set<number> }>();
      for (const id of ids) {
        const doc = documents[id]!;
        const entry = byArticle.get(doc.article);
        if (entry) entry.docs.add(id);
        else byArticle.set(doc.article, { first: doc, docs: new Set([id]) });
      }
      return [...byArticle.values()].map(({ first, docs }) => ({
        article: first.article,
        ranges: first.ranges,
        matched: (doc) => docs.has(doc.id),
      }));
    },
  };
}

async function run(ranker: Ranker, queries: readonly Query[]): Promise<Outcome[]> {
  const began = performance.now();
  const outcomes: Outcome[] = [];
  for (const query of queries) {
    if (ranker.warms) await ranker.rank(query);
    const started = performance.now();
    const ranked = await ranker.rank(query);
    outcomes.push(outcome(ranked, query, performance.now() - started));
  }
  console.log(`  ${ranker.name} : ${queries.length} requêtes en ${((performance.now() - began) / 1000).toFixed(1)} s`);
  return outcomes;
}

interface Figures {
  mrr: number;
  s1: number;
  s10: number;
  version: number;
  p50: number;
  p95: number;
  n: number;
}

function figures(outcomes: readonly Outcome[]): Figures {
  const n = outcomes.length;
  const mean = (f: (o: Outcome) => number) => outcomes.reduce((sum, o) => sum + f(o), 0) / Math.max(1, n);
  return {
    mrr: mean((o) => (o.rank ? 1 / o.rank : 0)),
    s1: mean((o) => (o.rank === 1 ? 1 : 0)),
    s10: mean((o) => (o.rank ? 1 : 0)),
    version: mean((o) => (o.versionShown ? 1 : 0)),
    p50: median(outcomes.map((o) => o.ms)),
    p95: percentile(
      outcomes.map((o) => o.ms),
      95,
    ),
    n,
  };
}

const pct = (value: number) => `${(value * 100).toFixed(1)} %`;

function indexBytes(manifest: Manifest): { current: number; past: number; texts: number } {
  // What the index weighs once read (the files are stored gzipped: `bundle-files.ts`).
  const size = (file: string) => Buffer.byteLength(readBundleText(DIST, file));
  let texts = 0;
  for (const file of [manifest.search.current, ...manifest.search.past])
    for (const chunk of readJson<ShardFile>(file).texts) texts += size(chunk.file);
  return { current: size(manifest.search.current), past: manifest.search.past.reduce((sum, file) => sum + size(file), 0), texts };
}

async function main(): Promise<void> {
  const manifestFile = path.join(DIST, 'manifest.json');
  if (!existsSync(manifestFile)) {
    console.log(`Pas de corpus compilé dans ${DIST} : lancez \`npm run corpus\` d’abord.`);
    return;
  }
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  const documents = readDocuments(manifest);
  const { queries, sampled, eligible, pastEligible } = drawQueries(documents);
  const current = documents.filter((doc) => doc.current);
  console.log(`Corpus : ${path.relative(root, DIST) || DIST} (compilé le ${manifest.builtAt}), moteur : ${path.relative(root, ENGINE)}`);
  console.log(
    `Documents : ${current.length} textes en vigueur, ${documents.length - current.length} autres ; ${sampled} articles en vigueur tirés sur ${eligible} (graine ${SEED}), ` +
      `${queries.filter((q) => q.model === 'past').length} textes passés sur ${pastEligible} ; ${queries.length} requêtes.`,
  );
  console.log(
    `Charge de la machine : ${loadavg()
      .map((v) => v.toFixed(1))
      .join(' / ')} (machine partagée : les temps en dépendent).`,
  );

  const inForce = queries.filter((q) => q.scope === 'in-force');
  const past = queries.filter((q) => q.scope === 'all');
  const results = new Map<string, Map<string, Outcome[]>>();
  const record = (name: string, outcomes: readonly Outcome[], subset: readonly Query[]) => {
    const byModel = results.get(name) ?? new Map<string, Outcome[]>();
    subset.forEach((query, i) => byModel.set(query.model, [...(byModel.get(query.model) ?? []), outcomes[i]!]));
    results.set(name, byModel);
  };

  if (OURS) {
    const ours = await palimpsesteRanker(manifest);
    record(ours.name, await run(ours, inForce), inForce);
    record(ours.name, await run(ours, past), past);
  }

  const timed = async <T>(label: string, build: () => T): Promise<T> => {
    const started = performance.now();
    const value = build();
    console.log(`  ${label} : ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return value;
  };
  const peerDocs = (docs: readonly BenchDocument[]): PeerDocument[] =>
    docs.map((doc) => ({ id: doc.id, num: doc.num, titles: doc.titles, text: doc.text }));
  if (PEERS) console.log('Index des pairs (droit en vigueur, puis tous les textes) :');
  for (const [docs, subset, scope] of PEERS
    ? ([[current, inForce, 'in-force'], ...(FAST_PEERS ? [] : [[documents, past, 'all'] as const])] as const)
    : []) {
    const input = peerDocs(docs);
    const mini = await timed(`MiniSearch, ${input.length} documents`, () => buildMiniSearch(input));
    for (const peer of miniSearchPeers(mini).slice(0, FAST_PEERS ? 1 : 2))
      record(peer.name, await run(peerRanker(peer, documents, scope), subset), subset);
    const flex = await timed('FlexSearch', () => flexSearchPeer(input));
    record(flex.name, await run(peerRanker(flex, documents, scope), subset), subset);
    const lunrIndex = await timed('lunr', () => lunrPeer(input));
    record(lunrIndex.name, await run(peerRanker(lunrIndex, documents, scope), subset), subset);
  }

  const names = [...results.keys()];
  const rows: string[][] = [['modèle de requête', 'moteur', 'n', 'MRR@10', 'succès@1', 'succès@10', 'p50', 'p95', '']];
  for (const model of MODELS) {
    for (const name of names) {
      const outcomes = results.get(name)?.get(model.key);
      if (!outcomes?.length) continue;
      const f = figures(outcomes);
      const best = Math.max(...names.map((other) => figures(results.get(other)?.get(model.key) ?? []).mrr));
      const note = model.key === 'past' ? `version parmi celles montrées : ${pct(f.version)}` : f.mrr === best ? 'meilleur' : '';
      rows.push([
        name === names[0] ? model.label : '',
        name,
        String(f.n),
        f.mrr.toFixed(3),
        pct(f.s1),
        pct(f.s10),
        ms(f.p50),
        ms(f.p95),
        note,
      ]);
    }
  }
  printTable(rows);
  const sizes = indexBytes(manifest);
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
  console.log(`Index Palimpseste : en vigueur ${mb(sizes.current)}, passé ${mb(sizes.past)} (textes stockés à part : ${mb(sizes.texts)}).`);
}

await main();
