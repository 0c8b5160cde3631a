/**
 * Simulated known-item queries (Azzopardi, de Rijke & Balog, « Building simulated queries for
 * known-item topics », SIGIR 2007): pick a document, then draw the words of a query from it, each
 * word with a probability that follows its weight in the document (its frequency, or its
 * frequency × its rarity in the collection). The document is the one the user has in mind.
 *
 * Honesty rules of the search-quality benchmark, kept here:
 * - this module shares nothing with the search engine (its own words, its own stop words, its own
 *   folding): the queries are what a reader could type after reading the article, whatever the
 *   engine does with them;
 * - the queries are drawn with a fixed seed before any engine runs, and every engine answers the
 *   same queries.
 */
import type { BenchDocument } from './search-quality-corpus.ts';

/** A small, fast, seedable generator (mulberry32): the same seed draws the same queries. */
export function randomGenerator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * French function words a reader does not type to find an article (the usual French stop list:
 * articles, pronouns, prepositions, conjunctions, forms of être and avoir).
 */
const FUNCTION_WORDS = new Set(
  (
    'les des une aux ces cet cette dans par pour sur sous avec sans entre vers chez que qui quoi dont ' +
    'ou où mais donc car elle elles ils eux lui leur leurs nous vous son sa ses mon ton notre votre nos vos ' +
    'est sont été être était étaient sera seront soit soient fut ont avait avaient aura auront ayant eu ' +
    'pas plus moins ainsi aussi comme même tout tous toute toutes autre autres lorsque lorsqu jusqu puisqu ' +
    'quelle quel quels quelles celui celle ceux celles cela ceci lequel laquelle lesquels lesquelles duquel ' +
    'auquel auxquels desquels ici là très peut peuvent non'
  ).split(' '),
);

