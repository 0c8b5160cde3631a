/**
 * The search engine the reader runs in a Web Worker (and the tests and benchmark run in Node):
 * loads the shards written by `buildSearchIndexes`, answers a query with ranked, filtered,
 * highlighted results.
 *
 * How a query runs (see `shard-format.ts` for why the index is packed):
 * 1. the query is parsed (`query.ts`): an article number, or terms, phrases, references;
 * 2. an article number is looked up exactly (among the numbers each article bore too: D7122-10
 *    finds R7122-10), then as a former article taken up by others (L122-14-3 → L1232-1…), then as
 *    a family (`L611-3` → `L611-3-1`), then as a reference cited in texts; words are searched as
 *    required terms: the shortest posting list first, intersected with the others, each document
 *    scored as lunr scores it (the sum of the terms' BM25 weights over the norm of the query
 *    vector), plus the titles above it; the best candidates' texts are then read for the very
 *    forms typed, weighed by their own rarity, and for the nearness of the words
 *    (`text-evidence.ts`);
 * 3. filters (code, part, scope, date) apply to the documents' metadata, phrases and references
 *    are checked on the stored text, documents are grouped by article (the best text shown, the
 *    dates of every matching text listed);
 * 4. only the page of results asked for gets its snippet.
 * The cost is the length of the posting lists read, not the size of the corpus: the law in force
 * and the past versions are separate shards, and the past ones are only read when asked for.
 *
 * Stored texts: those of the law in force load in the background and stay. Those of the past
 * versions (twice as much text, mostly never shown) load only when a search needs them — the
 * snippets of the page shown, the phrases to check on candidate documents — chunk by chunk into a
 * cache bounded in characters; phrase checks are remembered, so that the next page or the same
 * query again does not read the chunks a second time.
 */
import type { SearchManifest } from '../model/bundle.ts';
import type { IsoDate } from '../model/model.ts';
import { firstSorted } from '../util/first-sorted.ts';
import { LruCache } from '../util/lru-cache.ts';
import { rangeCovers } from '../model/timeline.ts';
import { lunr } from './french-analysis.ts';
import { matchSpans, queryMatcher, snippet } from './highlight.ts';
import { LoadedShard, readJson, SearchIndexFileError, SearchIndexVersionError, type ChunkStore, type ReadFile } from './loaded-shard.ts';

export { SearchIndexFileError, SearchIndexVersionError, type ReadFile };
import { occursIn, phrasePattern, referenceTest } from './patterns.ts';
import { isEmptyQuery, parseQuery, type ParsedQuery, type QueryTerm } from './query.ts';
import type { MatchKind, SearchFacets, SearchFilters, SearchResponse, SearchResult } from './search-types.ts';
import { evidenceFactor, evidenceQuery, FORM_WEIGHT, formIdf, formScore, textEvidence } from './text-evidence.ts';
import { correctTypos } from './typos.ts';
import { SEARCH_SCHEMA_VERSION, SHARD_FORMAT, type PackedShard } from './shard-format.ts';

/** Results per page unless asked otherwise: a screenful; the list asks for the next page. */
const DEFAULT_LIMIT = 20;

/**
 * Characters of past texts kept parsed (about 80 of their ~580 chunks of 100,000): the texts a
 * reader pages through stay, without the whole history in the worker's memory.
 */
const PAST_TEXT_CHARS = 8_000_000;

/** Phrase and reference checks remembered, in documents checked (a few megabytes at most). */
const PHRASE_CHECKS = 200_000;

/**
 * Characters of past texts shown in results kept apart from their chunks: a page of results spans
 * more chunks than the chunk cache holds, and the same page comes back (next keystroke, date).
 */
const SHOWN_TEXT_CHARS = 2_000_000;

