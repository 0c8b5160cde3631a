/**
 * One article's LexHub history (the commits that touched its file, in order) as versions.
 *
 * - A commit's date is the date of effect: it opens a version and closes the previous one.
 * - A commit that leaves the text and NOTA as they were (a move to another folder, new link
 *   titles) is no new version: a change of links is recorded in `linkOnlyChanges`.
 * - Two commits on the same day: the later one is the text of that day.
 * - The file deleted (and not moved): the article is repealed on that date — the last version ends
 *   there with status ABROGE. A file that comes back later opens a new version after the gap.
 * - Dates: LexHub clamps dates before 1970 to 1970-01-02 (`clamped`: the real date is earlier) and
 *   dates changes not yet fixed on 2038-01-01 (`unfixed`: in force later, VIGUEUR_DIFF).
 * Other statuses are left to the merge, which knows the build date.
 */
import type { ImportedVersion } from '../source-import.ts';
import type { IsoDate, Link } from '../../../model/model.ts';

export const CLAMPED_DATE = '1970-01-02';
const MISSING_TEXT = /^\W*Missing data from legifrance\W*$/i;
export const UNFIXED_DATE = '2038-01-01';

export type TimelineEvent =
  | { kind: 'text'; date: IsoDate; paragraphs: string[]; nota: string[]; links: Link[]; amendedBy?: string }
  | { kind: 'repeal'; date: IsoDate };

export function dateQualityOf(date: IsoDate): 'exact' | 'clamped' | 'unfixed' {
  if (date <= CLAMPED_DATE) return 'clamped';
  if (date >= UNFIXED_DATE) return 'unfixed';
  return 'exact';
}

function sameStrings(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const x = a ?? [];
  const y = b ?? [];
  return x.length === y.length && x.every((value, i) => value === y[i]);
}

function sameLinks(a: readonly Link[], b: readonly Link[]): boolean {
  return sameStrings(
    a.map((link) => link.label),
    b.map((link) => link.label),
  );
}

/** Events must be in commit order (the history is in date order; equal dates keep commit order). */
export function buildTimeline(events: readonly TimelineEvent[]): ImportedVersion[] {
  const versions: ImportedVersion[] = [];
  // Whether the last version was closed by a repeal (as opposed to still running).
  let repealed = false;
  for (const event of events) {
    const last = versions.at(-1);
    if (event.kind === 'repeal') {
      if (!last || repealed) continue;
      if (last.validFrom === event.date) {
        // Created and deleted the same day: never in force. The one before ends that day, repealed.
        versions.pop();
        const previous = versions.at(-1);
        if (previous && previous.validTo === event.date) markRepealed(previous, event.date);
      } else markRepealed(last, event.date);
      repealed = true;
      continue;
    }
    const quality = dateQualityOf(event.date);
    const nota = event.nota.length > 0 ? event.nota : undefined;
    if (last && repealed && last.validTo === event.date && sameStrings(last.paragraphs, event.paragraphs) && sameStrings(last.nota, nota)) {
      // Deleted then restored the same day with the same text: no repeal after all.
      delete last.validTo;
      if (last.dateQuality !== 'unfixed') delete last.status;
      else last.status = 'VIGUEUR_DIFF';
      last.links = event.links;
      repealed = false;
      continue;
    }
    if (last && !repealed && sameStrings(last.paragraphs, event.paragraphs) && sameStrings(last.nota, nota)) {
      if (!sameLinks(last.links, event.links)) {
        if (event.date > last.validFrom) {
          const dates = (last.linkOnlyChanges ??= []);
          if (dates.at(-1) !== event.date) dates.push(event.date);
        }
        last.links = event.links;
      }
      continue;
    }
    if (last && !repealed && last.validFrom === event.date) {
      versions.pop();
      const previous = versions.at(-1);
      if (
        previous &&
        previous.validTo === event.date &&
        previous.status !== 'ABROGE' &&
        sameStrings(previous.paragraphs, event.paragraphs) &&
        sameStrings(previous.nota, nota)
      ) {
        // The day's later commit restored the text before: the earlier version simply runs on.
        delete previous.validTo;
        previous.links = event.links;
        continue;
      }
      versions.push(makeVersion(event, nota, quality, event.amendedBy ?? last.amendedBy));
      continue;
    }
    if (last && !repealed) last.validTo = event.date;
    versions.push(makeVersion(event, nota, quality, event.amendedBy));
    repealed = false;
  }
  return versions;
}

function markRepealed(version: ImportedVersion, date: IsoDate): void {
  version.validTo = date;
  // A deletion dated 2038-01-01 is a repeal whose date is not fixed: the text is in force until then.
  if (dateQualityOf(date) !== 'unfixed') version.status = 'ABROGE';
}

function makeVersion(
  event: Extract<TimelineEvent, { kind: 'text' }>,
  nota: string[] | undefined,
  quality: 'exact' | 'clamped' | 'unfixed',
  amendedBy: string | undefined,
): ImportedVersion {
  // LexHub writes « ⚠️Missing data from legifrance » where it had no text: that version is known
  // by its date only, never a text to show, search or compare.
  const missing = event.paragraphs.length > 0 && event.paragraphs.every((p) => MISSING_TEXT.test(p));
  return {
    validFrom: event.date,
    ...(quality === 'unfixed' ? { status: 'VIGUEUR_DIFF' as const } : {}),
    ...(missing ? { datesOnly: true } : {}),
    paragraphs: missing ? [] : event.paragraphs,
    ...(nota ? { nota } : {}),
    ...(amendedBy ? { amendedBy } : {}),
    links: event.links,
    dateQuality: quality,
  };
}
