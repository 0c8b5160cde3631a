import { describe, expect, it } from 'vitest';
import type { Article, ChangeSet, Link, Version } from '../../model/model.ts';
import { dateUndatedRepeals } from './repeal-dates.ts';

const CODE = 'code-du-travail';
const RECODIFICATION = '2008-05-01';

function link(kind: Link['kind'], label: string, text: string, articleNum?: string): Link {
  return { kind, label, text, ...(articleNum ? { articleNum } : {}), status: 'V', origin: 'list' };
}

function version(validFrom: string, paragraphs: string[], links: Link[], validTo?: string): Version {
  return {
    validFrom,
    ...(validTo ? { validTo } : {}),
    status: validTo ? 'MODIFIE' : 'VIGUEUR',
    paragraphs,
    links,
    references: [],
    sources: ['lexlib-travail'],
  };
}

/** An article of the former part the recodification ended with a dated repeal (the day's usual end). */
function endedFormerArticle(num: string): Article {
  const last = version('1973-11-23', [`Texte de ${num}.`], [], RECODIFICATION);
  last.status = 'ABROGE';
  return { id: `${CODE}/${num}`, code: CODE, num, versions: [last] };
}

describe('dateUndatedRepeals, the former part of a code', () => {
  it('leaves out the version R250-2 of the former Code du travail opens on the day the former part ends, and ends the one before, repealed', () => {
    // lexlib's file, before and from 2008-05-01 (the consolidated version lists it as modified).
    const before = version(
      '1973-11-23',
      [
        'Le service social agit sur les lieux mêmes du travail…',
        'A cet effet, il collabore…',
        'Le conseiller ou la conseillère chef du travail…',
      ],
      [
        link('newTexts', 'Code du travail - art. L4631-2 (VD)', 'Code du travail', 'L4631-2'),
        link('repealedBy', 'Décret n°2008-244 du 7 mars 2008 - art. 9 (V)', 'Décret n°2008-244 du 7 mars 2008 - art. 9'),
      ],
      RECODIFICATION,
    );
    const entry = version(
      RECODIFICATION,
      ['Le conseiller ou la conseillère chef du travail…'],
      [
        link('newTexts', 'Code du travail - art. D4631-1 (V)', 'Code du travail', 'D4631-1'),
        link('newTexts', 'Code du travail - art. D4632-7 (V)', 'Code du travail', 'D4632-7'),
        link('newTexts', 'Code du travail - art. L4631-2 (VD)', 'Code du travail', 'L4631-2'),
        link(
          'modifiedBy',
          'Ordonnance n°2007-329 du 12 mars 2007 - art. 12 (VD) JORF 13 mars 2007 en vigueur au plus tard le 1er mars 2008',
          'Ordonnance n°2007-329 du 12 mars 2007 - art. 12',
        ),
      ],
    );
    const r250_2: Article = { id: `${CODE}/LEGIARTI000006808206`, code: CODE, num: 'R250-2', versions: [before, entry] };
    const replacing = ['D4631-1', 'D4632-7', 'L4631-2'].map((num): Article => ({
      id: `${CODE}/${num}`,
      code: CODE,
      num,
      versions: [version(RECODIFICATION, ['…'], [])],
    }));
    const others = ['R250-1', 'R250-3', 'R250-4'].map(endedFormerArticle);
    const changeSet: ChangeSet = {
      code: CODE,
      date: RECODIFICATION,
      amendingTexts: ['Décret n°2008-244 du 7 mars 2008', 'Ordonnance n°2007-329 du 12 mars 2007'],
      created: replacing.map((a) => a.id),
      modified: [r250_2.id],
      repealed: others.map((a) => a.id),
      source: 'lexlib-travail',
    };
    const articles = new Map([[CODE, [r250_2, ...replacing, ...others]]]);
    const former = new Set([r250_2.id, ...others.map((a) => a.id)]);

    dateUndatedRepeals(articles, new Map([[CODE, [changeSet]]]), new Set(), '2025-01-01', new Map(), former);

    expect(r250_2.versions.map((v) => [v.validFrom, v.validTo, v.status])).toEqual([['1973-11-23', RECODIFICATION, 'ABROGE']]);
    const last = r250_2.versions[0]!;
    expect(last.endInferred).toEqual({ basis: 'repealing-text', evidence: 'Décret n°2008-244 du 7 mars 2008 - art. 9 (V)' });
    // « Remplacé le 1er mai 2008 par » names the three articles its three paragraphs became.
    expect(last.links.filter((l) => l.kind === 'newTexts').map((l) => l.articleNum)).toEqual(['L4631-2', 'D4631-1', 'D4632-7']);
  });

  it('keeps a version that starts on that day when a source dates its end later', () => {
    const before = version('1973-11-23', ['Texte ancien.'], [], RECODIFICATION);
    const entry = version(
      RECODIFICATION,
      ['Texte du 1er mai 2008.'],
      [
        link(
          'repealedBy',
          'Décret n°2010-1 du 4 janvier 2010 - art. 2 (V) JORF 5 janvier 2010 en vigueur le 1er février 2010',
          'Décret n°2010-1 du 4 janvier 2010 - art. 2',
        ),
      ],
    );
    const article: Article = { id: `${CODE}/R999-1`, code: CODE, num: 'R999-1', versions: [before, entry] };
    const others = ['R250-1', 'R250-3'].map(endedFormerArticle);
    dateUndatedRepeals(
      new Map([[CODE, [article, ...others]]]),
      new Map(),
      new Set(),
      '2025-01-01',
      new Map(),
      new Set([article.id, ...others.map((a) => a.id)]),
    );
    expect(article.versions.map((v) => [v.validFrom, v.validTo])).toEqual([
      ['1973-11-23', RECODIFICATION],
      [RECODIFICATION, '2010-02-01'],
    ]);
  });
});