/** Checks a parsed shard against this code: format, schema, lunr version, pipeline functions. */
export function checkShard(value: unknown, file: string): PackedShard {
  const shard = value as Partial<PackedShard> | null;
  if (!shard || typeof shard !== 'object' || shard.format !== SHARD_FORMAT)
    throw new SearchIndexFileError(file, 'pas un fichier d’index de recherche');
  if (shard.schema !== SEARCH_SCHEMA_VERSION)
    throw new SearchIndexVersionError(`${file} : schéma ${shard.schema}, attendu ${SEARCH_SCHEMA_VERSION}`);
  if (shard.lunrVersion !== lunr.version) throw new SearchIndexVersionError(`${file} : Lunr ${shard.lunrVersion}, attendu ${lunr.version}`);
  const registered = (lunr.Pipeline as unknown as { registeredFunctions: Record<string, unknown> }).registeredFunctions;
  const missing = (shard.pipeline ?? []).filter((label) => !(label in registered));
  if (missing.length) throw new SearchIndexVersionError(`${file} : fonctions d’analyse inconnues ${missing.join(', ')}`);
  const docs = shard.docs;
  if (
    !docs ||
    !Array.isArray(docs.article) ||
    !Array.isArray(shard.texts) ||
    !Array.isArray(shard.terms) ||
    !Array.isArray(shard.postings) ||
    shard.terms.length !== shard.postings.length ||
    !shard.sections ||
    !Array.isArray(shard.sections.terms) ||
    !Array.isArray(docs.section) ||
    !Array.isArray(docs.formerNums) ||
    !Array.isArray(docs.takesUp) ||
    !shard.forms ||
    !Array.isArray(shard.forms.words) ||
    !Array.isArray(shard.forms.df)
  ) {
    throw new SearchIndexFileError(file, 'contenu incomplet');
  }
  return shard as PackedShard;
}

async function readShard(file: string, readFile: ReadFile, chunkStore?: ChunkStore): Promise<LoadedShard> {
  return new LoadedShard(file, checkShard(await readJson(file, readFile), file), readFile, chunkStore);
}

/** Documents with their summed weights (× 1000), sorted by document. */
interface Scored {
  docs: Int32Array;
  weights: Float64Array;
}

/** The union of two sorted posting lists, weights added. */
function merge(a: Scored, b: Scored): Scored {
  const docs = new Int32Array(a.docs.length + b.docs.length);
  const weights = new Float64Array(docs.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.docs.length || j < b.docs.length) {
    const docA = i < a.docs.length ? a.docs[i]! : Number.MAX_SAFE_INTEGER;
    const docB = j < b.docs.length ? b.docs[j]! : Number.MAX_SAFE_INTEGER;
    if (docA === docB) {
      docs[n] = docA;
      weights[n++] = a.weights[i++]! + b.weights[j++]!;
    } else if (docA < docB) {
      docs[n] = docA;
      weights[n++] = a.weights[i++]!;
    } else {
      docs[n] = docB;
      weights[n++] = b.weights[j++]!;
    }
  }
  return { docs: docs.subarray(0, n), weights: weights.subarray(0, n) };
}

/** The union of several posting lists (a prefix's terms, a word's text and titles), weights added. */
function union(lists: readonly { docs: Int32Array; weights: ArrayLike<number> }[]): Scored {
  const scored: Scored[] = lists.map((list) => ({ docs: list.docs, weights: Float64Array.from(list.weights) }));
  if (scored.length === 0) return { docs: new Int32Array(0), weights: new Float64Array(0) };
  // Pairwise, smallest first: a prefix may stand for hundreds of terms.
  while (scored.length > 1) {
    scored.sort((x, y) => x.docs.length - y.docs.length);
    scored.splice(0, 2, merge(scored[0]!, scored[1]!));
  }
  return scored[0]!;
}

/** Documents in both, weights added; binary search in the longer list when it is much longer. */
function intersect(a: Scored, b: Scored): Scored {
  const docs: number[] = [];
  const weights: number[] = [];
  if (b.docs.length > 8 * a.docs.length) {
    let low = 0;
    for (let i = 0; i < a.docs.length; i++) {
      const doc = a.docs[i]!;
      let high = b.docs.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (b.docs[middle]! < doc) low = middle + 1;
        else high = middle;
      }
      if (low < b.docs.length && b.docs[low] === doc) {
        docs.push(doc);
        weights.push(a.weights[i]! + b.weights[low]!);
      }
    }
  } else {
    let j = 0;
    for (let i = 0; i < a.docs.length; i++) {
      const doc = a.docs[i]!;
      while (j < b.docs.length && b.docs[j]! < doc) j++;
      if (j < b.docs.length && b.docs[j] === doc) {
        docs.push(doc);
        weights.push(a.weights[i]! + b.weights[j]!);
      }
    }
  }
  return { docs: Int32Array.from(docs), weights: Float64Array.from(weights) };
}

interface Candidate {
  shard: LoadedShard;
  doc: number;
  match: MatchKind;
  score: number;
  /** The number searched, for a number match: the result says which former number it was found by. */
  num?: string;
  /** The part of the score that the titles above the article give (`titleWeights`). */
  titles?: number;
}

