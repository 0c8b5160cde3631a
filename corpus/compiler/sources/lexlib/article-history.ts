/**
 * One lexlib article's text versions as the commits replay them: a commit that changes the
 * paragraphs opens a version (and ends the previous one), a commit that changes only the links or
 * the NOTA does not, the file's removal repeals the article.
 */
import type { IsoDate, Link } from '../../../model/model.ts';
import { FAR_FUTURE, versionStatus, type VersionEnd } from '../../../model/timeline.ts';
import { textKey } from '../../../text/paragraphs.ts';
import type { Commit } from '../common/git-repository.ts';
import type { ImportedVersion } from '../source-import.ts';
import { chooseAmendedBy } from './amended-by.ts';

interface WorkingVersion extends ImportedVersion {
  key: string;
  endedBy?: 'replaced' | 'repealed';
}

export interface ArticleHistory {
  digits: string;
  num: string;
  /** Files of this article present now (usually one). */
  livePaths: Set<string>;
  /** The file whose content is the article's (the latest added). */
  currentPath?: string;
  versions: WorkingVersion[];
  open?: WorkingVersion;
  /** The part folder of its latest file (`Partie législative ancienne`): its place when no whole-code file says more. */
  part?: string;
  /** The consolidated version that moved its file into the code's former part (`03. Partie législative ancienne`). */
  formerPartSince?: IsoDate;
}

export function newArticleHistory(digits: string, num: string): ArticleHistory {
  return { digits, num, livePaths: new Set(), versions: [] };
}

/** Closes the article's open version: its file is gone. */
export function repeal(state: ArticleHistory, date: IsoDate): void {
  const open = state.open;
  state.open = undefined;
  state.currentPath = undefined;
  if (!open) return;
  if (open.validFrom === date) {
    // Created and repealed on the same date: no time in force; the previous version ends by repeal.
    state.versions.pop();
    const previous = state.versions.at(-1);
    if (previous && previous.validTo === date) previous.endedBy = 'repealed';
    return;
  }
  closeVersion(open, date, 'repealed');
}

/** Ends a version; a links-only change earlier the same day (first of two commits on a date) is dropped. */
function closeVersion(version: WorkingVersion, date: IsoDate, endedBy: 'replaced' | 'repealed'): void {
  version.validTo = date;
  version.endedBy = endedBy;
  if (version.linkOnlyChanges) {
    version.linkOnlyChanges = version.linkOnlyChanges.filter((d) => d < date);
    if (version.linkOnlyChanges.length === 0) delete version.linkOnlyChanges;
  }
}

/** The article's file as of `date` (the commit's version date) has these paragraphs, NOTA and links. */
export function applyText(
  state: ArticleHistory,
  date: IsoDate,
  paragraphs: string[],
  nota: string[] | undefined,
  links: Link[],
  commit: Commit,
  commitTexts: string[],
): void {
  // The NOTA left out: a commit that changes only the NOTA (or the links) keeps the version.
  const key = textKey({ paragraphs });
  const open = state.open;
  const num = state.num;
  if (open && open.key === key && open.num !== num) {
    // Renumbered with the same text (D7122-10 → R7122-10): a version of its own, so that every
    // version knows the number it bore. A second commit of the day renames that day's version.
    if (open.validFrom === date) {
      open.num = num;
      open.links = links;
      return;
    }
  } else if (open && open.key === key) {
    // Same text: the links (or the NOTA) changed. Keep the latest lists.
    if (date !== open.validFrom && !sameLinks(open.links, links)) (open.linkOnlyChanges ??= []).push(date);
    open.links = links;
    if (nota) open.nota = nota;
    else delete open.nota;
    return;
  }
  const amendedBy = chooseAmendedBy({ author: commit.authorName, commitTexts, links, firstVersion: state.versions.length === 0 });
  if (open && open.validFrom === date) {
    // A second commit on the same date: the version of that date is this one.
    open.key = key;
    open.num = num;
    open.paragraphs = paragraphs;
    open.links = links;
    if (nota) open.nota = nota;
    else delete open.nota;
    if (amendedBy) open.amendedBy = amendedBy;
    return;
  }
  if (open) closeVersion(open, date, 'replaced');
  const version: WorkingVersion = { key, validFrom: date, num, paragraphs, links };
  if (nota) version.nota = nota;
  if (amendedBy) version.amendedBy = amendedBy;
  state.versions.push(version);
  state.open = version;
}

function sameLinks(a: readonly Link[], b: readonly Link[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.kind !== b[i]!.kind || a[i]!.label !== b[i]!.label) return false;
  return true;
}

/**
 * How a version ended as the lexlib history shows it: a later text replaced it, or its file was
 * removed (repealed; transferred when its links say « Transféré par »), or it never ended.
 */
function endOf(version: WorkingVersion): VersionEnd | undefined {
  if (version.validTo === undefined) return repealedUndated(version) ? 'repealed' : undefined;
  if (version.endedBy !== 'repealed') return 'replaced';
  return version.links.some((link) => link.kind === 'transferredBy') ? 'transferred' : 'repealed';
}

/**
 * Lexlib keeps the file of many repealed articles (2,307 at the sécurité sociale's last commit,
 * L611-3 among them: its last version lists `_Abrogé par_: Loi n°2017-1836 … - art. 15 (V)`, and
 * LexHub removes it on 2018-01-01). The source gives no date for such a repeal, so the version
 * keeps no end but is not in force: ABROGE. A repealing text itself in force later (VD) has not
 * repealed it yet.
 */
function repealedUndated(version: { links: readonly Link[] }): boolean {
  return version.links.some((link) => link.kind === 'repealedBy' && link.status !== 'VD');
}

/** The article's versions as the importer hands them to the merge. */
export function finishedVersions(state: ArticleHistory, dataDate: IsoDate | undefined): ImportedVersion[] {
  return state.versions.map((version) => finishVersion(version, dataDate));
}

function finishVersion(version: WorkingVersion, dataDate: IsoDate | undefined): ImportedVersion {
  const result: ImportedVersion = {
    validFrom: version.validFrom,
    ...(version.num !== undefined ? { num: version.num } : {}),
    // Without a data date (no README) nothing is « in force later »: every version counts as begun.
    status: versionStatus({ validFrom: version.validFrom, end: endOf(version) }, dataDate ?? FAR_FUTURE),
    paragraphs: version.paragraphs,
    links: version.links,
    dateQuality: 'exact',
  };
  if (version.validTo !== undefined) result.validTo = version.validTo;
  if (version.nota) result.nota = version.nota;
  if (version.amendedBy) result.amendedBy = version.amendedBy;
  if (version.linkOnlyChanges) result.linkOnlyChanges = version.linkOnlyChanges;
  return result;
}
