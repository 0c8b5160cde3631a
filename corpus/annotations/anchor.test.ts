import { describe, expect, it } from 'vitest';
import { anchorAnnotation, anchorAnnotations, AnchorCache, type Anchor } from './anchor.ts';
import { createPassageAnnotation } from './annotation.ts';
import { annotationSchema } from './annotation-schema.ts';
import { ArticleText } from './article-text.ts';
import { article, articleNote, passage, TEST_ARTICLE, version } from './test-support.ts';

const P0 = 'Les caisses sont chargées de la gestion du régime et de l’action sanitaire et sociale.';
const P1 = 'La cotisation est due à raison de la livraison de boissons d’une teneur supérieure à 25 % vol.';
const P2 = 'Un décret fixe les conditions dans lesquelles les organismes sont habilités, à l’article L. 612-9.';

/** The shown words of an anchor, or its status when it has none. */
function shown(anchor: Anchor): string {
  return anchor.target === 'passage' && anchor.status !== 'orphan' ? anchor.range.text : `(${anchor.status})`;
}

describe('anchorAnnotation', () => {
  const v1 = version('2000-01-01', [P0, P1, P2]);

  it('attaches an annotation where it was made, on its own version', () => {
    const a = passage(v1, 'teneur supérieure à 25 % vol');
    const anchor = anchorAnnotation(a, article([v1]), v1);
    expect(anchor).toMatchObject({ status: 'attached', method: 'same-version' });
    expect(shown(anchor)).toBe('teneur supérieure à 25 % vol');
  });

  it('follows words whose paragraph got words inserted before them', () => {
    const v2 = version('2005-01-01', [P0, P1.replace('livraison de', 'importation ou la livraison aux consommateurs de'), P2]);
    const a = passage(v1, 'teneur supérieure à 25 % vol');
    const anchor = anchorAnnotation(a, article([v1, v2]), v2);
    expect(anchor).toMatchObject({ status: 'attached', method: 'diff' });
    if (anchor.status !== 'attached' || anchor.target !== 'passage') throw new Error('attached expected');
    expect(anchor.range.pieces).toEqual([
      { paragraph: 1, start: v2.paragraphs[1]!.indexOf('teneur'), end: v2.paragraphs[1]!.indexOf(' vol') + 4 },
    ]);
  });

  it('« 25 % » → « 18 % »: a passage around the rate is changed, with the new rate in its range and the old quote', () => {
    const v2 = version('2011-12-23', [P0, P1.replace('25 %', '18 %'), P2]);
    const around = anchorAnnotation(passage(v1, 'teneur supérieure à 25 % vol'), article([v1, v2]), v2);
    expect(around).toMatchObject({ status: 'changed', method: 'diff', oldQuote: 'teneur supérieure à 25 % vol' });
    expect(shown(around)).toBe('teneur supérieure à 18 % vol');
    // On the rate alone: its replacement, flagged.
    const rate = anchorAnnotation(passage(v1, '25 %'), article([v1, v2]), v2);
    expect(rate).toMatchObject({ status: 'changed', oldQuote: '25 %', kept: 0 });
    expect(shown(rate)).toBe('18 %');
    // Beside it, untouched words stay attached.
    expect(anchorAnnotation(passage(v1, 'La cotisation est due'), article([v1, v2]), v2).status).toBe('attached');
  });

  it('never takes in the replacement of words outside the passage', () => {
    // « de la livraison de boissons » → « des ventes d'alcool »: the replaced words straddle the passage's start.
    const v2 = version('2005-01-01', [P0, P1.replace('de la livraison de boissons', "des ventes d'alcool"), P2]);
    const a = passage(v1, 'boissons d’une teneur');
    const anchor = anchorAnnotation(a, article([v1, v2]), v2);
    expect(anchor).toMatchObject({ status: 'changed' });
    expect(shown(anchor)).toBe('d’une teneur');
  });

  it('an insertion just outside the passage leaves it attached; inside it, changed', () => {
    const v2 = version('2005-01-01', [P0, P1.replace('de boissons', 'de toutes boissons'), P2]);
    expect(shown(anchorAnnotation(passage(v1, 'boissons d’une teneur'), article([v1, v2]), v2))).toBe('boissons d’une teneur');
    expect(anchorAnnotation(passage(v1, 'boissons d’une teneur'), article([v1, v2]), v2).status).toBe('attached');
    const inside = anchorAnnotation(passage(v1, 'livraison de boissons'), article([v1, v2]), v2);
    expect(inside.status).toBe('changed');
    expect(shown(inside)).toBe('livraison de toutes boissons');
  });

  it('whitespace and typography the diff ignores change nothing', () => {
    const v2 = version('2005-01-01', [P0, P1, P2.replace('L. 612-9', 'L.612-9').replace('l’article', "l'article")]);
    const anchor = anchorAnnotation(passage(v1, 'à l’article L. 612-9'), article([v1, v2]), v2);
    expect(anchor.status).toBe('attached');
    expect(shown(anchor)).toBe("à l'article L.612-9");
  });

  it('an annotation whose words are all deleted is an orphan, and says why', () => {
    const v2 = version('2005-01-01', [P0, P1.replace(' d’une teneur supérieure à 25 % vol', ''), P2]);
    const anchor = anchorAnnotation(passage(v1, 'teneur supérieure à 25 % vol'), article([v1, v2]), v2);
    expect(anchor).toMatchObject({ status: 'orphan', reason: 'words-removed', oldQuote: 'teneur supérieure à 25 % vol' });
  });

  it('an annotation whose whole text is removed (the article rewritten) is an orphan', () => {
    const v2 = version('2005-01-01', ['Le régime social des indépendants comprend une caisse nationale et des caisses de base.']);
    const anchors = [P0, P1, P2].map((p) => anchorAnnotation(passage(v1, p), article([v1, v2]), v2));
    expect(anchors.map((a) => a.status)).toEqual(['orphan', 'orphan', 'orphan']);
  });

  it('a passage across two paragraphs is carried as one range, in two pieces', () => {
    const v2 = version('2005-01-01', ['Premier alinéa nouveau.', P0, P1, P2]);
    const words = 'sanitaire et sociale.\nLa cotisation est due';
    const anchor = anchorAnnotation(passage(v1, words), article([v1, v2]), v2);
    expect(anchor.status).toBe('attached');
    if (anchor.status !== 'attached' || anchor.target !== 'passage') throw new Error('attached expected');
    expect(anchor.range.text).toBe(words);
    expect(anchor.range.pieces.map((piece) => piece.paragraph)).toEqual([1, 2]);
    // A paragraph inserted between the two: the passage changed.
    const v3 = version('2010-01-01', [P0, 'Un alinéa inséré entre les deux.', P1, P2]);
    const split = anchorAnnotation(passage(v1, words), article([v1, v3]), v3);
    expect(split.status).toBe('changed');
    expect(shown(split)).toBe('sanitaire et sociale.\nUn alinéa inséré entre les deux.\nLa cotisation est due');
  });

  it('a paragraph moved elsewhere is found by its quote and context', () => {
    const v2 = version('2005-01-01', [P2, 'Un alinéa sans rapport, ajouté en tête du texte.', P0, P1.replace('25 %', '18 %')]);
    const anchor = anchorAnnotation(passage(v1, P2), article([v1, v2]), v2);
    expect(anchor.status).not.toBe('orphan');
    expect(shown(anchor)).toBe(P2);
  });

  it('a whole-article note is attached on every version, even one without text', () => {
    const v2 = version('2005-01-01', [], { textUnavailable: true });
    expect(anchorAnnotation(articleNote(v1, 'À relire avant la visite.'), article([v1, v2]), v2)).toMatchObject({
      status: 'attached',
      target: 'article',
    });
  });

  it('a version without text is no place for a passage: orphan, « text-unavailable »', () => {
    const v2 = version('2005-01-01', [], { textUnavailable: true });
    expect(anchorAnnotation(passage(v1, '25 %'), article([v1, v2]), v2)).toMatchObject({ status: 'orphan', reason: 'text-unavailable' });
  });

  it('made on a version the corpus no longer has: placed by its quote, never by a guess', () => {
    const a = passage(v1, 'les conditions dans lesquelles les organismes sont habilités');
    const other = version('2005-01-01', [P0, P2]);
    // The corpus now starts at 2005 (the version of 2000 is gone): the long quote is found as is.
    const found = anchorAnnotation(a, article([other]), other);
    expect(found).toMatchObject({ status: 'attached', method: 'quote' });
    // A short quote with none of its context around it is not placed.
    const short = passage(v1, '25 %');
    const elsewhere = version('2005-01-01', ['Le taux est fixé à 25 % des sommes versées.']);
    expect(anchorAnnotation(short, article([elsewhere]), elsewhere)).toMatchObject({ status: 'orphan', reason: 'source-version-missing' });
  });

  it('finds the version it was made on by its LEGI id before its date, and by the date in force after a merge', () => {
    const v2 = version('2005-01-01', [P0, P1.replace('25 %', '18 %'), P2], { legiVersionId: 'LEGIARTI000000000002' });
    const a = passage(v2, '18 %');
    // The version's date moved (a better source), its LEGI id did not.
    const moved = { ...v2, validFrom: '2005-02-01' };
    expect(anchorAnnotation(a, article([v1, moved]), moved).status).toBe('attached');
    // Annotation made on 2000-06-01's reading when versions of 2000-01-01 and 2000-06-01 were later merged.
    const b = { ...passage(v1, '25 %'), version: { validFrom: '2000-06-01' } };
    const merged = article([v1, v2]);
    expect(anchorAnnotation(b, merged, merged.versions[0]!)).toMatchObject({ status: 'attached', method: 'same-version' });
  });

  it('a passage of the NOTA is carried through the NOTAs of the two versions, never onto the text', () => {
    const nota = 'Conformément à l’article 5 de la loi, ces dispositions s’appliquent aux cotisations dues à compter du 1er janvier 2006.';
    const withNota = version('2005-01-01', [P0, P1], { nota: [nota] });
    const text = new ArticleText(withNota.nota!);
    const start = nota.indexOf('aux cotisations');
    const a = createPassageAnnotation({
      article: TEST_ARTICLE,
      version: { validFrom: withNota.validFrom },
      text,
      part: 'nota',
      start: { paragraph: 0, offset: start },
      end: { paragraph: 0, offset: nota.indexOf(' à compter') },
      role: 'delai',
    });
    expect(a.target).toMatchObject({ kind: 'passage', part: 'nota', quote: { exact: 'aux cotisations dues' } });
    expect(annotationSchema.parse(a)).toEqual(a);
    const later = version('2008-01-01', [P0, P1, 'aux cotisations dues'], { nota: [nota.replace('1er janvier 2006', '1er janvier 2007')] });
    const anchor = anchorAnnotation(a, article([withNota, later]), later);
    expect(anchor).toMatchObject({
      status: 'attached',
      method: 'diff',
      range: { part: 'nota', text: 'aux cotisations dues', pieces: [{ paragraph: 0 }] },
    });
    // A version without NOTA: the words are not looked for in the text (where they also are).
    const noNota = version('2010-01-01', [P0, P1, 'aux cotisations dues']);
    expect(anchorAnnotation(a, article([withNota, noNota]), noNota)).toMatchObject({ status: 'orphan', reason: 'words-removed' });
  });

  it('anchors many annotations of an article at once, sharing the alignment, and leaves other articles out', () => {
    const v2 = version('2011-12-23', [P0, P1.replace('25 %', '18 %'), P2]);
    const art = article([v1, v2]);
    const annotations = [
      passage(v1, '25 %'),
      passage(v1, 'Les caisses'),
      { ...passage(v1, 'Un décret'), article: { id: 'x/y', code: 'x', num: 'L1' } },
    ];
    const cache = new AnchorCache();
    const anchors = anchorAnnotations(annotations, art, v2, cache);
    expect([...anchors.values()].map((a) => a.status)).toEqual(['changed', 'attached']);
    expect(cache.mapping(v1, v2)).toBe(cache.mapping(v1, v2));
  });
});
