/**
 * Old and new numbers on the compiled default corpus (`npm run corpus`): L122-14-3 of the former
 * Code du travail and the articles of 2008 that replaced it, read from both lists, and the
 * placement of the former code in the tree (issue 13 §2 e, §3).
 */
import { expect, it } from 'vitest';
import { describeWholeCorpus } from '../../tests/support/whole-corpus.ts';
import { readBundleJson } from '../../tests/support/bundle-files.ts';
import { COMPILED_CORPUS, compiledArticle, compiledManifest, hasCompiledCorpus } from '../../tests/support/compiled-corpus.ts';
import { correspondenceOfCode, correspondencePairs, formerArticlesOf, replacementsOf } from './correspondence.ts';
import type { Article, Code, Section } from './model.ts';

const TRAVAIL = 'code-du-travail';
const holdsTravail = hasCompiledCorpus && compiledManifest().sources.some((s) => s.kind === 'lexlib' && s.codes.includes(TRAVAIL));
if (!holdsTravail) console.warn('correspondence.test.ts: corpus/dist absent or without the lexlib Code du travail — run `npm run corpus`.');

describeWholeCorpus('old and new numbers of the compiled Code du travail', () => {
  it('L122-14-3 is replaced by L1232-1, L1233-2, L1235-1 and L1235-9 (its « Nouveaux textes »)', () => {
    const former = compiledArticle(TRAVAIL, 'L122-14-3');
    expect(replacementsOf(former).map((r) => r.num)).toEqual(['L1232-1', 'L1233-2', 'L1235-1', 'L1235-9']);
    for (const ref of replacementsOf(former)) expect(ref.id.startsWith(`${TRAVAIL}/LEGIARTI`)).toBe(true);
  });

  it('L1232-1 takes up L122-14-3 (alinéa 1 phrase 1) (its « Anciens textes »)', () => {
    const current = compiledArticle(TRAVAIL, 'L1232-1');
    const formers = formerArticlesOf(current);
    const l122 = formers.find((f) => f.num === 'L122-14-3');
    expect(l122?.id).toBe(compiledArticle(TRAVAIL, 'L122-14-3').id);
    expect(l122?.parts).toEqual(['alinéa 1 phrase 1']);
  });

  it('the table holds each pair once, from either list, with the parts named', () => {
    const articles: Article[] = ['L122-14-3', 'L1232-1', 'L1233-2', 'L1235-1', 'L1235-9'].map((num) => compiledArticle(TRAVAIL, num));
    const pairs = correspondenceOfCode(correspondencePairs(articles), TRAVAIL).filter((p) => p.former.num === 'L122-14-3');
    expect(pairs.map((p) => p.current.num)).toEqual(['L1232-1', 'L1233-2', 'L1235-1', 'L1235-9']);
    expect(pairs[0]?.parts).toEqual(['alinéa 1 phrase 1']);
  });
});

describeWholeCorpus('the compiled table of contents of the Code du travail (issue 13 e)', () => {
  const summary = holdsTravail ? compiledManifest().codes.find((c) => c.id === TRAVAIL) : undefined;
  const code = summary ? readBundleJson<Code>(COMPILED_CORPUS, summary.toc) : undefined;
  const pathOf = (id: string): string[] | undefined => {
    const walk = (sections: readonly Section[], above: string[]): string[] | undefined => {
      for (const section of sections) {
        const here = [...above, section.title];
        if (section.articles.includes(id)) return here;
        const below = walk(section.children, here);
        if (below) return below;
      }
      return undefined;
    };
    return walk(code?.toc ?? [], []);
  };

  it('files L122-14-3 under « Partie législative ancienne › Livre Ier › Titre II › Chapitre II », never under the current code', () => {
    const titles = pathOf(compiledArticle(TRAVAIL, 'L122-14-3').id);
    expect(titles?.[0]).toBe('Partie législative ancienne');
    expect(titles?.slice(1).map((t) => t.split(' : ')[0])).toEqual(['Livre Ier', 'Titre II', 'Chapitre II']);
  });

  it('has no « Articles hors plan » section', () => {
    expect(code?.toc.map((s) => s.title)).not.toContain('Articles hors plan');
  });
});
