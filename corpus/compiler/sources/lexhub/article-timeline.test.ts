import { describe, expect, it } from 'vitest';
import type { Link } from '../../../model/model.ts';
import { buildTimeline, dateQualityOf, type TimelineEvent } from './article-timeline.ts';

// Texts and links of L611-3 as LexHub has them (1985 and 2005 versions, first sentences).
const v1985 = [
  "Les caisses mutuelles régionales sont responsables , dans leur circonscription, sous le contrôle de la caisse nationale d'assurance maladie et maternité des travailleurs non-salariés",
];
const v2005 = ['Le régime social des indépendants comprend une caisse nationale et des caisses de base.'];
const link: Link = {
  kind: 'cites',
  label: 'Code de la sécurité sociale. - art. L611-1 (V)',
  text: 'Code de la sécurité sociale',
  articleNum: 'L611-1',
  status: 'V',
  origin: 'list',
};
const text = (date: string, paragraphs: string[], links: Link[] = []): TimelineEvent => ({
  kind: 'text',
  date,
  paragraphs,
  nota: [],
  links,
});

describe('buildTimeline', () => {
  it('opens a version per new text, skips moves, records link-only changes, ends with a repeal', () => {
    const versions = buildTimeline([
      text('1985-12-21', v1985),
      text('1995-02-05', v1985), // the file moved to a renamed section: same text
      text('2005-12-09', v2005),
      text('2010-01-01', v2005, [link]), // only the links changed
      { kind: 'repeal', date: '2018-01-01' },
    ]);
    expect(versions.map((v) => [v.validFrom, v.validTo, v.status, v.linkOnlyChanges])).toEqual([
      ['1985-12-21', '2005-12-09', undefined, undefined],
      ['2005-12-09', '2018-01-01', 'ABROGE', ['2010-01-01']],
    ]);
    expect(versions[1]!.links).toEqual([link]);
  });

  it('keeps the last commit of a day, undoes a same-day delete-and-restore, reopens after a gap', () => {
    const sameDay = buildTimeline([
      text('1985-12-21', v1985),
      text(
        '2005-12-09',
        v1985.map((p) => p + ' (brouillon)'),
      ),
      text('2005-12-09', v2005),
    ]);
    expect(sameDay.map((v) => [v.validFrom, v.paragraphs])).toEqual([
      ['1985-12-21', v1985],
      ['2005-12-09', v2005],
    ]);
    const restored = buildTimeline([text('1985-12-21', v1985), { kind: 'repeal', date: '1994-01-19' }, text('1994-01-19', v1985)]);
    expect(restored.map((v) => [v.validFrom, v.validTo, v.status])).toEqual([['1985-12-21', undefined, undefined]]);
    const reused = buildTimeline([text('1985-12-21', v1985), { kind: 'repeal', date: '1994-01-19' }, text('2005-12-09', v2005)]);
    expect(reused.map((v) => [v.validFrom, v.validTo, v.status])).toEqual([
      ['1985-12-21', '1994-01-19', 'ABROGE'],
      ['2005-12-09', undefined, undefined],
    ]);
  });

  it('marks clamped and unfixed dates; a 2038 deletion is no dated repeal', () => {
    expect([dateQualityOf('1970-01-02'), dateQualityOf('1985-12-21'), dateQualityOf('2038-01-01')]).toEqual([
      'clamped',
      'exact',
      'unfixed',
    ]);
    const versions = buildTimeline([text('2018-01-01', v1985), text('2038-01-01', v2005), { kind: 'repeal', date: '2038-01-01' }]);
    expect(versions.map((v) => [v.validFrom, v.validTo, v.status, v.dateQuality])).toEqual([
      ['2018-01-01', '2038-01-01', undefined, 'exact'],
    ]);
    const later = buildTimeline([text('2018-01-01', v1985), text('2038-01-01', v2005)]);
    expect(later.map((v) => [v.validFrom, v.status, v.dateQuality])).toEqual([
      ['2018-01-01', undefined, 'exact'],
      ['2038-01-01', 'VIGUEUR_DIFF', 'unfixed'],
    ]);
  });

  it('keeps LexHub’s « Missing data from legifrance » placeholder out of the texts (R611-69, 2006-01-28)', () => {
    const versions = buildTimeline([text('2006-01-28', ['⚠️Missing data from legifrance'])]);
    expect(versions).toHaveLength(1);
    expect(versions[0]!.datesOnly).toBe(true);
    expect(versions[0]!.paragraphs).toEqual([]);
  });
});
