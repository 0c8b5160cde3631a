/**
 * Which version of an article is in force on a date — the question every view of the reader asks
 * (article text, links, link targets « as in force on D »). `validTo` is exclusive.
 */
import type { Article, IsoDate, Version, VersionStatus } from '../../../corpus/model/model.ts';

export type Reading =
  /** A version is in force on the date; `next` is the version that replaced it, if any. */
  | { kind: 'in-force'; index: number; version: Version; next?: Version }
  /** The date is before the article's first version. */
  | { kind: 'not-yet'; index: number; version: Version }
  /**
   * The date is after the end of the version at `index` and no later version had started:
   * repealed, transferred or lapsed (or a gap in the history, when `next` is set).
   */
  | { kind: 'ended'; index: number; version: Version; endedOn: IsoDate; status: VersionStatus; next?: Version };

export function readingAt(article: Article, date: IsoDate): Reading | undefined {
  const { versions } = article;
  const first = versions[0];
  if (!first) return undefined;
  let index = -1;
  // Versions are chronological: the last one that started on or before the date is the candidate.
  for (let i = 0; i < versions.length; i++) {
    const version = versions[i];
    if (version && version.validFrom <= date) index = i;
    else break;
  }
  if (index < 0) return { kind: 'not-yet', index: 0, version: first };
  const version = versions[index] as Version;
  const next = versions[index + 1];
  if (version.validTo && version.validTo <= date) {
    return { kind: 'ended', index, version, endedOn: version.validTo, status: version.status, ...(next ? { next } : {}) };
  }
  return { kind: 'in-force', index, version, ...(next ? { next } : {}) };
}

/** The date to read a version at: its first day. */
export function versionDate(version: Version): IsoDate {
  return version.validFrom;
}

/** French label of a version's status. */
export function statusLabel(status: VersionStatus): string {
  switch (status) {
    case 'VIGUEUR':
      return 'En vigueur';
    case 'VIGUEUR_DIFF':
      return 'En vigueur différée';
    case 'MODIFIE':
      return 'Modifié';
    case 'ABROGE':
      return 'Abrogé';
    case 'TRANSFERE':
      return 'Transféré';
    case 'PERIME':
      return 'Périmé';
  }
}
