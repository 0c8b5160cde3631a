import { describe, expect, it } from 'vitest';
import type { CompileWarning } from '../../../model/model.ts';
import { parseCommitMessage } from './commit-message.ts';
import { isValidIsoDate, parseFrenchDate } from '../common/dates.ts';

const ctx = () => ({ source: 'lexlib', path: 'commit', warnings: [] as CompileWarning[] });

describe('parseCommitMessage', () => {
  it('reads the lists of the sécurité sociale commit of 2023-01-01 (6ee45d64)', () => {
    const message = [
      'Version consolidée du 2023-01-01',
      '',
      'Articles abrogés:',
      '\tL613-5, L932-42, L932-43, L932-44, L932-45, L932-46, L932-47, L932-48',
      'Articles modifiés:',
      '\tL381-1, L382-17, L613-4, L613-6, L921-2-1, L932-40, L932-41, L932-41-1, L932-41-2, L932-48-1, R932-5-8',
      '',
      'Modifications entrant en vigeur venant de:',
      '- Décret n°2017-1765 du 26 décembre 2017 ',
      '- Loi n°2019-1446 du 24 décembre 2019 ',
      '- Loi n°2019-486 du 22 mai 2019 ',
      '- Ordonnance n°2017-484 du 6 avril 2017 ',
      '- Ordonnance n°2019-697 du 3 juillet 2019 ',
    ].join('\n');
    const c = ctx();
    const parsed = parseCommitMessage(message, c);
    expect(parsed.date).toBe('2023-01-01');
    expect(parsed.created).toEqual([]);
    expect(parsed.repealed).toEqual(['L613-5', 'L932-42', 'L932-43', 'L932-44', 'L932-45', 'L932-46', 'L932-47', 'L932-48']);
    expect(parsed.modified).toHaveLength(11);
    expect(parsed.modified.at(-1)).toBe('R932-5-8');
    expect(parsed.amendingTexts).toEqual([
      'Décret n°2017-1765 du 26 décembre 2017',
      'Loi n°2019-1446 du 24 décembre 2019',
      'Loi n°2019-486 du 22 mai 2019',
      'Ordonnance n°2017-484 du 6 avril 2017',
      'Ordonnance n°2019-697 du 3 juillet 2019',
    ]);
    expect(c.warnings).toEqual([]);
  });

  it('reads the second commit of a day (f8113afd) and numbers with spaces', () => {
    const parsed = parseCommitMessage(
      'Version consolidée du 2020-05-25 00:00:01 +0200\n\nArticles abrogés:\n\tD633-19-8, D633-19-9',
      ctx(),
    );
    expect(parsed).toEqual({ date: '2020-05-25', created: [], modified: [], repealed: ['D633-19-8', 'D633-19-9'], amendingTexts: [] });
    expect(
      parseCommitMessage("Version consolidée du 2016-01-01\n\nArticles nouveaux:\n\tA411-7, Annexe à l'article A223-6-1", ctx()).created,
    ).toEqual(['A411-7', "Annexe à l'article A223-6-1"]);
  });

  it('warns on a missing or impossible date and on stray lines, and goes on', () => {
    const c = ctx();
    const parsed = parseCommitMessage('Version consolidée du 2006-02-30\nArticles modifiés:\n\tR115-5\nbla', c);
    expect([parsed.date, parsed.modified]).toEqual([undefined, ['R115-5']]);
    expect(c.warnings.map((w) => [w.line, w.message])).toEqual([
      [1, 'date impossible « 2006-02-30 »'],
      [4, 'ligne inattendue dans le message : « bla »'],
    ]);
    const d = ctx();
    expect(parseCommitMessage('', d).date).toBeUndefined();
    expect(d.warnings).toHaveLength(1);
  });
});

describe('dates', () => {
  it('knows real days', () => {
    expect(['2006-01-28', '2004-02-29', '2005-02-29', '2006-13-01', '2006-1-28'].map(isValidIsoDate)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });
  it('reads French dates as Archéo Lex and the JORF write them', () => {
    expect(parseFrenchDate('Version consolidée au 28 janvier 2006 (version a45eea6)')).toBe('2006-01-28');
    expect(parseFrenchDate('JORF 30 décembre 1986 en vigueur le 1er janvier 1987')).toBe('1986-12-30');
    expect(parseFrenchDate('1er janvier 1987')).toBe('1987-01-01');
    expect(parseFrenchDate('31 février 2006')).toBeUndefined();
  });
});
