import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute } from './route.ts';

const CSS = 'code-de-la-securite-sociale';

describe('locations of the versions views', () => {
  it('round-trips a comparison of two versions, side by side and as a redline', () => {
    const side = parseRoute(`#/${CSS}/L611-3/versions/1985-12-21..2024-01-01`);
    expect(side).toEqual({
      kind: 'article',
      code: CSS,
      num: 'L611-3',
      tab: 'versions',
      compare: { from: '1985-12-21', to: '2024-01-01', view: 'cote-a-cote' },
    });
    expect(formatRoute(side)).toBe(`#/${CSS}/L611-3/versions/1985-12-21..2024-01-01`);
    const redline = parseRoute(`#/${CSS}/L611-3@1990-01-01/versions/1985-12-21..2024-01-01/redline`);
    expect(redline).toMatchObject({ date: '1990-01-01', compare: { view: 'redline' } });
    expect(formatRoute(redline)).toBe(`#/${CSS}/L611-3@1990-01-01/versions/1985-12-21..2024-01-01/redline`);
  });

  it('round-trips the change dates of a code and one change set, with or without a reading date', () => {
    expect(parseRoute(`#/${CSS}/modifications`)).toEqual({ kind: 'changes', code: CSS });
    const day = parseRoute(`#/${CSS}/modifications/2006-01-28`);
    expect(day).toEqual({ kind: 'changes', code: CSS, day: '2006-01-28' });
    expect(formatRoute(day)).toBe(`#/${CSS}/modifications/2006-01-28`);
    const dated = parseRoute(`#/${CSS}@1990-01-01/modifications/2006-01-28`);
    expect(dated).toEqual({ kind: 'changes', code: CSS, day: '2006-01-28', date: '1990-01-01' });
    expect(formatRoute(dated)).toBe(`#/${CSS}@1990-01-01/modifications/2006-01-28`);
  });

  it('says in French what is wrong with a broken comparison or change-set link', () => {
    expect(parseRoute(`#/${CSS}/L611-3/versions/1985-12-21..2024-02-30`)).toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining('comparaison'),
    });
    expect(parseRoute(`#/${CSS}/L611-3/versions/1985-12-21..2024-01-01/tableau`)).toMatchObject({ kind: 'invalid' });
    expect(parseRoute(`#/${CSS}/L611-3/texte/1985-12-21..2024-01-01`)).toMatchObject({ kind: 'invalid' });
    expect(parseRoute(`#/${CSS}/modifications/28-01-2006`)).toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining('modifications'),
    });
    expect(parseRoute(`#/${CSS}@2006-13-01/modifications`)).toMatchObject({ kind: 'invalid', message: expect.stringContaining('date') });
  });
});
