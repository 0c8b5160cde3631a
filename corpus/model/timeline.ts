/**
 * Time over an article's versions: the one place that says which version is in force on a date.
 * The compiler (references, search documents), the host and the renderer (reader, versions, table
 * of contents, link targets) all ask it here, so that they can never disagree.
 *
 * The rules:
 * - A version is in force on D when `validFrom <= D < validTo`; `validTo` is exclusive, absent while
 *   the version runs on.
 * - A version that ended with no end date — the sources say the article was repealed, transferred
 *   or lapsed (« Abrogé par … » in lexlib) but none says when — counts as in force up to the corpus
 *   data date and ended from it on (`undatedEndsOn`): at that date the sources state the end, before
 *   it nothing does. The corpus data date is `corpusDataDate()`; callers pass it explicitly because
 *   the compiler knows it before the manifest exists and the reader reads it from the manifest.
 * - Versions are chronological and do not overlap (the merge guarantees it); at most one is in force
 *   on a date.
 * - A version's status is how it ended, or is due to end, and VIGUEUR_DIFF when it starts after the
 *   data date (`versionStatus`): the importers and the merge both decide it here.
 */
import type { ArticleCatalogEntry, Manifest } from './bundle.ts';
import type { Article, InferredEnd, InferredEndBasis, IsoDate, SourceInfo, Version, VersionStatus } from './model.ts';

/** A date after every real one: the end of what has no end, for comparisons. */
export const FAR_FUTURE: IsoDate = '9999-12-31';

/**
 * What the rules read of a version (a catalog entry has the same three facts for a whole article).
 * A status may be missing on a version a source imported but the merge has not judged yet: such a
 * version is not known to have ended.
 */
export interface VersionSpan {
  validFrom: IsoDate;
  validTo?: IsoDate;
  status?: VersionStatus;
}

const ENDED: ReadonlySet<VersionStatus> = new Set<VersionStatus>(['ABROGE', 'TRANSFERE', 'PERIME']);

/** Repealed, transferred or lapsed: the text ended without being replaced by a new version of it. */
export function isEndedStatus(status: VersionStatus | undefined): boolean {
  return status !== undefined && ENDED.has(status);
}

/** How a version ended, or is due to end, as its sources say: a new version of its text replaced it, or the text itself ended. */
export type VersionEnd = 'replaced' | 'repealed' | 'transferred' | 'lapsed';

const END_STATUS: Record<VersionEnd, VersionStatus> = {
  replaced: 'MODIFIE',
  repealed: 'ABROGE',
  transferred: 'TRANSFERE',
  lapsed: 'PERIME',
};

/** How a version whose source states this status ended (absent: it did not, or was replaced). */
export function endOfStatus(status: VersionStatus | undefined): VersionEnd | undefined {
  if (status === undefined) return undefined;
  return (Object.keys(END_STATUS) as VersionEnd[]).find((end) => end !== 'replaced' && END_STATUS[end] === status);
}

/**
 * The status of a version: the one rule, for the importers and the merge alike.
 * - It starts after the data date: VIGUEUR_DIFF (in force later).
 * - Else how it ended or is due to end, before or after the data date: replaced → MODIFIE, repealed →
 *   ABROGE, transferred → TRANSFERE, lapsed → PERIME. A repeal already scheduled (LEGI's ABROGE_DIFF)
 *   is ABROGE, so that the reader can say « abrogé le … »; an end stated without a date counts the
 *   same (see `endsUndated`).
 * - No end: VIGUEUR.
 */
export function versionStatus(version: { validFrom: IsoDate; end?: VersionEnd }, dataDate: IsoDate): VersionStatus {
  if (version.validFrom > dataDate) return 'VIGUEUR_DIFF';
  return version.end === undefined ? 'VIGUEUR' : END_STATUS[version.end];
}

/** The sources say the version ended, but not when. */
export function endsUndated(span: VersionSpan): boolean {
  return span.validTo === undefined && isEndedStatus(span.status);
}

/** The exclusive end of a version as the reader counts it (see the rules above); undefined: no end. */
export function effectiveEnd(span: VersionSpan, undatedEndsOn: IsoDate): IsoDate | undefined {
  if (span.validTo !== undefined) return span.validTo;
  return endsUndated(span) ? undatedEndsOn : undefined;
}

export function isInForceOn(span: VersionSpan, date: IsoDate, undatedEndsOn: IsoDate): boolean {
  const to = effectiveEnd(span, undatedEndsOn);
  return span.validFrom <= date && (to === undefined || date < to);
}

/** A period with its end already counted (`effectiveEnd`): [from, to), `to` absent while it runs on. */
export interface DateRange {
  from: IsoDate;
  to?: IsoDate;
}

export function rangeCovers(range: DateRange, date: IsoDate): boolean {
  return range.from <= date && (range.to === undefined || date < range.to);
}

/** Index of the version in force on the date, or -1. */
export function versionIndexOn(versions: readonly VersionSpan[], date: IsoDate, undatedEndsOn: IsoDate): number {
  for (let i = versions.length - 1; i >= 0; i--) {
    const version = versions[i]!;
    if (version.validFrom > date) continue;
    return isInForceOn(version, date, undatedEndsOn) ? i : -1;
  }
  return -1;
}

/** The article's version in force on the date, when one is. */
export function versionOn<V extends VersionSpan = Version>(
  article: { versions: readonly V[] },
  date: IsoDate,
  undatedEndsOn: IsoDate,
): V | undefined {
  const index = versionIndexOn(article.versions, date, undatedEndsOn);
  return index < 0 ? undefined : article.versions[index];
}