/** Lower case, no accents: how a hurried user types. */
export function typedPlain(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export interface DocumentWords {
  /** Distinct words (lower case, accents kept), with their frequency and their form as written first. */
  words: Map<string, { tf: number; written: string }>;
}

/** The words of a text a user could type: runs of letters, three letters at least, no function words. */
export function documentWords(text: string): DocumentWords {
  const words = new Map<string, { tf: number; written: string }>();
  for (const match of text.matchAll(/[\p{L}\p{M}]+/gu)) {
    const written = match[0];
    const key = written.toLowerCase();
    if (key.length < 3 || FUNCTION_WORDS.has(key)) continue;
    const entry = words.get(key);
    if (entry) entry.tf++;
    else words.set(key, { tf: 1, written });
  }
  return { words };
}

/** Document frequencies of the words of a collection. */
export function documentFrequencies(documents: readonly DocumentWords[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const doc of documents) for (const word of doc.words.keys()) df.set(word, (df.get(word) ?? 0) + 1);
  return df;
}

export type Weighting = 'tf' | 'tfidf';

/** A word's weight in a document, for the draw: its frequency, times its rarity for tf·idf. */
export function wordWeight(key: string, tf: number, weighting: Weighting, df: ReadonlyMap<string, number>, collectionSize: number): number {
  return weighting === 'tf' ? tf : tf * Math.log(collectionSize / Math.max(1, df.get(key) ?? 1));
}

/** Draws `count` distinct words of a document, each with probability ∝ its weight. */
export function drawWords(
  doc: DocumentWords,
  count: number,
  weighting: Weighting,
  df: ReadonlyMap<string, number>,
  collectionSize: number,
  random: () => number,
): string[] {
  const pool = [...doc.words].map(([key, { tf }]) => ({
    key,
    weight: wordWeight(key, tf, weighting, df, collectionSize),
  }));
  const drawn: string[] = [];
  while (drawn.length < count && pool.length > 0) {
    const total = pool.reduce((sum, entry) => sum + entry.weight, 0);
    let target = random() * total;
    let pick = pool.length - 1;
    for (let i = 0; i < pool.length; i++) {
      target -= pool[i]!.weight;
      if (target < 0) {
        pick = i;
        break;
      }
    }
    drawn.push(pool[pick]!.key);
    pool.splice(pick, 1);
  }
  return drawn;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * One typing error in a word: a letter left out, doubled in the wrong place, replaced or swapped with
 * the next one, never the first letter (users rarely miss the first one, and it is what they see).
 */
export function typo(word: string, random: () => number): string {
  for (let attempt = 0; attempt < 20; attempt++) {
    const kind = Math.floor(random() * 4);
    const at = 1 + Math.floor(random() * (word.length - 1));
    const letter = LETTERS[Math.floor(random() * LETTERS.length)]!;
    let out: string;
    if (kind === 0) out = word.slice(0, at) + word.slice(at + 1);
    else if (kind === 1) out = word.slice(0, at) + letter + word.slice(at);
    else if (kind === 2) out = word.slice(0, at) + letter + word.slice(at + 1);
    else out = at + 1 < word.length ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2) : word;
    if (typedPlain(out) !== typedPlain(word)) return out;
  }
  return word.slice(0, 1) + word.slice(2);
}

/** The query as typed: each word as written in the article, or in lower case without accents. */
export function typed(doc: DocumentWords, keys: readonly string[], plain: boolean): string {
  return keys.map((key) => (plain ? typedPlain(key) : (doc.words.get(key)?.written ?? key))).join(' ');
}

/** Written forms of an article number, as people write them (`L. 611-3`, `art. L611-3`…). */
export function numberForms(num: string): string[] {
  const match = /^(LO|L|R|D|A)(\*?)(\d+(?:-\d+)*)(.*)$/.exec(num);
  if (!match) return [num];
  const [, prefix = '', star = '', digits = '', suffix = ''] = match;
  return [
    num,
    `${prefix}.${star} ${digits}${suffix}`,
    `${prefix.toLowerCase()}${star} ${digits}${suffix.toLowerCase()}`,
    `art. ${num}`,
    `article ${prefix}.${star}${digits}${suffix}`,
  ];
}

// ---------------------------------------------------------------------------------------------
// The queries, drawn once with a fixed seed.

export interface Query {
  model: string;
  text: string;
  target: BenchDocument;
  scope: 'in-force' | 'all';
  /** What was drawn (the ceiling's input, `search-quality-ceiling.ts`): the words and how they were weighed. */
  drawn?: { keys: readonly string[]; weighting: Weighting };
}

export interface Model {
  key: string;
  label: string;
}

export const MODELS: Model[] = [
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

/** Where the queries of a scope were drawn from: the documents' words, their frequencies, the documents that could be picked. */
export interface DrawSpace {
  words: ReadonlyMap<number, DocumentWords>;
  df: ReadonlyMap<string, number>;
  size: number;
  pool: readonly number[];
}

/** Documents a query can be drawn from: enough words to type four of them. */
const drawable = (words: DocumentWords) => words.words.size >= 6;

function sample<T>(items: readonly T[], count: number, random: () => number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
  return out;
}

export function drawQueries(
  documents: readonly BenchDocument[],
  { seed: SEED, articles: ARTICLES, past: PAST }: { seed: number; articles: number; past: number },
): { queries: Query[]; sampled: number; eligible: number; pastEligible: number; draws: Record<Query['scope'], DrawSpace> } {
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
      const drawn = { keys, weighting };
      queries.push({ model, text: typed(words, keys, false), target: doc, scope: 'in-force', drawn });
      queries.push({ model: `${model}-plain`, text: typed(words, keys, true), target: doc, scope: 'in-force', drawn });
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
      // The ceiling reads the words meant, not the one mistyped: an engine that reads typos perfectly.
      queries.push({ model: 'iv', text: written.join(' '), target: doc, scope: 'in-force', drawn: { keys, weighting: 'tfidf' } });
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
    queries.push({ model: 'past', text: typed(words, keys, false), target: doc, scope: 'all', drawn: { keys, weighting: 'tfidf' } });
  }
  return {
    queries,
    sampled: picked.length,
    eligible: eligible.length,
    pastEligible: pastEligible.length,
    draws: {
      'in-force': { words: currentWords, df: dfCurrent, size: current.length, pool: eligible.map((doc) => doc.id) },
      all: { words: allWords, df: dfAll, size: documents.length, pool: pastEligible.map((doc) => doc.id) },
    },
  };
}
