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
 * Two sets of queries: the reported one (seed 20070723, the default) and a development one
 * (SEARCH_QUALITY_SET=dev, another seed) on which the engine's parameters are tuned, so that the
 * figures reported are not those of the queries the engine was tuned on. SEARCH_QUALITY_SEED:
 * any other draw. SEARCH_QUALITY_ARTICLES / SEARCH_QUALITY_PAST: sample sizes.
 *
 * The peers' answers depend only on the documents, the queries and their settings: they are run
 * once and kept in `corpus/cache/search-quality/` (`search-quality-cache.ts`); the table shows
 * them beside ours and says which come from the cache. SEARCH_QUALITY_PEERS=run runs them again,
 * =none leaves them out; SEARCH_QUALITY_OURS=none runs the peers alone.
 * SEARCH_QUALITY_INDEX=build rebuilds our index in memory from the bundle's articles with the
 * working tree's builder (`search-quality-corpus.ts`): a change to the index is measured without
 * `npm run corpus`. SEARCH_QUALITY_ENGINE=<path of engine.ts> runs another checkout's engine on
 * the same queries (the « before » column of a change). SEARCH_QUALITY_SHOW=<model key> lists the
 * queries of that model whose target is not first, with what came first (development set only:
 * the reported queries are not looked at one by one).
 *
 * Beside the engines, the ceiling (`search-quality-ceiling.ts`): the figures of a ranking that
 * knows how the queries were drawn, which no engine can beat on average; a target above it cannot
 * be met by any engine, and the gap between an engine and it is what ranking can still gain.
 *
 * Run: `npm run bench -- search-quality`.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SearchFilters, SearchResponse } from '../../corpus/search/search-types.ts';
import { median, ms, percentile, printTable } from './table.ts';
import { fingerprint, PeerCache, type Outcome } from './search-quality-cache.ts';
import { openBundle, readDocuments, type BenchBundle, type BenchDocument, type ShardFile } from './search-quality-corpus.ts';
import { drawQueries, MODELS, type Query } from './search-quality-queries.ts';
import { ceilingOutcomes, type CeilingOutcome } from './search-quality-ceiling.ts';
import { buildMiniSearch, flexSearchPeer, lunrPeer, miniSearchPeers, type Peer, type PeerDocument } from './search-quality-peers.ts';

const root = path.resolve(import.meta.dirname, '../..');
const DIST = process.env.SEARCH_BENCH_BUNDLE ? path.resolve(process.env.SEARCH_BENCH_BUNDLE) : path.join(root, 'corpus/dist');
const ENGINE = process.env.SEARCH_QUALITY_ENGINE
  ? path.resolve(process.env.SEARCH_QUALITY_ENGINE)
  : path.join(root, 'corpus/search/engine.ts');
const ARTICLES = Number(process.env.SEARCH_QUALITY_ARTICLES ?? 300);
/** The seed of the reported figures, and that of the development set the engine is tuned on. */
const REPORT_SEED = 20070723;
const DEV_SEED = 19980824;
const DEV = process.env.SEARCH_QUALITY_SET === 'dev';
const SEED = Number(process.env.SEARCH_QUALITY_SEED ?? (DEV ? DEV_SEED : REPORT_SEED));
/** none: Palimpseste alone; run: the peers run again (their cache refreshed); otherwise from the cache. */
const PEERS = process.env.SEARCH_QUALITY_PEERS ?? 'cache';
/** SEARCH_QUALITY_OURS=none: the peers alone (their figures depend only on the documents and queries). */
const OURS = process.env.SEARCH_QUALITY_OURS !== 'none';
const REBUILD = process.env.SEARCH_QUALITY_INDEX === 'build';
const SHOW = process.env.SEARCH_QUALITY_SHOW;
const PAST = Number(process.env.SEARCH_QUALITY_PAST ?? 300);
const TOP = 10;
const CACHE = new PeerCache(path.join(root, 'corpus/cache/search-quality'));

// ---------------------------------------------------------------------------------------------
// Ranking and measuring.

