import { describe, expect, it } from 'vitest';
import type { Article, Version } from './model.ts';
import {
  articleStateOn,
  corpusDataDate,
  dataDateOf,
  effectiveEnd,
  endsUndated,
  entryInForceOn,
  isInForceOn,
  readingAt,
  versionIndexOn,
  versionOn,
  versionStatus,
} from './timeline.ts';

function version(validFrom: string, validTo: string | undefined, status: Version['status']): Version {
  return { validFrom, ...(validTo ? { validTo } : {}), status, paragraphs: [validFrom], links: [], references: [], sources: [] };
}

// L611-3 of the Code de la sécurité sociale: lexlib commits « Version consolidée du 1985-12-21 »,
// « 1995-02-05 », « 2005-12-09 »; LexHub deletes the file on 2018-01-01.
const l611_3: Article = {
  id: 'code-de-la-securite-sociale/LEGIARTI000006743538',
  code: 'code-de-la-securite-sociale',
  num: 'L611-3',
  legiId: 'LEGIARTI000006743538',
  versions: [
    version('1985-12-21', '1995-02-05', 'MODIFIE'),
    version('1995-02-05', '2005-12-09', 'MODIFIE'),
    version('2005-12-09', '2018-01-01', 'ABROGE'),
  ],
};

// R633-28: its last version lists « Abrogé par » in lexlib, and no source dates the repeal.
const undated: Article = {
  id: 'code-de-la-securite-sociale/LEGIARTI000006750870',
  code: 'code-de-la-securite-sociale',
  num: 'R633-28',
  versions: [version('1985-12-21', undefined, 'ABROGE')],
};

const DATA_DATE = '2026-12-01';

describe('the version in force on a date', () => {
  it('finds it, with the one that replaced it', () => {
    const reading = readingAt(l611_3, '1990-01-01', DATA_DATE);
    expect(reading?.kind).toBe('in-force');
    expect(reading?.version.validFrom).toBe('1985-12-21');
    expect(reading?.kind === 'in-force' && reading.next?.validFrom).toBe('1995-02-05');
    expect(versionOn(l611_3, '1990-01-01', DATA_DATE)?.validFrom).toBe('1985-12-21');
  });

  it('treats validTo as exclusive: on the day of a change the new version applies', () => {
    expect(versionIndexOn(l611_3.versions, '1995-02-05', DATA_DATE)).toBe(1);
    expect(versionIndexOn(l611_3.versions, '1995-02-04', DATA_DATE)).toBe(0);
    expect(readingAt(l611_3, '1995-02-05', DATA_DATE)?.version.validFrom).toBe('1995-02-05');
  });

  it('says when the article did not exist yet or was repealed', () => {
    expect(readingAt(l611_3, '1970-01-01', DATA_DATE)).toMatchObject({ kind: 'not-yet', index: 0 });
    expect(readingAt(l611_3, '2020-01-01', DATA_DATE)).toMatchObject({ kind: 'ended', endedOn: '2018-01-01', status: 'ABROGE' });
    expect(versionIndexOn(l611_3.versions, '2018-01-01', DATA_DATE)).toBe(-1);
    expect(versionIndexOn(l611_3.versions, '1970-01-01', DATA_DATE)).toBe(-1);
    expect(articleStateOn(l611_3, '1970-01-01', DATA_DATE)).toBe('future');
    expect(articleStateOn(l611_3, '2017-12-31', DATA_DATE)).toBe('in-force');
    expect(articleStateOn(l611_3, '2018-01-01', DATA_DATE)).toBe('ended');
  });

  it('counts a repeal stated without a date from the data date on, and shows the text before it', () => {
    const last = undated.versions[0]!;
    expect(endsUndated(last)).toBe(true);
    expect(endsUndated(l611_3.versions[2]!)).toBe(false);
    expect(effectiveEnd(last, DATA_DATE)).toBe(DATA_DATE);
    expect(isInForceOn(last, '1990-01-01', DATA_DATE)).toBe(true);
    expect(isInForceOn(last, DATA_DATE, DATA_DATE)).toBe(false);
    expect(readingAt(undated, '1990-01-01', DATA_DATE)?.kind).toBe('in-force');
    const today = readingAt(undated, DATA_DATE, DATA_DATE);
    expect(today).toMatchObject({ kind: 'ended', status: 'ABROGE' });
    expect(today?.kind === 'ended' && today.endedOn).toBeUndefined();
    // A version still running (in force, no end) is never ended by that rule.
    expect(effectiveEnd(version('2005-12-09', undefined, 'VIGUEUR'), DATA_DATE)).toBeUndefined();
  });

  it('reads a catalog entry by the same rule', () => {
    const entry = { from: '1985-12-21', status: 'ABROGE' as const };
    expect(entryInForceOn(entry, '1990-01-01', DATA_DATE)).toBe(true);
    expect(entryInForceOn(entry, DATA_DATE, DATA_DATE)).toBe(false);
    expect(entryInForceOn({ from: '1985-12-21', to: '2018-01-01', status: 'ABROGE' }, '2018-01-01', DATA_DATE)).toBe(false);
    expect(entryInForceOn({ from: '2005-12-09', status: 'VIGUEUR' }, '2030-01-01', DATA_DATE)).toBe(true);
  });
});

describe('the corpus data date', () => {
  it('is the newest source date, never after the build day', () => {
    expect(dataDateOf([{ date: '2025-01-01' }, { date: '2023-08-03' }, {}], '2026-12-01')).toBe('2025-01-01');
    // LexHub carries versions due in 2028: they are « in force later », not the present.
    expect(dataDateOf([{ date: '2025-01-01' }, { date: '2028-01-01' }], '2026-12-01')).toBe('2026-12-01');
    expect(
      corpusDataDate({
        builtAt: '2026-12-01T11:13:50.187Z',
        sources: [{ id: 'a', kind: 'lexlib', path: '', revision: '', codes: [], date: '2025-01-01' }],
      }),
    ).toBe('2025-01-01');
  });
});

describe('the status of a version', () => {
  it('is how the version ended, even when that end comes after the data date', () => {
    // L611-3: replaced in 1995, repealed on 2018-01-01; R4216-1 (Code du travail), repealed on
    // 2027-01-01 (LEGI: ABROGE_DIFF), is read before that date.
    expect(versionStatus({ validFrom: '1985-12-21', end: 'replaced' }, DATA_DATE)).toBe('MODIFIE');
    expect(versionStatus({ validFrom: '2005-12-09', end: 'repealed' }, DATA_DATE)).toBe('ABROGE');
    expect(versionStatus({ validFrom: '2021-07-01', end: 'repealed' }, '2026-12-01')).toBe('ABROGE');
    expect(versionStatus({ validFrom: '2000-01-01', end: 'transferred' }, DATA_DATE)).toBe('TRANSFERE');
    expect(versionStatus({ validFrom: '2000-01-01', end: 'lapsed' }, DATA_DATE)).toBe('PERIME');
  });

  it('is in force without an end, and in force later when it starts after the data date, whatever its end', () => {
    expect(versionStatus({ validFrom: '2005-12-09' }, DATA_DATE)).toBe('VIGUEUR');
    expect(versionStatus({ validFrom: '2029-01-01' }, DATA_DATE)).toBe('VIGUEUR_DIFF');
    expect(versionStatus({ validFrom: '2029-01-01', end: 'repealed' }, DATA_DATE)).toBe('VIGUEUR_DIFF');
  });
});
