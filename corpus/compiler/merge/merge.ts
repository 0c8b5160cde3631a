/**
 * Merges the sources describing the same codes into one model: one article (same code and LEGI id,
 * else same number) has one timeline; versions whose text is the same collapse; every version
 * remembers its sources. Sources are given in priority order (first wins where they disagree).
 */
import { articleId, numberOfArticleId } from '../../model/ids.ts';
import type {
  Article,
  ArticleId,
  ChangeSet,
  Code,
  CodeId,
  IsoDate,
  Link,
  Section,
  SourceId,
  Version,
  VersionStatus,
} from '../../model/model.ts';
import { FAR_FUTURE, endOfStatus, isEndedStatus, versionStatus, type VersionEnd } from '../../model/timeline.ts';
import { textKey } from '../../text/paragraphs.ts';
import { groupBy, pushTo } from '../../util/group-by.ts';
import type { ImportedArticle, ImportedVersion, SourceImport } from '../sources/source-import.ts';
import { applyLegiPeriods } from './legi-periods.ts';
import { dateUndatedRepeals } from './repeal-dates.ts';
import { placeUnsectionedArticles } from './toc-placement.ts';

export interface MergedCorpus {
  codes: Code[];
  /** Articles by code, each list in table-of-contents order. */
  articles: Map<CodeId, Article[]>;
  changeSets: Map<CodeId, ChangeSet[]>;
}

export interface MergeOptions {
  /** The data's own date: versions starting after it are "in force later". */
  dataDate: IsoDate;
  /** Sources that record every consolidated version (lexlib); filled by `mergeSources`. */
  completeHistories?: ReadonlySet<SourceId>;
  /**
   * Sources whose version lists carry DILA's own dates (legi-data's `articleVersions`); filled by
   * `mergeSources`. Where they know an article, their dates decide when it was in force.
   */
  datedHistories?: ReadonlySet<SourceId>;
}

interface Candidate {
  version: ImportedVersion;
  source: SourceId;
  priority: number;
}

interface ArticleDraft {
  id: ArticleId;
  code: CodeId;
  num: string;
  legiId?: string;
  section?: string;
  /** The part its first source files it under (`sectionPath[0]`), for placing it in the contents. */
  part?: string;
  candidates: Candidate[];
}

const DATE_TRUST: Record<NonNullable<ImportedVersion['dateQuality']>, number> = { exact: 0, clamped: 1, unfixed: 2 };

