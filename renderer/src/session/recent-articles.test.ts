import { describe, expect, it } from 'vitest';
import { withRecent } from './recent-articles.ts';

const step = (num: string, date: string) => ({
  article: `code-de-la-securite-sociale/num:${num}`,
  num,
  code: 'code-de-la-securite-sociale',
  date,
});

describe('the last articles read', () => {
  it('puts the latest first, once per article and date, and keeps a bounded list', () => {
    let recent = withRecent([], step('L611-3', '1990-01-01'));
    recent = withRecent(recent, step('L611-1', '2006-01-28'));
    recent = withRecent(recent, step('L611-3', '1990-01-01'));
    expect(recent.map((s) => `${s.num}@${s.date}`)).toEqual(['L611-3@1990-01-01', 'L611-1@2006-01-28']);
    recent = withRecent(recent, step('L611-3', '2026-12-01'));
    expect(recent.map((s) => `${s.num}@${s.date}`)).toEqual(['L611-3@2026-12-01', 'L611-3@1990-01-01', 'L611-1@2006-01-28']);
    expect(withRecent(recent, step('R1', '2000-01-01'), 2)).toHaveLength(2);
  });
});
