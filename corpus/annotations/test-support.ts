/**
 * TEST INPUT BUILDERS for the annotation tests: versions and articles from paragraphs, and passages
 * made by naming the words to highlight (as a user selects them). Not used by the modules themselves.
 */
import type { Article, Version } from '../model/model.ts';
import { createArticleNote, createPassageAnnotation, type Annotation } from './annotation.ts';
import { ArticleText } from './article-text.ts';
import type { RoleId } from './roles.ts';

export const TEST_ARTICLE = { id: 'code-de-test/LEGIARTI000000000001', code: 'code-de-test', num: 'L1-1' };

export function version(validFrom: string, paragraphs: string[], extra: Partial<Version> = {}): Version {
  return { validFrom, status: 'VIGUEUR', paragraphs, links: [], references: [], sources: ['test'], ...extra };
}

/** An article whose versions follow each other (each one ends where the next starts). */
export function article(versions: Version[], meta = TEST_ARTICLE): Article {
  const chained = versions.map((v, i) => (versions[i + 1] ? { ...v, validTo: versions[i + 1]!.validFrom, status: 'MODIFIE' as const } : v));
  return { id: meta.id, code: meta.code, num: meta.num, versions: chained };
}

export interface PassageOptions {
  /** Which occurrence of `words` (0: the first). */
  occurrence?: number;
  role?: RoleId;
  note?: string;
  tags?: string[];
  id?: string;
  now?: Date;
  meta?: typeof TEST_ARTICLE;
}

/** Offset of the n-th occurrence of `words` in a text; throws if absent (a mistake in the test). */
export function offsetOf(text: string, words: string, occurrence = 0): number {
  let at = -1;
  for (let n = 0; n <= occurrence; n++) {
    at = text.indexOf(words, at + 1);
    if (at < 0) throw new Error(`« ${words} » (occurrence ${occurrence}) absent from the text`);
  }
  return at;
}

/** A passage highlighting `words` (a substring of the version's text, possibly across paragraphs). */
export function passage(on: Version, words: string, options: PassageOptions = {}): Annotation {
  const text = new ArticleText(on.paragraphs);
  const start = offsetOf(text.text, words, options.occurrence);
  return createPassageAnnotation({
    article: options.meta ?? TEST_ARTICLE,
    version: { validFrom: on.validFrom, ...(on.legiVersionId ? { legiVersionId: on.legiVersionId } : {}) },
    text,
    start: text.toPoint(start),
    end: text.toPoint(start + words.length),
    role: options.role ?? 'condition',
    ...(options.note !== undefined ? { note: options.note } : {}),
    ...(options.tags ? { tags: options.tags } : {}),
    ...(options.id ? { id: options.id } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
}

export function articleNote(on: Version, note: string, meta = TEST_ARTICLE): Annotation {
  return createArticleNote({ article: meta, version: { validFrom: on.validFrom }, note });
}
