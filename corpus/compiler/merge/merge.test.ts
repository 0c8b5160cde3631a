import { describe, expect, it } from 'vitest';
import type { SourceInfo } from '../../model/model.ts';
import { mergeSources } from './merge.ts';
import type { ImportedArticle, SourceImport } from '../sources/source-import.ts';

// Texts of L611-3 of the Code de la sécurité sociale as lexlib has them (1985-12-21 and 2005-12-09 versions).
const TEXT_1985 = [
  "Les caisses mutuelles régionales sont responsables, dans leur circonscription, sous le contrôle de la caisse nationale d'assurance maladie et maternité des travailleurs non salariés, de la gestion du régime d'assurance maladie et maternité.",
];
const TEXT_2005 = [
  "Le régime social des indépendants comprend une caisse nationale et des caisses de base. Ces organismes de sécurité sociale dotés de la personnalité morale et de l'autonomie financière sont des organismes de droit privé chargés d'une mission de service public au profit des personnes mentionnées à l'article L. 611-1.",
];
const CODE = 'code-de-la-securite-sociale';
const LEGI_ID = 'LEGIARTI000006743538';

function source(id: string, kind: SourceInfo['kind'], articles: ImportedArticle[], date = '2020-10-28'): SourceImport {
  return {
    info: { id, kind, path: id, revision: 'test', date, codes: [CODE] },
    codes: [{ id: CODE, title: 'Code de la sécurité sociale' }],
    articles,
    warnings: [],
  };
}

function only(result: ReturnType<typeof mergeSources>) {
  const list = result.articles.get(CODE) ?? [];
  expect(list).toHaveLength(1);
  return list[0]!;
}

