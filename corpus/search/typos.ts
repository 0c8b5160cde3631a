/**
 * Typing errors: a word of five letters or more that no text and no title of the searched
 * collection has is read as the nearest word that they have (« cotisaton » → « cotisation »), and
 * the results say so (« Résultats pour … »). A word the index knows is never replaced: a rare word
 * typed on purpose stays what it is. Shorter words are left alone: one letter off a four-letter
 * word is another word more often than a mistake.
 *
 * « Nearest »: one letter left out, added, replaced, or two letters swapped (Damerau distance 1,
 * most typing errors); among the candidates, the one found with the other words of the query in
 * the most documents; then the one whose stem keeps most of the letters typed (« caise » is
 * « caisse », not « case », though « cas » is far more frequent: the index holds stems, and a
 * short stem stands for many words); then the most frequent. Pure: the engine gives it the
 * shards searched.
 */
import { stem } from './french-analysis.ts';
import type { ParsedQuery, TypedWord } from './query.ts';
import type { CorrectedWord } from './search-types.ts';
import { wordSpans } from './words.ts';

/** What the correction needs of a shard. */
export interface TermLookup {
  termSlot(term: string): number;
  titleTermSlot(term: string): number;
  postings(slot: number): { docs: Int32Array };
}

export const TYPO_MIN_LETTERS = 5;

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Words one edit away (Damerau–Levenshtein 1) from a folded word. */
export function oneEditAway(word: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail) out.add(head + tail.slice(1));
    if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const letter of LETTERS) {
      if (tail) out.add(head + letter + tail.slice(1));
      out.add(head + letter + tail);
    }
  }
  out.delete(word);
  return out;
}

function known(shards: readonly TermLookup[], term: string): boolean {
  return shards.some((shard) => shard.termSlot(term) >= 0 || shard.titleTermSlot(term) >= 0);
}

/** Documents of the shards with the term, per shard (text only: what the correction compares). */
function documents(shards: readonly TermLookup[], term: string): Set<number>[] {
  return shards.map((shard) => {
    const slot = shard.termSlot(term);
    return new Set(slot >= 0 ? shard.postings(slot).docs : []);
  });
}

/** The best reading of an unknown word, or undefined when no word one edit away is known. */
function nearest(shards: readonly TermLookup[], typed: TypedWord, others: readonly string[]): { word: string; term: string } | undefined {
  const byTerm = new Map<string, string>();
  for (const candidate of oneEditAway(typed.word)) {
    const term = stem(candidate);
    if (!byTerm.has(term) && known(shards, term)) byTerm.set(term, candidate);
  }
  if (byTerm.size === 0) return undefined;
  // Documents with every other word of the query, per shard.
  let context: Set<number>[] | undefined;
  for (const other of others) {
    const docs = documents(shards, other);
    context = context ? context.map((set, i) => new Set([...set].filter((doc) => docs[i]!.has(doc)))) : docs;
  }
  let best: { word: string; term: string; together: number; kept: number; frequency: number } | undefined;
  for (const [term, word] of byTerm) {
    let kept = 0;
    while (kept < term.length && term[kept] === typed.word[kept]) kept++;
    let together = 0;
    let frequency = 0;
    shards.forEach((shard, i) => {
      const slot = shard.termSlot(term);
      if (slot < 0) return;
      const docs = shard.postings(slot).docs;
      frequency += docs.length;
      if (context) for (const doc of docs) if (context[i]!.has(doc)) together++;
    });
    const better =
      !best ||
      together > best.together ||
      (together === best.together && (kept > best.kept || (kept === best.kept && frequency > best.frequency)));
    if (better) best = { word, term, together, kept, frequency };
  }
  return best;
}

/**
 * The query with its unknown long words read as their nearest known word, or undefined when
 * nothing was read otherwise.
 */
export function correctTypos(
  parsed: ParsedQuery,
  shards: readonly TermLookup[],
  query: string,
): { parsed: ParsedQuery; query: string; words: CorrectedWord[] } | undefined {
  const unknown = parsed.typed.filter(
    (typed) => typed.word.length >= TYPO_MIN_LETTERS && !/\d/.test(typed.word) && !known(shards, typed.term),
  );
  if (unknown.length === 0) return undefined;
  const words: CorrectedWord[] = [];
  const replaced = new Map<string, { word: string; term: string }>();
  const others = parsed.terms.filter((term) => !term.prefix && !unknown.some((typed) => typed.term === term.term)).map((term) => term.term);
  for (const typed of unknown) {
    const reading = nearest(shards, typed, others);
    if (!reading) continue;
    replaced.set(typed.term, reading);
    words.push({ typed: typed.word, read: reading.word });
  }
  if (words.length === 0) return undefined;
  const terms = parsed.terms.map((term) => {
    const reading = term.prefix ? undefined : replaced.get(term.term);
    return reading ? { ...term, term: reading.term } : term;
  });
  const typed = parsed.typed.map((word) => replaced.get(word.term) ?? word);
  // The query as read: the user's own text, each word read otherwise put in its place.
  let read = '';
  let at = 0;
  for (const span of wordSpans(query)) {
    const word = words.find((w) => w.typed === span.word);
    if (!word) continue;
    read += query.slice(at, span.start) + word.read;
    at = span.end;
  }
  read += query.slice(at);
  return { parsed: { ...parsed, terms, typed }, query: read.trim(), words };
}
