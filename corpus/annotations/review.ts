/**
 * The review after a corpus update: which annotations are on an article that got a new version,
 * grouped by the amending text that brought it (« 12 annotations concernées par le décret n° 2020-1
 * du 2 janvier 2020 »), each with its status on the version now in force.
 *
 * A « new version » is a version of the updated article that the previous corpus did not have (a
 * new validFrom, or a known date whose text changed). An annotation is listed once, under the
 * version in force on the review date (`timeline.ts`) when it is a new one, else under the newest
 * new version (a change due to come into force later, or a corrected past text). Articles that are gone from the updated corpus are listed
 * apart: their annotations are kept, and open at the version where they were made.
 *
 * Pure: no platform imports.
 */
import type { ArticleId, IsoDate, Version } from '../model/model.ts';
import { versionOn } from '../model/timeline.ts';
import { compareArticleNumbers } from '../text/article-number.ts';
import { textKey } from '../text/paragraphs.ts';
import type { Annotation } from './annotation.ts';
import { anchorAnnotation, AnchorCache, type Anchor, type AnchorableArticle } from './anchor.ts';

export interface ReviewEntry {
  annotation: Annotation;
  /** The article's versions that the previous corpus did not have, oldest first. */
  newVersions: Version[];
  /** The version the annotation is checked on: the newest new version in force on the review date (else the newest). */
  shownOn: Version;
  anchor: Anchor;
}

export interface ReviewGroup {
  /** The amending text as the corpus names it (`Décret n°2020-1 du 2 janvier 2020`), or undefined when unknown. */
  amendingText?: string;
  /** « 12 annotations concernées par le décret n° 2020-1 du 2 janvier 2020 ». */
  title: string;
  entries: ReviewEntry[];
}

export interface CorpusReview {
  /** Groups, the largest first; within one, annotations by article then text order. */
  groups: ReviewGroup[];
  /** Annotations whose article is no longer in the updated corpus. */
  missingArticles: Annotation[];
  /** How many annotations need a look (in groups and missing). */
  total: number;
}

/**
 * What a host keeps of an article as it was when its annotations were last reviewed, instead of
 * the whole article: each version's date and a key of its text (`versionTextKey`).
 */
export interface ArticleBaseline {
  versions: readonly { validFrom: IsoDate; key: string }[];
}

export interface ReviewInput {
  annotations: readonly Annotation[];
  /** The article in the previous corpus, or its baseline (undefined: it was not there). */
  before: (id: ArticleId) => AnchorableArticle | ArticleBaseline | undefined;
  /** The article in the updated corpus (undefined: it is gone). */
  after: (id: ArticleId) => AnchorableArticle | undefined;
  /** The day of the review (the app's today): which new version is in force. */
  today: IsoDate;
  /** The updated corpus's data date (`corpusDataDate(manifest)`): when versions ended without a date stop (see `timeline.ts`). */
  undatedEndsOn: IsoDate;
}

/**
 * A short key of a version's text (FNV-1a, 2 × 32 bits, over the compiler's `textKey`): two versions
 * with the same key have the same text, for what a review needs — whether a version is new.
 */
export function versionTextKey(version: Pick<Version, 'paragraphs' | 'nota' | 'textUnavailable'>): string {
  if (version.textUnavailable) return 'unavailable';
  // Text equality is the compiler's (`corpus/text/paragraphs.ts`): the hash is of its key.
  const text = textKey(version);
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 13);
  }
  return `${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}:${text.length}`;
}

/** An article's baseline as a host stores it (see `ArticleBaseline`). */
export function articleBaseline(article: AnchorableArticle): ArticleBaseline {
  return { versions: article.versions.map((v) => ({ validFrom: v.validFrom, key: versionTextKey(v) })) };
}

function keyOf(version: Version | ArticleBaseline['versions'][number]): string {
  return 'key' in version ? version.key : versionTextKey(version);
}