/**
 * The terms a prefix stands for: those that start with it, and the stems it starts with (the index
 * holds stems: « cotisat* » must find « cotis », the stem of « cotisation »), four letters at least.
 */
function prefixTermSlots(shard: LoadedShard, prefix: string): number[] {
  const slots = new Set(shard.prefixSlots(prefix));
  for (let length = 4; length < prefix.length; length++) {
    const slot = shard.termSlot(prefix.slice(0, length));
    if (slot >= 0) slots.add(slot);
  }
  return [...slots];
}

/**
 * A word of the titles above an article adds to its score as a word of its text found once would,
 * times this: enough to bring the articles of a section named by the query to the top among those
 * whose texts have the words, not so much that a title outweighs the text itself (the query is
 * mostly words of the text the user has in mind).
 */
const TITLE_WEIGHT = 0.5;

/** How many times the titles weigh again when the forms of a text are read (`weighEvidence`). */
const TITLES_WITH_FORMS = 2;

/** The title weight of each term of a query in a shard (0 where no title has it). */
function titleWeights(shard: LoadedShard, terms: readonly QueryTerm[]): { sections: ReadonlySet<number>; weight: number }[] {
  const sections = shard.sectionCount;
  return terms.flatMap((term) => {
    if (term.prefix || term.inPattern) return [];
    const slot = shard.titleTermSlot(term.term);
    if (slot < 0) return [];
    const withTerm = shard.titleTermSections(slot);
    const idf = Math.log(1 + Math.abs((sections - withTerm.size + 0.5) / (withTerm.size + 0.5)));
    return [{ sections: withTerm, weight: TITLE_WEIGHT * idf * 1000 }];
  });
}

/** The candidates of each shard, in their order. */
function byShard(candidates: readonly Candidate[]): Map<LoadedShard, Candidate[]> {
  const groups = new Map<LoadedShard, Candidate[]>();
  for (const candidate of candidates) {
    const group = groups.get(candidate.shard);
    if (group) group.push(candidate);
    else groups.set(candidate.shard, [candidate]);
  }
  return groups;
}

/**
 * The article of the number first (the former article itself, « L. 122-14-3 »), then the articles
 * that replaced it (the law in force the lawyer citing an old number is after), then the number's
 * family, then texts.
 */
const TIER: Record<MatchKind, number> = { number: 0, replacing: 1, 'number-family': 2, text: 3 };

/** When the text was last in force (its latest start): the more recent text is shown first. */
function latestStart(candidate: Candidate): string {
  const ranges = candidate.shard.dateRanges(candidate.doc);
  return ranges[ranges.length - 1]?.from ?? '';
}

/** Index order: codes, then their articles in the order of their tables of contents. */
function indexOrder(a: Candidate, b: Candidate): number {
  return a.shard.file < b.shard.file ? -1 : a.shard.file > b.shard.file ? 1 : a.doc - b.doc;
}

/** Number matches: the code being read first, then the others in the order of the index. */
function preferredFirst(a: Candidate, b: Candidate, preferred: string | undefined): number {
  if (preferred === undefined || a.match === 'text') return 0;
  return Number(a.shard.code(a.doc) !== preferred) - Number(b.shard.code(b.doc) !== preferred);
}

/**
 * Texts, best first: number matches (the code being read first), then family, then text; higher
 * score; the text in force, then the most recent text; then the order of the index. The first
 * text of an article is the one its result shows.
 */
function compareCandidates(a: Candidate, b: Candidate, preferred?: string): number {
  if (TIER[a.match] !== TIER[b.match]) return TIER[a.match] - TIER[b.match];
  const code = preferredFirst(a, b, preferred);
  if (code !== 0) return code;
  if (a.score !== b.score) return b.score - a.score;
  const current = (a.shard.collection === 'current' ? 0 : 1) - (b.shard.collection === 'current' ? 0 : 1);
  if (current !== 0) return current;
  if (a.shard.article(a.doc) === b.shard.article(b.doc)) {
    const [startA, startB] = [latestStart(a), latestStart(b)];
    if (startA !== startB) return startA < startB ? 1 : -1;
  }
  return indexOrder(a, b);
}

/**
 * Articles searched over other versions than the law in force (« toutes versions », a date):
 * an article in force before a repealed one of comparable score. A factor rather than a tier: the
 * repealed article whose words were typed still comes before in-force ones that merely share some.
 */
