/**
 * Search documents: one per distinct text of an article. Versions of an article that carry the
 * same text (the same paragraphs and NOTA, even far apart in time) are one document with several
 * date ranges, so the history index holds each wording once.
 *
 * A document is « current » when one of its ranges contains the build date (`asOf`): it goes to the
 * index of the law in force; every other text goes to the history index, labelled with its dates.
 */
import type { Article, ArticleId, CodeId, IsoDate, Version } from '../model/model.ts';
import { articleStateOn, effectiveEnd, isInForceOn, numbersOf, type DateRange } from '../model/timeline.ts';

/** Which part of a code an article belongs to, from the prefix of its number. */
export type ArticlePart = 'L' | 'R' | 'D' | 'A' | 'other';

export const PART_LABELS: Record<ArticlePart, string> = {
  L: 'Partie législative',
  R: 'Partie réglementaire – décrets en Conseil d’État',
  D: 'Partie réglementaire – décrets simples',
  A: 'Partie réglementaire – arrêtés',
  other: 'Autres (annexes, articles sans préfixe)',
};

/** `L611-3`, `LO111-3` → L; `R*611-3` → R; `D611-1` → D; `A422-1` → A; `Annexe 1` → other. */
export function articlePart(num: string): ArticlePart {
  const match = /^(LO|L|R|D|A)\*?\s*\.?\s*\d/i.exec(num.trim());
  if (!match) return 'other';
  const prefix = (match[1] ?? '').toUpperCase();
  return prefix === 'LO' ? 'L' : (prefix as ArticlePart);
}

/** A period during which a text was in force: [from, to), `to` absent while it still is. */
export type { DateRange };

/** Where the article stands on the build date. */
export type ArticleState = 'in-force' | 'repealed' | 'future';

export interface SearchDocument {
  article: ArticleId;
  code: CodeId;
  num: string;
  part: ArticlePart;
  articleState: ArticleState;
  /** Periods of this text, ascending. */
  ranges: DateRange[];
  /** The text in force on the build date. */
  current: boolean;
  /** Paragraphs then NOTA paragraphs, joined with `\n` (paragraphs never contain one). */
  text: string;
  /** Number of text paragraphs: the lines after them are the NOTA. */
  paragraphCount: number;
  /** The section of the table of contents the article sits in (its latest place). */
  section?: string;
  /** Other numbers the article bore, oldest first (a search for one finds it). */
  formerNums?: string[];
  /** Numbers of the former articles it takes up (a search for one offers it after the former article). */
  takesUp?: string[];
}

/** The period of a version, its end counted as the timeline does (an undated repeal ends on the build date). */
function versionRange(version: Version, asOf: IsoDate): DateRange {
  const to = effectiveEnd(version, asOf);
  return to === undefined ? { from: version.validFrom } : { from: version.validFrom, to };
}

function articleState(article: Article, asOf: IsoDate): ArticleState {
  const state = articleStateOn(article, asOf, asOf);
  return state === 'ended' ? 'repealed' : state;
}

/** Consecutive or overlapping ranges become one. */
function mergeRanges(ranges: DateRange[]): DateRange[] {
  const sorted = [...ranges].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const merged: DateRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && (last.to === undefined || range.from <= last.to)) {
      // Overlapping or adjacent: extend the last range (an open end stays open).
      if (last.to !== undefined && (range.to === undefined || range.to > last.to)) {
        if (range.to === undefined) delete last.to;
        else last.to = range.to;
      }
    } else {
      merged.push({ ...range });
    }
  }
  return merged;
}

/**
 * The search documents of one article: one per distinct text. Versions with no text are skipped.
 * `takesUp`: the numbers of the former articles it takes up (`correspondence.ts`, read over the
 * whole corpus by the caller).
 */
export function articleDocuments(article: Article, asOf: IsoDate, takesUp: readonly string[] = []): SearchDocument[] {
  const state = articleState(article, asOf);
  const formerNums = numbersOf(article).slice(0, -1);
  const part = articlePart(article.num);
  const byText = new Map<string, { paragraphCount: number; ranges: DateRange[]; current: boolean }>();
  for (const version of article.versions) {
    if (version.paragraphs.length === 0 && (version.nota ?? []).length === 0) continue;
    const text = [...version.paragraphs, ...(version.nota ?? [])].join('\n');
    const key = `${version.paragraphs.length}|${text}`;
    let entry = byText.get(key);
    if (!entry) {
      entry = { paragraphCount: version.paragraphs.length, ranges: [], current: false };
      byText.set(key, entry);
    }
    entry.ranges.push(versionRange(version, asOf));
    if (isInForceOn(version, asOf, asOf)) entry.current = true;
  }
  return [...byText].map(([key, entry]) => ({
    article: article.id,
    code: article.code,
    num: article.num,
    part,
    articleState: state,
    ranges: mergeRanges(entry.ranges),
    current: entry.current,
    text: key.slice(key.indexOf('|') + 1),
    paragraphCount: entry.paragraphCount,
    ...(article.section !== undefined ? { section: article.section } : {}),
    ...(formerNums.length > 0 ? { formerNums } : {}),
    ...(takesUp.length > 0 ? { takesUp: [...takesUp] } : {}),
  }));
}
