import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rebuildParagraphs } from '../text/paragraphs.ts';
import { compareVersions, type Comparison } from './compare-versions.ts';
import { seedsDir } from '../../tests/support/shared-corpus.ts';

const seeds = seedsDir();
const seed000 = readFileSync(path.join(seeds, '000_957ebed65d058a0e.txt'), 'utf8').split('\n');
const seed001 = readFileSync(path.join(seeds, '001_803e8bac355c9d63.txt'), 'utf8').split('\n');
/** L611-3 (1995, seed 000) and L611-20 (2015, seed 001): real paragraphs to build versions from. */
const pool = [
  ...rebuildParagraphs(seed000.slice(1, seed000.indexOf('**Liens relatifs à cet article**'))),
  ...rebuildParagraphs(
    seed001.slice(
      1,
      seed001.findIndex((line) => line.startsWith('**')),
    ),
  ),
];

/** A version made of real paragraphs, some of them edited (a word dropped or replaced). */
const version = fc.array(
  fc.tuple(fc.constantFrom(...pool), fc.nat(), fc.constantFrom('keep', 'drop', 'replace')).map(([paragraph, at, edit]) => {
    if (edit === 'keep') return paragraph;
    const words = paragraph.split(' ');
    words.splice(at % words.length, 1, ...(edit === 'replace' ? ['organismes'] : []));
    return words.join(' ');
  }),
  { maxLength: 8 },
);

/** Words as the summary counts them: « l'article » is one word, « L. 612-9 » two. */
const countWords = (text: string): number => text.match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu)?.length ?? 0;

function checkInvariants(comparison: Comparison, before: readonly string[], after: readonly string[]): void {
  const { rows, redline, changes } = comparison;
  // Each side of each row gives back its paragraph; a gap is a missing side.
  for (const row of rows) {
    expect(row.old === undefined).toBe(row.oldIndex === undefined);
    expect(row.new === undefined).toBe(row.newIndex === undefined);
    if (row.old) expect(row.old.map((s) => s.text).join('')).toBe(before[row.oldIndex!]);
    if (row.new) expect(row.new.map((s) => s.text).join('')).toBe(after[row.newIndex!]);
    expect(row.old?.every((s) => s.kind !== 'inserted') ?? true).toBe(true);
    expect(row.new?.every((s) => s.kind !== 'deleted') ?? true).toBe(true);
  }
  // The redline without its deletions is the new version, paragraph by paragraph.
  const newParagraphs = redline
    .filter((block) => block.kind !== 'removed')
    .map((block) =>
      block.segments
        .filter((s) => s.kind !== 'deleted')
        .map((s) => s.text)
        .join(''),
    );
  expect(newParagraphs).toEqual(after);
  // Stops: numbered in reading order, each one marked on at least one segment, and only changes are marked.
  expect(comparison.changeCount).toBe(changes.length);
  const marked = new Set<number>();
  for (const block of redline) {
    for (const segment of block.segments) {
      expect(segment.kind === 'equal').toBe(segment.change === undefined);
      if (segment.change !== undefined) marked.add(segment.change);
    }
  }
  expect([...marked].sort((a, b) => a - b)).toEqual(changes.map((stop) => stop.index));
  changes.forEach((stop, i) => {
    expect(stop.index).toBe(i);
    expect(rows[stop.row]!.changes).toContain(i);
    expect(redline[stop.redlineBlock]!.segments.some((s) => s.change === i)).toBe(true);
    if (i > 0) expect(stop.row).toBeGreaterThanOrEqual(changes[i - 1]!.row);
  });
}

describe('compareVersions', () => {
  it('holds its invariants in both granularities (property, on real paragraphs)', () => {
    fc.assert(
      fc.property(version, version, (before, after) => {
        const words = compareVersions({ paragraphs: before }, { paragraphs: after }, 'word');
        const paragraphs = compareVersions({ paragraphs: before }, { paragraphs: after }, 'paragraph');
        checkInvariants(words, before, after);
        checkInvariants(paragraphs, before, after);
        // A paragraph stop holds at least one word stop.
        expect(paragraphs.changeCount).toBeLessThanOrEqual(words.changeCount);
        expect(paragraphs.rows.map((row) => row.kind)).toEqual(words.rows.map((row) => row.kind));
      }),
      { numRuns: 200 },
    );
  });

  it('reports no change between a version and itself, nor when only the wrapping differs', () => {
    const same = compareVersions({ paragraphs: pool }, { paragraphs: [...pool] }, 'word');
    expect(same.changeCount).toBe(0);
    expect(same.summary).toMatchObject({ equal: pool.length, modified: 0, inserted: 0, removed: 0 });
    const rewrapped = pool.map((paragraph) => paragraph.replace(/ /gu, '\n'));
    expect(compareVersions({ paragraphs: pool }, { paragraphs: rewrapped }, 'word').changeCount).toBe(0);
  });

  it('groups consecutive removed paragraphs into one stop, and counts the words', () => {
    // L611-3 without its paragraphs 2 and 3.
    const before = pool.slice(0, 5);
    const after = [pool[0]!, pool[3]!, pool[4]!];
    const comparison = compareVersions({ paragraphs: before }, { paragraphs: after }, 'word');
    expect(comparison.rows.map((row) => row.kind)).toEqual(['equal', 'removed', 'removed', 'equal', 'equal']);
    expect(comparison.changes).toEqual([{ index: 0, row: 1, rowEnd: 3, redlineBlock: 1, kind: 'paragraphs' }]);
    expect(comparison.rows[1]!.new).toBeUndefined();
    expect(comparison.summary.insertedWords).toBe(0);
    // « Ces caisses confient le soin d'assurer … » has 46 words, counted by hand.
    expect(comparison.summary.deletedWords).toBe(countWords(pool[1]!) + countWords(pool[2]!));
    expect(countWords(pool[1]!)).toBe(46);
  });
});
