import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rebuildParagraphs } from '../text/paragraphs.ts';
import { alignParagraphs, type Row } from './align-paragraphs.ts';
import { seedsDir } from '../../tests/support/shared-corpus.ts';

const seeds = seedsDir();
const seed000 = readFileSync(path.join(seeds, '000_957ebed65d058a0e.txt'), 'utf8').split('\n');
/** The five paragraphs of L611-3 as of 1995 (seed 000). */
const l611_3 = rebuildParagraphs(seed000.slice(1, seed000.indexOf('**Liens relatifs à cet article**')));
/** The paragraphs of L611-20 as of 2015 (seed 001). */
const seed001 = readFileSync(path.join(seeds, '001_803e8bac355c9d63.txt'), 'utf8').split('\n');
const l611_20 = rebuildParagraphs(
  seed001.slice(
    1,
    seed001.findIndex((line) => line.startsWith('**')),
  ),
);

const shape = (rows: readonly Row[]): string[] => rows.map((row) => `${row.kind} ${row.oldIndex ?? '_'}→${row.newIndex ?? '_'}`);

describe('alignParagraphs', () => {
  it('anchors unchanged paragraphs: one inserted in the middle shifts no pair', () => {
    expect(l611_3).toHaveLength(5);
    const inserted = 'Un arrêté du ministre chargé de la sécurité sociale fixe la liste des organismes habilités.';
    const after = [...l611_3.slice(0, 2), inserted, ...l611_3.slice(2, 4), l611_3[4]!.replace('par les caisses', 'par ces caisses')];
    expect(shape(alignParagraphs(l611_3, after))).toEqual([
      'equal 0→0',
      'equal 1→1',
      'inserted _→2',
      'equal 2→3',
      'equal 3→4',
      'modified 4→5',
    ]);
  });

  it('pairs a modified paragraph by similarity, not by position, past a removed one', () => {
    // Paragraph 1 removed and paragraph 2 modified: the modified one pairs with its new form.
    const after = [l611_3[0]!, l611_3[2]!.replace("décret en Conseil d'Etat", 'décret'), l611_3[3]!, l611_3[4]!];
    const rows = alignParagraphs(l611_3, after);
    expect(shape(rows)).toEqual(['equal 0→0', 'removed 1→_', 'modified 2→1', 'equal 3→2', 'equal 4→3']);
    expect(rows[2]!.changes!.filter((change) => change.op !== 'equal')).toEqual([{ op: 'delete', text: " en Conseil d'Etat" }]);
    expect(rows[2]!.similarity).toBeGreaterThan(0.9);
  });

  it('pairs the paragraphs that L611-20 (2015) took over from L611-3 (1995), and leaves the others unpaired', () => {
    // In 2005 the content of L611-3 ¶2-3 went to L611-20 (« Ces caisses confient le soin d'assurer … » →
    // « La Caisse nationale confie le soin d'assurer … »); ¶1, 4 and 5 have no counterpart.
    const rows = alignParagraphs(l611_3, l611_20);
    expect(shape(rows)).toEqual(['removed 0→_', 'modified 1→0', 'modified 2→1', 'removed 3→_', 'removed 4→_']);
    expect(rows[1]!.changes!.slice(0, 2)).toEqual([
      { op: 'delete', text: 'Ces caisses confient' },
      { op: 'insert', text: 'La Caisse nationale confie' },
    ]);
  });

  it('treats paragraphs that differ only by whitespace or apostrophes as equal', () => {
    const retyped = l611_3.map((paragraph) => paragraph.replace(/'/gu, '’').replace(/ /gu, '  '));
    expect(alignParagraphs(l611_3, retyped).every((row) => row.kind === 'equal')).toBe(true);
  });

  it('covers every paragraph of both sides once, in order (property)', () => {
    const paragraphs = fc.array(fc.constantFrom(...l611_3, ...l611_20, l611_3[0]!.slice(0, 80), 'Abrogé.'), { maxLength: 12 });
    fc.assert(
      fc.property(paragraphs, paragraphs, (before, after) => {
        const rows = alignParagraphs(before, after);
        const olds = rows.flatMap((row) => (row.oldIndex === undefined ? [] : [row.oldIndex]));
        const news = rows.flatMap((row) => (row.newIndex === undefined ? [] : [row.newIndex]));
        expect(olds).toEqual(before.map((_, i) => i));
        expect(news).toEqual(after.map((_, i) => i));
        for (const row of rows) {
          if (row.kind === 'equal') expect(before[row.oldIndex!]).toBe(after[row.newIndex!]);
          expect(row.kind === 'modified').toBe(row.changes !== undefined);
        }
      }),
      { numRuns: 200 },
    );
  });
});
