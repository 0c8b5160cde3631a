/**
 * Resolves the references found in the article texts to articles of the corpus, and computes
 * « Cité par » from them.
 *
 * For every version of every article: the references are read from its paragraphs
 * (`findReferences`), then each one is given the article of the corpus with that number in that
 * code, the one in force when the citing version came in force when several articles share the
 * number (renumberings: `L111-3` became `LO111-3`, numbers reused after a repeal). Then every cited
 * version (those in force while a citing version was) gets a `citedBy` link with origin `text`,
 * once per citing article, unless its links list already names that article.
 *
 * No `cites` link is added from the texts: the resolved references are the text's « Cite » (the
 * reader shows them in place, with their target), a second copy in the links would only weigh.
 */
import type { ReferenceCounts } from '../../model/bundle.ts';
import type {
  Article,
  ArticleId,
  CodeId,
  IsoDate,
  Link,
  LinkStatusCode,
  Reference,
  UnresolvedReason,
  Version,
  VersionStatus,
} from '../../model/model.ts';
import { effectiveEnd, FAR_FUTURE, versionOn } from '../../model/timeline.ts';
import { pushTo } from '../../util/group-by.ts';
import { normalizeArticleNumber } from '../../text/article-number.ts';
import type { CodeNameMatcher } from '../../text/code-names.ts';
import { textKey } from '../../text/paragraphs.ts';
import type { ParsedParagraph } from '../../text/references.ts';
import { findReferences, mayHoldReferences, NO_REFERENCES, parseParagraph } from '../../text/references.ts';

export interface ResolveOptions {
  /** Recognises code titles in the texts (built from every known code, in the corpus or not). */
  codeNames: CodeNameMatcher;
  /** Titles of the corpus codes, for the labels of the computed « Cité par » links. */
  codeTitles?: ReadonlyMap<CodeId, string>;
  /**
   * Codes the texts cite under a former name, tried when the named code is not in the corpus:
   * by default « code rural » → code rural et de la pêche maritime (renamed in 2010, numbers kept).
   */
  codeAliases?: ReadonlyMap<CodeId, CodeId>;
  /** Read the references from the paragraphs again (default); false resolves `references` as given. */
  extract?: boolean;
  /** Add the computed « Cité par » links (default true). */
  citedBy?: boolean;
  /** Codes known by their articles in force only (default: `codesKnownByCurrentArticlesOnly`). */
  currentOnlyCodes?: ReadonlySet<CodeId>;
  /** The corpus data date: a repeal the sources state without a date counts from it on (`timeline.ts`). */
  dataDate: IsoDate;
}

/** One reference that found no article, for the report. */
export interface UnresolvedReference {
  article: ArticleId;
  /** `validFrom` of the citing version. */
  validFrom: IsoDate;
  num: string;
  code?: CodeId;
  reason: UnresolvedReason;
  /** The passage around the number, the number in [brackets]. */
  context: string;
  /** Why it is left out of the resolution target, when it is (a code known by its current articles only). */
  note?: string;
}

export interface ResolveResult {
  /**
   * `inCorpus` counts the references to a code of the corpus that the corpus can hold: not those
   * to an article missing from a code known by its articles in force only (see `note`).
   */
  counts: ReferenceCounts;
  unresolved: UnresolvedReference[];
  /** Number of `citedBy` links (origin `text`) added. */
  citedByLinks: number;
}

interface Outcome {
  /** In the denominator of the resolution target (a code of the corpus that can hold the article). */
  counted: boolean;
  target?: Article;
  ambiguous?: boolean;
  reason?: UnresolvedReason;
  note?: string;
}

const NOTE_CURRENT_ONLY = 'code connu par ses seuls articles en vigueur : article abrogé ou ancienne numérotation';

/**
 * Codes of which the corpus holds the articles in force only (legi-data's current tree: the code
 * du travail, the code rural…): fewer than 2 % of their articles ever ended. A number they lack is
 * most often an article repealed before the corpus begins (the code du travail renumbered in 2008:
 * « L. 351-3 du code du travail » in a 1995 text).
 */
export function codesKnownByCurrentArticlesOnly(articles: readonly Article[]): Set<CodeId> {
  const stats = new Map<CodeId, { all: number; ended: number }>();
  for (const article of articles) {
    const stat = stats.get(article.code) ?? { all: 0, ended: 0 };
    stat.all++;
    if (article.versions[article.versions.length - 1]?.validTo !== undefined) stat.ended++;
    stats.set(article.code, stat);
  }
  return new Set([...stats].filter(([, s]) => s.all >= 50 && s.ended < 0.02 * s.all).map(([code]) => code));
}

