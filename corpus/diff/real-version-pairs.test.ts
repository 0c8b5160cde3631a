/**
 * The diff engine on real version pairs of the Code de la sécurité sociale, read from the lexlib
 * bundle; the expected changes are quoted from the data (and, for 2006-01-28, from seed 002, the
 * Archéo Lex diff page of that date).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { GitRepository } from '../compiler/sources/common/git-repository.ts';
import type { CompileWarning } from '../model/model.ts';
import { parseArticleFile } from '../compiler/sources/common/lexlib-format/article-file.ts';
import { compareVersions, type Comparison } from './compare-versions.ts';
import { applyChanges, revertChanges } from './patch.ts';
import { diffWords } from './word-diff.ts';
import { historyBundle, seedFile } from '../../tests/support/shared-corpus.ts';

// The whole history with ../shared, else the sample's, which has every commit of these articles.
const bundle = historyBundle('lexlib-code-de-la-securite-sociale');
const cache = path.resolve(import.meta.dirname, '../cache');
const seed002 = readFileSync(seedFile('002'), 'utf8').split('\n');

const LEGISLATIVE = '01. Partie législative';
const DECRETS_CE = "02. Partie réglementaire - Décrets en Conseil d'Etat";
const DECRETS = '03. Partie réglementaire - Décrets simples';

let repo: GitRepository;
/** Commit of each consolidated version, by its date (`Version consolidée du YYYY-MM-DD`), oldest first. */
const commitOf = new Map<string, string>();

beforeAll(async () => {
  repo = await GitRepository.open(bundle, cache);
  for (const commit of await repo.history()) {
    const date = /^Version consolidée du (\d{4}-\d{2}-\d{2})/.exec(commit.message)?.[1];
    if (date) commitOf.set(date, commit.sha);
  }
});

/**
 * The paragraphs of an article file at a consolidated version, as the lexlib importer reads them:
 * the file of the latest commit on or before that date (the sample has only the commits that
 * changed its articles; the file is the same until the next one).
 */
async function paragraphsAt(file: string, date: string): Promise<string[]> {
  const sha = [...commitOf].filter(([day]) => day <= date).at(-1)?.[1];
  if (!sha) throw new Error(`no consolidated version on or before ${date}`);
  const name = `${sha}:${file}`;
  const text = (await repo.readBlobs([name])).get(name);
  if (text === undefined) throw new Error(`${file} not in the version of ${date}`);
  const warnings: CompileWarning[] = [];
  const parsed = parseArticleFile(text, { source: 'test', path: file, warnings });
  expect(warnings).toEqual([]);
  return parsed.paragraphs;
}

/** The deleted → inserted text of each navigator stop, in order (`-` / `+` alone when one side is empty). */
function stops(comparison: Comparison): string[] {
  return comparison.changes.map((stop) => {
    const segments = comparison.redline.flatMap((block) => block.segments).filter((segment) => segment.change === stop.index);
    const deleted = segments
      .filter((s) => s.kind === 'deleted')
      .map((s) => s.text)
      .join(' ¶ ');
    const inserted = segments
      .filter((s) => s.kind === 'inserted')
      .map((s) => s.text)
      .join(' ¶ ');
    return `${deleted || '-'} → ${inserted || '+'}`;
  });
}

/** Every modified row's word diff rebuilds both paragraphs. */
function expectConsistent(comparison: Comparison, before: string[], after: string[]): void {
  for (const row of comparison.rows) {
    if (row.kind !== 'modified' || comparison.granularity !== 'word') continue;
    const oldText = row.old!.map((s) => s.text).join('');
    const newText = row.new!.map((s) => s.text).join('');
    expect(oldText).toBe(before[row.oldIndex!]);
    expect(newText).toBe(after[row.newIndex!]);
  }
}

