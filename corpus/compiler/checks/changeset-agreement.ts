/**
 * The compiled change sets of a code against its lexlib commit messages, which list per
 * consolidated version the new, modified and repealed articles by number. Compared by LEGI id: a
 * listed number is the article whose file bore it on that date (a repealed one: whose file bore
 * it until that date), so a number changed since counts under the number of its day.
 */
import type { ArticleId, ChangeSet, IsoDate } from '../../model/model.ts';
import { parseArticleId } from '../../model/ids.ts';
import type { LexlibWitness, Presence } from './lexlib-witness.ts';

export type ChangeCategory = 'created' | 'modified' | 'repealed';
export const CHANGE_CATEGORIES: readonly ChangeCategory[] = ['created', 'modified', 'repealed'];

export interface ChangeMiss {
  date: IsoDate;
  category: ChangeCategory;
  /** LEGI id, or `num:X` for a listed number no file bore that day. */
  key: string;
  /** In the messages, not compiled (`missing`); compiled, not in the messages (`extra`). */
  side: 'missing' | 'extra';
}

export interface CategoryScore {
  expected: number;
  compiled: number;
  matched: number;
  precision: number;
  recall: number;
}

export interface ChangeSetAgreement {
  scores: Record<ChangeCategory, CategoryScore>;
  misses: ChangeMiss[];
  /** Consolidated dates with no compiled change set, and compiled dates with no commit. */
  missingDates: IsoDate[];
  extraDates: IsoDate[];
}

/** number → the periods of the files that bore it, with their LEGI id. */
function numberIndex(witness: LexlibWitness): Map<string, (Presence & { id: string })[]> {
  const index = new Map<string, (Presence & { id: string })[]>();
  for (const [id, periods] of witness.presence) {
    for (const p of periods) {
      const list = index.get(p.num) ?? [];
      list.push({ ...p, id });
      index.set(p.num, list);
    }
  }
  return index;
}

/**
 * The LEGI ids a message can mean by a number on a date: the files present that day, else those
 * that left that day (for a repeal, the other way round). Several files can bear one number at
 * once (the six « Annexe à l'article R233-84 » of the former Code du travail): the number names
 * any of them.
 */
function idsOfListed(index: ReturnType<typeof numberIndex>, num: string, date: IsoDate, category: ChangeCategory): string[] {
  const periods = index.get(num) ?? [];
  const present = periods.filter((p) => p.from <= date && (p.to === undefined || date < p.to)).map((p) => p.id);
  const left = periods.filter((p) => p.to === date).map((p) => p.id);
  const chosen = category === 'repealed' ? (left.length ? left : present) : present.length ? present : left;
  return chosen.length ? [...new Set(chosen)] : [`num:${num}`];
}

function keyOfCompiled(id: ArticleId, numberOf: (id: ArticleId) => string | undefined): string {
  const parsed = parseArticleId(id);
  if (parsed?.legiId) return parsed.legiId;
  return `num:${parsed?.num ?? numberOf(id) ?? id}`;
}

export function compareChangeSets(
  witness: LexlibWitness,
  changeSets: readonly ChangeSet[],
  numberOf: (id: ArticleId) => string | undefined = () => undefined,
): ChangeSetAgreement {
  const index = numberIndex(witness);
  const compiledByDate = new Map(changeSets.map((set) => [set.date, set] as const));
  const witnessDates = new Set(witness.days.map((d) => d.date));
  const misses: ChangeMiss[] = [];
  const counts = Object.fromEntries(CHANGE_CATEGORIES.map((c) => [c, { expected: 0, compiled: 0, matched: 0 }])) as Record<
    ChangeCategory,
    { expected: number; compiled: number; matched: number }
  >;
  const missingDates: IsoDate[] = [];
  for (const day of witness.days) {
    const set = compiledByDate.get(day.date);
    if (!set) missingDates.push(day.date);
    for (const category of CHANGE_CATEGORIES) {
      const compiled = new Set((set?.[category] ?? []).map((id) => keyOfCompiled(id, numberOf)));
      const expected = new Set(
        day[category].map((num) => {
          const ids = idsOfListed(index, num, day.date, category);
          return ids.find((id) => compiled.has(id)) ?? ids[0]!;
        }),
      );
      // A number listed that no file bore is matched by the compiled change set's unplaced numbers.
      for (const num of set?.unplaced ?? []) if (expected.has(`num:${num}`)) compiled.add(`num:${num}`);
      counts[category].expected += expected.size;
      counts[category].compiled += compiled.size;
      for (const key of expected) {
        if (compiled.has(key)) counts[category].matched++;
        else misses.push({ date: day.date, category, key, side: 'missing' });
      }
      for (const key of compiled) if (!expected.has(key)) misses.push({ date: day.date, category, key, side: 'extra' });
    }
  }
  const scores = Object.fromEntries(
    CHANGE_CATEGORIES.map((c) => {
      const { expected, compiled, matched } = counts[c];
      return [c, { expected, compiled, matched, precision: compiled ? matched / compiled : 1, recall: expected ? matched / expected : 1 }];
    }),
  ) as Record<ChangeCategory, CategoryScore>;
  return {
    scores,
    misses,
    missingDates,
    extraDates: changeSets.filter((s) => s.source.startsWith('lexlib') && !witnessDates.has(s.date)).map((s) => s.date),
  };
}