/** What a reader finds when opening an article at a date. */
export type Reading =
  /** A version is in force on the date; `next` is the version that followed it, if any. */
  | { kind: 'in-force'; index: number; version: Version; next?: Version }
  /** The date is before the article's first version. */
  | { kind: 'not-yet'; index: number; version: Version }
  /**
   * The date is after the end of the version at `index` and no later version had started: repealed,
   * transferred or lapsed (or a gap in the history, when `next` is set). `endedOn` is absent when
   * the sources state the end without its date.
   */
  | { kind: 'ended'; index: number; version: Version; endedOn?: IsoDate; status: VersionStatus; next?: Version };

export function readingAt(article: Pick<Article, 'versions'>, date: IsoDate, undatedEndsOn: IsoDate): Reading | undefined {
  const { versions } = article;
  const first = versions[0];
  if (!first) return undefined;
  let index = -1;
  for (let i = 0; i < versions.length && versions[i]!.validFrom <= date; i++) index = i;
  if (index < 0) return { kind: 'not-yet', index: 0, version: first };
  const version = versions[index]!;
  const next = versions[index + 1];
  if (isInForceOn(version, date, undatedEndsOn)) return { kind: 'in-force', index, version, ...(next ? { next } : {}) };
  return {
    kind: 'ended',
    index,
    version,
    ...(version.validTo !== undefined ? { endedOn: version.validTo } : {}),
    status: version.status,
    ...(next ? { next } : {}),
  };
}

/** Where an article stands on a date: in force, not yet in force, or no longer in force. */
export type ArticleState = 'in-force' | 'future' | 'ended';

export function articleStateOn(article: Pick<Article, 'versions'>, date: IsoDate, undatedEndsOn: IsoDate): ArticleState {
  if (versionIndexOn(article.versions, date, undatedEndsOn) >= 0) return 'in-force';
  const first = article.versions[0];
  return first !== undefined && first.validFrom > date ? 'future' : 'ended';
}

/**
 * Whether an article is in force on a date, by its catalog entry (first start, last end, last
 * status, gaps): the table of contents and number lookups ask this without loading the article,
 * and get the same answer as `versionOn` on the article.
 */
export function entryInForceOn(
  entry: Pick<ArticleCatalogEntry, 'from' | 'to' | 'status' | 'gaps'>,
  date: IsoDate,
  undatedEndsOn: IsoDate,
): boolean {
  if (entry.gaps?.some((gap) => gap.from <= date && date < gap.to)) return false;
  return isInForceOn(
    { validFrom: entry.from, status: entry.status, ...(entry.to !== undefined ? { validTo: entry.to } : {}) },
    date,
    undatedEndsOn,
  );
}

/** The periods inside an article's history when no version is in force (for its catalog entry). */
export function gapsOf(versions: readonly VersionSpan[], undatedEndsOn: IsoDate): { from: IsoDate; to: IsoDate }[] {
  const gaps: { from: IsoDate; to: IsoDate }[] = [];
  for (let i = 0; i + 1 < versions.length; i++) {
    const end = effectiveEnd(versions[i]!, undatedEndsOn);
    const next = versions[i + 1]!.validFrom;
    if (end !== undefined && end < next) gaps.push({ from: end, to: next });
  }
  return gaps;
}

/** The number the article bore during a version (`Version.num`, else the article's). */
export function versionNumber(article: Pick<Article, 'num'>, version: Pick<Version, 'num'>): string {
  return version.num ?? article.num;
}

/** Every number an article bore, oldest first, each once; the last is its current number. */
export function numbersOf(article: Pick<Article, 'num' | 'versions'>): string[] {
  const former = new Set(article.versions.map((version) => versionNumber(article, version)).filter((num) => num !== article.num));
  return [...former, article.num];
}

const INFERRED_END_PHRASES: Record<InferredEndBasis, string> = {
  message: 'version consolidée qui le range parmi les articles abrogés',
  'repeal-entry': 'date d’entrée en vigueur indiquée par le texte abrogeant',
  'repealing-text': 'date d’entrée en vigueur du texte abrogeant dans ce code',
  'new-texts': 'date d’entrée en vigueur des articles qui le remplacent',
  nota: 'date d’entrée en vigueur donnée par la note',
  'repealing-text-first': 'première entrée en vigueur du texte abrogeant dans ce code',
  publication: 'lendemain de la publication du texte abrogeant au Journal officiel',
  signature: 'date du texte abrogeant ; sa date d’effet n’est pas connue',
  'former-code': 'date d’entrée en vigueur du code qui l’a remplacé',
};

/**
 * Why the reader gives this end date when no source states it, in French: « abrogé le 1er mai
 * 2008 — date d'entrée en vigueur des articles qui le remplacent ».
 */
export function inferredEndPhrase(end: InferredEnd): string {
  return INFERRED_END_PHRASES[end.basis];
}

/**
 * The corpus data date: the newest source's date, never after the day of the build (LexHub carries
 * versions due years ahead; they are « in force later », not the present). The compiler computes it
 * from its imports, the reader from the manifest: one function, so both agree.
 */
export function dataDateOf(sources: readonly Pick<SourceInfo, 'date'>[], buildDay: IsoDate): IsoDate {
  const newest = sources.reduce<IsoDate>((max, source) => (source.date && source.date > max ? source.date : max), '0000-00-00');
  return newest < buildDay ? newest : buildDay;
}

/** The data date of a compiled corpus (see `dataDateOf`). */
export function corpusDataDate(manifest: Pick<Manifest, 'sources' | 'builtAt'>): IsoDate {
  return dataDateOf(manifest.sources, manifest.builtAt.slice(0, 10));
}
