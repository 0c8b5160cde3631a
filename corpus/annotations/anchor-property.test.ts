/**
 * Property tests of anchoring: a random annotation on a random pair of versions is attached on
 * exactly the same words, marked changed, or an orphan — never placed on other words.
 *
 * Three sources of pairs:
 * - edited texts whose every word is distinct, so the truth is known: each old word is kept (and
 *   where it went is recorded), deleted or replaced by new words;
 * - any text (every kind of character, see `tests/support/arbitraries.ts`) with random edits;
 * - real pairs of versions of the compiled corpus.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Article, Version } from '../model/model.ts';
import { anyText } from '../../tests/support/arbitraries.ts';
import { compiledArticlesWithHistories, compiledShardArticles, CSS, hasCompiledCorpus } from '../../tests/support/compiled-corpus.ts';
import { hasSharedCorpus } from '../../tests/support/shared-corpus.ts';
import { anchorAnnotation, type Anchor } from './anchor.ts';
import { createPassageAnnotation, type Annotation, type PassageTarget } from './annotation.ts';
import { ArticleText, quoteKeys } from './article-text.ts';
import { article, TEST_ARTICLE, version } from './test-support.ts';

function annotate(on: Version, text: ArticleText, start: number, end: number): Annotation | undefined {
  if (!text.snapToTokens(start, end)) return undefined;
  return createPassageAnnotation({
    article: TEST_ARTICLE,
    version: { validFrom: on.validFrom },
    text,
    start: text.toPoint(start),
    end: text.toPoint(end),
    role: 'condition',
  });
}

/** What holds of every anchor, whatever the pair of versions. */
function expectSound(anchor: Anchor, annotation: Annotation, shown: ArticleText): void {
  const target = annotation.target as PassageTarget;
  expect(anchor.target).toBe('passage');
  if (anchor.status === 'orphan') {
    expect(anchor.oldQuote).toBe(target.quote.exact);
    return;
  }
  if (anchor.target !== 'passage') throw new Error('a passage has a passage anchor');
  const { start, end, text, pieces } = anchor.range;
  expect(start).toBeGreaterThanOrEqual(0);
  expect(end).toBeLessThanOrEqual(shown.text.length);
  expect(end).toBeGreaterThan(start);
  expect(text).toBe(shown.text.slice(start, end));
  // Whole words: the range is its own snap to tokens.
  expect(shown.snapToTokens(start, end)).toEqual({ start, end });
  // The pieces are the range cut at paragraph breaks (empty paragraphs have none).
  expect(shown.starts[pieces[0]!.paragraph]! + pieces[0]!.start).toBe(start);
  expect(shown.starts[pieces.at(-1)!.paragraph]! + pieces.at(-1)!.end).toBe(end);
  const covered = pieces.reduce((sum, p) => sum + p.end - p.start, 0);
  expect(covered + pieces.length - 1).toBeLessThanOrEqual(end - start);
  const noBreaks = (t: string) => t.replace(/\n/g, '');
  expect(noBreaks(pieces.map((p) => shown.paragraphs[p.paragraph]!.slice(p.start, p.end)).join(''))).toBe(noBreaks(text));
  if (anchor.status === 'attached') {
    // Attached: exactly the same words.
    expect(shown.wordKeys(start, end)).toEqual(quoteKeys(target.quote.exact));
  } else {
    expect(anchor.oldQuote).toBe(target.quote.exact);
    expect(anchor.kept).toBeGreaterThanOrEqual(0);
    expect(anchor.kept).toBeLessThanOrEqual(1);
  }
}