const REPEALED_WEIGHT = 0.8;

/**
 * The rank of an article's best text among the articles (`compareArticles`), computed once per
 * article: over every version a common word matches some 12,000 articles, and a comparator that
 * recomputed each weight took most of the search (p95 over all versions 94 ms, half of it there).
 */
interface ArticleRank {
  group: Candidate[];
  tier: number;
  /** 1 for a number match outside the code being read. */
  otherCode: number;
  /** The score, lowered for a repealed article. */
  weighted: number;
  repealed: number;
}

function articleRank(group: Candidate[], preferred: string | undefined): ArticleRank {
  const best = group[0]!;
  const repealed = best.shard.state(best.doc) !== 'in-force';
  return {
    group,
    tier: TIER[best.match],
    otherCode: preferred !== undefined && best.match !== 'text' && best.shard.code(best.doc) !== preferred ? 1 : 0,
    weighted: best.score * (repealed ? REPEALED_WEIGHT : 1),
    repealed: Number(repealed),
  };
}

function compareArticles(a: ArticleRank, b: ArticleRank): number {
  if (a.tier !== b.tier) return a.tier - b.tier;
  if (a.otherCode !== b.otherCode) return a.otherCode - b.otherCode;
  if (a.weighted !== b.weighted) return b.weighted - a.weighted;
  return a.repealed !== b.repealed ? a.repealed - b.repealed : indexOrder(a.group[0]!, b.group[0]!);
}

/**
 * One group per article, its best text first (`compareCandidates`), in no order: the page shown
 * is taken from them by `firstSorted`. One pass, rather than a sort of every text: the order
 * within a group matters only for its first.
 */
function groupByArticle(candidates: readonly Candidate[], preferred: string | undefined): Candidate[][] {
  // Texts of the law in force alone: one per article already (the common case, kept cheap).
  if (candidates.every((candidate) => candidate.match === 'text' && candidate.shard.collection === 'current'))
    return candidates.map((candidate) => [candidate]);
  const groups = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    const key = candidate.shard.article(candidate.doc);
    const group = groups.get(key);
    if (!group) groups.set(key, [candidate]);
    else {
      group.push(candidate);
      // Strictly better only: of equal texts the first found stays first, as a stable sort keeps it.
      if (compareCandidates(candidate, group[0]!, preferred) < 0) {
        group[group.length - 1] = group[0]!;
        group[0] = candidate;
      }
    }
  }
  return [...groups.values()];
}

/** Matching articles per code and part (an article's texts counted once). */
function facets(candidates: readonly Candidate[]): SearchFacets {
  const counted = new Set<string>();
  const out: SearchFacets = { codes: {}, parts: {} };
  for (const { shard, doc } of candidates) {
    // In the law in force an article has one text: no need to remember it.
    if (shard.collection !== 'current') {
      const key = shard.article(doc);
      if (counted.has(key)) continue;
      counted.add(key);
    }
    const code = shard.code(doc);
    const part = shard.part(doc);
    out.codes[code] = (out.codes[code] ?? 0) + 1;
    out.parts[part] = (out.parts[part] ?? 0) + 1;
  }
  return out;
}

/**
 * Texts whose evidence is read over the law in force (their texts are in memory): enough for
 * several pages of results, few enough to stay fast; the forms typed are weighed there only.
 * Over other versions, fewer, and no forms: on the benchmark's development queries the forms
 * lowered the past texts' MRR (0.465 → 0.44: the versions of one article share their forms, and
 * the counts of a past shard are estimates), where they raised every model of the law in force.
 */
const EVIDENCE_READ = 100;
const EVIDENCE_READ_OTHER = 40;
/** …of which past texts whose chunk is not in memory (reading one costs a chunk parse). */
const EVIDENCE_READ_PAST = 12;

/** Candidates first sorted for `weighEvidence`: enough for its lists whatever it skips, most often. */
const EVIDENCE_POOL = 400;

/** Best score first; of equal scores, the order given (`firstSorted` keeps it). */
const byScore = (a: Candidate, b: Candidate) => b.score - a.score;

/** The terms of a query as the texts are read for them, with the forms typed. */
function evidenceTerms(parsed: ParsedQuery) {
  const terms = parsed.terms
    .filter((term) => !term.prefix && !term.inPattern)
    .map((term) => ({ term: term.term, forms: parsed.typed.filter((typed) => typed.term === term.term).map((typed) => typed.word) }));
  return evidenceQuery(terms);
}

