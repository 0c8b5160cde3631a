/**
 * The timeline of an article: one entry per version with what a reader asks of it — when it was in
 * force, its status, the text that brought it, whether it changed the text (or only the links on
 * some dates), and whether its text is in the corpus at all.
 */
import type { Article, IsoDate, Version, VersionStatus } from '../../../corpus/model/model.ts';

/** What a version did to the text, compared with the one before it. */
export type TextChange =
  | 'creation' // the first version
  | 'text' // the text changed
  | 'unknown'; // this version's text or the previous one's is not in the corpus

export interface TimelineEntry {
  index: number;
  version: Version;
  from: IsoDate;
  to?: IsoDate;
  status: VersionStatus;
  change: TextChange;
  textUnavailable: boolean;
  /** Dates inside the range where only the links changed (never the text). */
  linkOnlyChanges: IsoDate[];
}

export function hasText(version: Version): boolean {
  return !version.textUnavailable && version.paragraphs.length > 0;
}

export function timelineOf(article: Article): TimelineEntry[] {
  return article.versions.map((version, index) => {
    const previous = article.versions[index - 1];
    const change: TextChange = !previous ? 'creation' : hasText(version) && hasText(previous) ? 'text' : 'unknown';
    return {
      index,
      version,
      from: version.validFrom,
      ...(version.validTo ? { to: version.validTo } : {}),
      status: version.status,
      change,
      textUnavailable: !hasText(version),
      linkOnlyChanges: version.linkOnlyChanges ?? [],
    };
  });
}

/** The version that came into force on `from` (versions are named by that day in locations). */
export function versionIndexFrom(article: Article, from: IsoDate): number {
  return article.versions.findIndex((version) => version.validFrom === from);
}

/**
 * The pair of versions a change set on `day` shows for an article: the one in force the day before
 * (absent for an article created that day) and the one from that day (absent when repealed).
 */
export function versionsAroundDay(article: Article, day: IsoDate): { before?: Version; after?: Version } {
  const afterIndex = versionIndexFrom(article, day);
  const after = afterIndex >= 0 ? article.versions[afterIndex] : undefined;
  // The version before is the one that ended on that day (or, when none did, the one in force then that
  // began before it: a repeal leaves the last version ending on the day).
  const ended = [...article.versions].reverse().find((v) => v.validTo === day);
  const before = ended ?? (afterIndex > 0 && after ? article.versions[afterIndex - 1] : undefined);
  return { ...(before ? { before } : {}), ...(after ? { after } : {}) };
}