describe('anchoring: edited texts of distinct words (the truth is known)', () => {
  interface Word {
    id: number;
    text: string;
  }
  const wordText = (id: number, kind: number) => (kind === 0 ? `mot${id}` : kind === 1 ? `${id} %` : `L. ${id}-1`);

  /** Per word: 0-79 kept, 80-86 deleted, 87-93 replaced by a new word, 94-99 kept with a new word after it. */
  const scenario = fc.record({
    paragraphs: fc.array(fc.array(fc.tuple(fc.nat(99), fc.nat(2)), { minLength: 1, maxLength: 25 }), { minLength: 1, maxLength: 5 }),
    /** Per paragraph: 0-5 removed, 6-12 kept and followed by a new paragraph, else kept. */
    fates: fc.array(fc.nat(99), { minLength: 5, maxLength: 5 }),
    first: fc.nat(),
    length: fc.integer({ min: 1, max: 30 }),
  });

  it('attached means the same words at their new place; changed never takes in a kept word from outside', () => {
    const seen = { attached: 0, changed: 0, orphan: 0 };
    fc.assert(
      fc.property(scenario, ({ paragraphs, fates, first, length }) => {
        let fresh = 10_000;
        const oldParagraphs: Word[][] = [];
        const newParagraphs: { text: string; source?: number }[][] = [];
        let nextId = 0;
        const unedited = new Set<number>();
        paragraphs.forEach((decisions, p) => {
          const words = decisions.map(([, kind]) => ({ id: nextId, text: wordText(nextId++, kind) }));
          oldParagraphs.push(words);
          const fate = fates[p]!;
          if (fate < 6) return;
          const out: { text: string; source?: number }[] = [];
          let edited = false;
          words.forEach((word, i) => {
            const decision = decisions[i]![0];
            if (decision < 80 || decision >= 94) out.push({ text: word.text, source: word.id });
            if (decision >= 80 && decision < 94) edited = true;
            if (decision >= 87) {
              out.push({ text: wordText(fresh++, 0) });
              edited = true;
            }
          });
          if (out.length) newParagraphs.push(out);
          if (!edited && out.length) unedited.add(p);
          if (fate <= 12) newParagraphs.push([{ text: wordText(fresh++, 0) }, { text: wordText(fresh++, 0) }]);
        });
        const v1 = version(
          '2000-01-01',
          oldParagraphs.map((words) => words.map((w) => w.text).join(' ')),
        );
        const v2 = version(
          '2010-01-01',
          newParagraphs.length ? newParagraphs.map((words) => words.map((w) => w.text).join(' ')) : ['vide'],
        );
        const oldText = new ArticleText(v1.paragraphs);
        const newText = new ArticleText(v2.paragraphs);
        // Where each kept old word went: its offsets in the new text.
        const image = new Map<number, { start: number; end: number }>();
        newParagraphs.forEach((words, p) => {
          let offset = newText.starts[p]!;
          for (const word of words) {
            if (word.source !== undefined) image.set(word.source, { start: offset, end: offset + word.text.length });
            offset += word.text.length + 1;
          }
        });
        // The selection: whole words first..last (in the whole text, possibly across paragraphs).
        const all = oldParagraphs.flat();
        const from = first % all.length;
        const to = Math.min(all.length - 1, from + length - 1);
        const offsets = (id: number) => {
          const p = oldParagraphs.findIndex((words) => words.some((w) => w.id === id));
          let offset = oldText.starts[p]!;
          for (const w of oldParagraphs[p]!) {
            if (w.id === id) return { start: offset, end: offset + w.text.length };
            offset += w.text.length + 1;
          }
          throw new Error('unreachable');
        };
        const annotation = annotate(v1, oldText, offsets(all[from]!.id).start, offsets(all[to]!.id).end)!;
        const anchor = anchorAnnotation(annotation, article([v1, v2]), v2);
        expectSound(anchor, annotation, newText);
        seen[anchor.status]++;

        const inside = all.slice(from, to + 1).map((w) => w.id);
        const outside = all.filter((_, i) => i < from || i > to).map((w) => w.id);
        const rangeParagraphs = new Set(inside.map((id) => oldParagraphs.findIndex((words) => words.some((w) => w.id === id))));
        if ([...rangeParagraphs].every((p) => unedited.has(p)) && isContiguous(inside, image, newText)) {
          // Paragraphs untouched and still side by side: the words are attached where they went.
          expect(anchor.status).toBe('attached');
        }
        if (anchor.status === 'orphan') return;
        if (anchor.target !== 'passage') throw new Error('passage expected');
        const { start, end } = anchor.range;
        if (anchor.status === 'attached') {
          // Exactly the images of the selected words, all kept, nothing new between them.
          expect(inside.every((id) => image.has(id))).toBe(true);
          expect(start).toBe(image.get(inside[0]!)!.start);
          expect(end).toBe(image.get(inside.at(-1)!)!.end);
          return;
        }
        // Changed: never a kept word that was outside the selection.
        for (const id of outside) {
          const at = image.get(id);
          if (at) expect(at.end <= start || at.start >= end, `mot${id} is outside the selection`).toBe(true);
        }
      }),
      { numRuns: 600 },
    );
    expect(seen.attached).toBeGreaterThan(0);
    expect(seen.changed).toBeGreaterThan(0);
    expect(seen.orphan).toBeGreaterThan(0);
  });

  it('between texts that share no word, every annotation is an orphan', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 60 }), fc.nat(), (oldCount, newCount, pick) => {
        const v1 = version('2000-01-01', [Array.from({ length: oldCount }, (_, i) => `ancien${i}`).join(' ')]);
        const v2 = version('2010-01-01', [Array.from({ length: newCount }, (_, i) => `nouveau${i}`).join(' ')]);
        const text = new ArticleText(v1.paragraphs);
        const token = text.tokens[pick % text.tokens.length]!;
        const annotation = annotate(v1, text, token.start, text.tokens.at(-1)!.end)!;
        expect(anchorAnnotation(annotation, article([v1, v2]), v2).status).toBe('orphan');
      }),
      { numRuns: 200 },
    );
  });
});

