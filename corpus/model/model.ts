/**
 * The Palimpseste domain model: Code → Section tree → Article → Version.
 *
 * Pure types only (no platform imports): the compiler (Node), the host and the renderer all
 * share this file. Everything the reader shows is one of these shapes, read from the corpus bundle.
 */

/** A calendar date `YYYY-MM-DD`. Lexicographic order is chronological order. */
export type IsoDate = string;

/** Stable code identifier: the slug of its title, e.g. `code-de-la-securite-sociale`. */
export type CodeId = string;

/**
 * Stable article identifier within the corpus: `${code}/${legiId}` when the LEGI id of the article
 * is known (`LEGIARTI000006743538`, the id that stays the same across versions: the "cid"),
 * otherwise `${code}/num:${num}`.
 */
export type ArticleId = string;

/** Status of one version, as LEGI names them. */
export type VersionStatus =
  | 'VIGUEUR' // in force
  | 'VIGUEUR_DIFF' // in force later (validFrom after the data's date)
  | 'MODIFIE' // replaced by a later version
  | 'ABROGE' // repealed
  | 'TRANSFERE' // moved to another number
  | 'PERIME'; // lapsed

/** Status codes used in link lists: V, VD, VT, Ab, M, MMN, T, P (and empty). */
export type LinkStatusCode = 'V' | 'VD' | 'VT' | 'Ab' | 'M' | 'MMN' | 'T' | 'P' | '';

export type LinkKind =
  | 'cites' // _Cite_
  | 'citedBy' // _Cité par_
  | 'modifiedBy' // _Modifié par_
  | 'codifiedBy' // _Codifié par_
  | 'repealedBy' // _Abrogé par_
  | 'createdBy' // _Créé par_
  | 'transferredBy' // _Transféré par_
  | 'formerTexts' // _Anciens textes_
  | 'newTexts' // _Nouveaux textes_
  | 'associated'; // _Liens_ (TXT_ASSOCIE, SPEC_APPLI, TXT_SOURCE)

/** One entry of a links list, e.g. `Code de la sécurité sociale. - art. L612-9 (M)`. */
export interface Link {
  kind: LinkKind;
  /** The entry as written in the source, trimmed. */
  label: string;
  /** Title of the text the entry names: `Code de la sécurité sociale`, `Décret n°86-561 du 14 mars 1986`. */
  text: string;
  /** Article named inside that text, when any: `L612-9`, `Annexe article 1`. */
  articleNum?: string;
  status: LinkStatusCode;
  /** Qualifier of `_Liens_` entries: TXT_ASSOCIE, SPEC_APPLI, TXT_SOURCE. */
  linkType?: string;
  /** Set by the compiler when the entry names an article of the corpus. */
  target?: ArticleId;
  /** Where the entry comes from: a source's links list, or computed from the texts. */
  origin: 'list' | 'text';
}

/** Why a reference found in a text could not be resolved to an article of the corpus. */
export type UnresolvedReason =
  | 'code-not-in-corpus' // « du code des assurances »: that code is not in the corpus
  | 'article-not-found' // the code is in the corpus but has no article with that number
  | 'not-a-code' // a law, a decree, a regulation: not a code article
  | 'ambiguous'; // several articles match

/** A reference found in a version's text: « l'article L. 612-9 », « R. 243-25 ». */
export interface Reference {
  /** Index of the paragraph in `Version.paragraphs`. */
  paragraph: number;
  /** Character offsets [start, end) of the article number inside that paragraph. */
  start: number;
  end: number;
  /** Normalized article number: `L612-9`. */
  num: string;
  /** Code the reference points to (the article's own code for « du présent code » or no code). */
  code?: CodeId;
  /** Resolved target, when in the corpus. */
  target?: ArticleId;
  unresolved?: UnresolvedReason;
}

/** Identifies one source of the corpus (see `SourceInfo`). */
export type SourceId = string;

/**
 * How the date of a repeal was found when no source dates it — lexlib keeps the files of thousands
 * of repealed articles (the former Code du travail among them) with an « Abrogé par » entry and no
 * end. From the most to the least trusted (the order `corpus/compiler/merge/repeal-dates.ts`
 * applies; the reader says it with `inferredEndPhrase` of `timeline.ts`):
 */
export type InferredEndBasis =
  /** A consolidated version's commit message lists the article under « Articles abrogés » while its file stays. */
  | 'message'
  /** The « Abrogé par » entry writes the date of effect: `… en vigueur le 1er janvier 2003`. */
  | 'repeal-entry'
  /** The only consolidated version of the code that brought the repealing text into force. */
  | 'repealing-text'
  /** The date the « Nouveaux textes » that replace the article came into force (the former Code du travail: 2008-05-01). */
  | 'new-texts'
  /** The date of entry into force its NOTA gives. */
  | 'nota'
  /** The first of several consolidated versions that brought the repealing text into force. */
  | 'repealing-text-first'
  /** The day after the repealing text's publication in the Journal officiel (code civil, art. 1). */
  | 'publication'
  /** The repealing text's own date (signature): the date of effect is not known. */
  | 'signature'
  /**
   * No repeal entry: the day the source moved it into the code's former part (the former Code du
   * travail, moved to « Partie législative ancienne » on 2008-05-01 when the new code came into force).
   */
  | 'former-code';