/** The versions of `after` that `before` did not have (see the module comment). */
export function newVersions(before: AnchorableArticle | ArticleBaseline | undefined, after: AnchorableArticle): Version[] {
  if (!before) return [...after.versions];
  const known = new Map<string, string>(before.versions.map((v) => [v.validFrom, keyOf(v)]));
  return after.versions.filter((v) => known.get(v.validFrom) !== versionTextKey(v));
}

/**
 * « le décret n° 2020-1 du 2 janvier 2020 », « la loi n° 2011-1906 … », « l'ordonnance n° … »:
 * the amending text with its article, as the sentence needs it.
 */
export function amendingTextPhrase(text: string | undefined): string {
  if (!text?.trim()) return 'un texte modificatif non précisé';
  const spaced = text.trim().replace(/n°\s*/gi, 'n° ');
  const [first = ''] = spaced.split(/\s+/);
  const lower = first.toLowerCase();
  const rest = spaced.slice(first.length);
  const feminine = ['loi', 'ordonnance', 'décision', 'circulaire', 'délibération'];
  const article = ['ordonnance', 'arrêté'].includes(lower) ? 'l’' : feminine.includes(lower) ? 'la ' : 'le ';
  if (['décret', 'loi', 'ordonnance', 'arrêté', 'décision', 'circulaire', 'délibération'].includes(lower))
    return `${article}${lower}${rest}`;
  if (lower === 'plusieurs') return spaced.charAt(0).toLowerCase() + spaced.slice(1);
  return `le texte « ${spaced} »`;
}

function groupTitle(count: number, text: string | undefined): string {
  const annotations = count > 1 ? `${count.toLocaleString('fr-FR')} annotations concernées` : '1 annotation concernée';
  return `${annotations} par ${amendingTextPhrase(text)}`;
}

function place(annotation: Annotation): number {
  return annotation.target.kind === 'article' ? -1 : annotation.target.position.start;
}

/** The review of annotations after a corpus update (see the module comment). */
export function reviewAfterUpdate(input: ReviewInput): CorpusReview {
  const groups = new Map<string, ReviewGroup>();
  const missingArticles: Annotation[] = [];
  const byArticle = new Map<ArticleId, Annotation[]>();
  for (const annotation of input.annotations) {
    const list = byArticle.get(annotation.article.id);
    if (list) list.push(annotation);
    else byArticle.set(annotation.article.id, [annotation]);
  }
  for (const [id, annotations] of byArticle) {
    const after = input.after(id);
    if (!after) {
      missingArticles.push(...annotations);
      continue;
    }
    const added = newVersions(input.before(id), after);
    if (added.length === 0) continue;
    // The version in force today if it is a new one; else the newest new one (a change due later, or a corrected past text).
    const inForce = versionOn(after, input.today, input.undatedEndsOn);
    const shownOn = inForce && added.includes(inForce) ? inForce : added.at(-1)!;
    const cache = new AnchorCache();
    const key = shownOn.amendedBy?.trim() ?? '';
    let group = groups.get(key);
    if (!group) {
      group = { title: '', entries: [] };
      if (key) group.amendingText = key;
      groups.set(key, group);
    }
    for (const annotation of annotations) {
      group.entries.push({ annotation, newVersions: added, shownOn, anchor: anchorAnnotation(annotation, after, shownOn, cache) });
    }
  }
  const sorted = [...groups.values()].sort(
    (a, b) => b.entries.length - a.entries.length || (a.amendingText ?? '').localeCompare(b.amendingText ?? '', 'fr'),
  );
  for (const group of sorted) {
    group.title = groupTitle(group.entries.length, group.amendingText);
    group.entries.sort(
      (a, b) =>
        a.annotation.article.code.localeCompare(b.annotation.article.code) ||
        compareArticleNumbers(a.annotation.article.num, b.annotation.article.num) ||
        place(a.annotation) - place(b.annotation),
    );
  }
  const total = sorted.reduce((sum, g) => sum + g.entries.length, 0) + missingArticles.length;
  return { groups: sorted, missingArticles, total };
}
