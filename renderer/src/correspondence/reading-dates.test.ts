import { describe, expect, it } from 'vitest';
import { dayBefore, readingDateFor } from './reading-dates.ts';

describe('reading dates of the correspondence', () => {
  it('takes the day before, across months and years', () => {
    expect(dayBefore('2008-05-01')).toBe('2008-04-30');
    expect(dayBefore('2008-01-01')).toBe('2007-12-31');
    expect(dayBefore('2008-03-01')).toBe('2008-02-29');
  });

  it('opens L1232-1 on 2008-05-01 when L122-14-3 is read in 2005, at the date read after', () => {
    expect(readingDateFor('2005-06-01', '2026-12-01', { from: '2008-05-01' })).toBe('2008-05-01');
    expect(readingDateFor('2010-01-01', '2026-12-01', { from: '2008-05-01' })).toBe('2010-01-01');
    expect(readingDateFor(undefined, '2026-12-01', { from: '2008-05-01' })).toBeUndefined();
  });

  it('opens L122-14-3 on its last day when a new article is read today, at the date read before', () => {
    expect(readingDateFor(undefined, '2026-12-01', { until: '2008-04-30' })).toBe('2008-04-30');
    expect(readingDateFor('2001-01-01', '2026-12-01', { until: '2008-04-30' })).toBe('2001-01-01');
  });
});
