/**
 * What every source importer produces: the model's shapes before merging. The merge step
 * (`merge.ts`) turns several of these into one timeline per article.
 */
import type { ChangeSet, CodeId, CompileWarning, IsoDate, Link, Section, SourceInfo, VersionStatus } from '../../model/model.ts';

/** One text version as a source describes it. `validTo` is exclusive. */
export interface ImportedVersion {
  validFrom: IsoDate;
  validTo?: IsoDate;
  /** The article's number during this version as the source writes it (lexlib: the file name of the day). */
  num?: string;
  /** When the source states it; otherwise the merge derives it from the dates. */
  status?: VersionStatus;
  paragraphs: string[];
  nota?: string[];
  amendedBy?: string;
  links: Link[];
  linkOnlyChanges?: IsoDate[];
  legiVersionId?: string;
  /**
   * True when the source only knows the dates of this version, not its text (legi-data's
   * `articleVersions` for past versions): the merge uses its dates, never its empty text.
   */
  datesOnly?: boolean;
  /**
   * How far `validFrom` can be trusted: `clamped` for LexHub's 1970-01-02 commits (the real date is
   * earlier and unknown), `unfixed` for its 2038-01-01 commits (in force later, date not yet fixed).
   * The merge prefers exact dates from other sources.
   */
  dateQuality?: 'exact' | 'clamped' | 'unfixed';
}

export interface ImportedArticle {
  code: CodeId;
  num: string;
  legiId?: string;
  /** Titles of the sections from the code's root down to the article, when the source knows them. */
  sectionPath?: string[];
  /**
   * The date the source moved the article into the code's former part (lexlib's Code du travail:
   * every article of the code before its recodification went to `03. Partie législative ancienne`
   * and the two regulatory « ancienne » parts in the consolidated version of 2008-05-01, the day
   * the new code came into force). Evidence for dating a repeal no source dates.
   */
  formerPartSince?: IsoDate;
  /**
   * The article's latest file sits in the code's former part (lexlib files the whole former Code du
   * travail under « … ancienne » folders from 1973 on, and keeps them after its repeal without an
   * « Abrogé par » entry for thousands of them: L51-10-3, R51-11-2).
   */
  inFormerPart?: boolean;
  /** Chronological. */
  versions: ImportedVersion[];
}

export interface ImportedCode {
  id: CodeId;
  title: string;
  legiTextId?: string;
  /** Table of contents, when the source has one; `articles` hold ids from `articleId()`. */
  toc?: Section[];
}

export interface SourceImport {
  info: SourceInfo;
  codes: ImportedCode[];
  articles: ImportedArticle[];
  /** Change sets as the source lists them (lexlib commit messages); article ids from `articleId()`. */
  changeSets?: ChangeSet[];
  warnings: CompileWarning[];
}