export const DEFAULT_CODE_ALIASES: ReadonlyMap<CodeId, CodeId> = new Map([['code-rural', 'code-rural-et-de-la-peche-maritime']]);

/**
 * A number reduced to what tells articles apart, for a second lookup when the exact one fails:
 * `R*1233-3-4` and `R. 1233-3-4`, `R142-1-A` and `R. 142-1 A`, are the same article.
 */
export function looseNumberKey(num: string): string {
  return num
    .replace('*', '')
    .replace(/[\s-]+(?=[A-Za-z]+$)/, '')
    .replace(/\s+/g, '')
    .toUpperCase();
}

function key(code: CodeId, num: string): string {
  return `${code}\u0000${num}`;
}

/** The same paragraphs (the NOTA does not make a reference ambiguous). */
function sameText(a: Version, b: Version): boolean {
  return textKey({ paragraphs: a.paragraphs }) === textKey({ paragraphs: b.paragraphs });
}

/** How far, in days, the date is from the article's life (negative inside it): to pick the nearest in time. */
function distanceTo(article: Article, date: IsoDate): number {
  const first = article.versions[0];
  const last = article.versions[article.versions.length - 1];
  if (!first || !last) return Number.POSITIVE_INFINITY;
  const day = (d: IsoDate): number => Date.parse(d) / 86_400_000;
  if (date < first.validFrom) return day(first.validFrom) - day(date);
  return day(date) - day(last.validTo ?? FAR_FUTURE);
}

const STATUS_CODE: Record<VersionStatus, LinkStatusCode> = {
  VIGUEUR: 'V',
  VIGUEUR_DIFF: 'VD',
  MODIFIE: 'M',
  ABROGE: 'Ab',
  TRANSFERE: 'T',
  PERIME: 'P',
};

class ArticleIndex {
  private readonly exact = new Map<string, Article[]>();
  private readonly loose = new Map<string, Article[]>();
  readonly codes = new Set<CodeId>();

  constructor(articles: readonly Article[]) {
    for (const article of articles) {
      this.codes.add(article.code);
      const num = normalizeArticleNumber(article.num) ?? article.num;
      pushTo(this.exact, key(article.code, num), article);
      pushTo(this.loose, key(article.code, looseNumberKey(num)), article);
    }
  }

  candidates(code: CodeId, num: string): Article[] {
    return this.exact.get(key(code, num)) ?? this.loose.get(key(code, looseNumberKey(num))) ?? [];
  }

  /** Whether the code has an article with that number; undefined when the code is not in the corpus. */
  has(code: CodeId, num: string): boolean | undefined {
    if (!this.codes.has(code)) return undefined;
    return this.candidates(code, num).length > 0;
  }
}

/** The article a reference made on `date` points to, among those sharing its number. */
function choose(candidates: readonly Article[], date: IsoDate, dataDate: IsoDate): { article: Article; ambiguous: boolean } | undefined {
  if (candidates.length === 0) return undefined;
  const [only] = candidates;
  if (candidates.length === 1 && only) return { article: only, ambiguous: false };
  const inForce = candidates.flatMap((article) => {
    const version = versionOn(article, date, dataDate);
    return version === undefined ? [] : [{ article, version }];
  });
  if (inForce.length > 0) {
    // Two articles in force with one number in one code: the source keeps a file it should have
    // deleted, or the same article came under two LEGI ids. Best guess: the one whose text changed
    // last (a number given again to a new article), then the one with a LEGI id and the longer
    // history. Ambiguous only when their texts differ: the same text twice is one article.
    inForce.sort(
      (a, b) =>
        b.version.validFrom.localeCompare(a.version.validFrom) ||
        Number(!!b.article.legiId) - Number(!!a.article.legiId) ||
        b.article.versions.length - a.article.versions.length,
    );
    const [best] = inForce;
    if (!best) return undefined;
    return { article: best.article, ambiguous: inForce.some((other) => !sameText(other.version, best.version)) };
  }
  // None in force then: the nearest in time (cited just before its creation or after its repeal).
  const nearest = [...candidates].sort((a, b) => distanceTo(a, date) - distanceTo(b, date))[0];
  return nearest ? { article: nearest, ambiguous: false } : undefined;
}

function contextOf(paragraphs: readonly string[], ref: Reference): string {
  const text = paragraphs[ref.paragraph] ?? '';
  const before = text.slice(Math.max(0, ref.start - 60), ref.start);
  const after = text.slice(ref.end, ref.end + 60);
  return `${before}[${text.slice(ref.start, ref.end)}]${after}`.replace(/[\t\n]/g, ' ');
}

