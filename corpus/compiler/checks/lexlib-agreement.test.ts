/**
 * The compiled default corpus against what the three lexlib repositories themselves say, read
 * straight from their histories (`lexlib-witness.ts`), not through the importer:
 * - every compiled change set against the lists of its commit messages (by LEGI id; a number
 *   changed since counts under the number of its day): precision and recall per category;
 * - no article in force at a date when its file is absent from the repository, unless DILA's own
 *   dates (legi-data, newer and authoritative) have it in force then.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeWholeCorpus } from '../../../tests/support/whole-corpus.ts';
import type { Article, ArticleId, IsoDate } from '../../model/model.ts';
import { isInForceOn } from '../../model/timeline.ts';
import { CHANGE_CATEGORIES, compareChangeSets, type ChangeMiss } from './changeset-agreement.ts';
import { CompiledBundle } from './compiled-bundle.ts';
import { legiCodeFiles, readLegiArticles } from './legi-article-versions.ts';
import { legiPeriods } from './legi-agreement.ts';
import { presentOn, readLexlibWitness, type LexlibWitness } from './lexlib-witness.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const dist = path.join(root, 'corpus/dist');
const cacheDir = path.join(root, 'corpus/cache');
const CODES: Record<string, string> = {
  'code-du-travail': 'lexlib-code-du-travail',
  'code-de-la-securite-sociale': 'lexlib-code-de-la-securite-sociale',
  'code-de-la-mutualite': 'lexlib-code-de-la-mutualite',
};
const bundles = Object.fromEntries(
  Object.entries(CODES).map(([code, name]) => [code, path.resolve(root, `../shared/corpus/${name}.bundle`)]),
);
const hasDist = existsSync(path.join(dist, 'manifest.json'));
const hasShared = Object.values(bundles).every((b) => existsSync(b));
if (!hasDist) console.warn('lexlib-agreement.test.ts: corpus/dist absent — run `npm run corpus` (npm test does it first).');
if (!hasShared) console.warn('lexlib-agreement.test.ts: ../shared/corpus absent — the checks against lexlib are skipped.');

/**
 * Misses of the change sets that the data explains, by code and kind, with the reason. A miss not
 * covered here fails the test.
 */
const EXPLAINED_MISSES: { code: string; test: (miss: ChangeMiss) => boolean; reason: string }[] = [
  {
    code: 'code-du-travail',
    test: (m) => m.date === '2008-05-01' && (m.key === 'num:L3133-9' || m.key === 'LEGIARTI000006902619'),
    reason:
      'L3133-9 is listed both new and repealed on 2008-05-01 (three commits that day) and no file bore that number then; ' +
      'the compiler puts the number on the only article that ever bore it (LEGIARTI000006902619, a file from 2016-08-10): ' +
      'the same number on both sides, counted once as missing and once as extra in each list',
  },
  {
    code: 'code-de-la-securite-sociale',
    test: (m) => m.date === '2008-05-01' && m.key === 'LEGIARTI000006735217' && m.side === 'missing',
    reason:
      'D133-17 is listed both new and repealed on 2008-05-01 while its file stays, unchanged, from 2008-01-01 to 2009-01-01 ' +
      '(its repeal): the two lists of that day cancel out, the article is in force throughout, and the compiled set lists neither',
  },
  {
    code: 'code-de-la-securite-sociale',
    test: (m) => m.date === '2018-01-01' && (m.key === "num:Annexe 1 à l'art. R611-9" || m.key === 'LEGIARTI000006746430'),
    reason:
      "« Annexe 1 à l'art. R611-9 » is listed repealed on 2018-01-01 under a name its file bore only from 1995-06-24 to 1996-06-18 " +
      '(then « Annexe I »): the compiler places it on that same LEGI article, the witness knows no file of that name that day',
  },
];

