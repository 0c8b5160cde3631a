/**
 * The pure helpers of the versions views on the compiled default corpus (`corpus/dist/`): expected
 * values are read from the data and quoted here.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compareVersions } from '../../../corpus/diff/index.ts';
import type { ArticleCatalogEntry } from '../../../corpus/model/bundle.ts';
import type { Article } from '../../../corpus/model/model.ts';
import { foldForFilter, partOfNumber } from './code-parts.ts';
import { redlineExcerpt } from './redline-excerpt.ts';
import { versionIndexOn } from '../../../corpus/model/timeline.ts';
import { timelineOf, versionIndexFrom, versionsAroundDay } from './timeline.ts';
import { readBundleJson } from '../../../tests/support/bundle-files.ts';

const dist = path.resolve(import.meta.dirname, '../../../corpus/dist');
const CSS = 'code-de-la-securite-sociale';
const hasDist = existsSync(path.join(dist, 'manifest.json'));
const DATA_DATE = '2026-12-01';
if (!hasDist) console.log('versions-helpers.test.ts: corpus/dist absent (run `npm run corpus`): tests skipped');

function catalog(): ArticleCatalogEntry[] {
  return readBundleJson<ArticleCatalogEntry[]>(dist, `codes/${CSS}/catalog.json`);
}
function article(num: string): Article {
  const entry = catalog().find((e) => e.num === num);
  if (!entry) throw new Error(`${num} absent`);
  const shard = JSON.parse(gunzipSync(readFileSync(path.join(dist, entry.shard))).toString('utf8')) as Article[];
  return shard.find((a) => a.id === entry.id)!;
}

describe.skipIf(!hasDist)('versions helpers on the real corpus', () => {
  it('the timeline of L611-3: four versions from the 1985 decree to the 2018 repeal', () => {
    const timeline = timelineOf(article('L611-3'));
    expect(timeline.map((e) => [e.from, e.to, e.status, e.change])).toEqual([
      ['1985-12-21', '1994-01-19', 'MODIFIE', 'creation'],
      ['1994-01-19', '1995-02-05', 'MODIFIE', 'text'],
      ['1995-02-05', '2005-12-09', 'MODIFIE', 'text'],
      ['2005-12-09', '2018-01-01', 'ABROGE', 'text'],
    ]);
    expect(timeline[0]!.version.amendedBy).toBe('Décret n°85-1353 du 17 décembre 1985');
    expect(timeline[3]!.version.amendedBy).toBe('Ordonnance n°2005-1528 du 8 décembre 2005');
  });

  it('finds versions by their first day and by a date in force', () => {
    const l6113 = article('L611-3');
    expect(versionIndexFrom(l6113, '1995-02-05')).toBe(2);
    expect(versionIndexFrom(l6113, '1995-02-06')).toBe(-1);
    expect(versionIndexOn(l6113.versions, '1990-01-01', DATA_DATE)).toBe(0);
    expect(versionIndexOn(l6113.versions, '1994-01-19', DATA_DATE)).toBe(1);
    expect(versionIndexOn(l6113.versions, '2018-01-01', DATA_DATE)).toBe(-1);
    expect(versionIndexOn(l6113.versions, '1985-12-20', DATA_DATE)).toBe(-1);
  });

  it('marks versions known by their dates only, and link-only changes', () => {
    // R611-2: legi-data lists its versions of 2019 and 2019-10-26 without their text.
    const r6112 = timelineOf(article('R611-2'));
    const textless = r6112.filter((e) => e.textUnavailable).map((e) => e.from);
    expect(textless).toEqual(['2019-01-01', '2019-10-26']);
    expect(r6112.find((e) => e.from === '2019-10-26')!.change).toBe('unknown');
    const withLinks = timelineOf(article('L242-1')).filter((e) => e.linkOnlyChanges.length > 0);
    expect(withLinks.length).toBeGreaterThan(0);
  });

  it('the versions around 2006-01-28: modified (R111-1), repealed (R631-1), renumbered in place (R611-1)', () => {
    const r1111 = versionsAroundDay(article('R111-1'), '2006-01-28');
    expect([r1111.before?.validFrom, r1111.after?.validFrom]).toEqual(['2004-10-13', '2006-01-28']);
    const r6311 = versionsAroundDay(article('R631-1'), '2006-01-28');
    expect([r6311.before?.validFrom, r6311.before?.status, r6311.after]).toEqual(['1985-12-21', 'ABROGE', undefined]);
    // Listed as new that day, but the file (and LEGI id) had a 1985 text before.
    const r6111 = versionsAroundDay(article('R611-1'), '2006-01-28');
    expect([r6111.before?.validFrom, r6111.after?.validFrom]).toEqual(['1985-12-21', '2006-01-28']);
  });

  it('a short redline of R111-1 on 2006-01-28: changed paragraphs with one of context, the rest folded', () => {
    const { before, after } = versionsAroundDay(article('R111-1'), '2006-01-28');
    const comparison = compareVersions(before!, after!, 'word');
    const excerpt = redlineExcerpt(comparison.redline);
    const shown = excerpt.filter((item) => item.kind === 'block').length;
    const folded = excerpt.reduce((n, item) => n + (item.kind === 'folded' ? item.count : 0), 0);
    expect(shown + folded).toBe(comparison.redline.length);
    expect(folded).toBeGreaterThan(0);
    const deleted = comparison.redline
      .flatMap((b) => b.segments)
      .filter((s) => s.kind === 'deleted')
      .map((s) => s.text)
      .join(' ');
    const inserted = comparison.redline
      .flatMap((b) => b.segments)
      .filter((s) => s.kind === 'inserted')
      .map((s) => s.text)
      .join(' ');
    // Seed 002, first hunk: the 4° becomes « le régime social des indépendants : une caisse nationale et des caisses de base ».
    expect(deleted).toMatch(/régimes d'assurance vieillesse des travailleurs non-salariés/);
    expect(inserted).toMatch(/régime social des indépendants/);
  });

  it('the part of every article number of the sécurité sociale', () => {
    const counts = new Map<string, number>();
    for (const entry of catalog()) counts.set(partOfNumber(entry.num), (counts.get(partOfNumber(entry.num)) ?? 0) + 1);
    expect(counts.get('autre') ?? 0).toBeLessThanOrEqual(2);
    expect(partOfNumber('LO111-3')).toBe('L');
    expect(partOfNumber("Annexe (3) à l'art. A931-11-11")).toBe('A');
    expect(partOfNumber('TABLEAU 10 b')).toBe('A');
    expect(partOfNumber('D160-17-2')).toBe('D');
    expect(foldForFilter('Décret n°2006-83')).toBe('decret n°2006-83');
    console.log(`parts of the sécurité sociale: ${[...counts].map(([p, n]) => `${p} ${n}`).join(', ')}`);
  });
});