export function mergeSources(imports: readonly SourceImport[], options: MergeOptions): MergedCorpus {
  const drafts = new Map<ArticleId, ArticleDraft>();
  // Per code: number → ids of the articles bearing it (renumbering can give one number to several).
  const byNumber = new Map<CodeId, Map<string, ArticleId[]>>();
  const codeInfo = new Map<CodeId, { title: string; legiTextId?: string; tocs: Section[][] }>();

  const numberIndex = (code: CodeId) => {
    let index = byNumber.get(code);
    if (!index) byNumber.set(code, (index = new Map()));
    return index;
  };

  // LEGI names an article by several ids: lexlib files carry the id of its first version, legi-data
  // its "cid" and the id of every version. Any shared id means the same article.
  const aliases = new Map<string, ArticleId>();
  const formerPartSince = new Map<ArticleId, IsoDate>();
  const inFormerPart = new Set<ArticleId>();

  // Pass 1: articles with a LEGI id fix the identities; pass 2 attaches number-only articles to them.
  const ordered = imports.map((source, priority) => ({ source, priority }));
  for (const pass of [true, false]) {
    for (const { source, priority } of ordered) {
      for (const code of pass ? source.codes : []) {
        const info = codeInfo.get(code.id);
        if (!info) codeInfo.set(code.id, { title: code.title, legiTextId: code.legiTextId, tocs: code.toc ? [code.toc] : [] });
        else {
          info.legiTextId ??= code.legiTextId;
          if (code.toc) info.tocs.push(code.toc);
        }
      }
      for (const imported of source.articles) {
        if (Boolean(imported.legiId) !== pass) continue;
        if (pass) {
          const draft = draftWithLegiId(imported);
          draft.part ??= imported.sectionPath?.[0];
          if (imported.formerPartSince && !formerPartSince.has(draft.id)) formerPartSince.set(draft.id, imported.formerPartSince);
          if (imported.inFormerPart) inFormerPart.add(draft.id);
          for (const version of imported.versions) draft.candidates.push({ version, source: source.info.id, priority });
        } else {
          for (const { draft, versions } of attachByNumber(imported)) {
            draft.part ??= imported.sectionPath?.[0];
            for (const version of versions) draft.candidates.push({ version, source: source.info.id, priority });
          }
        }
      }
    }
  }

  function draftWithLegiId(imported: ImportedArticle): ArticleDraft {
    const keys = [imported.legiId!, ...imported.versions.flatMap((v) => (v.legiVersionId ? [v.legiVersionId] : []))].map(
      (k) => `${imported.code}/${k}`,
    );
    const known = keys.map((k) => aliases.get(k)).find((id) => id !== undefined);
    const id = known ?? articleId(imported.code, imported.legiId, imported.num);
    for (const key of keys) if (!aliases.has(key)) aliases.set(key, id);
    let draft = drafts.get(id);
    if (!draft) {
      draft = { id, code: imported.code, num: imported.num, legiId: imported.legiId, candidates: [] };
      drafts.set(id, draft);
    }
    // Every number the article bore (lexlib's file names of each version), for the sources that
    // know an article by its number only and for the change sets.
    for (const num of new Set([imported.num, ...imported.versions.flatMap((v) => (v.num ? [v.num] : []))])) {
      const ids = numberIndex(imported.code).get(num);
      if (!ids) numberIndex(imported.code).set(num, [id]);
      else if (!ids.includes(id)) ids.push(id);
    }
    return draft;
  }

  /**
   * A source that knows articles by number only (LexHub) gives one history per number; a number can
   * have named several LEGI articles over time (D752-2-1 of the sécurité sociale: one article from
   * 1995, repealed, another from 2017). Each version goes to the article it belongs to
   * (`chooseDraftByNumber`); where the history passes from one article to the next, the end it gives
   * the first is only the start of the next one's text, not a repeal, and is dropped.
   */
  function attachByNumber(imported: ImportedArticle): { draft: ArticleDraft; versions: ImportedVersion[] }[] {
    const ids = numberIndex(imported.code).get(imported.num) ?? [];
    const known = ids.map((id) => drafts.get(id)!).filter((d) => d.legiId !== undefined);
    if (known.length === 0) return [{ draft: numberOnlyDraft(imported, ids), versions: imported.versions }];
    const pieces: { draft: ArticleDraft; versions: ImportedVersion[] }[] = [];
    for (const version of imported.versions) {
      const draft = known.length === 1 ? known[0]! : chooseDraftByNumber(known, version, imported);
      const last = pieces.at(-1);
      if (last && last.draft === draft) last.versions.push(version);
      else pieces.push({ draft, versions: [version] });
    }
    for (let i = 0; i + 1 < pieces.length; i++) {
      const tail = pieces[i]!.versions;
      const end = tail.at(-1)!;
      if (end.validTo !== undefined && end.status !== 'ABROGE') tail[tail.length - 1] = withoutEnd(end);
    }
    return pieces;
  }

  function numberOnlyDraft(imported: ImportedArticle, ids: readonly ArticleId[]): ArticleDraft {
    const id = articleId(imported.code, undefined, imported.num);
    let draft = drafts.get(id);
    if (!draft) {
      draft = { id, code: imported.code, num: imported.num, candidates: [] };
      drafts.set(id, draft);
      numberIndex(imported.code).set(imported.num, [...ids, id]);
    }
    return draft;
  }

  const timelineOptions: MergeOptions = {
    ...options,
    completeHistories: new Set(imports.filter((i) => i.info.kind === 'lexlib').map((i) => i.info.id)),
    datedHistories: new Set(imports.filter((i) => i.info.kind === 'legi-data').map((i) => i.info.id)),
  };
  const articles = new Map<CodeId, Article[]>();
  const parts = new Map<ArticleId, string>();
  for (const draft of drafts.values()) {
    const versions = numberVersions(buildTimeline(draft.candidates, timelineOptions), draft.num);
    if (versions.length === 0) continue;
    if (draft.part !== undefined) parts.set(draft.id, draft.part);
    // The article's number is its latest: the last version's.
    const article: Article = { id: draft.id, code: draft.code, num: versions.at(-1)!.num ?? draft.num, versions };
    if (draft.legiId) article.legiId = draft.legiId;
    pushTo(articles, draft.code, article);
  }

  const codes: Code[] = [];
  for (const [id, info] of codeInfo) {
    const list = articles.get(id) ?? [];
    const toc = chooseToc(info.tocs, list);
    const { ordered } = placeUnsectionedArticles(toc, list, {
      code: id,
      parts,
      otherTocs: info.tocs.filter((t) => t !== toc),
      mergedId: (articleId) => aliases.get(articleId) ?? articleId,
    });
    articles.set(id, ordered);
    const code: Code = { id, title: info.title, toc };
    if (info.legiTextId) code.legiTextId = info.legiTextId;
    codes.push(code);
  }

  const changeSets = mergeChangeSets(imports, articles, byNumber);
  // DILA dates the articles legi-data knows (`applyLegiPeriods`); the others' undated repeals get inferred dates.
  const datedByDila = new Set(
    [...drafts.values()].filter((d) => d.candidates.some((c) => timelineOptions.datedHistories?.has(c.source))).map((d) => d.id),
  );
  dateUndatedRepeals(articles, changeSets, datedByDila, options.dataDate, formerPartSince, inFormerPart);
  return { codes, articles, changeSets };
}