describe('mergeSources', () => {
  it('gives one timeline to an article described by lexlib (LEGI id) and LexHub (number only)', () => {
    const lexlib = source('lexlib', 'lexlib', [
      {
        code: CODE,
        num: 'L611-3',
        legiId: LEGI_ID,
        versions: [
          { validFrom: '1985-12-21', paragraphs: TEXT_1985, links: [], amendedBy: 'Décret n°85-1353 du 17 décembre 1985' },
          { validFrom: '2005-12-09', paragraphs: TEXT_2005, links: [] },
        ],
      },
    ]);
    const lexhub = source('lexhub', 'lexhub', [
      {
        code: CODE,
        num: 'L611-3',
        versions: [
          // LexHub has the 1985 text under a clamped date and the 2005 text at its exact date.
          { validFrom: '1970-01-02', dateQuality: 'clamped', paragraphs: TEXT_1985, links: [] },
          { validFrom: '2005-12-09', paragraphs: TEXT_2005, links: [] },
        ],
      },
    ]);
    const article = only(mergeSources([lexlib, lexhub], { dataDate: '2020-10-28' }));
    expect(article.id).toBe(`${CODE}/${LEGI_ID}`);
    expect(article.versions.map((v) => [v.validFrom, v.validTo, v.status])).toEqual([
      ['1985-12-21', '2005-12-09', 'MODIFIE'],
      ['2005-12-09', undefined, 'VIGUEUR'],
    ]);
    expect(article.versions[0]!.sources).toEqual(['lexlib', 'lexhub']);
    expect(article.versions[1]!.sources).toEqual(['lexlib', 'lexhub']);
    expect(article.versions[0]!.amendedBy).toBe('Décret n°85-1353 du 17 décembre 1985');
  });

  it('collapses consecutive equal texts and records the link-only change', () => {
    const merged = mergeSources(
      [
        source('lexlib', 'lexlib', [
          {
            code: CODE,
            num: 'L611-3',
            legiId: LEGI_ID,
            versions: [
              { validFrom: '1985-12-21', paragraphs: TEXT_1985, links: [] },
              {
                validFrom: '1994-01-19',
                paragraphs: TEXT_1985,
                links: [
                  {
                    kind: 'cites',
                    label: 'Code de la sécurité sociale. - art. L612-9 (M)',
                    text: 'Code de la sécurité sociale',
                    articleNum: 'L612-9',
                    status: 'M',
                    origin: 'list',
                  },
                ],
              },
            ],
          },
        ]),
      ],
      { dataDate: '2020-10-28' },
    );
    const article = only(merged);
    expect(article.versions).toHaveLength(1);
    expect(article.versions[0]!.linkOnlyChanges).toEqual(['1994-01-19']);
    expect(article.versions[0]!.links.map((l) => l.articleNum)).toEqual(['L612-9']);
  });

  it('marks the last version repealed when its source ends it, and later versions as in force later', () => {
    const merged = mergeSources(
      [
        source('lexlib', 'lexlib', [
          {
            code: CODE,
            num: 'L758-1',
            legiId: 'LEGIARTI000006745000',
            versions: [{ validFrom: '1985-12-21', validTo: '2025-01-01', status: 'ABROGE', paragraphs: ['Texte.'], links: [] }],
          },
          {
            code: CODE,
            num: 'L131-8',
            legiId: 'LEGIARTI000006740000',
            versions: [{ validFrom: '2024-01-01', paragraphs: ['Texte futur.'], links: [] }],
          },
        ]),
      ],
      { dataDate: '2020-10-28' },
    );
    const [repealed, later] = merged.articles
      .get(CODE)!
      .sort((a, b) => a.num.localeCompare(b.num))
      .reverse();
    expect(repealed!.versions[0]).toMatchObject({ validTo: '2025-01-01', status: 'ABROGE' });
    expect(later!.versions[0]!.status).toBe('VIGUEUR_DIFF');
  });

  it('uses versions known by their dates only: LEGI ids on matching texts, text-less versions elsewhere', () => {
    const merged = mergeSources(
      [
        source('lexlib', 'lexlib', [
          { code: CODE, num: 'L611-3', legiId: LEGI_ID, versions: [{ validFrom: '1985-12-21', paragraphs: TEXT_1985, links: [] }] },
        ]),
        source(
          'legi-data',
          'legi-data',
          [
            {
              code: CODE,
              num: 'L611-3',
              legiId: LEGI_ID,
              versions: [
                // legi-data lists every version with DILA's dates: they decide when it was in force.
                {
                  validFrom: '1985-12-21',
                  validTo: '2018-01-01',
                  datesOnly: true,
                  paragraphs: [],
                  links: [],
                  legiVersionId: 'LEGIARTI000006743538',
                },
                {
                  validFrom: '2018-01-01',
                  datesOnly: true,
                  paragraphs: [],
                  links: [],
                  legiVersionId: 'LEGIARTI000036393200',
                  status: 'ABROGE',
                  validTo: '2020-01-01',
                },
              ],
            },
          ],
          '2026-03-14',
        ),
      ],
      { dataDate: '2026-03-14' },
    );
    const article = only(merged);
    expect(article.versions.map((v) => [v.validFrom, v.validTo, v.textUnavailable ?? false, v.legiVersionId])).toEqual([
      ['1985-12-21', '2018-01-01', false, 'LEGIARTI000006743538'],
      ['2018-01-01', '2020-01-01', true, 'LEGIARTI000036393200'],
    ]);
    expect(article.versions[1]!.status).toBe('ABROGE');
  });

  it('keeps the first source’s text when two sources disagree on the same date', () => {
    const merged = mergeSources(
      [
        source('lexlib', 'lexlib', [
          { code: CODE, num: 'L611-3', legiId: LEGI_ID, versions: [{ validFrom: '2005-12-09', paragraphs: TEXT_2005, links: [] }] },
        ]),
        source('lexhub', 'lexhub', [
          { code: CODE, num: 'L611-3', versions: [{ validFrom: '2005-12-09', paragraphs: ['Autre texte.'], links: [] }] },
        ]),
      ],
      { dataDate: '2020-10-28' },
    );
    const article = only(merged);
    expect(article.versions).toHaveLength(1);
    expect(article.versions[0]!.paragraphs).toEqual(TEXT_2005);
    expect(article.versions[0]!.sources).toEqual(['lexlib']);
  });
});

describe('mergeSources, ends of versions', () => {
  it('takes the end of a version from a lesser source when the first one does not know it', () => {
    const merged = mergeSources(
      [
        source('lexlib', 'lexlib', [
          { code: CODE, num: 'L611-3', legiId: LEGI_ID, versions: [{ validFrom: '2005-12-09', paragraphs: TEXT_2005, links: [] }] },
        ]),
        // LexHub deleted the file on 2018-01-01 (régime social des indépendants abolished).
        source('lexhub', 'lexhub', [
          {
            code: CODE,
            num: 'L611-3',
            versions: [{ validFrom: '2005-12-09', validTo: '2018-01-01', status: 'ABROGE', paragraphs: TEXT_2005, links: [] }],
          },
        ]),
      ],
      { dataDate: '2020-10-28' },
    );
    const article = only(merged);
    expect(article.versions.map((v) => [v.validFrom, v.validTo, v.status])).toEqual([['2005-12-09', '2018-01-01', 'ABROGE']]);
  });
});

