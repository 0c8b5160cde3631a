/**
 * 10,000 annotations on one article (L242-1, the article with the most versions in the corpus): made
 * on one version, shown on the next (modified) and on the rewrite of 2018, listed, searched,
 * exported and read back, exported to Markdown. Correctness only: speed is in `npm run bench`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Article, Version } from '../model/model.ts';
import { compiledArticle, CSS, hasCompiledCorpus } from '../../tests/support/compiled-corpus.ts';
import { anchorAnnotations, AnchorCache, type Anchor, type AnchorStatus } from './anchor.ts';
import { createPassageAnnotation, type Annotation } from './annotation.ts';
import { ArticleText, quoteKeys } from './article-text.ts';
import { exportAnnotationsFile, mergeAnnotations, parseAnnotationsFile } from './files.ts';
import { articleAnnotationsToMarkdown } from './markdown.ts';
import { ROLE_IDS } from './roles.ts';
import { AnnotationIndex } from './search.ts';

if (!hasCompiledCorpus) console.warn('many-annotations.test.ts skipped: corpus/dist absent — run `npm run corpus`.');

/** mulberry32, seeded: the same 10,000 passages on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe.skipIf(!hasCompiledCorpus)('10,000 annotations on one article', () => {
  let art: Article;
  let made: Version;
  let annotations: Annotation[];
  beforeAll(() => {
    art = compiledArticle(CSS, 'L242-1');
    made = art.versions.find((v) => v.validFrom === '2017-01-01')!;
    const text = new ArticleText(made.paragraphs);
    const next = random(42);
    annotations = Array.from({ length: 10_000 }, (_, i) => {
      const first = Math.floor(next() * text.tokens.length);
      const last = Math.min(text.tokens.length - 1, first + Math.floor(next() * 40));
      return createPassageAnnotation({
        article: { id: art.id, code: art.code, num: art.num },
        version: { validFrom: made.validFrom, legiVersionId: made.legiVersionId! },
        text,
        start: text.toPoint(text.tokens[first]!.start),
        end: text.toPoint(text.tokens[last]!.end),
        role: ROLE_IDS[i % ROLE_IDS.length]!,
        note: i % 3 === 0 ? `Note ${i} : cotisations et contributions à vérifier.` : '',
        tags: i % 10 === 0 ? ['visite'] : [],
        id: `a${i}`,
        now: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
      });
    });
  });

  /**
   * Anchors all 10,000 on a version and checks each (attached: the same words); the mistakes are
   * gathered and asserted once, so that one test does not make 20,000 assertions.
   */
  const anchorAll = (
    shown: Version,
    cache: AnchorCache,
    which: readonly Annotation[] = annotations,
  ): { counts: Record<AnchorStatus, number>; anchors: Map<string, Anchor> } => {
    const anchors = anchorAnnotations(which, art, shown, cache);
    const text = new ArticleText(shown.paragraphs);
    const counts = { attached: 0, changed: 0, orphan: 0 };
    const wrong: string[] = [];
    for (const annotation of which) {
      const anchor = anchors.get(annotation.id)!;
      counts[anchor.status]++;
      if (anchor.status === 'orphan' || anchor.target !== 'passage') continue;
      if (anchor.range.text !== text.text.slice(anchor.range.start, anchor.range.end)) wrong.push(`${annotation.id}: range text`);
      if (anchor.status === 'attached' && annotation.target.kind === 'passage') {
        const keys = text.wordKeys(anchor.range.start, anchor.range.end);
        if (keys.join('\u0000') !== quoteKeys(annotation.target.quote.exact).join('\u0000'))
          wrong.push(`${annotation.id}: attached on other words`);
      }
    }
    expect(wrong).toEqual([]);
    return { counts, anchors };
  };
  const cache = new AnchorCache();

  it('each is placed on the next version (2018-01-01, modified): most attached, some changed', () => {
    const { counts } = anchorAll(
      art.versions.find((v) => v.validFrom === '2018-01-01')!,
      cache,
    );
    // 2017 → 2018: a few clauses changed, most of the text did not.
    expect(counts.attached).toBeGreaterThan(8000);
    expect(counts.changed).toBeGreaterThan(0);
  });

  it('on the rewrite of 2018-09-01, placed or orphans (one in five: each orphan is looked for by its quote, the costly case)', () => {
    const some = annotations.filter((_, i) => i % 5 === 0);
    const { counts } = anchorAll(
      art.versions.find((v) => v.validFrom === '2018-09-01')!,
      cache,
      some,
    );
    expect(counts.orphan).toBeGreaterThan(0);
    expect(counts.attached + counts.changed + counts.orphan).toBe(2_000);
  });

  it('on their own version, all are attached where they were made', () => {
    const { anchors } = anchorAll(made, cache);
    expect([...anchors.values()].every((a) => a.status === 'attached' && a.target === 'passage' && a.method === 'same-version')).toBe(true);
  });

  it('are listed and searched, exported and imported back without a duplicate', () => {
    const index = new AnnotationIndex(annotations);
    expect(index.search({ text: 'cotisation', limit: 10 }).total).toBeGreaterThanOrEqual(3334);
    expect(index.search({ tags: ['visite'] }).total).toBe(1000);
    const file = parseAnnotationsFile(exportAnnotationsFile(annotations));
    if (!file.ok) throw new Error(file.error.message);
    expect(file.value.annotations).toHaveLength(10_000);
    const merged = mergeAnnotations(annotations, file.value.annotations);
    expect(merged).toMatchObject({ added: 0, unchanged: 10_000 });
  });

  it('are exported to Markdown, one section each', () => {
    const markdown = articleAnnotationsToMarkdown({
      article: { num: art.num, codeTitle: 'Code de la sécurité sociale' },
      version: made,
      annotations,
      anchors: anchorAnnotations(annotations, art, made),
    });
    expect(markdown.match(/^### /gm)).toHaveLength(10_000);
  });
});