export interface LoadOptions {
  /** Load the stored texts of the law in force in the background right away (default true). */
  prefetchTexts?: boolean;
  /**
   * Rank by the text's lunr scores alone, as lunr itself would (no titles, no text evidence, no
   * typo reading): how the tests show that the packed index is the lunr index.
   */
  lunrScoresOnly?: boolean;
}

export class SearchEngine {
  private readonly shards: LoadedShard[] = [];
  private pastLoading: Promise<void> | undefined;
  private pastDone = false;
  private currentTexts: Promise<void> = Promise.resolve();
  private readonly pastTexts = new LruCache<string, readonly string[]>({
    maxWeight: PAST_TEXT_CHARS,
    weigh: (texts) => texts.reduce((sum, text) => sum + text.length, 0),
  });
  /** By shard and patterns: whether each document checked has them all. */
  private readonly phraseChecks = new LruCache<string, Map<number, boolean>>({ maxWeight: PHRASE_CHECKS, weigh: (checks) => checks.size });
  /** Past texts shown in results, by `file#doc`. */
  private readonly shownTexts = new LruCache<string, string>({ maxWeight: SHOWN_TEXT_CHARS, weigh: (text) => text.length });

  private constructor(
    readonly manifest: SearchManifest,
    private readonly readFile: ReadFile,
    /** The build date: what « in force » means. */
    readonly asOf: IsoDate,
    private readonly lunrScoresOnly = false,
  ) {}

  /**
   * Loads the index of the law in force: searches can run as soon as it resolves. Its stored texts
   * follow in the background (`textsLoaded`); a search that needs one not loaded yet waits for it.
   * Past shards load with `loadPast()`.
   */
  static async load(manifest: SearchManifest, readFile: ReadFile, options: LoadOptions = {}): Promise<SearchEngine> {
    if (manifest.lunrVersion !== lunr.version)
      throw new SearchIndexVersionError(`manifeste : Lunr ${manifest.lunrVersion}, attendu ${lunr.version}`);
    const current = await readShard(manifest.current, readFile);
    const engine = new SearchEngine(manifest, readFile, current.asOf, options.lunrScoresOnly);
    engine.shards.push(current);
    if (options.prefetchTexts ?? true) {
      engine.currentTexts = current.loadAllTexts().then(() => current.prepare());
      // Failures surface to the search that needs the text; nothing to do here.
      engine.currentTexts.catch(() => undefined);
    }
    return engine;
  }

  /** Resolves when the stored texts of the law in force are loaded. */
  textsLoaded(): Promise<void> {
    return this.currentTexts;
  }

  /**
   * Loads the past shards one after the other (searches in between see those already loaded).
   * Their stored texts load when a search needs them. Resolves when every shard is loaded.
   */
  loadPast(onProgress?: (loaded: number, total: number) => void): Promise<void> {
    this.pastLoading ??= (async () => {
      const files = this.manifest.past;
      for (let i = 0; i < files.length; i++) {
        const shard = await readShard(files[i]!, this.readFile, this.pastTexts);
        if (shard.asOf !== this.asOf)
          throw new SearchIndexFileError(files[i]!, `construit pour le ${shard.asOf}, l’index en vigueur pour le ${this.asOf}`);
        // Now, in the background, rather than in the first search that follows (a number search
        // looks among past texts too).
        shard.prepare();
        this.shards.push(shard);
        onProgress?.(i + 1, files.length);
      }
      this.pastDone = true;
    })();
    return this.pastLoading;
  }

  get pastLoaded(): boolean {
    return this.pastDone;
  }

  /** Documents in the loaded shards, by file. */
  get loadedDocuments(): Record<string, number> {
    return Object.fromEntries(this.shards.map((shard) => [shard.file, shard.size]));
  }

