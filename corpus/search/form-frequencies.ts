/**
 * How many documents have each form of a word, where it differs from the count of its stem: the
 * index holds stems (« cotisants » and « cotisation » are one term, found in 4,000 texts), but the
 * user who types « cotisants » means a rarer word (in a few hundred). The engine weighs the exact
 * forms typed by their own rarity when it reads the best candidates' texts (`text-evidence.ts`).
 *
 * Only the forms whose count differs from their stem's are kept (about half of them; the others'
 * count is their stem's posting list): a table of about 2 % of the index, where indexing the forms
 * beside the stems would double it.
 * Pure module.
 */
import { isStopWord, stem } from './french-analysis.ts';
import { wordSpans } from './words.ts';

/** The form counts of one shard: forms sorted (JavaScript order), with their document counts. */
export interface PackedForms {
  /** Documents of the collection (all shards): what the counts are out of. */
  documents: number;
  /** Average length of the collection's texts, in characters (the length norm of `text-evidence.ts`). */
  averageChars: number;
  words: string[];
  df: number[];
}

/**
 * The forms of a collection whose document count differs from their stem's, counted over the
 * whole collection; each range of documents (a shard) gets those its documents have.
 */
export function formTables(texts: readonly string[], ranges: readonly { from: number; to: number }[]): PackedForms[] {
  const formDf = new Map<string, number>();
  const stemDf = new Map<string, number>();
  const inRange: Set<string>[] = ranges.map(() => new Set());
  let range = 0;
  texts.forEach((text, doc) => {
    while (range < ranges.length - 1 && doc >= ranges[range]!.to) range++;
    const forms = new Set<string>();
    for (const span of wordSpans(text)) if (!isStopWord(span.word) && !/\d/.test(span.word)) forms.add(span.word);
    const stems = new Set<string>();
    for (const form of forms) {
      formDf.set(form, (formDf.get(form) ?? 0) + 1);
      stems.add(stem(form));
      inRange[range]?.add(form);
    }
    for (const term of stems) stemDf.set(term, (stemDf.get(term) ?? 0) + 1);
  });
  const averageChars = Math.round(texts.reduce((sum, text) => sum + text.length, 0) / Math.max(1, texts.length));
  return inRange.map((forms) => {
    const words = [...forms].filter((form) => formDf.get(form) !== stemDf.get(stem(form))).sort();
    return { documents: texts.length, averageChars, words, df: words.map((form) => formDf.get(form)!) };
  });
}

/** The document count of a form, if the table has it (else it is its stem's). */
export function formFrequency(forms: PackedForms, word: string): number | undefined {
  let low = 0;
  let high = forms.words.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const candidate = forms.words[middle]!;
    if (candidate === word) return forms.df[middle];
    if (candidate < word) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
}