function overlapCount(draft: ArticleDraft, imported: ImportedArticle): number {
  let count = 0;
  for (const v of imported.versions) {
    for (const c of draft.candidates) {
      const end = c.version.validTo ?? '9999-12-31';
      if (v.validFrom >= c.version.validFrom && v.validFrom < end) count++;
    }
  }
  return count;
}

/**
 * Which of the articles that bore a number a version known by that number belongs to: the one that
 * has the same text; else the one whose own history covers the version's date (the latest to
 * start); else the one whose dates overlap the whole history most.
 */
function chooseDraftByNumber(drafts: readonly ArticleDraft[], version: ImportedVersion, imported: ImportedArticle): ArticleDraft {
  const key = textKey(version);
  const sameText = drafts.filter((d) => d.candidates.some((c) => !c.version.datesOnly && textKey(c.version) === key));
  if (sameText.length > 0) return sameText[0]!;
  const covering = drafts
    .map((d) => ({ draft: d, span: spanOf(d) }))
    .filter(({ span }) => span.from <= version.validFrom && (span.to === undefined || version.validFrom < span.to))
    .sort((a, b) => b.span.from.localeCompare(a.span.from));
  if (covering.length > 0) return covering[0]!.draft;
  let best = drafts[0]!;
  let bestOverlap = -1;
  for (const draft of drafts) {
    const overlap = overlapCount(draft, imported);
    if (overlap > bestOverlap) [best, bestOverlap] = [draft, overlap];
  }
  return best;
}

/** From the first start to the last end (absent: open) of what the sources with a LEGI id gave an article. */
function spanOf(draft: ArticleDraft): { from: IsoDate; to?: IsoDate } {
  let from = FAR_FUTURE;
  let to: IsoDate | undefined = '0000-00-00';
  for (const c of draft.candidates) {
    if (c.version.validFrom < from) from = c.version.validFrom;
    if (to !== undefined) to = c.version.validTo === undefined ? undefined : c.version.validTo > to ? c.version.validTo : to;
  }
  return to === undefined ? { from } : { from, to };
}

function withoutEnd(version: ImportedVersion): ImportedVersion {
  const copy = { ...version };
  delete copy.validTo;
  return copy;
}

/**
 * Every version bears a number: a version whose source gave none (legi-data's past versions, known
 * by their dates only) bears the one before it, or the first one known after it.
 */
function numberVersions(versions: Version[], fallback: string): Version[] {
  let known = versions.find((v) => v.num !== undefined)?.num ?? fallback;
  for (const version of versions) {
    if (version.num === undefined) version.num = known;
    else known = version.num;
  }
  return versions;
}

/** A version of the timeline being built, with what its source stated about its end. */
interface TimelineDraft {
  version: Version;
  key: string;
  priority: number;
  /** End stated by the source (repeal), as opposed to derived from the next version. */
  statedEnd?: IsoDate;
  statedStatus?: VersionStatus;
}

