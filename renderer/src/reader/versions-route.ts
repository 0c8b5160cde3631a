/**
 * The parts of the in-app locations that belong to the versions views (parsed and written by
 * `reader/route.ts`, which owns the whole location):
 *
 *   #/code/L611-3/versions/1985-12-21..2024-01-01            two versions side by side
 *   #/code/L611-3/versions/1985-12-21..2024-01-01/redline    the same as a redline
 *   #/code-de-la-securite-sociale/modifications              the change dates of a code
 *   #/code-de-la-securite-sociale/modifications/2006-01-28   « Modifications du 28 janvier 2006 »
 *   #/code-de-la-securite-sociale@1990-01-01/modifications…  the same, the session reading 1990
 *
 * A version is named by the day it came into force (`validFrom`), unique within an article.
 */
import type { IsoDate } from '../../../corpus/model/model.ts';
import { isIsoDate } from '../dates/french-dates.ts';

export const COMPARE_VIEWS = ['cote-a-cote', 'redline'] as const;
export type CompareView = (typeof COMPARE_VIEWS)[number];

/** Two versions of an article to compare (`from` the older in the usual case, not required). */
export interface VersionPair {
  from: IsoDate;
  to: IsoDate;
  view: CompareView;
}

/** The path segment of a code's change sets. */
export const CHANGES_SEGMENT = 'modifications';

/** `['1985-12-21..2024-01-01', 'redline']` → the pair; undefined when malformed. */
export function parseVersionPair(segments: readonly string[]): VersionPair | undefined {
  if (segments.length === 0 || segments.length > 2) return undefined;
  const match = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(segments[0] ?? '');
  if (!match || !isIsoDate(match[1]!) || !isIsoDate(match[2]!)) return undefined;
  const viewName = segments[1] ?? 'cote-a-cote';
  const view = COMPARE_VIEWS.find((v) => v === viewName);
  if (!view) return undefined;
  return { from: match[1]!, to: match[2]!, view };
}

/** The pair as path segments after `/versions`: `/1985-12-21..2024-01-01[/redline]`. */
export function formatVersionPair(pair: VersionPair): string {
  return `/${pair.from}..${pair.to}${pair.view === 'cote-a-cote' ? '' : `/${pair.view}`}`;
}

/** The segments after `/modifications`: none (the list of dates) or one date. */
export function parseChangeDay(segments: readonly string[]): { ok: true; day?: IsoDate } | { ok: false } {
  if (segments.length === 0) return { ok: true };
  if (segments.length === 1 && isIsoDate(segments[0] ?? '')) return { ok: true, day: segments[0]! };
  return { ok: false };
}