/** Whether the images of these words follow each other in one stretch of the new text with only spaces between. */
function isContiguous(ids: readonly number[], image: Map<number, { start: number; end: number }>, text: ArticleText): boolean {
  for (let i = 1; i < ids.length; i++) {
    const previous = image.get(ids[i - 1]!);
    const next = image.get(ids[i]!);
    if (!previous || !next) return false;
    if (text.text.slice(previous.end, next.start).trim() !== '' || text.text.slice(previous.end, next.start).includes('\n\n')) return false;
    // A new paragraph between two selected words is something inserted inside the selection.
    if (text.paragraphAt(next.start) - text.paragraphAt(previous.start) > 1) return false;
  }
  return ids.length > 0 && image.has(ids[0]!);
}

describe('anchoring: any text', () => {
  const paragraphs = fc.array(anyText(120), { minLength: 1, maxLength: 4 });
  it('is sound on random texts and random edits of them', () => {
    fc.assert(
      fc.property(
        paragraphs,
        fc.array(fc.tuple(fc.nat(3), fc.nat(), fc.nat(40), anyText(20)), { maxLength: 6 }),
        fc.nat(),
        fc.nat(200),
        (olds, edits, at, length) => {
          const news = [...olds];
          for (const [p, offset, cut, inserted] of edits) {
            const i = p % news.length;
            const text = news[i]!;
            const o = offset % (text.length + 1);
            news[i] = text.slice(0, o) + inserted + text.slice(o + cut);
          }
          const v1 = version('2000-01-01', olds);
          const v2 = version('2010-01-01', news);
          const text = new ArticleText(olds);
          const start = at % (text.text.length + 1);
          const annotation = annotate(v1, text, start, Math.min(text.text.length, start + length));
          if (!annotation) return;
          expectSound(anchorAnnotation(annotation, article([v1, v2]), v2), annotation, new ArticleText(news));
          // On its own version it is attached where it was made.
          const same = anchorAnnotation(annotation, article([v1, v2]), v1);
          expect(same).toMatchObject({ status: 'attached', method: 'same-version' });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe.skipIf(!hasCompiledCorpus)('anchoring: real pairs of versions of the compiled corpus', () => {
  it('is sound on random passages of random version pairs of the Code de la sécurité sociale', () => {
    // Four shards of the whole histories hold over a hundred; without ../shared, the sample's 27 of this code.
    const articles: Article[] = (hasSharedCorpus ? compiledShardArticles(CSS, [0, 7, 19, 31]) : compiledArticlesWithHistories(CSS))
      .map((a) => ({ ...a, versions: a.versions.filter((v) => !v.textUnavailable && v.paragraphs.length > 0) }))
      .filter((a) => a.versions.length >= 2);
    expect(articles.length).toBeGreaterThan(hasSharedCorpus ? 100 : 20);
    const seen = { attached: 0, changed: 0, orphan: 0 };
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 400 }), (a, i, j, at, length) => {
        const art = articles[a % articles.length]!;
        const from = art.versions[i % art.versions.length]!;
        const to = art.versions[j % art.versions.length]!;
        const text = new ArticleText(from.paragraphs);
        const start = at % Math.max(1, text.text.length);
        const annotation = annotate(from, text, start, Math.min(text.text.length, start + length));
        if (!annotation) return;
        const anchor = anchorAnnotation({ ...annotation, article: { ...annotation.article, id: art.id } }, art, to);
        expectSound(anchor, annotation, new ArticleText(to.paragraphs));
        seen[anchor.status]++;
        if (from === to) expect(anchor).toMatchObject({ status: 'attached', method: 'same-version' });
      }),
      { numRuns: 400 },
    );
    expect(seen.attached).toBeGreaterThan(0);
    expect(seen.changed).toBeGreaterThan(0);
    expect(seen.orphan).toBeGreaterThan(0);
  });
});