/**
 * One timeline from every source's versions: text versions sorted by date; where two sources give
 * the same date, the first source's text wins (the other is noted as a source only when its text is
 * the same); consecutive equal texts collapse; dates of lesser trust (LexHub's clamped or unfixed
 * dates) yield to exact ones for the same text. Three passes: the text versions, then the versions
 * known by their dates only, then every version's end and status.
 */
export function buildTimeline(candidates: readonly Candidate[], options: MergeOptions): Version[] {
  const timeline = withoutVersionsInStatedGaps(
    textVersions(
      candidates.filter((c) => !c.version.datesOnly),
      renumberingSources(options),
    ),
    options.completeHistories ?? new Set(),
  );
  addDatesOnlyVersions(
    timeline,
    candidates.filter((c) => c.version.datesOnly),
    options,
  );
  closeVersions(timeline, options.dataDate);
  const versions = timeline.map((d) => d.version);
  const dilaDates = candidates.filter((c) => options.datedHistories?.has(c.source));
  return dilaDates.length > 0 ? applyLegiPeriods(versions, dilaDates, options.dataDate).versions : versions;
}

/**
 * Sources whose change of an article's number is a dated fact (lexlib: the file renamed in a
 * consolidated version; legi-data: a LEGI version of its own): a version of its own even when the
 * text stays. LexHub's numbers are its own spellings of the heading, not a renumbering.
 */
function renumberingSources(options: MergeOptions): ReadonlySet<SourceId> {
  return new Set([...(options.completeHistories ?? []), ...(options.datedHistories ?? [])]);
}

/**
 * A complete history (lexlib) states a gap: its version ends, repealed, and a later one of its own
 * comes back. A version only a lesser source gives (LexHub, known by number) starting inside that
 * gap is left out: the article's file was absent from the code then (R611-4 of the sécurité sociale:
 * out from 2005-04-21 to 2006-01-28 per lexlib, a LexHub version in between ran the gap through).
 * legi-data's dates, applied after, still decide for the articles DILA knows.
 */
function withoutVersionsInStatedGaps(timeline: TimelineDraft[], complete: ReadonlySet<SourceId>): TimelineDraft[] {
  const fromComplete = (d: TimelineDraft) => d.version.sources.some((s) => complete.has(s));
  if (!timeline.some(fromComplete)) return timeline;
  const kept: TimelineDraft[] = [];
  let lastComplete: TimelineDraft | undefined;
  timeline.forEach((d, i) => {
    if (fromComplete(d)) {
      lastComplete = d;
      kept.push(d);
      return;
    }
    const gapStart = lastComplete && isEndedStatus(lastComplete.statedStatus) ? lastComplete.statedEnd : undefined;
    const back = timeline.slice(i + 1).find(fromComplete);
    if (gapStart !== undefined && back && gapStart <= d.version.validFrom && d.version.validFrom < back.version.validFrom) return;
    kept.push(d);
  });
  return kept;
}