  async search(query: string, filters: SearchFilters = {}): Promise<SearchResponse> {
    const started = performance.now();
    let parsed = parseQuery(query);
    const scope = filters.scope ?? 'in-force';
    const date = filters.inForceOn;
    const pastNeeded = scope !== 'in-force' || (date !== undefined && date !== this.asOf);
    const response: SearchResponse = {
      results: [],
      total: 0,
      facets: { codes: {}, parts: {} },
      relaxed: false,
      empty: isEmptyQuery(parsed),
      pastNeeded,
      pastLoaded: this.pastDone,
      elapsed: 0,
    };
    if (response.empty) return this.finish(response, started);

    const codes = filters.codes?.length ? new Set(filters.codes) : undefined;
    const parts = filters.parts?.length ? new Set(filters.parts) : undefined;
    // Every code and part is searched (the facets count them all); the filters choose what is shown.
    const shards = this.shards.filter((shard) => (shard.collection === 'current' ? scope !== 'repealed' : pastNeeded));
    const keep = (shard: LoadedShard, doc: number): boolean => {
      if (scope === 'repealed' && shard.state(doc) !== 'repealed') return false;
      if (date !== undefined && !shard.dateRanges(doc).some((range) => rangeCovers(range, date))) return false;
      return true;
    };
    const chosen = (candidate: Candidate): boolean =>
      (!codes || codes.has(candidate.shard.code(candidate.doc))) && (!parts || parts.has(candidate.shard.part(candidate.doc)));

    let candidates: Candidate[] = [];
    if (parsed.number !== undefined) {
      const num = parsed.number;
      for (const shard of shards) {
        for (const doc of shard.docsByNumber(num, false))
          if (keep(shard, doc)) candidates.push({ shard, doc, match: 'number', score: 0, num });
        for (const doc of shard.docsTakingUp(num)) if (keep(shard, doc)) candidates.push({ shard, doc, match: 'replacing', score: 0, num });
        for (const doc of shard.docsByNumber(num, true))
          if (keep(shard, doc)) candidates.push({ shard, doc, match: 'number-family', score: 0 });
      }
      // A number jumps to its article whatever its status: over the law in force, the past texts
      // of the same number come too (a repealed article, or the versions of one in force).
      if (!pastNeeded) {
        for (const shard of this.shards) {
          if (shard.collection === 'current') continue;
          for (const doc of shard.docsByNumber(num, false)) candidates.push({ shard, doc, match: 'number', score: 0, num });
        }
        if (!this.pastDone && !candidates.some((c) => c.match === 'number' && chosen(c))) response.pastNeeded = true;
      }
      // Then the texts that cite it.
      const citing: ParsedQuery = {
        terms: (parsed.number.match(/\d+/g) ?? []).map((term) => ({ term, prefix: false, inPattern: true })),
        phrases: [],
        references: [parsed.number],
        excluded: [],
        typed: [],
      };
      candidates.push(...(await this.textCandidates(citing, shards, keep, false)));
    } else {
      const corrected = this.lunrScoresOnly ? undefined : correctTypos(parsed, shards, query);
      if (corrected) {
        parsed = corrected.parsed;
        response.corrected = { query: corrected.query, words: corrected.words };
      }
      candidates = await this.textCandidates(parsed, shards, keep, false);
      if (candidates.length === 0 && parsed.terms.length > 1 && parsed.phrases.length === 0 && parsed.references.length === 0) {
        candidates = await this.textCandidates(parsed, shards, keep, true);
        response.relaxed = candidates.length > 0;
      }
    }

    response.facets = facets(candidates);
    candidates = candidates.filter(chosen);
    await this.weighEvidence(candidates, parsed, !pastNeeded);

    // One result per article: its best text, with the dates of every matching text.
    const preferred = filters.preferCode;
    const acrossVersions = scope !== 'in-force' || date !== undefined;
    const groups = groupByArticle(candidates, preferred);
    response.total = groups.length;
    const offset = filters.offset ?? 0;
    const end = offset + (filters.limit ?? DEFAULT_LIMIT);
    const page = (
      acrossVersions
        ? firstSorted(
            groups.map((group) => articleRank(group, preferred)),
            end,
            compareArticles,
          ).map((rank) => rank.group)
        : firstSorted(groups, end, (a, b) => compareCandidates(a[0]!, b[0]!, preferred))
    ).slice(offset);
    const texts = await this.shownTextsOf(page.map((group) => group[0]!));
    const matcher = queryMatcher(parsed);
    response.results = page.map((group, i) => this.result(group, matcher, texts[i]!));
    return this.finish(response, started);
  }

