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

  const expectSound = (anchors: Map<string, Anchor>, shown: Version): Record<AnchorStatus, number> => {
    const text = new ArticleText(shown.paragraphs);
    const counts = { attached: 0, changed: 0, orphan: 0 };
    for (const annotation of annotations) {
      const anchor = anchors.get(annotation.id)!;
      counts[anchor.status]++;
      if (anchor.status === 'orphan' || anchor.target !== 'passage') continue;
      expect(anchor.range.text).toBe(text.text.slice(anchor.range.start, anchor.range.end));
      if (anchor.status === 'attached' && annotation.target.kind === 'passage') {
        expect(text.wordKeys(anchor.range.start, anchor.range.end)).toEqual(quoteKeys(annotation.target.quote.exact));
      }
    }
    return counts;
  };

  it('each is placed on the next version (2018-01-01, modified) and on the rewrite (2018-09-01)', () => {
    const cache = new AnchorCache();
    const next = art.versions.find((v) => v.validFrom === '2018-01-01')!;
    const nextCounts = expectSound(anchorAnnotations(annotations, art, next, cache), next);
    // 2017 → 2018: a few clauses changed, most of the text did not.
    expect(nextCounts.attached).toBeGreaterThan(8000);
    expect(nextCounts.changed).toBeGreaterThan(0);
    const rewrite = art.versions.find((v) => v.validFrom === '2018-09-01')!;
    const rewriteCounts = expectSound(anchorAnnotations(annotations, art, rewrite, cache), rewrite);
    expect(rewriteCounts.orphan).toBeGreaterThan(0);
    expect(rewriteCounts.attached + rewriteCounts.changed + rewriteCounts.orphan).toBe(10_000);
    // On their own version, all attached where made.
    const own = anchorAnnotations(annotations, art, made, cache);
    expect([...own.values()].every((a) => a.status === 'attached' && a.target === 'passage' && a.method === 'same-version')).toBe(true);
  });

  it('are listed and searched, exported and imported back without a duplicate, and exported to Markdown', () => {
    const index = new AnnotationIndex(annotations);
    expect(index.search({ text: 'cotisation', limit: 10 }).total).toBeGreaterThanOrEqual(3334);
    expect(index.search({ tags: ['visite'] }).total).toBe(1000);
    const file = parseAnnotationsFile(exportAnnotationsFile(annotations));
    if (!file.ok) throw new Error(file.error.message);
    expect(file.value.annotations).toHaveLength(10_000);
    const merged = mergeAnnotations(annotations, file.value.annotations);
    expect(merged).toMatchObject({ added: 0, unchanged: 10_000 });
    const markdown = articleAnnotationsToMarkdown({
      article: { num: art.num, codeTitle: 'Code de la sécurité sociale' },
      version: made,
      annotations,
      anchors: anchorAnnotations(annotations, art, made),
    });
    expect(markdown.match(/^### /gm)).toHaveLength(10_000);
  });
});