/** What a ranker answers: the articles in order, with the text shown first for each. */
interface Ranked {
  article: string;
  /** Ranges of the text shown first for the article (`from/to;…`). */
  ranges: string;
  /** Every document of the article that matched (for « the right version among those shown »). */
  matched: (doc: BenchDocument) => boolean;
  /** Its number and code, for the list of SEARCH_QUALITY_SHOW. */
  label: string;
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

function outcome(ranked: readonly Ranked[], query: Query, elapsed: number): Outcome {
  const top = ranked.slice(0, TOP);
  const at = top.findIndex(
    (hit) => hit.article === query.target.article && (query.scope === 'in-force' || hit.ranges === query.target.ranges),
  );
  const shown = top.find((hit) => hit.article === query.target.article);
  return { rank: at + 1, versionShown: !!shown && shown.matched(query.target), ms: elapsed };
}

type EngineModule = typeof import('../../corpus/search/engine.ts');

async function palimpsesteRanker(bundle: BenchBundle): Promise<Ranker> {
  const { SearchEngine } = (await import(pathToFileURL(ENGINE).href)) as EngineModule;
  const engine = await SearchEngine.load(bundle.search, async (file) => bundle.read(file));
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
          label: `${result.num} (${result.code}${result.inForce ? '' : `, ${encode(result.ranges)}`})`,
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
        label: `${first.num} (${first.code})`,
      }));
    },
  };
}

const machineLoad = () =>
  loadavg()
    .map((v) => v.toFixed(1))
    .join(' / ');

