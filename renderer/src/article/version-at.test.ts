import { describe, expect, it } from 'vitest';
import type { Article, Version } from '../../../corpus/model/model.ts';
import { readingAt, statusLabel } from './version-at.ts';

// The dates of L611-3 of the Code de la sécurité sociale in the lexlib bundle
// (commits « Version consolidée du 1985-12-21 », « 1995-02-05 », « 2005-12-09 »).
function version(validFrom: string, validTo: string | undefined, status: Version['status']): Version {
  return { validFrom, ...(validTo ? { validTo } : {}), status, paragraphs: [validFrom], links: [], references: [], sources: [] };
}
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

describe('readingAt', () => {
  it('finds the version in force on a date, with the one that replaced it', () => {
    const reading = readingAt(l611_3, '1990-01-01');
    expect(reading?.kind).toBe('in-force');
    expect(reading?.version.validFrom).toBe('1985-12-21');
    expect(reading?.kind === 'in-force' && reading.next?.validFrom).toBe('1995-02-05');
  });

  it('treats validTo as exclusive: on the day of a change the new version applies', () => {
    expect(readingAt(l611_3, '1995-02-05')?.version.validFrom).toBe('1995-02-05');
    expect(readingAt(l611_3, '1995-02-04')?.version.validFrom).toBe('1985-12-21');
  });

  it('says when the article did not exist yet or was repealed', () => {
    expect(readingAt(l611_3, '1970-01-01')).toMatchObject({ kind: 'not-yet', index: 0 });
    expect(readingAt(l611_3, '2020-01-01')).toMatchObject({ kind: 'ended', endedOn: '2018-01-01', status: 'ABROGE' });
  });

  it('labels statuses in French', () => {
    expect(statusLabel('ABROGE')).toBe('Abrogé');
    expect(statusLabel('VIGUEUR')).toBe('En vigueur');
  });
});