/**
 * Fills `Reference.target` / `Reference.unresolved` of every version in place and adds the
 * computed « Cité par » links; returns the counts for the manifest and the unresolved references
 * for the report. Running it twice gives the same result (computed links are replaced).
 */
export function resolveReferences(articles: readonly Article[], options: ResolveOptions): ResolveResult {
  const index = new ArticleIndex(articles);
  const aliases = options.codeAliases ?? DEFAULT_CODE_ALIASES;
  const counts: ReferenceCounts = { total: 0, resolved: 0, inCorpus: 0, resolvedInCorpus: 0 };
  const unresolved: UnresolvedReference[] = [];
  /** Cited article → cited version → citing article → its latest citing version. */
  const citations = new Map<Article, Map<number, Map<Article, Version>>>();

  // The versions of an article share most of their paragraphs: each distinct one is read once.
  const parsed = new Map<string, ParsedParagraph>();
  const parse = (text: string): ParsedParagraph => {
    if (!mayHoldReferences(text, options.codeNames)) return NO_REFERENCES; // most paragraphs: no lookup
    let result = parsed.get(text);
    if (!result) {
      result = parseParagraph(text, options.codeNames);
      parsed.set(text, result);
    }
    return result;
  };
  const articleExists = (code: CodeId, num: string): boolean | undefined =>
    index.has(aliases.get(code) ?? code, num) ?? index.has(code, num);

  const currentOnly = options.currentOnlyCodes ?? codesKnownByCurrentArticlesOnly(articles);

  /** Where one reference leads; `counted` when it belongs to the denominator of the target. */
  const resolveOne = (ref: Reference, date: IsoDate): Outcome => {
    if (ref.unresolved === 'not-a-code' || ref.unresolved === 'code-not-in-corpus') return { counted: false, reason: ref.unresolved };
    if (ref.code === undefined) return { counted: false, reason: 'not-a-code' };
    if (index.codes.has(ref.code)) {
      const chosen = choose(index.candidates(ref.code, ref.num), date, options.dataDate);
      if (chosen) return { counted: true, target: chosen.article, ambiguous: chosen.ambiguous };
      // A code known by its articles in force only lacks every article repealed before: a gap of
      // the corpus, not a miss of the resolver; reported, left out of the target's denominator.
      if (currentOnly.has(ref.code)) return { counted: false, reason: 'article-not-found', note: NOTE_CURRENT_ONLY };
      return { counted: true, reason: 'article-not-found' };
    }
    // « code rural »: found in the renamed code when it has the number; else the former code,
    // which the corpus does not hold.
    const alias = aliases.get(ref.code);
    if (alias !== undefined && index.codes.has(alias)) {
      const chosen = choose(index.candidates(alias, ref.num), date, options.dataDate);
      if (chosen) return { counted: true, target: chosen.article, ambiguous: chosen.ambiguous };
    }
    return { counted: false, reason: 'code-not-in-corpus' };
  };

  for (const article of articles) {
    for (const version of article.versions) {
      if (options.extract !== false)
        version.references = findReferences(version.paragraphs, article.code, options.codeNames, { parse, articleExists });
      const cited = new Set<Article>();
      for (const ref of version.references) {
        // Only when resolving again (`extract: false`): fresh references have neither.
        if (ref.target !== undefined) delete ref.target;
        if (ref.unresolved === 'article-not-found' || ref.unresolved === 'ambiguous') delete ref.unresolved;
        counts.total++;
        const outcome = resolveOne(ref, version.validFrom);
        if (outcome.counted) counts.inCorpus++;
        if (outcome.target) {
          ref.target = outcome.target.id;
          if (outcome.ambiguous) ref.unresolved = 'ambiguous';
          else {
            counts.resolved++;
            counts.resolvedInCorpus++;
          }
          if (outcome.target !== article) cited.add(outcome.target);
        } else if (ref.unresolved === undefined) ref.unresolved = outcome.reason;
        if (ref.unresolved !== undefined) {
          const entry: UnresolvedReference = {
            article: article.id,
            validFrom: version.validFrom,
            num: ref.num,
            reason: ref.unresolved,
            context: contextOf(version.paragraphs, ref),
          };
          if (ref.code !== undefined) entry.code = ref.code;
          if (outcome.note !== undefined) entry.note = outcome.note;
          unresolved.push(entry);
        }
      }
      if (options.citedBy !== false) for (const target of cited) recordCitation(citations, target, article, version, options.dataDate);
    }
  }
  const citedByLinks = options.citedBy === false ? 0 : addCitedByLinks(articles, citations, options);
  return { counts, unresolved, citedByLinks };
}