  /**
   * Reads the texts of the best text candidates (`text-evidence.ts`): exact forms typed and nearness
   * of the words raise their scores. The index ranks every candidate; only the first ones, those a
   * reader looks at, are worth reading (the law in force's texts are in memory; past texts may need
   * their chunk, hence fewer of them).
   */
  private async weighEvidence(candidates: Candidate[], parsed: ParsedQuery, withForms: boolean): Promise<void> {
    const words = evidenceTerms(parsed);
    if (words.terms.length === 0 || this.lunrScoresOnly) return;
    const text = candidates.filter((candidate) => candidate.match === 'text');
    if (text.length === 0) return;
    const limit = withForms ? EVIDENCE_READ : EVIDENCE_READ_OTHER;
    const pick = (best: readonly Candidate[]): Candidate[] => {
      const read: Candidate[] = [];
      let past = 0;
      for (const candidate of best) {
        if (read.length >= limit) break;
        if (candidate.shard.collection === 'past' && !candidate.shard.holdsText(candidate.doc)) {
          if (past >= EVIDENCE_READ_PAST) continue;
          past++;
        }
        read.push(candidate);
      }
      return read;
    };
    // The best few hundred by score, sorted; all of them only if those did not fill the list (past
    // texts skipped). A common word matches tens of thousands of texts over every version: sorting
    // them all cost more than reading the texts.
    const best = firstSorted(text, EVIDENCE_POOL, byScore);
    let read = pick(best);
    if (read.length < limit && best.length < text.length) read = pick(firstSorted(text, text.length, byScore));
    const norm = Math.sqrt(Math.max(1, parsed.terms.length));
    for (const [shard, list] of byShard(read)) {
      const byDoc = new Map(list.map((candidate) => [candidate.doc, candidate]));
      const { documents, averageChars } = shard.collectionSize;
      // Each term's typed form, weighed by its own rarity (a term typed in two forms: the rarer).
      const idfs = words.terms.map((term, t) =>
        Math.max(0, ...[...words.forms[t]!].map((form) => formIdf(documents, shard.formDocuments(form, term)))),
      );
      await shard.eachText(byDoc.keys(), (doc, body) => {
        const candidate = byDoc.get(doc)!;
        const evidence = textEvidence(body, words);
        // The titles weigh again with the forms, twice: the forms typed are often rarer than their
        // stems, so a short text that repeats them would outweigh the articles of the section the
        // query names (« indemnités journalières maladie » → D762-2-1 before the section's
        // D732-2-4 with the titles once; `ranking.test.ts`).
        const forms = formScore(evidence, idfs, averageChars) / norm + TITLES_WITH_FORMS * (candidate.titles ?? 0);
        candidate.score = (candidate.score + (withForms ? FORM_WEIGHT * forms : 0)) * evidenceFactor(evidence);
      });
    }
  }

  /** The stored texts of the candidates shown, in their order. */
  private async shownTextsOf(shown: readonly Candidate[]): Promise<string[]> {
    const key = (shard: LoadedShard, doc: number) => `${shard.file}#${doc}`;
    const texts = new Map<string, string>();
    for (const { shard, doc } of shown) {
      const kept = shard.evictsTexts ? this.shownTexts.get(key(shard, doc)) : undefined;
      if (kept !== undefined) texts.set(key(shard, doc), kept);
    }
    for (const [shard, list] of byShard(shown.filter(({ shard, doc }) => !texts.has(key(shard, doc))))) {
      await shard.eachText(
        list.map((candidate) => candidate.doc),
        (doc, text) => {
          texts.set(key(shard, doc), text);
          if (shard.evictsTexts) this.shownTexts.set(key(shard, doc), text);
        },
      );
    }
    return shown.map(({ shard, doc }) => texts.get(key(shard, doc)) ?? '');
  }

  private finish(response: SearchResponse, started: number): SearchResponse {
    response.elapsed = performance.now() - started;
    return response;
  }

