/**
 * Does the compiled corpus put each article in force when DILA does? legi-data carries, for every
 * article of its codes, LEGI's list of versions with their states and dates; read as LEGI reads it,
 * that list says over which periods the article was in force. The compiled timeline says the same
 * through the one rule of time (`corpus/model/timeline.ts`). This module compares the two, article
 * by article, and names the kind of every disagreement.
 *
 * LEGI's reading: a `MODIFIE_MORT_NE` version never applied; every other version is in force over
 * [start, end); a version whose end is not the next one's start (`ABROGE`, `TRANSFERE`…) leaves the
 * article out until a later version starts. So the periods in force are the union of the versions'
 * ranges, mort-nés left out.
 */
import type { Article, IsoDate } from '../../model/model.ts';
import { type DateRange, effectiveEnd, FAR_FUTURE } from '../../model/timeline.ts';
import type { LegiArticle, LegiVersionEntry } from './legi-article-versions.ts';

/** Ranges sorted by start, overlapping or touching ones joined. */
export function unionOfRanges(ranges: readonly DateRange[]): DateRange[] {
  const sorted = ranges.filter((r) => r.to === undefined || r.from < r.to).sort((a, b) => a.from.localeCompare(b.from));
  const out: DateRange[] = [];
  for (const range of sorted) {
    const last = out.at(-1);
    if (last && (last.to === undefined || range.from <= last.to)) {
      if (last.to !== undefined && (range.to === undefined || range.to > last.to)) {
        if (range.to === undefined) delete last.to;
        else last.to = range.to;
      }
      continue;
    }
    out.push({ ...range });
  }
  return out;
}

/** The periods in force per LEGI's list of versions. */
export function legiPeriods(versions: readonly LegiVersionEntry[]): DateRange[] {
  return unionOfRanges(
    versions.filter((v) => v.etat !== 'MODIFIE_MORT_NE').map((v) => ({ from: v.from, ...(v.to !== undefined ? { to: v.to } : {}) })),
  );
}

/** The periods in force of a compiled article, undated ends counted as the reader counts them. */
export function compiledPeriods(article: Pick<Article, 'versions'>, undatedEndsOn: IsoDate): DateRange[] {
  return unionOfRanges(
    article.versions.map((v) => {
      const to = effectiveEnd(v, undatedEndsOn);
      return { from: v.validFrom, ...(to !== undefined ? { to } : {}) };
    }),
  );
}

function covers(periods: readonly DateRange[], date: IsoDate): boolean {
  return periods.some((p) => p.from <= date && (p.to === undefined || date < p.to));
}

export type DisagreementKind =
  /** In force on the data date per LEGI, ended in the corpus (or the reverse). */
  | 'ended-but-in-force'
  | 'in-force-but-ended'
  /** LEGI has the article out between two versions; the corpus keeps it in force (or the reverse). */
  | 'gap-closed'
  | 'gap-opened'
  /** The first version starts on another date. */
  | 'start'
  /** Same start, no gap difference, another end of a period. */
  | 'end';

export interface Disagreement {
  kind: DisagreementKind;
  num: string;
  legi: DateRange[];
  compiled: DateRange[];
}

/** The boundaries of both period lists: the dates where either says something changes. */
function boundaries(a: readonly DateRange[], b: readonly DateRange[]): IsoDate[] {
  const dates = new Set<IsoDate>();
  for (const p of [...a, ...b]) {
    dates.add(p.from);
    if (p.to !== undefined) dates.add(p.to);
  }
  return [...dates].sort();
}

const samePeriods = (a: readonly DateRange[], b: readonly DateRange[]): boolean =>
  a.length === b.length && a.every((p, i) => p.from === b[i]!.from && p.to === b[i]!.to);

/** Undefined when both say the same; otherwise what differs first, in the order of gravity above. */
export function compareWithLegi(
  legi: Pick<LegiArticle, 'num' | 'versions'>,
  article: Pick<Article, 'versions'>,
  dataDate: IsoDate,
): Disagreement | undefined {
  const l = legiPeriods(legi.versions);
  const c = compiledPeriods(article, dataDate);
  if (samePeriods(l, c)) return undefined;
  const result = (kind: DisagreementKind): Disagreement => ({ kind, num: legi.num, legi: l, compiled: c });
  if (covers(l, dataDate) && !covers(c, dataDate)) return result('ended-but-in-force');
  if (!covers(l, dataDate) && covers(c, dataDate)) return result('in-force-but-ended');
  // A date inside a gap of one list (after its first start, before its last end) where the other is in force.
  const inGap = (periods: readonly DateRange[], date: IsoDate) =>
    periods.length > 1 && date > periods[0]!.from && date < (periods.at(-1)!.from ?? FAR_FUTURE) && !covers(periods, date);
  const dates = boundaries(l, c);
  if (dates.some((d) => inGap(l, d) && covers(c, d))) return result('gap-closed');
  if (dates.some((d) => inGap(c, d) && covers(l, d))) return result('gap-opened');
  if (l[0]?.from !== c[0]?.from) return result('start');
  return result('end');
}

/** The compiled article LEGI's entry names: by its common id, its current id or any version's id. */
export function indexByLegiIds(articles: Iterable<Article>): Map<string, Article> {
  const index = new Map<string, Article>();
  for (const article of articles) {
    if (article.legiId && !index.has(article.legiId)) index.set(article.legiId, article);
    for (const v of article.versions) if (v.legiVersionId && !index.has(v.legiVersionId)) index.set(v.legiVersionId, article);
  }
  return index;
}

export function findCompiled(index: ReadonlyMap<string, Article>, legi: Pick<LegiArticle, 'cid' | 'id' | 'versions'>): Article | undefined {
  return index.get(legi.cid) ?? index.get(legi.id) ?? legi.versions.map((v) => index.get(v.id)).find((a) => a !== undefined);
}