/** Pass 1: the versions that have a text, in date order, equal texts collapsed. */
function textVersions(texts: readonly Candidate[], renumbering: ReadonlySet<SourceId>): TimelineDraft[] {
  // Texts known with an exact date: a clamped/unfixed copy of the same text adds nothing but its source.
  const exactKeys = new Set<string>();
  for (const c of texts) if ((c.version.dateQuality ?? 'exact') === 'exact') exactKeys.add(textKey(c.version));

  const sorted = [...texts].sort(
    (a, b) =>
      a.version.validFrom.localeCompare(b.version.validFrom) ||
      DATE_TRUST[a.version.dateQuality ?? 'exact'] - DATE_TRUST[b.version.dateQuality ?? 'exact'] ||
      a.priority - b.priority,
  );

  const timeline: TimelineDraft[] = [];
  const lateSources = new Map<string, SourceId[]>();
  for (const c of sorted) {
    const key = textKey(c.version);
    const quality = c.version.dateQuality ?? 'exact';
    if (quality !== 'exact' && exactKeys.has(key)) {
      pushTo(lateSources, key, c.source);
      continue;
    }
    const last = timeline[timeline.length - 1];
    if (last && last.version.validFrom === c.version.validFrom) {
      // Same date from another source: same text → one more source; different text → the first source wins.
      if (last.key === key) {
        addSource(last.version, c.source);
        // The same text from another source that knows when it ended (LexHub saw L611-3 deleted on
        // 2018-01-01 where lexlib's history stops): the end is information the first source lacks.
        if (c.version.validTo && !last.statedEnd) {
          last.statedEnd = c.version.validTo;
          if (c.version.status) last.statedStatus = c.version.status;
        }
      }
      if (last.key === key || c.priority >= last.priority) {
        mergeLinks(last.version, c.version);
        continue;
      }
    }
    if (last && last.key === key && !endsBefore(last, c.version.validFrom) && !renumbered(last, c, renumbering)) {
      // Equal consecutive texts: one version; the later entry only changed links (or dates).
      addSource(last.version, c.source);
      if (c.version.validFrom !== last.version.validFrom) (last.version.linkOnlyChanges ??= []).push(c.version.validFrom);
      if (c.version.links.length) last.version.links = c.version.links;
      if (c.version.validTo) last.statedEnd = c.version.validTo;
      if (c.version.status) last.statedStatus = c.version.status;
      continue;
    }
    const version: Version = {
      validFrom: c.version.validFrom,
      status: 'VIGUEUR',
      ...(c.version.num !== undefined ? { num: c.version.num } : {}),
      paragraphs: c.version.paragraphs,
      links: c.version.links,
      references: [],
      sources: [c.source],
    };
    if (c.version.nota?.length) version.nota = c.version.nota;
    if (c.version.amendedBy) version.amendedBy = c.version.amendedBy;
    if (c.version.linkOnlyChanges?.length) version.linkOnlyChanges = [...c.version.linkOnlyChanges];
    if (c.version.legiVersionId) version.legiVersionId = c.version.legiVersionId;
    timeline.push(draftOf(version, key, c));
  }
  for (const d of timeline) for (const s of lateSources.get(d.key) ?? []) addSource(d.version, s);
  return timeline;
}

/** The version's source says it ended (repealed, transferred, lapsed) before `date`: what starts then follows a gap. */
function endsBefore(draft: TimelineDraft, date: IsoDate): boolean {
  return draft.statedEnd !== undefined && draft.statedEnd < date && isEndedStatus(draft.statedStatus);
}

/** A later candidate with the same text but another number, from a source whose renumberings are dated. */
function renumbered(last: TimelineDraft, c: Candidate, renumbering: ReadonlySet<SourceId>): boolean {
  return (
    renumbering.has(c.source) &&
    c.version.num !== undefined &&
    last.version.num !== undefined &&
    c.version.num !== last.version.num &&
    c.version.validFrom > last.version.validFrom
  );
}

/**
 * Pass 2: versions a source knows only by their dates (legi-data's past versions). They give LEGI
 * version ids and ends to the text versions starting on the same date, and stand as text-less
 * versions where no source has the text, so the timeline shows that they existed.
 */
function addDatesOnlyVersions(timeline: TimelineDraft[], datesOnly: readonly Candidate[], options: MergeOptions): void {
  const byStart = new Map(timeline.map((d) => [d.version.validFrom, d] as const));
  const textDrafts = [...timeline];
  for (const c of datesOnly) {
    const match = byStart.get(c.version.validFrom);
    if (match) {
      match.version.legiVersionId ??= c.version.legiVersionId;
      addSource(match.version, c.source);
      if (c.version.validTo && !match.statedEnd) match.statedEnd = c.version.validTo;
      continue;
    }
    // A LEGI version inside a stretch where a source with the complete history (lexlib: one commit
    // per consolidated version) saw the text before and after it, and saw no change: its text is the
    // one before (LEGI opens versions for link or NOTA changes too). LexHub, which misses versions,
    // does not count as seeing no change.
    const before = textDrafts.filter((d) => d.version.validFrom < c.version.validFrom).at(-1);
    const after = textDrafts.find((d) => d.version.validFrom > c.version.validFrom);
    if (
      before &&
      after &&
      !endsBefore(before, c.version.validFrom) &&
      before.version.sources.some((s) => options.completeHistories?.has(s) && after.version.sources.includes(s))
    ) {
      const dates = (before.version.linkOnlyChanges ??= []);
      if (!dates.includes(c.version.validFrom)) {
        dates.push(c.version.validFrom);
        dates.sort();
      }
      addSource(before.version, c.source);
      continue;
    }
    const version: Version = {
      validFrom: c.version.validFrom,
      status: c.version.status ?? 'MODIFIE',
      paragraphs: [],
      textUnavailable: true,
      links: c.version.links,
      references: [],
      sources: [c.source],
    };
    if (c.version.legiVersionId) version.legiVersionId = c.version.legiVersionId;
    if (c.version.amendedBy) version.amendedBy = c.version.amendedBy;
    const draft = draftOf(version, `dates-only:${c.version.validFrom}`, c);
    timeline.push(draft);
    byStart.set(c.version.validFrom, draft);
  }
  timeline.sort((a, b) => a.version.validFrom.localeCompare(b.version.validFrom));
}