  /** Documents that contain the terms (all, or any when `relaxed`), filtered, phrases checked. */
  private async textCandidates(
    query: ParsedQuery,
    shards: readonly LoadedShard[],
    keep: (shard: LoadedShard, doc: number) => boolean,
    relaxed: boolean,
  ): Promise<Candidate[]> {
    if (query.terms.length === 0) return [];
    const norm = 1000 * Math.sqrt(query.terms.length);
    const candidates: Candidate[] = [];
    for (const shard of shards) {
      const scored = this.match(shard, query.terms, relaxed);
      if (!scored) continue;
      const excluded = this.excludedDocs(shard, query.excluded);
      const titles = this.lunrScoresOnly ? [] : titleWeights(shard, query.terms);
      for (let i = 0; i < scored.docs.length; i++) {
        const doc = scored.docs[i]!;
        if (excluded?.has(doc) || !keep(shard, doc)) continue;
        let titled = 0;
        if (titles.length) for (const title of titles) if (shard.isBelowAny(doc, title.sections)) titled += title.weight;
        candidates.push({ shard, doc, match: 'text', score: (scored.weights[i]! + titled) / norm, titles: titled / norm });
      }
    }
    const patterns = [
      ...query.phrases.map((phrase) => phrasePattern(phrase.words)),
      ...query.references.flatMap((num) => referenceTest(num) ?? []),
    ];
    if (patterns.length === 0) return candidates;
    // lunr has no phrase search: the words matched, now check them on the stored text.
    const patternsKey = patterns.map((pattern) => pattern.source).join('\n');
    const kept: Candidate[] = [];
    for (const [shard, list] of byShard(candidates)) {
      const checks = await this.checkPatterns(shard, list, patterns, patternsKey);
      for (const candidate of list) if (checks.get(candidate.doc)) kept.push(candidate);
    }
    return kept;
  }

  /**
   * Whether each candidate's text has every pattern. The checks of a shard whose texts may leave
   * memory are remembered: reading its chunks again would cost more than the rest of the search.
   */
  private async checkPatterns(
    shard: LoadedShard,
    candidates: readonly Candidate[],
    patterns: readonly RegExp[],
    patternsKey: string,
  ): Promise<Map<number, boolean>> {
    const key = `${shard.file}\n${patternsKey}`;
    const checks = (shard.evictsTexts && this.phraseChecks.get(key)) || new Map<number, boolean>();
    const unchecked = candidates.filter((candidate) => !checks.has(candidate.doc)).map((candidate) => candidate.doc);
    await shard.eachText(unchecked, (doc, text) =>
      checks.set(
        doc,
        patterns.every((pattern) => occursIn(pattern, text)),
      ),
    );
    if (shard.evictsTexts && unchecked.length > 0) this.phraseChecks.set(key, checks);
    return checks;
  }
  /** The documents of a shard that contain every term (or any, `relaxed`), with summed weights. */
  private match(shard: LoadedShard, terms: readonly QueryTerm[], relaxed: boolean): Scored | undefined {
    const lists: Scored[] = [];
    for (const term of terms) {
      const slots = term.prefix ? prefixTermSlots(shard, term.term) : [shard.termSlot(term.term)].filter((slot) => slot >= 0);
      if (slots.length === 0) {
        if (relaxed) continue;
        return undefined;
      }
      lists.push(union(slots.map((slot) => shard.postings(slot))));
    }
    if (lists.length === 0) return undefined;
    if (relaxed) return union(lists);
    lists.sort((a, b) => a.docs.length - b.docs.length);
    let result = lists[0]!;
    for (let i = 1; i < lists.length && result.docs.length > 0; i++) result = intersect(result, lists[i]!);
    return result;
  }

  private excludedDocs(shard: LoadedShard, excluded: readonly string[]): Set<number> | undefined {
    if (excluded.length === 0) return undefined;
    const docs = new Set<number>();
    for (const term of excluded) {
      const slot = shard.termSlot(term);
      if (slot >= 0) for (const doc of shard.postings(slot).docs) docs.add(doc);
    }
    return docs;
  }

  /** A result from the matching texts of one article, best first. */
  private result(all: readonly Candidate[], matcher: ReturnType<typeof queryMatcher>, text: string): SearchResult {
    const best = all[0]!;
    const { shard, doc } = best;
    const matchedRanges = all
      .flatMap((candidate) => candidate.shard.dateRanges(candidate.doc))
      .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
    const spans = best.match === 'text' ? matchSpans(text, matcher) : [];
    return {
      article: shard.article(doc),
      code: shard.code(doc),
      num: shard.num(doc),
      part: shard.part(doc),
      ranges: shard.dateRanges(doc),
      inForce: shard.collection === 'current',
      articleState: shard.state(doc),
      matchedRanges,
      matchedVersions: new Set(all.map((candidate) => `${candidate.shard.file}#${candidate.doc}`)).size,
      match: best.match,
      ...(best.match === 'number' && best.num !== undefined && !shard.bearsNumber(doc, best.num) ? { formerNum: best.num } : {}),
      ...(best.match === 'replacing' && best.num !== undefined ? { replaces: best.num } : {}),
      score: Math.round(best.score * 1000) / 1000,
      snippet: snippet(text, shard.paragraphCount(doc), spans),
    };
  }
}
