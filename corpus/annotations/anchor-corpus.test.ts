/**
 * Anchoring on real version pairs of the compiled corpus (Code de la sécurité sociale). The expected
 * statuses come from reading the texts (quoted in each test) and, for L611-3 and L245-8, from the
 * changes lexlib lists for those dates (see `corpus/diff/real-version-pairs.test.ts`).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Article, Version } from '../model/model.ts';
import { compiledArticle, CSS, hasCompiledCorpus } from '../../tests/support/compiled-corpus.ts';
import { anchorAnnotation, type Anchor } from './anchor.ts';
import { createPassageAnnotation, type Annotation } from './annotation.ts';
import { ArticleText } from './article-text.ts';
import { offsetOf, passage } from './test-support.ts';

if (!hasCompiledCorpus) console.warn('anchor-corpus.test.ts skipped: corpus/dist absent — run `npm run corpus` (npm test does it first).');

function versionFrom(article: Article, validFrom: string): Version {
  const found = article.versions.find((v) => v.validFrom === validFrom);
  if (!found) throw new Error(`${article.num} has no version from ${validFrom}`);
  return found;
}

function on(article: Article, validFrom: string, words: string): Annotation {
  return passage(versionFrom(article, validFrom), words, { meta: { id: article.id, code: article.code, num: article.num } });
}

function summary(anchor: Anchor): { status: string; text?: string; oldQuote?: string; reason?: string; method?: string } {
  if (anchor.target === 'article') return { status: anchor.status };
  if (anchor.status === 'orphan') return { status: anchor.status, reason: anchor.reason };
  return {
    status: anchor.status,
    text: anchor.range.text,
    method: anchor.method,
    ...(anchor.status === 'changed' ? { oldQuote: anchor.oldQuote } : {}),
  };
}

describe.skipIf(!hasCompiledCorpus)('anchoring on real version pairs (compiled corpus)', () => {
  let l611_3: Article;
  let l245_8: Article;
  let l242_1: Article;
  beforeAll(() => {
    l611_3 = compiledArticle(CSS, 'L611-3');
    l245_8 = compiledArticle(CSS, 'L245-8');
    l242_1 = compiledArticle(CSS, 'L242-1');
  });

  describe('L611-3 as of 1985-12-21, shown on its texts of 1995 and 2005', () => {
    // 1995-02-05 (loi n° 95-116) changed three things: « non-salariés » → « non salariés »,
    // « prévention médicale » → « prévention, d'éducation et d'information sanitaires » (in 1994),
    // « groupements régionaux » → « groupements ». 2005-12-09 (ordonnance n° 2005-1528) rewrote it:
    // « Le régime social des indépendants comprend une caisse nationale et des caisses de base… ».
    const show = (words: string, validFrom: string) =>
      summary(anchorAnnotation(on(l611_3, '1985-12-21', words), l611_3, versionFrom(l611_3, validFrom)));

    it('unchanged words are attached on 1995, through the word diff', () => {
      expect(show('sous le contrôle de la caisse nationale', '1995-02-05')).toEqual({
        status: 'attached',
        text: 'sous le contrôle de la caisse nationale',
        method: 'diff',
      });
      // The file writes « responsables , dans »: kept as is, and no change.
      expect(show('responsables , dans leur circonscription', '1995-02-05')).toMatchObject({ status: 'attached' });
    });

    it('changed words are « texte modifié », with the new words and the old quote', () => {
      expect(show("caisse nationale d'assurance maladie et maternité des travailleurs non-salariés", '1995-02-05')).toEqual({
        status: 'changed',
        text: "caisse nationale d'assurance maladie et maternité des travailleurs non salariés",
        method: 'diff',
        oldQuote: "caisse nationale d'assurance maladie et maternité des travailleurs non-salariés",
      });
      expect(show("groupements régionaux de sociétés d'assurance", '1995-02-05')).toMatchObject({
        status: 'changed',
        text: "groupements de sociétés d'assurance",
      });
      // « médicale » alone: carried to what replaced it, flagged.
      expect(show('médicale', '1995-02-05')).toMatchObject({ status: 'changed', text: ", d'éducation et d'information sanitaires" });
      // Ending on the replaced word: the (much longer) replacement is not taken in at the edge.
      expect(show('action de prévention médicale', '1995-02-05')).toMatchObject({ status: 'changed', text: 'action de prévention' });
    });

    it('a selection across a reference link and into the next paragraph is attached on 1995', () => {
      const v1985 = versionFrom(l611_3, '1985-12-21');
      const text = new ArticleText(v1985.paragraphs);
      const reference = v1985.references.find((r) => r.num === 'L612-9');
      expect(reference).toMatchObject({ paragraph: 2 });
      // From inside the link's text (« 612-9 ») to « prévu ci-dessus » in paragraph 3.
      const from = { paragraph: 2, offset: v1985.paragraphs[2]!.indexOf('612-9') };
      const to = { paragraph: 3, offset: v1985.paragraphs[3]!.indexOf(' détermine') };
      expect(from.offset).toBeGreaterThan(reference!.start);
      const annotation = createPassageAnnotation({
        article: { id: l611_3.id, code: CSS, num: 'L611-3' },
        version: { validFrom: v1985.validFrom },
        text,
        start: from,
        end: to,
        role: 'a-verifier',
      });
      // Widened to the whole reference (one token), and run across the paragraph break.
      expect(annotation.target).toMatchObject({ kind: 'passage', paragraph: 2, paragraphEnd: 3 });
      expect(annotation.target.kind === 'passage' && annotation.target.quote.exact).toBe(
        "L. 612-9.\nLe décret en Conseil d'Etat prévu ci-dessus",
      );
      const anchor = anchorAnnotation(annotation, l611_3, versionFrom(l611_3, '1995-02-05'));
      expect(summary(anchor)).toMatchObject({ status: 'attached', text: "L. 612-9.\nLe décret en Conseil d'Etat prévu ci-dessus" });
      if (anchor.status !== 'attached' || anchor.target !== 'passage') throw new Error('attached expected');
      expect(anchor.range.pieces.map((p) => p.paragraph)).toEqual([2, 3]);
    });

    it('on the rewritten text of 2005 every passage of 1985 is an orphan', () => {
      for (const words of [
        'sous le contrôle de la caisse nationale',
        'médicale',
        "à l'article L. 612-9",
        'Ces organismes sont habilités',
      ]) {
        expect(show(words, '2005-12-09'), words).toEqual({ status: 'orphan', reason: 'words-removed' });
      }
    });
  });

  describe('L245-8 around « 25 % » → « 18 % » (loi n° 2011-1906, 2011-12-23)', () => {
    const show = (words: string, validFrom: string) =>
      summary(anchorAnnotation(on(l245_8, '2010-04-01', words), l245_8, versionFrom(l245_8, validFrom)));

    it('a passage around the rate is changed, the rate alone is carried to « 18 % », the rest stays attached', () => {
      expect(versionFrom(l245_8, '2011-12-23').amendedBy).toBe('Loi n°2011-1906 du 21 décembre 2011');
      expect(show("boissons d'une teneur en alcool supérieure à 25 % vol", '2011-12-23')).toEqual({
        status: 'changed',
        text: "boissons d'une teneur en alcool supérieure à 18 % vol",
        method: 'diff',
        oldQuote: "boissons d'une teneur en alcool supérieure à 25 % vol",
      });
      expect(show('25 %', '2011-12-23')).toMatchObject({ status: 'changed', text: '18 %', oldQuote: '25 %' });
      expect(show("La cotisation est due à raison de l'importation ou la livraison aux consommateurs", '2011-12-23')).toMatchObject({
        status: 'attached',
      });
      expect(show('représentants fiscaux des opérateurs établis dans un autre Etat membre', '2011-12-23')).toMatchObject({
        status: 'attached',
      });
    });

    it('made on 2011-12-23 and shown back on 2010-04-01: the same change, the other way', () => {
      const anchor = anchorAnnotation(on(l245_8, '2011-12-23', 'supérieure à 18 % vol'), l245_8, versionFrom(l245_8, '2010-04-01'));
      expect(summary(anchor)).toMatchObject({ status: 'changed', text: 'supérieure à 25 % vol', oldQuote: 'supérieure à 18 % vol' });
    });

    it('on the text of 2023-12-31 (the cotisation now follows the accise rules), an orphan', () => {
      expect(show("boissons d'une teneur en alcool supérieure à 25 % vol", '2023-12-31')).toEqual({
        status: 'orphan',
        reason: 'words-removed',
      });
    });
  });

  describe('L242-1, first version (1985-12-21) → last', () => {
    // The ordonnance n° 2018-474 rewrote the article from 2018-09-01: « à titre de pourboire » and « Ne
    // seront pas comprises dans la rémunération » are in every version up to 2018-01-01 and in none after.
    const last = () => l242_1.versions.filter((v) => !v.textUnavailable).at(-1)!;

    it('the words of 1985 that the 2018 rewrite removed are orphans on the last version', () => {
      expect(last().validFrom >= '2025-01-01').toBe(true);
      for (const words of ['à titre de pourboire', 'Ne seront pas comprises dans la rémunération', 'les indemnités de congés payés']) {
        expect(last().paragraphs.join('\n')).not.toContain(words);
        expect(summary(anchorAnnotation(on(l242_1, '1985-12-21', words), l242_1, last())), words).toEqual({
          status: 'orphan',
          reason: 'words-removed',
        });
      }
    });

    it('a clause of 1985 found word for word in the rewritten 4° of the last version is attached, by its quote', () => {
      const words = 'Les contributions des employeurs destinées au financement des prestations';
      const anchor = anchorAnnotation(on(l242_1, '1985-12-21', words), l242_1, last());
      expect(summary(anchor)).toEqual({ status: 'attached', text: words, method: 'quote' });
      if (anchor.status !== 'attached' || anchor.target !== 'passage') throw new Error('attached expected');
      expect(anchor.range.pieces[0]!.start).toBe(offsetOf(last().paragraphs[anchor.range.pieces[0]!.paragraph]!, words));
      // The 1985 clause itself (« … complémentaires de retraite et de prévoyance ») is not there: orphan, no guess.
      const whole = on(
        l242_1,
        '1985-12-21',
        'Les contributions des employeurs destinées au financement des prestations complémentaires de retraite et de prévoyance',
      );
      expect(summary(anchorAnnotation(whole, l242_1, last()))).toEqual({ status: 'orphan', reason: 'words-removed' });
    });

    it('until 2018-01-01 the words of 1985 are attached through 28 versions of changes', () => {
      const v2018 = versionFrom(l242_1, '2018-01-01');
      expect(summary(anchorAnnotation(on(l242_1, '1985-12-21', 'à titre de pourboire'), l242_1, v2018))).toEqual({
        status: 'attached',
        text: 'à titre de pourboire',
        method: 'diff',
      });
    });

    it('shown on a version known by its dates only: orphan, the text is not in the corpus', () => {
      const dated = l242_1.versions.find((v) => v.textUnavailable);
      expect(dated).toBeDefined();
      expect(summary(anchorAnnotation(on(l242_1, '1985-12-21', 'à titre de pourboire'), l242_1, dated!))).toEqual({
        status: 'orphan',
        reason: 'text-unavailable',
      });
    });

    it('a passage of the last version shown on the first: orphan', () => {
      const annotation = passage(last(), "sont exclus de l'assiette des cotisations de sécurité sociale", {
        meta: { id: l242_1.id, code: CSS, num: 'L242-1' },
      });
      expect(summary(anchorAnnotation(annotation, l242_1, versionFrom(l242_1, '1985-12-21')))).toEqual({
        status: 'orphan',
        reason: 'words-removed',
      });
    });
  });
});
