import { describe, expect, it } from 'vitest';
import type { Version } from '../../model/model.ts';
import { isInForceOn } from '../../model/timeline.ts';
import { applyLegiPeriods, dilaPeriods } from './legi-periods.ts';

const version = (validFrom: string, validTo?: string, status: Version['status'] = 'MODIFIE', text = validFrom): Version => ({
  validFrom,
  ...(validTo ? { validTo } : {}),
  status,
  paragraphs: [text],
  links: [],
  references: [],
  sources: ['lexlib'],
});
const dila = (validFrom: string, validTo?: string, status?: Version['status']) => ({
  version: { validFrom, ...(validTo ? { validTo } : {}), ...(status ? { status } : {}) },
});
const spans = (versions: Version[]) => versions.map((v) => [v.validFrom, v.validTo, v.status]);

describe('DILA’s periods in force', () => {
  it('are the union of the versions’ ranges, each with the state that ends it', () => {
    expect(
      dilaPeriods([
        { validFrom: '2008-05-01', validTo: '2008-05-29', status: 'TRANSFERE' },
        { validFrom: '2008-05-01' },
        { validFrom: '2001-01-01', validTo: '2005-01-01', status: 'ABROGE' },
      ]),
    ).toEqual([{ from: '2001-01-01', to: '2005-01-01', endStatus: 'ABROGE' }, { from: '2008-05-01' }]);
  });

  it('keep a gap the text timeline ran through (L3121-12 of the Code du travail)', () => {
    const timeline = [
      version('2008-05-01', '2016-08-10'),
      version('2016-08-10', '2018-01-01'),
      version('2018-01-01', undefined, 'VIGUEUR'),
    ];
    const result = applyLegiPeriods(
      timeline,
      [dila('2008-05-01', '2008-08-22', 'ABROGE'), dila('2016-08-10', '2018-01-01', 'MODIFIE'), dila('2018-01-01')],
      '2026-03-27',
    );
    expect(spans(result.versions)).toEqual([
      ['2008-05-01', '2008-08-22', 'ABROGE'],
      ['2016-08-10', '2018-01-01', 'MODIFIE'],
      ['2018-01-01', undefined, 'VIGUEUR'],
    ]);
  });

  it('let an article run on that another source ended (L114-11 of the sécurité sociale, a LexHub move)', () => {
    const result = applyLegiPeriods(
      [version('2005-12-20', '2016-12-25'), version('2016-12-25', '2018-12-23', 'ABROGE')],
      [dila('2005-12-20', '2016-12-25', 'MODIFIE'), dila('2016-12-25', '2018-12-23', 'MODIFIE'), dila('2018-12-23')],
      '2026-03-14',
    );
    expect(spans(result.versions)).toEqual([
      ['2005-12-20', '2016-12-25', 'MODIFIE'],
      ['2016-12-25', undefined, 'VIGUEUR'],
    ]);
  });

  it('bring the same text back after a gap, and leave out a text DILA never had in force', () => {
    const result = applyLegiPeriods(
      [version('2000-01-01', '2001-01-01', 'MODIFIE', 'never'), version('2001-01-01', undefined, 'VIGUEUR', 'same')],
      [dila('2001-01-01', '2003-01-01', 'ABROGE'), dila('2010-06-01')],
      '2026-03-14',
    );
    expect(spans(result.versions)).toEqual([
      ['2001-01-01', '2003-01-01', 'ABROGE'],
      ['2010-06-01', undefined, 'VIGUEUR'],
    ]);
    expect(result.versions[1]!.paragraphs).toEqual(['same']);
    expect(result.dropped.map((v) => v.paragraphs[0])).toEqual(['never']);
  });

  it('keep in force until its date a version DILA ends later (ABROGE_DIFF): a scheduled repeal, ABROGE as `versionStatus` says', () => {
    const result = applyLegiPeriods(
      [version('2008-05-01', undefined, 'VIGUEUR')],
      [dila('2008-05-01', '2027-01-01', 'VIGUEUR')],
      '2026-03-27',
    );
    expect(spans(result.versions)).toEqual([['2008-05-01', '2027-01-01', 'ABROGE']]);
    expect(isInForceOn(result.versions[0]!, '2026-03-27', '2026-03-27')).toBe(true);
  });
});