/** Notes that `version` of `citing` cites `target`: on every version of `target` in force meanwhile. */
function recordCitation(
  citations: Map<Article, Map<number, Map<Article, Version>>>,
  target: Article,
  citing: Article,
  version: Version,
  dataDate: IsoDate,
): void {
  const from = version.validFrom;
  const to = effectiveEnd(version, dataDate) ?? FAR_FUTURE;
  let byVersion = citations.get(target);
  target.versions.forEach((cited, i) => {
    if (!(cited.validFrom < to && from < (effectiveEnd(cited, dataDate) ?? FAR_FUTURE))) return;
    if (!byVersion) {
      byVersion = new Map();
      citations.set(target, byVersion);
    }
    let byCiting = byVersion.get(i);
    if (!byCiting) {
      byCiting = new Map();
      byVersion.set(i, byCiting);
    }
    byCiting.set(citing, version); // versions come in order: the latest one wins
  });
}

/** Appends the computed links, skipping citing articles that the version's list already names. */
function addCitedByLinks(
  articles: readonly Article[],
  citations: Map<Article, Map<number, Map<Article, Version>>>,
  { codeTitles, codeNames }: ResolveOptions,
): number {
  let added = 0;
  const nums = new Map<string, string>();
  const normalizedNum = (num: string): string => {
    let n = nums.get(num);
    if (n === undefined) {
      n = normalizeArticleNumber(num) ?? num;
      nums.set(num, n);
    }
    return n;
  };
  const titleCodes = new Map<string, CodeId | undefined>();
  const codeOfTitle = (title: string): CodeId | undefined => {
    if (!titleCodes.has(title)) titleCodes.set(title, codeNames.codeOfTitle(title));
    return titleCodes.get(title);
  };
  for (const article of articles) {
    const byVersion = citations.get(article);
    article.versions.forEach((version, i) => {
      if (version.links.some((link) => link.origin === 'text' && link.kind === 'citedBy')) {
        version.links = version.links.filter((link) => !(link.kind === 'citedBy' && link.origin === 'text'));
      }
      const byCiting = byVersion?.get(i);
      if (!byCiting) return;
      const listed = new Set<string>();
      for (const link of version.links) {
        if (link.kind !== 'citedBy') continue;
        if (link.target !== undefined) listed.add(link.target);
        const code = link.articleNum === undefined ? undefined : codeOfTitle(link.text);
        if (code !== undefined && link.articleNum !== undefined) listed.add(key(code, normalizedNum(link.articleNum)));
      }
      const computed: Link[] = [];
      for (const [citing, citingVersion] of byCiting) {
        const title = codeTitles?.get(citing.code) ?? citing.code;
        if (listed.has(citing.id) || listed.has(key(citing.code, normalizedNum(citing.num)))) continue;
        computed.push({
          kind: 'citedBy',
          label: `${title} - art. ${citing.num}`,
          text: title,
          articleNum: citing.num,
          status: STATUS_CODE[citingVersion.status],
          target: citing.id,
          origin: 'text',
        });
      }
      added += computed.length;
      version.links.push(...computed);
    });
  }
  return added;
}

/**
 * Gives a target to the entries of the links lists that name an article of a corpus code
 * (« Code de la sécurité sociale. - art. L612-9 (M) » under *Cite* or *Cité par*), so that the
 * reader can open them: the article with that number in that code, in force when the listing
 * version was (the same choice as for the references in the texts). Returns the count resolved.
 */
export function resolveListLinks(
  articles: readonly Article[],
  codeNames: CodeNameMatcher,
  dataDate: IsoDate,
  aliases: ReadonlyMap<CodeId, CodeId> = DEFAULT_CODE_ALIASES,
): number {
  const index = new ArticleIndex(articles);
  let resolved = 0;
  for (const article of articles) {
    for (const version of article.versions) {
      for (const link of version.links) {
        if (link.origin !== 'list' || !link.articleNum || link.target) continue;
        let code = codeNames.codeOfTitle(link.text);
        if (code !== undefined && !index.codes.has(code)) code = aliases.get(code);
        if (code === undefined || !index.codes.has(code)) continue;
        const chosen = choose(
          index.candidates(code, normalizeArticleNumber(link.articleNum) ?? link.articleNum),
          version.validFrom,
          dataDate,
        );
        if (chosen) {
          link.target = chosen.article.id;
          resolved++;
        }
      }
    }
  }
  return resolved;
}
