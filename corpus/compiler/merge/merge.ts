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
import { versionStatus, type VersionEnd } from '../../model/timeline.ts';
import { textKey } from '../../text/paragraphs.ts';
import { pushTo } from '../../util/group-by.ts';
import type { ImportedArticle, ImportedVersion, SourceImport } from '../sources/source-import.ts';
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
        const draft = pass ? draftWithLegiId(imported) : draftByNumber(imported);
        for (const version of imported.versions) draft.candidates.push({ version, source: source.info.id, priority });
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
      pushTo(numberIndex(imported.code), imported.num, id);
    }
    return draft;
  }

  function draftByNumber(imported: ImportedArticle): ArticleDraft {
    const ids = numberIndex(imported.code).get(imported.num) ?? [];
    let chosen: ArticleDraft | undefined;
    if (ids.length === 1) chosen = drafts.get(ids[0]!);
    else if (ids.length > 1) {
      // Several articles bore this number over time: take the one whose dates overlap most.
      let best = -1;
      for (const id of ids) {
        const draft = drafts.get(id)!;
        const overlap = overlapCount(draft, imported);
        if (overlap > best) [best, chosen] = [overlap, draft];
      }
    }
    if (chosen) return chosen;
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
  };
  const articles = new Map<CodeId, Article[]>();
  for (const draft of drafts.values()) {
    const article: Article = { id: draft.id, code: draft.code, num: draft.num, versions: buildTimeline(draft.candidates, timelineOptions) };
    if (draft.legiId) article.legiId = draft.legiId;
    if (article.versions.length === 0) continue;
    pushTo(articles, draft.code, article);
  }

  const codes: Code[] = [];
  for (const [id, info] of codeInfo) {
    const list = articles.get(id) ?? [];
    const toc = chooseToc(info.tocs, list);
    const ordered = placeUnsectionedArticles(toc, list);
    articles.set(id, ordered);
    const code: Code = { id, title: info.title, toc };
    if (info.legiTextId) code.legiTextId = info.legiTextId;
    codes.push(code);
  }

  return { codes, articles, changeSets: mergeChangeSets(imports, articles, byNumber) };
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
  const timeline = textVersions(candidates.filter((c) => !c.version.datesOnly));
  addDatesOnlyVersions(
    timeline,
    candidates.filter((c) => c.version.datesOnly),
    options,
  );
  closeVersions(timeline, options.dataDate);
  return timeline.map((d) => d.version);
}

/** Pass 1: the versions that have a text, in date order, equal texts collapsed. */
function textVersions(texts: readonly Candidate[]): TimelineDraft[] {
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
    if (last && last.key === key) {
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
    if (before && after && before.version.sources.some((s) => options.completeHistories?.has(s) && after.version.sources.includes(s))) {
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
    if (next) d.version.validTo = next.version.validFrom;
    else if (d.statedEnd) d.version.validTo = d.statedEnd;
    d.version.status = versionStatus({ validFrom: d.version.validFrom, end: endOf(d, next) }, dataDate);
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
 * Change sets as the sources list them (lexlib commit messages); their article ids are remapped
 * to the merged identities (a number-only id becomes the LEGI-id article bearing that number).
 */
function mergeChangeSets(
  imports: readonly SourceImport[],
  articles: Map<CodeId, Article[]>,
  byNumber: Map<CodeId, Map<string, ArticleId[]>>,
): Map<CodeId, ChangeSet[]> {
  const known = new Set<ArticleId>();
  for (const list of articles.values()) for (const a of list) known.add(a.id);
  const remap = (code: CodeId, id: ArticleId): ArticleId | undefined => {
    if (known.has(id)) return id;
    const num = numberOfArticleId(id);
    const ids = num ? byNumber.get(code)?.get(num) : undefined;
    return ids?.find((candidate) => known.has(candidate));
  };
  const result = new Map<CodeId, ChangeSet[]>();
  const seen = new Set<string>();
  for (const source of imports) {
    for (const set of source.changeSets ?? []) {
      const key = `${set.code}|${set.date}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const unplaced = [...(set.unplaced ?? [])];
      const map = (ids: ArticleId[]) =>
        ids.flatMap((id) => {
          const mapped = remap(set.code, id);
          if (!mapped) unplaced.push(id);
          return mapped ? [mapped] : [];
        });
      const merged: ChangeSet = { ...set, created: map(set.created), modified: map(set.modified), repealed: map(set.repealed) };
      if (unplaced.length) merged.unplaced = unplaced;
      pushTo(result, set.code, merged);
    }
  }
  for (const list of result.values()) list.sort((a, b) => a.date.localeCompare(b.date));
  return result;
}