async function run(
  ranker: Ranker,
  queries: readonly Query[],
  show?: (query: Query, ranked: readonly Ranked[]) => void,
): Promise<Outcome[]> {
  const began = performance.now();
  const outcomes: Outcome[] = [];
  for (const query of queries) {
    if (ranker.warms) await ranker.rank(query);
    const started = performance.now();
    const ranked = await ranker.rank(query);
    outcomes.push(outcome(ranked, query, performance.now() - started));
    show?.(query, ranked);
  }
  console.log(
    `  ${ranker.name} : ${queries.length} requêtes en ${((performance.now() - began) / 1000).toFixed(1)} s (charge ${machineLoad()})`,
  );
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

function indexBytes(bundle: BenchBundle): { current: number; past: number; texts: number } {
  let texts = 0;
  const files = [bundle.search.current, ...bundle.search.past];
  for (const file of files) for (const chunk of (JSON.parse(bundle.read(file)) as ShardFile).texts) texts += bundle.size(chunk.file);
  return {
    current: bundle.size(bundle.search.current),
    past: bundle.search.past.reduce((sum, file) => sum + bundle.size(file), 0),
    texts,
  };
}

/** Lists a query whose target is not first (SEARCH_QUALITY_SHOW, development set only). */
function shower(model: string | undefined): ((query: Query, ranked: readonly Ranked[]) => void) | undefined {
  if (!model) return undefined;
  if (!DEV && process.env.SEARCH_QUALITY_SEED === undefined) {
    console.log('SEARCH_QUALITY_SHOW ignoré : les requêtes rapportées ne se regardent pas une à une (SEARCH_QUALITY_SET=dev).');
    return undefined;
  }
  return (query, ranked) => {
    if (query.model !== model) return;
    const at = ranked.findIndex(
      (hit) => hit.article === query.target.article && (query.scope === 'in-force' || hit.ranges === query.target.ranges),
    );
    if (at === 0) return;
    console.log(
      `« ${query.text} » → ${query.target.num} (${query.target.code}${query.scope === 'all' ? `, ${query.target.ranges}` : ''}) au rang ${at < 0 ? '>10' : at + 1} ; ` +
        `devant : ${ranked
          .slice(0, Math.max(1, Math.min(3, at < 0 ? 3 : at)))
          .map((hit) => hit.label)
          .join(', ')}`,
    );
  };
}

async function main(): Promise<void> {
  if (!existsSync(path.join(DIST, 'manifest.json'))) {
    console.log(`Pas de corpus compilé dans ${DIST} : lancez \`npm run corpus\` d’abord.`);
    return;
  }
  const bundle = await openBundle(DIST, REBUILD);
  const documents = readDocuments(bundle);
  const { queries, sampled, eligible, pastEligible, draws } = drawQueries(documents, { seed: SEED, articles: ARTICLES, past: PAST });
  const current = documents.filter((doc) => doc.current);
  console.log(
    `Corpus : ${path.relative(root, DIST) || DIST} (compilé le ${bundle.manifest.builtAt}), ${bundle.origin} ; moteur : ${path.relative(root, ENGINE)}`,
  );
  console.log(
    `Documents : ${current.length} textes en vigueur, ${documents.length - current.length} autres ; ${sampled} articles en vigueur tirés sur ${eligible} ` +
      `(graine ${SEED}, ${DEV ? 'jeu de mise au point' : SEED === REPORT_SEED ? 'jeu rapporté' : 'autre tirage'}), ` +
      `${queries.filter((q) => q.model === 'past').length} textes passés sur ${pastEligible} ; ${queries.length} requêtes.`,
  );
  console.log(`Charge de la machine : ${machineLoad()} (machine partagée : les temps en dépendent).`);

  const inForce = queries.filter((q) => q.scope === 'in-force');
  const past = queries.filter((q) => q.scope === 'all');
  const results = new Map<string, Map<string, Outcome[]>>();
  const cachedNote = new Map<string, string>();
  const record = (name: string, outcomes: readonly Outcome[], subset: readonly Query[]) => {
    const byModel = results.get(name) ?? new Map<string, Outcome[]>();
    subset.forEach((query, i) => byModel.set(query.model, [...(byModel.get(query.model) ?? []), outcomes[i]!]));
    results.set(name, byModel);
  };

  if (OURS) {
    const ours = await palimpsesteRanker(bundle);
    const show = shower(SHOW);
    record(ours.name, await run(ours, inForce, show), inForce);
    record(ours.name, await run(ours, past, show), past);
  }

  // The peers' cache keys: what they index and what they are asked (not our engine's code).
  const documentsKey = (docs: readonly BenchDocument[]) =>
    fingerprint(docs.flatMap((doc) => [String(doc.id), doc.article, doc.num, doc.ranges, doc.titles, doc.text]));
  const queriesKey = (subset: readonly Query[]) => fingerprint(subset.flatMap((q) => [q.model, q.text, String(q.target.id), q.scope]));
  const peerDocs = (docs: readonly BenchDocument[]): PeerDocument[] =>
    docs.map((doc) => ({ id: doc.id, num: doc.num, titles: doc.titles, text: doc.text }));
  if (PEERS !== 'none') {
    for (const [docs, subset, scope] of [
      [current, inForce, 'in-force'],
      [documents, past, 'all'],
    ] as const) {
      const docsKey = documentsKey(docs);
      const subsetKey = queriesKey(subset);
      // Indexes are built only for the peers whose answers are not in the cache.
      let input: PeerDocument[] | undefined;
      let mini: ReturnType<typeof buildMiniSearch> | undefined;
      const builds: { name: string; peer: () => Peer }[] = [
        ...[0, 1].map((which) => ({
          name: ['MiniSearch (défaut, BM25+)', 'MiniSearch (préfixe + flou 0,2, maxFuzzy 2)'][which]!,
          peer: () => {
            input ??= peerDocs(docs);
            mini ??= buildMiniSearch(input);
            return miniSearchPeers(mini)[which]!;
          },
        })),
        { name: 'FlexSearch (défaut)', peer: () => flexSearchPeer((input ??= peerDocs(docs))) },
        { name: 'lunr + lunr-languages fr', peer: () => lunrPeer((input ??= peerDocs(docs))) },
      ];
      for (const { name, peer } of builds) {
        const cached = PEERS === 'run' ? undefined : CACHE.get(name, docsKey, subsetKey, subset.length);
        if (cached) {
          record(name, cached.outcomes, subset);
          cachedNote.set(name, `cache du ${cached.ranAt.slice(0, 16).replace('T', ' ')}, charge ${cached.load}`);
          continue;
        }
        const started = performance.now();
        const built = peer();
        console.log(`  index ${name}, ${docs.length} documents : ${((performance.now() - started) / 1000).toFixed(1)} s`);
        if (built.name !== name) throw new Error(`pair ${built.name} rangé sous ${name}`);
        const load = machineLoad();
        const outcomes = await run(peerRanker(built, documents, scope), subset);
        CACHE.set(name, docsKey, subsetKey, { peer: name, ranAt: new Date().toISOString(), load, outcomes });
        record(name, outcomes, subset);
      }
      mini = undefined;
      input = undefined;
    }
  }

  const names = [...results.keys()];
  const started = performance.now();
  const ceiling = ceilingOutcomes(queries, draws, (id) => documents[id]!.article);
  const ceilingSeconds = ((performance.now() - started) / 1000).toFixed(1);
  const rows: string[][] = [
    [
      'modèle de requête',
      'moteur',
      'n',
      'MRR@10',
      'succès@1',
      'succès@10',
      'version montrée',
      'p50',
      'p95',
      'écart au meilleur pair (MRR)',
    ],
  ];
  for (const model of MODELS) {
    const byName = new Map(names.map((name) => [name, figures(results.get(name)?.get(model.key) ?? [])]));
    const peerBest = [...byName].filter(([name, f]) => name !== 'Palimpseste' && f.n > 0).sort((a, b) => b[1].mrr - a[1].mrr)[0];
    let first = true;
    for (const name of names) {
      const f = byName.get(name)!;
      if (!f.n) continue;
      const margin =
        name === 'Palimpseste' && peerBest
          ? `${f.mrr - peerBest[1].mrr >= 0 ? '+' : '−'}${Math.abs(f.mrr - peerBest[1].mrr).toFixed(3)} (${peerBest[0]})`
          : '';
      rows.push([
        first ? model.label : '',
        name + (cachedNote.has(name) ? ' *' : ''),
        String(f.n),
        f.mrr.toFixed(3),
        pct(f.s1),
        pct(f.s10),
        model.key === 'past' ? pct(f.version) : '',
        ms(f.p50),
        ms(f.p95),
        margin,
      ]);
      first = false;
    }
    const bound = queries.flatMap((query, i) => (query.model === model.key && ceiling[i] ? [ceiling[i]] : []));
    if (bound.length) {
      const mean = (pick: (c: CeilingOutcome) => number) => bound.reduce((sum, c) => sum + pick(c), 0) / bound.length;
      rows.push([
        '',
        'plafond (tirage connu) †',
        String(bound.length),
        mean((c) => c.rr).toFixed(3),
        pct(mean((c) => c.s1)),
        pct(mean((c) => c.s10)),
        '',
        '',
        '',
        '',
      ]);
    }
  }
  printTable(rows);
  for (const [name, note] of cachedNote) console.log(`* ${name} : réponses lues du cache (${note}) ; temps mesurés alors.`);
  console.log(
    `† Plafond : le classement par la probabilité que chaque document ait tiré ces mots (le tirage des requêtes, connu de lui seul ; ` +
      `égalités au hasard ; (iv) sans la faute) : ce qu’aucun moteur ne peut dépasser en moyenne (${ceilingSeconds} s).`,
  );

  // Where we miss, do the peers find it? Per model: queries whose target is not first for us, and
  // among them those that no peer puts first either (the words are shared by several articles).
  const ours = results.get('Palimpseste');
  const peers = names.filter((name) => name !== 'Palimpseste');
  if (ours && peers.length) {
    const misses: string[][] = [
      ['modèle de requête', 'n', 'pas en tête chez nous', 'dont aucun pair en tête', 'en tête chez nous, chez aucun pair'],
    ];
    for (const model of MODELS) {
      const mine = ours.get(model.key);
      if (!mine?.length) continue;
      const theirs = peers.map((name) => results.get(name)?.get(model.key) ?? []);
      let missed = 0;
      let missedByAll = 0;
      let onlyOurs = 0;
      mine.forEach((o, i) => {
        const peerFirst = theirs.some((list) => list[i]?.rank === 1);
        if (o.rank !== 1) {
          missed++;
          if (!peerFirst) missedByAll++;
        } else if (!peerFirst) onlyOurs++;
      });
      misses.push([model.label, String(mine.length), String(missed), String(missedByAll), String(onlyOurs)]);
    }
    printTable(misses);
  }
  const sizes = indexBytes(bundle);
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
  console.log(`Index Palimpseste : en vigueur ${mb(sizes.current)}, passé ${mb(sizes.past)} (textes stockés à part : ${mb(sizes.texts)}).`);
}

await main();
