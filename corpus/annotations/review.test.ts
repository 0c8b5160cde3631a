/**
 * The review after a corpus update, on real articles of the compiled corpus: the « previous corpus »
 * is each article cut at a date (its versions up to then, the last one still running), the updated
 * corpus the article as compiled.
 */
import { describe, expect, it } from 'vitest';
import type { Article } from '../model/model.ts';
import { corpusDataDate } from '../model/timeline.ts';
import { compiledArticle, compiledManifest, CSS, hasCompiledCorpus } from '../../tests/support/compiled-corpus.ts';
import { amendingTextPhrase, newVersions, reviewAfterUpdate } from './review.ts';
import { article, passage, version } from './test-support.ts';

if (!hasCompiledCorpus) console.warn('review.test.ts: corpus/dist absent, the tests on real articles are skipped — run `npm run corpus`.');

/** The article as a corpus built before `date` had it: the versions that started before, the last one open. */
function asBefore(art: Article, date: string): Article {
  const versions = art.versions.filter((v) => v.validFrom < date).map((v) => ({ ...v }));
  const last = versions.at(-1)!;
  delete last.validTo;
  last.status = 'VIGUEUR';
  return { ...art, versions };
}

/** The compiled corpus's data date (undated repeals end there). */
const DATA_DATE = hasCompiledCorpus ? corpusDataDate(compiledManifest()) : '2026-01-01';
const meta = (art: Article) => ({ meta: { id: art.id, code: art.code, num: art.num } });

describe('amendingTextPhrase', () => {
  it('puts the article the sentence needs before the amending text', () => {
    expect(amendingTextPhrase('Décret n°2020-1 du 2 janvier 2020')).toBe('le décret n° 2020-1 du 2 janvier 2020');
    expect(amendingTextPhrase('Loi n°2011-1906 du 21 décembre 2011')).toBe('la loi n° 2011-1906 du 21 décembre 2011');
    expect(amendingTextPhrase('LOI n°2023-1322 du 29 décembre 2023')).toBe('la loi n° 2023-1322 du 29 décembre 2023');
    expect(amendingTextPhrase('Ordonnance n°2005-1528 du 8 décembre 2005')).toBe('l’ordonnance n° 2005-1528 du 8 décembre 2005');
    expect(amendingTextPhrase('Plusieurs textes')).toBe('plusieurs textes');
    expect(amendingTextPhrase(undefined)).toBe('un texte modificatif non précisé');
    expect(amendingTextPhrase('Modifié par un texte d’une portée générale')).toBe(
      'le texte « Modifié par un texte d’une portée générale »',
    );
  });
});

describe('reviewAfterUpdate (built articles)', () => {
  it('lists nothing when no article got a new version, and the annotations of a vanished article apart', () => {
    const v1 = version('2000-01-01', ['Un texte stable.']);
    const art = article([v1]);
    const a = passage(v1, 'texte stable');
    const same = reviewAfterUpdate({
      annotations: [a],
      before: () => art,
      after: () => art,
      today: '2026-01-01',
      undatedEndsOn: '2026-01-01',
    });
    expect(same).toEqual({ groups: [], missingArticles: [], total: 0 });
    const gone = reviewAfterUpdate({
      annotations: [a],
      before: () => art,
      after: () => undefined,
      today: '2026-01-01',
      undatedEndsOn: '2026-01-01',
    });
    expect(gone).toEqual({ groups: [], missingArticles: [a], total: 1 });
  });

  it('a corrected text under a known date is a new version', () => {
    const v1 = version('2000-01-01', ['Un texte avec une coquile.']);
    const fixed = version('2000-01-01', ['Un texte avec une coquille.'], { amendedBy: 'Décret n°99-1 du 1 janvier 1999' });
    expect(newVersions(article([v1]), article([fixed]))).toEqual([fixed]);
  });
});

describe.skipIf(!hasCompiledCorpus)('reviewAfterUpdate (compiled corpus)', () => {
  it('groups annotations by the amending text of the new version in force, each with its status', () => {
    const l245_8 = compiledArticle(CSS, 'L245-8');
    const l611_3 = compiledArticle(CSS, 'L611-3');
    const l242_1 = compiledArticle(CSS, 'L242-1');
    // Annotations made on the texts in force on 2011-12-01, when the previous corpus ended.
    const before = new Map([l245_8, l611_3, l242_1].map((a) => [a.id, asBefore(a, '2011-12-01')]));
    const inForce = (art: Article) => before.get(art.id)!.versions.at(-1)!;
    const annotations = [
      passage(inForce(l245_8), 'supérieure à 25 % vol', { ...meta(l245_8), id: 'rate' }),
      passage(inForce(l245_8), 'La cotisation est due', { ...meta(l245_8), id: 'due' }),
      passage(inForce(l242_1), 'à titre de pourboire', { ...meta(l242_1), id: 'tip' }),
      passage(inForce(l611_3), 'Le régime social des indépendants', { ...meta(l611_3), id: 'rsi' }),
    ];
    // Reviewed as if on 2011-12-24: the new versions in force are L245-8's of 2011-12-23 (loi n° 2011-1906)
    // and L242-1's of 2010-12-22 → 2011-12-23 (loi n° 2011-1906 too); L611-3 got nothing (repealed in 2018, same text).
    const byId = new Map([l245_8, l611_3, l242_1].map((a) => [a.id, a]));
    const review = reviewAfterUpdate({
      annotations,
      before: (id) => before.get(id),
      after: (id) => byId.get(id),
      today: '2011-12-24',
      undatedEndsOn: DATA_DATE,
    });
    expect(review.missingArticles).toEqual([]);
    const summary = review.groups.map((g) => ({
      title: g.title,
      entries: g.entries.map((e) => [e.annotation.id, e.annotation.article.num, e.shownOn.validFrom, e.anchor.status]),
    }));
    expect(summary).toEqual([
      {
        title: '3 annotations concernées par la loi n° 2011-1906 du 21 décembre 2011',
        entries: [
          ['tip', 'L242-1', '2011-12-23', 'attached'],
          ['due', 'L245-8', '2011-12-23', 'attached'],
          ['rate', 'L245-8', '2011-12-23', 'changed'],
        ],
      },
    ]);
    expect(versionDates(review.groups[0]!.entries[1]!.newVersions)).toEqual(['2011-12-23', '2011-12-30', '2023-12-31']);

    // Reviewed today: the new versions in force are the latest ones, each under its own amending text.
    const today = reviewAfterUpdate({
      annotations,
      before: (id) => before.get(id),
      after: (id) => byId.get(id),
      today: '2026-12-01',
      undatedEndsOn: DATA_DATE,
    });
    expect(today.groups.map((g) => [g.title, g.entries.map((e) => `${e.annotation.id}:${e.anchor.status}`)])).toEqual([
      ['2 annotations concernées par la loi n° 2023-1322 du 29 décembre 2023', ['due:orphan', 'rate:orphan']],
      ['1 annotation concernée par la loi n° 2025-1403 du 30 décembre 2025', ['tip:orphan']],
    ]);
    expect(today.total).toBe(3);
  });
});

function versionDates(versions: readonly { validFrom: string }[]): string[] {
  return versions.map((v) => v.validFrom);
}