describe('mergeSources, LEGI ids', () => {
  it('recognises one article under lexlib’s first-version id and legi-data’s cid (R155-1 CSS)', () => {
    const text = ['Le contrôle des organismes locaux et régionaux de sécurité sociale est exercé par le ministre.'];
    const merged = mergeSources(
      [
        source('lexlib', 'lexlib', [
          {
            code: CODE,
            num: 'R155-1',
            legiId: 'LEGIARTI000021508152',
            versions: [{ validFrom: '2019-07-08', paragraphs: text, links: [] }],
          },
        ]),
        source(
          'legi-data',
          'legi-data',
          [
            {
              code: CODE,
              num: 'R155-1',
              legiId: 'LEGIARTI000021499672',
              versions: [
                { validFrom: '2010-01-01', datesOnly: true, paragraphs: [], links: [], legiVersionId: 'LEGIARTI000021508152' },
                { validFrom: '2019-07-08', paragraphs: text, links: [], legiVersionId: 'LEGIARTI000038790497' },
              ],
            },
          ],
          '2026-03-27',
        ),
      ],
      { dataDate: '2026-03-27' },
    );
    const article = only(merged);
    expect(article.id).toBe(`${CODE}/LEGIARTI000021508152`);
    expect(article.versions.map((v) => [v.validFrom, v.sources])).toEqual([
      ['2010-01-01', ['legi-data']],
      ['2019-07-08', ['lexlib', 'legi-data']],
    ]);
  });
});

describe('mergeSources, versions known by their dates only', () => {
  it('does not cut a text that lexlib saw unchanged across a LEGI version (R162-48, 1996-09-12)', () => {
    const merged = mergeSources(
      [
        source('lexlib', 'lexlib', [
          {
            code: CODE,
            num: 'R162-48',
            legiId: 'LEGIARTI000006747000',
            versions: [
              { validFrom: '1985-12-21', paragraphs: ['Texte de 1985.'], links: [] },
              { validFrom: '2004-08-14', paragraphs: ['Texte de 2004.'], links: [] },
            ],
          },
        ]),
        source(
          'legi-data',
          'legi-data',
          [
            {
              code: CODE,
              num: 'R162-48',
              legiId: 'LEGIARTI000006747000',
              versions: [
                { validFrom: '1985-12-21', validTo: '1996-09-12', datesOnly: true, paragraphs: [], links: [] },
                {
                  validFrom: '1996-09-12',
                  validTo: '2004-08-14',
                  datesOnly: true,
                  paragraphs: [],
                  links: [],
                  legiVersionId: 'LEGIARTI000006747001',
                },
                { validFrom: '2004-08-14', datesOnly: true, paragraphs: [], links: [] },
              ],
            },
          ],
          '2026-03-27',
        ),
      ],
      { dataDate: '2026-03-27' },
    );
    const article = only(merged);
    expect(article.versions.map((v) => [v.validFrom, v.validTo, v.textUnavailable ?? false])).toEqual([
      ['1985-12-21', '2004-08-14', false],
      ['2004-08-14', undefined, false],
    ]);
    expect(article.versions[0]!.linkOnlyChanges).toEqual(['1996-09-12']);
  });
});

describe('mergeSources, gaps a complete history states', () => {
  it('leaves out a LexHub version inside the gap lexlib states (R611-4 of the sécurité sociale, out 2005-04-21 → 2006-01-28)', () => {
    const merged = mergeSources(
      [
        source('lexlib', 'lexlib', [
          {
            code: CODE,
            num: 'R611-4',
            legiId: 'LEGIARTI000006750939',
            versions: [
              { validFrom: '1985-12-21', validTo: '2005-04-21', status: 'ABROGE', paragraphs: ['Texte de 1985.'], links: [] },
              { validFrom: '2006-01-28', validTo: '2018-01-01', status: 'ABROGE', paragraphs: ['Texte de 2006.'], links: [] },
            ],
          },
        ]),
        source('lexhub', 'lexhub', [
          {
            code: CODE,
            num: 'R611-4',
            versions: [
              { validFrom: '1985-12-21', paragraphs: ['Texte de 1985.'], links: [] },
              { validFrom: '2005-04-21', paragraphs: ['Texte d’un autre article R611-4.'], links: [] },
              { validFrom: '2006-01-28', validTo: '2018-01-01', status: 'ABROGE', paragraphs: ['Texte de 2006.'], links: [] },
            ],
          },
        ]),
      ],
      { dataDate: '2026-03-27' },
    );
    const article = only(merged);
    expect(article.versions.map((v) => [v.validFrom, v.validTo, v.status])).toEqual([
      ['1985-12-21', '2005-04-21', 'ABROGE'],
      ['2006-01-28', '2018-01-01', 'ABROGE'],
    ]);
  });
});