describeWholeCorpus('the compiled corpus against the lexlib repositories', () => {
  let bundle: CompiledBundle;
  const witnesses = new Map<string, LexlibWitness>();
  const articles = new Map<string, Article[]>();
  beforeAll(async () => {
    bundle = new CompiledBundle(dist);
    for (const [code, file] of Object.entries(bundles)) {
      witnesses.set(code, await readLexlibWitness(file, cacheDir));
      articles.set(code, bundle.articles(code));
    }
  });

  it('has every change set of the three codes as their commit messages list them (≥ 99.5 % precision and recall per category)', () => {
    const unexplained: string[] = [];
    for (const code of Object.keys(CODES)) {
      const numberOf = new Map<ArticleId, string>(articles.get(code)!.map((a) => [a.id, a.num]));
      const result = compareChangeSets(witnesses.get(code)!, bundle.changeSets(code), (id) => numberOf.get(id));
      expect(result.missingDates, code).toEqual([]);
      expect(result.extraDates, code).toEqual([]);
      for (const category of CHANGE_CATEGORIES) {
        const s = result.scores[category];
        console.log(
          `${code} ${category}: ${s.matched}/${s.expected} listed found (recall ${(100 * s.recall).toFixed(2)} %), ${s.matched}/${s.compiled} compiled listed (precision ${(100 * s.precision).toFixed(2)} %)`,
        );
        expect(s.recall, `${code} ${category} recall`).toBeGreaterThanOrEqual(0.995);
        expect(s.precision, `${code} ${category} precision`).toBeGreaterThanOrEqual(0.995);
      }
      for (const miss of result.misses) {
        const explained = EXPLAINED_MISSES.find((e) => e.code === code && e.test(miss));
        if (!explained)
          unexplained.push(`${code} ${miss.date} ${miss.category} ${miss.side} ${numberOf.get(`${code}/${miss.key}`) ?? miss.key}`);
      }
      for (const e of EXPLAINED_MISSES.filter((x) => x.code === code)) {
        console.log(`  ${code}: ${result.misses.filter(e.test).length} explained — ${e.reason}`);
      }
    }
    console.log(`unexplained misses: ${unexplained.length}\n  ${unexplained.slice(0, 40).join('\n  ')}`);
    expect(unexplained).toEqual([]);
  });

  it('never has an article in force at a date when its file is absent from the repository (DILA’s dates excepted)', async () => {
    // Long: breathe between steps so that the test worker answers its runner (tests/support/event-loop-guard.ts).
    const breathe = () => new Promise((resolve) => setImmediate(resolve));
    const dila = new Map<string, ReturnType<typeof legiPeriods>>();
    for (const file of legiCodeFiles()) {
      await breathe();
      const { code, articles: list } = readLegiArticles(file);
      for (const a of list) {
        const periods = legiPeriods(a.versions);
        for (const id of [a.cid, a.id, ...a.versions.map((v) => v.id)]) dila.set(`${code}/${id}`, periods);
      }
    }
    const violations: string[] = [];
    let proven = 0;
    for (const code of Object.keys(CODES)) {
      const witness = witnesses.get(code)!;
      const first = witness.days[0]!.date;
      const last = witness.days.at(-1)!.date;
      let count = 0;
      for (const article of articles.get(code)!) {
        if (++count % 500 === 0) await breathe();
        const periods = article.legiId ? witness.presence.get(article.legiId) : undefined;
        if (!periods) continue;
        const dates = new Set<IsoDate>(witness.days.map((d) => d.date));
        for (const v of article.versions) for (const d of [v.validFrom, v.validTo]) if (d && d >= first && d <= last) dates.add(d);
        for (const date of [...dates].sort()) {
          if (presentOn(periods, date)) continue;
          if (!article.versions.some((v) => isInForceOn(v, date, bundle.dataDate))) continue;
          const legi =
            dila.get(article.id) ??
            article.versions.map((v) => (v.legiVersionId ? dila.get(`${code}/${v.legiVersionId}`) : undefined)).find(Boolean);
          if (legi?.some((p) => p.from <= date && (p.to === undefined || date < p.to))) {
            proven++;
            break;
          }
          violations.push(`${code} ${article.num} in force on ${date}, file absent`);
          break;
        }
      }
    }
    console.log(`in force while the lexlib file is absent: ${violations.length}; where DILA has it in force: ${proven}`);
    console.log(violations.slice(0, 30).join('\n'));
    // Three left (71 before LexHub versions inside a lexlib gap were dropped), not yet explained and
    // listed in the closing note of 2026-12-01 so that a new one fails here: R161-50 and R161-51 start
    // on 1998-01-01 in both LexHub and lexlib, before lexlib's first commit with their file (a date
    // of effect before publication?); D612-7 has LexHub versions 2007–2012 across a day when lexlib
    // has no file for it (a gap LexHub does not show).
    expect(violations).toEqual([
      'code-de-la-securite-sociale R161-50 in force on 1998-01-01, file absent',
      'code-de-la-securite-sociale R161-51 in force on 1998-01-01, file absent',
      'code-de-la-securite-sociale D612-7 in force on 2012-04-05, file absent',
    ]);
  });
});
