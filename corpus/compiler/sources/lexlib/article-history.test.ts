/**
 * One lexlib article's versions and their status, against the merge: the importer and the merge
 * decide a status by the one rule of the timeline (`versionStatus`), so they agree on every version,
 * including those that end after the data date. Dates from the Code de la mutualité's lexlib
 * history, whose README data date is 2020-10-28: L222-10's file is removed by « Version consolidée
 * du 2023-01-01 », L114-17's text changes in « Version consolidée du 2021-01-01 ».
 */
import { describe, expect, it } from 'vitest';
import type { CodeId, IsoDate } from '../../../model/model.ts';
import { mergeSources } from '../../merge/merge.ts';
import type { Commit } from '../common/git-repository.ts';
import type { ImportedArticle } from '../source-import.ts';
import { applyText, finishedVersions, newArticleHistory, repeal, type ArticleHistory } from './article-history.ts';

const CODE: CodeId = 'code-de-la-mutualite';
const README_DATE: IsoDate = '2020-10-28';

function commit(date: IsoDate): Commit {
  return {
    sha: date,
    authorDate: `${date}T00:00:00+01:00`,
    authorName: 'Archéo Lex',
    message: `Version consolidée du ${date}`,
    changes: [],
  };
}

function history(digits: string, num: string, steps: [IsoDate, string[] | 'removed'][]): ArticleHistory {
  const state = newArticleHistory(digits, num);
  for (const [date, text] of steps) {
    if (text === 'removed') repeal(state, date);
    else applyText(state, date, text, undefined, [], commit(date), []);
  }
  return state;
}

const l222_10 = history('6792357', 'L222-10', [
  ['2006-03-24', ['Texte de 2006.']],
  ['2017-04-08', ['Texte de 2017.']],
  ['2019-07-05', ['Texte de 2019.']],
  ['2023-01-01', 'removed'],
]);
const l114_17 = history('6792222', 'L114-17', [
  ['2019-05-24', ['Texte de 2019.']],
  ['2021-01-01', ['Texte de 2021.']],
]);

describe('lexlib: the status of a version', () => {
  it('a version whose file is removed after the data date is repealed (a scheduled repeal), not in force', () => {
    expect(finishedVersions(l222_10, README_DATE).map((v) => [v.validFrom, v.validTo, v.status])).toEqual([
      ['2006-03-24', '2017-04-08', 'MODIFIE'],
      ['2017-04-08', '2019-07-05', 'MODIFIE'],
      ['2019-07-05', '2023-01-01', 'ABROGE'],
    ]);
  });

  it('a version replaced after the data date is modified, and the new one is in force later', () => {
    expect(finishedVersions(l114_17, README_DATE).map((v) => [v.validFrom, v.validTo, v.status])).toEqual([
      ['2019-05-24', '2021-01-01', 'MODIFIE'],
      ['2021-01-01', undefined, 'VIGUEUR_DIFF'],
    ]);
  });

  it('without a data date (no README) nothing is in force later', () => {
    expect(finishedVersions(l114_17, undefined).map((v) => v.status)).toEqual(['MODIFIE', 'VIGUEUR']);
  });

  it('gives every version the status the merge gives it', () => {
    const articles: ImportedArticle[] = [l222_10, l114_17].map((state) => ({
      code: CODE,
      num: state.num,
      legiId: `LEGIARTI00000${state.digits}`,
      versions: finishedVersions(state, README_DATE),
    }));
    const merged = mergeSources(
      [
        {
          info: { id: 'lexlib', kind: 'lexlib', path: 'lexlib', revision: 'test', date: '2023-01-01', codes: [CODE] },
          codes: [{ id: CODE, title: 'Code de la mutualité' }],
          articles,
          warnings: [],
        },
      ],
      { dataDate: README_DATE },
    );
    const statuses = (list: readonly { num: string; versions: readonly { status?: string }[] }[]) =>
      [...list].sort((a, b) => a.num.localeCompare(b.num)).map((a) => a.versions.map((v) => v.status));
    expect(statuses(merged.articles.get(CODE)!)).toEqual(statuses(articles));
  });
});