describe('compareVersions on real version pairs (lexlib, Code de la sécurité sociale)', () => {
  it('R115-5, 2006-01-19 → 2006-01-28: the two paragraphs seed 002 marks as changed, and nothing else', async () => {
    const file = `${DECRETS_CE}/Article R115-5 - 6746838.md`;
    // The version in force on 2006-01-19 is the one of 1996-04-13 (the file did not change in between).
    const before = await paragraphsAt(file, '1996-04-13');
    const after = await paragraphsAt(file, '2006-01-28');
    const comparison = compareVersions({ paragraphs: before }, { paragraphs: after }, 'word');
    expect(comparison.rows.map((row) => row.kind)).toEqual(['modified', 'equal', 'modified', 'equal', 'equal', 'equal']);
    // Seed 002 prints the paragraphs the same way (one line each): lines 62/64 and 72/74.
    expect([before[0], after[0]]).toEqual([seed002[61]!.slice(1), seed002[63]!.slice(1)]);
    expect([before[2], after[2]]).toEqual([seed002[71]!.slice(1), seed002[73]!.slice(1)]);
    expect(stops(comparison)).toEqual([
      "d'assurance maladie et maternité des professions non salariées → du régime social des indépendants",
      "mentionnées aux 1°, 2° et 3° de l'article L. 621-3 → des membres du groupe des professions libérales",
      'R. 614-3 → R. 612-18',
    ]);
    expect(comparison.changeCount).toBe(3);
    expectConsistent(comparison, before, after);
  });

  it('L611-3, 1985-12-21 → 1995-02-05 (first version to the one of seed 000): three word changes', async () => {
    const file = `${LEGISLATIVE}/Article L611-3 - 6743538.md`;
    const before = await paragraphsAt(file, '1985-12-21');
    const after = await paragraphsAt(file, '1995-02-05');
    const comparison = compareVersions({ paragraphs: before }, { paragraphs: after }, 'word');
    expect(comparison.rows.map((row) => row.kind)).toEqual(['modified', 'modified', 'equal', 'equal', 'equal']);
    expect(stops(comparison)).toEqual([
      'non-salariés → non salariés',
      " médicale → , d'éducation et d'information sanitaires",
      'régionaux  → +',
    ]);
    // « responsables   , dans » in the file: the spaces before the comma are kept, and are no change.
    expect(after[0]).toContain('responsables , dans');
    expectConsistent(comparison, before, after);
  });

  it('L611-3, 1995-02-05 → 2005-12-09: a whole rewrite is one stop of removed and inserted paragraphs', async () => {
    const file = `${LEGISLATIVE}/Article L611-3 - 6743538.md`;
    const before = await paragraphsAt(file, '1995-02-05');
    const after = await paragraphsAt(file, '2005-12-09');
    const comparison = compareVersions({ paragraphs: before }, { paragraphs: after }, 'word');
    expect(comparison.rows.map((row) => row.kind)).toEqual(['removed', 'removed', 'removed', 'removed', 'removed', 'inserted']);
    expect(comparison.changeCount).toBe(1);
    expect(comparison.changes[0]).toMatchObject({ row: 0, rowEnd: 6, kind: 'paragraphs' });
    expect(comparison.redline[5]!.segments[0]!.text).toMatch(/^Le régime social des indépendants comprend une caisse nationale/);
  });

  it('R111-1, 2004-10-13 → 2006-01-28: list items 4°) and 5°) pair by their marker (seed 002 lines 20-27)', async () => {
    const file = `${DECRETS_CE}/Article R111-1 - 6746438.md`;
    const before = await paragraphsAt(file, '2004-10-13');
    const after = await paragraphsAt(file, '2006-01-28');
    const comparison = compareVersions({ paragraphs: before }, { paragraphs: after }, 'word');
    const modified = comparison.rows.filter((row) => row.kind === 'modified');
    expect(modified.map((row) => [row.oldIndex, row.newIndex])).toEqual([
      [12, 12],
      [13, 13],
    ]);
    expect(comparison.rows.filter((row) => row.kind !== 'modified').every((row) => row.kind === 'equal')).toBe(true);
    expect([after[12], after[13]]).toEqual([seed002[21]!.slice(1), seed002[27]!.slice(1)]);
    expect(stops(comparison)[1]).toMatch(/^en ce qui concerne le régime d'assurance maladie .* → Paragraphe supprimé$/);
    expect(comparison.redline[13]!.segments[0]).toEqual({ kind: 'equal', text: '5°) ' });
  });

  it('D173-21-0-0-1, 2011-07-01 → 2014-02-17: an amount and a date change as whole units', async () => {
    const file = `${DECRETS}/Article D173-21-0-0-1 - 24280080.md`;
    const comparison = compareVersions(
      { paragraphs: await paragraphsAt(file, '2011-07-01') },
      { paragraphs: await paragraphsAt(file, '2014-02-17') },
      'word',
    );
    expect(stops(comparison)).toEqual(['1 005 → 1 120', '1er janvier 2012 → 1er février 2014']);
  });

  it('L245-8, 2010-04-01 → 2011-12-23: a rate « 25 % » → « 18 % »; in paragraph granularity the whole paragraph', async () => {
    const file = `${LEGISLATIVE}/Article L245-8 - 6742151.md`;
    const before = await paragraphsAt(file, '2010-04-01');
    const after = await paragraphsAt(file, '2011-12-23');
    const words = compareVersions({ paragraphs: before }, { paragraphs: after }, 'word');
    expect(stops(words)).toEqual(['25 % → 18 %']);
    const paragraphs = compareVersions({ paragraphs: before }, { paragraphs: after }, 'paragraph');
    expect(paragraphs.changeCount).toBe(1);
    expect(paragraphs.redline.map((block) => block.kind)).toEqual(['removed', 'inserted', 'equal']);
    expect(paragraphs.redline[0]!.segments).toEqual([{ kind: 'deleted', text: before[0], change: 0 }]);
  });

  it('R115-5 across all its versions: every word diff rebuilds both texts', async () => {
    const file = `${DECRETS_CE}/Article R115-5 - 6746838.md`;
    const dates = ['1996-04-13', '2006-01-28', '2008-01-01', '2012-12-31', '2015-01-01', '2019-07-08'];
    const versions = await Promise.all(dates.map((date) => paragraphsAt(file, date)));
    for (let i = 1; i < versions.length; i++) {
      const comparison = compareVersions({ paragraphs: versions[i - 1]! }, { paragraphs: versions[i]! }, 'word');
      expectConsistent(comparison, versions[i - 1]!, versions[i]!);
      expect(comparison.changeCount).toBeGreaterThan(0);
    }
    // 1996 → 2019: the article was given a new subject (the médiateurs). Only the divisions « I. - » and
    // « II. - » pair, by their marker (written « I.- » in 2019: no change); everything else is removed or inserted.
    const firstToLast = compareVersions({ paragraphs: versions[0]! }, { paragraphs: versions[5]! }, 'word');
    expect(firstToLast.summary).toMatchObject({ equal: 0, modified: 2, removed: 4, inserted: 10 });
    const divisions = firstToLast.rows.filter((row) => row.kind === 'modified');
    expect(divisions.map((row) => [row.oldIndex, row.newIndex, row.new![0]!.text, row.old![0]!.text])).toEqual([
      [0, 0, 'I.-', 'I. -'],
      [3, 2, 'II.-', 'II. -'],
    ]);
    const [first, last] = [versions[0]!.join('\n'), versions[5]!.join('\n')];
    const changes = diffWords(first, last);
    expect(applyChanges(first, changes)).toBe(last);
    expect(revertChanges(last, changes)).toBe(first);
  });
});