/** Pass 3: each version ends where the next begins, the last one where its source says; then its status. */
function closeVersions(timeline: readonly TimelineDraft[], dataDate: IsoDate): void {
  for (let i = 0; i < timeline.length; i++) {
    const d = timeline[i]!;
    const next = timeline[i + 1];
    // Repealed, then back later under the same LEGI id (L6324-3 of the Code du travail: file
    // removed on 2014-03-07, back on 2019-08-23): the gap is kept, never run through.
    const gap = next !== undefined && endsBefore(d, next.version.validFrom);
    if (gap) d.version.validTo = d.statedEnd!;
    else if (next) d.version.validTo = next.version.validFrom;
    else if (d.statedEnd) d.version.validTo = d.statedEnd;
    const end = gap ? endOfStatus(d.statedStatus) : endOf(d, next);
    d.version.status = versionStatus({ validFrom: d.version.validFrom, ...(end ? { end } : {}) }, dataDate);
  }
}

/**
 * How a version of the merged timeline ends: replaced by the next one, unless its source repealed
 * it on the day the next begins; the last one as its source states (a stated end date with no other
 * status is a repeal). lexlib keeps the files of many repealed articles without dating the repeal
 * (an « Abrogé par » entry says it happened): repealed, date unknown, rather than in force.
 */
function endOf(d: TimelineDraft, next: TimelineDraft | undefined): VersionEnd | undefined {
  if (next) return d.statedStatus === 'ABROGE' && d.statedEnd === next.version.validFrom ? 'repealed' : 'replaced';
  if (d.statedStatus === 'TRANSFERE') return 'transferred';
  if (d.version.validTo) return d.statedStatus === 'PERIME' ? 'lapsed' : 'repealed';
  return d.statedStatus === 'ABROGE' ? 'repealed' : undefined;
}

/** A new draft for a candidate's version, with the end and status its source stated. */
function draftOf(version: Version, key: string, c: Candidate): TimelineDraft {
  const draft: TimelineDraft = { version, key, priority: c.priority };
  if (c.version.validTo) draft.statedEnd = c.version.validTo;
  if (c.version.status) draft.statedStatus = c.version.status;
  return draft;
}

function addSource(version: Version, source: SourceId): void {
  if (!version.sources.includes(source)) version.sources.push(source);
}

/** Adds the links a lesser source knows and the first does not (LexHub's inline anchors, legi-data's modifications). */
function mergeLinks(version: Version, other: ImportedVersion): void {
  if (!other.links.length) return;
  const seen = new Set(version.links.map(linkKey));
  const added: Link[] = [];
  for (const link of other.links) if (!seen.has(linkKey(link))) added.push(link);
  if (added.length) version.links = [...version.links, ...added];
}

function linkKey(link: Link): string {
  return `${link.kind}|${link.text}|${link.articleNum ?? ''}`;
}

/** The richest table of contents wins: the one placing the most of the code's articles. */
function chooseToc(tocs: readonly Section[][], articles: readonly Article[]): Section[] {
  if (tocs.length === 0) return [];
  const ids = new Set(articles.map((a) => a.id));
  let best = tocs[0]!;
  let bestCount = -1;
  for (const toc of tocs) {
    let count = 0;
    const walk = (sections: readonly Section[]) => {
      for (const s of sections) {
        for (const a of s.articles) if (ids.has(a)) count++;
        walk(s.children);
      }
    };
    walk(toc);
    if (count > bestCount) [best, bestCount] = [toc, count];
  }
  return best;
}