export interface InferredEnd {
  basis: InferredEndBasis;
  /** The evidence as the source writes it: the « Abrogé par » entry, the NOTA sentence, the new articles' numbers. */
  evidence?: string;
}

/** One version of an article: a text in force over [validFrom, validTo). */
export interface Version {
  validFrom: IsoDate;
  /**
   * Exclusive end; absent while in force (or in force later with no end). An end before the next
   * version's start is a gap: the article was out of force (repealed, then re-created under the
   * same LEGI id) until the next version starts.
   */
  validTo?: IsoDate;
  status: VersionStatus;
  /**
   * The article's number during this version, as the source wrote it that day (`D7122-10` before
   * the article became `R7122-10`; `Article.num` is the latest). A change of number is a new
   * version even when the text stays the same. The compiler writes it on every version; a version
   * built elsewhere without it bears `Article.num` (`versionNumber` in `timeline.ts`).
   */
  num?: string;
  /**
   * Set when `validTo` was inferred: the sources say the article was repealed but none gives the
   * date. Absent when a source states the end (the next version, the file's removal, DILA's dates).
   */
  endInferred?: InferredEnd;
  /**
   * The text, one string per paragraph, rebuilt exactly: source line wrapping undone (also after a
   * hyphen), list dashes `―` written `-`, runs of spaces collapsed, no leading/trailing spaces.
   */
  paragraphs: string[];
  /** The NOTA, paragraphs as above; absent or empty when there is none. */
  nota?: string[];
  /** The amending text that brought this version in force, when known. */
  amendedBy?: string;
  /** Links lists as of this version (the last state seen while this text was in force). */
  links: Link[];
  references: Reference[];
  /** Dates inside [validFrom, validTo) where a source changed only the links, not the text. */
  linkOnlyChanges?: IsoDate[];
  /** Sources that describe this version. */
  sources: SourceId[];
  /** LEGI id of this version (`LEGIARTI…`), when a source gives it. */
  legiVersionId?: string;
  /**
   * The version is known by its dates only (legi-data lists every past version of an article but
   * carries only the current text): `paragraphs` is empty, and the reader says the text is not in
   * the corpus rather than showing an empty article.
   */
  textUnavailable?: boolean;
}

export interface Article {
  id: ArticleId;
  code: CodeId;
  /**
   * Article number as written by LEGI: `L611-3`, `R115-5`, `L114-1 A`, `Annexe 1 à l'art. R611-21`;
   * the latest one (the number of the last version; earlier versions may bear others: `Version.num`).
   */
  num: string;
  /** The LEGI id that stays the same across versions (`LEGIARTI000006743538`), when known. */
  legiId?: string;
  /** Id of the section it belongs to (its latest known position). */
  section?: string;
  /** Versions in chronological order; no two consecutive versions have the same text and number. */
  versions: Version[];
}

export type SectionLevel = 'partie' | 'livre' | 'titre' | 'chapitre' | 'section' | 'sous-section' | 'paragraphe' | 'other';

/** A node of a code's table of contents. */
export interface Section {
  id: string;
  title: string;
  level: SectionLevel;
  /** Validity of the section itself, when the source gives it. */
  validFrom?: IsoDate;
  validTo?: IsoDate;
  children: Section[];
  /** Articles directly in this section, in reading order. */
  articles: ArticleId[];
}

/** What came in on one consolidated version of a code (one lexlib commit). */
export interface ChangeSet {
  code: CodeId;
  date: IsoDate;
  /** Amending texts, as listed under `Modifications entrant en vigeur venant de:`. */
  amendingTexts: string[];
  created: ArticleId[];
  modified: ArticleId[];
  repealed: ArticleId[];
  /**
   * The numbers the articles bore on that date, where they differ from their current number
   * (`Article.num`): the change set of 2008-05-01 lists `D7122-10`, the article now `R7122-10`.
   * The source's lists are by the numbers of their day; absent: every article bore its current number.
   */
  numbers?: Record<ArticleId, string>;
  /** Article numbers the source lists but that the corpus could not place. */
  unplaced?: string[];
  source: SourceId;
}

export interface Code {
  id: CodeId;
  title: string;
  /** `LEGITEXT…` when known. */
  legiTextId?: string;
  toc: Section[];
}

export type SourceKind = 'lexlib' | 'lexhub' | 'legi-data' | 'seed-article' | 'seed-code' | 'seed-diff';

/** One source of the corpus, as recorded in the manifest. */
export interface SourceInfo {
  id: SourceId;
  kind: SourceKind;
  /** Path as given (bundle, repository, folder or file). */
  path: string;
  /** Git commit, package version or content hash. */
  revision: string;
  /** Date of the data (last version date, package date…). */
  date?: IsoDate;
  codes: CodeId[];
}

/** A warning from the compiler: always names the source, the path and, when known, the line. */
export interface CompileWarning {
  source: string;
  path: string;
  line?: number;
  message: string;
}