/**
 * Change sets as the sources list them (lexlib commit messages), one per code and consolidated
 * date, the first source's: several commits of one date (77 dates of the Code du travail) are one change set with
 * every list and amending text. Their article ids are remapped to the merged identities (a
 * number-only id becomes the LEGI-id article bearing that number on that date), and each set keeps
 * the numbers its articles bore that day where they differ from today's.
 */
function mergeChangeSets(
  imports: readonly SourceImport[],
  articles: Map<CodeId, Article[]>,
  byNumber: Map<CodeId, Map<string, ArticleId[]>>,
): Map<CodeId, ChangeSet[]> {
  const byId = new Map<ArticleId, Article>();
  for (const list of articles.values()) for (const a of list) byId.set(a.id, a);
  const remap = (code: CodeId, id: ArticleId, date: IsoDate): ArticleId | undefined => {
    if (byId.has(id)) return id;
    const num = numberOfArticleId(id);
    const ids = (num ? byNumber.get(code)?.get(num) : undefined)?.filter((candidate) => byId.has(candidate)) ?? [];
    return ids.find((candidate) => numberOnDate(byId.get(candidate)!, date) === num) ?? ids[0];
  };
  const result = new Map<CodeId, ChangeSet[]>();
  for (const group of groupBy(
    imports.flatMap((source) => source.changeSets ?? []),
    (set) => `${set.code}|${set.date}`,
  ).values()) {
    // Several commits of one source on a date are one consolidated version; another source's view
    // of that date (the seed's Archéo Lex diff page of 2006-01-28) yields to the first source's.
    const set = joinSameDay(group.filter((g) => g.source === group[0]!.source));
    const unplaced = [...(set.unplaced ?? [])];
    const map = (ids: ArticleId[]) =>
      unique(
        ids.flatMap((id) => {
          const mapped = remap(set.code, id, set.date);
          if (!mapped) unplaced.push(id);
          return mapped ? [mapped] : [];
        }),
      );
    const merged: ChangeSet = { ...set, created: map(set.created), modified: map(set.modified), repealed: map(set.repealed) };
    delete merged.unplaced;
    if (unplaced.length) merged.unplaced = unique(unplaced);
    const numbers = numbersOfTheDay(merged, byId);
    if (numbers) merged.numbers = numbers;
    pushTo(result, set.code, merged);
  }
  for (const list of result.values()) list.sort((a, b) => a.date.localeCompare(b.date));
  return result;
}

/** One change set from those of the same code and date (first source first): every list and amending text, each once. */
export function joinSameDay(sets: readonly ChangeSet[]): ChangeSet {
  const [first, ...rest] = sets;
  if (rest.length === 0) return first!;
  const joined: ChangeSet = {
    ...first!,
    amendingTexts: unique(sets.flatMap((s) => s.amendingTexts)),
    created: unique(sets.flatMap((s) => s.created)),
    modified: unique(sets.flatMap((s) => s.modified)),
    repealed: unique(sets.flatMap((s) => s.repealed)),
  };
  const unplaced = unique(sets.flatMap((s) => s.unplaced ?? []));
  if (unplaced.length > 0) joined.unplaced = unplaced;
  else delete joined.unplaced;
  return joined;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/**
 * The number an article bore on a date: its version starting on or before it (a repealed
 * article's: the version that ended that day).
 */
function numberOnDate(article: Article, date: IsoDate): string {
  const version = article.versions.filter((v) => v.validFrom <= date).at(-1) ?? article.versions[0]!;
  return version.num ?? article.num;
}

function numbersOfTheDay(set: ChangeSet, byId: ReadonlyMap<ArticleId, Article>): Record<ArticleId, string> | undefined {
  const numbers: Record<ArticleId, string> = {};
  let any = false;
  const note = (id: ArticleId, date: IsoDate) => {
    const article = byId.get(id);
    if (!article) return;
    const num = numberOnDate(article, date);
    if (num !== article.num) {
      numbers[id] = num;
      any = true;
    }
  };
  for (const id of [...set.created, ...set.modified]) note(id, set.date);
  // A repealed article's number is the one of its last day in force.
  for (const id of set.repealed) note(id, previousDay(set.date));
  return any ? numbers : undefined;
}

function previousDay(date: IsoDate): IsoDate {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}
