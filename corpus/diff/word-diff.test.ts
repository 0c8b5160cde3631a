import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChanges, revertChanges } from './patch.ts';
import { countChanges, diffWords, type Change } from './word-diff.ts';
import { anyText } from '../../tests/support/arbitraries.ts';
import { seedsDir } from '../../tests/support/shared-corpus.ts';

const seeds = seedsDir();
/** Seed 002: the Archéo Lex diff of the Code de la sécurité sociale, 2006-01-19 → 2006-01-28, one paragraph a line. */
const seed002 = readFileSync(path.join(seeds, '002_ed8248280429ca41.txt'), 'utf8').split('\n');
/** A `-` or `+` line of seed 002 (1-based line number), without its mark. */
const seedLine = (line: number, mark: '-' | '+'): string => {
  const text = seed002[line - 1]!;
  expect(text.startsWith(mark)).toBe(true);
  return text.slice(1);
};

/** The paragraphs of L611-3 as in seed 000 (1995 version), joined as one text. */
const seed000 = readFileSync(path.join(seeds, '000_957ebed65d058a0e.txt'), 'utf8');
const l611_3 = seed000.slice(seed000.indexOf('\n') + 1, seed000.indexOf('**Liens relatifs à cet article**')).trim();

const edits = (changes: readonly Change[]): string[] => changes.filter((c) => c.op !== 'equal').map((c) => `${c.op}:${c.text}`);

/** Pieces of real legal French, including every unit the tokenizer keeps whole. */
const FRAGMENTS = [
  'L. 612-9',
  'R. 243-25',
  'R. 614-3',
  'D. 633-3',
  '1°',
  '2°)',
  'a)',
  'II.-',
  'I. -',
  "l'article",
  'd’assurance',
  'non-salariés',
  'n°',
  '94-126',
  '1 000',
  '15 %',
  '3,5',
  '1er janvier 2006',
  'de',
  'la',
  'des',
  'caisse',
  'nationale',
  'régime',
  'social',
  'indépendants',
  ',',
  ';',
  '.',
  ':',
  '(',
  ')',
  '«',
  '»',
  'et',
  'le',
  'sont',
] as const;
const WHITESPACE = [' ', '  ', '\n', '\u00a0', '\u202f', ' \n ', '\t'] as const;

/** A text of fragments separated by whitespace (sometimes none: « dela » is a word of its own). */
const legalText = fc
  .array(fc.tuple(fc.constantFrom(...FRAGMENTS), fc.constantFrom('', ...WHITESPACE)), { maxLength: 40 })
  .map((parts) => parts.map(([word, space]) => word + space).join(''));

/** The same text with every whitespace run replaced by another one, and whitespace added at the ends. */
const rewrap = (text: string, seed: number): string => {
  let k = seed;
  const next = (): string => WHITESPACE[(k = (k * 31 + 7) % 1009) % WHITESPACE.length]!;
  return next() + text.replace(/\s+/gu, () => next()) + next();
};

/** A mutation of a real text: words deleted, inserted or replaced at random places. */
const mutated = (base: string) =>
  fc
    .array(fc.tuple(fc.nat(), fc.constantFrom('delete', 'insert', 'replace'), fc.constantFrom(...FRAGMENTS)), { maxLength: 8 })
    .map((mutations) => {
      const words = base.split(' ');
      for (const [at, kind, fragment] of mutations) {
        const i = at % (words.length + 1);
        if (kind === 'insert') words.splice(i, 0, fragment);
        else if (kind === 'delete') words.splice(i, 1);
        else words[i] = fragment;
      }
      return words.join(' ');
    });

describe('diffWords on real paragraphs', () => {
  it('reports « R. 614-3 » → « R. 612-18 » as one change of a whole reference (R115-5, seed 002 lines 72/74)', () => {
    const changes = diffWords(seedLine(72, '-'), seedLine(74, '+'));
    expect(edits(changes)).toEqual(['delete:R. 614-3', 'insert:R. 612-18']);
    expect(countChanges(changes)).toBe(1);
  });

  it('reads a rewritten clause as one deletion and one insertion, not a confetti of « des » (R115-5, seed 002 lines 62/64)', () => {
    const [before, after] = [seedLine(62, '-'), seedLine(64, '+')];
    expect(edits(diffWords(before, after))).toEqual([
      "delete:d'assurance maladie et maternité des professions non salariées",
      'insert:du régime social des indépendants',
      "delete:mentionnées aux 1°, 2° et 3° de l'article L. 621-3",
      'insert:des membres du groupe des professions libérales',
    ]);
    // The minimal diff keeps a coincidental « des » in the middle of the first clause.
    const minimal = diffWords(before, after, { semanticCleanup: false });
    expect(countChanges(minimal)).toBe(3);
    expect(edits(minimal)).toContain('delete:professions non salariées');
  });

  it('keeps list markers and replaces the item text (R111-1 4°), seed 002 lines 20/22)', () => {
    const changes = diffWords(seedLine(20, '-'), seedLine(22, '+'));
    expect(changes[0]).toEqual({ op: 'equal', text: '4°) en ce qui concerne ' });
    expect(countChanges(changes)).toBe(1);
    expect(changes[changes.length - 1]).toEqual({ op: 'equal', text: ' ;' });
  });

  it('ignores the line wrapping of the lexlib file: the wrapped L611-3 and its one-line form do not differ', () => {
    const oneLine = l611_3.replace(/\s+/gu, ' ');
    const changes = diffWords(l611_3, oneLine);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.op).toBe('equal');
    expect(changes[0]!.oldText).toBe(l611_3);
    // The lexlib file has « responsables   , dans »; a source without the space before the comma is the same text.
    expect(l611_3).toContain('responsables   , dans');
    expect(countChanges(diffWords(l611_3, l611_3.replace('responsables   , dans', 'responsables, dans')))).toBe(0);
  });
});

describe('diffWords properties', () => {
  it('gives back the new text from the old one, and the old from the new (random legal texts)', () => {
    fc.assert(
      fc.property(legalText, legalText, (before, after) => {
        const changes = diffWords(before, after);
        expect(applyChanges(before, changes)).toBe(after);
        expect(revertChanges(after, changes)).toBe(before);
      }),
      { numRuns: 300 },
    );
  });

  it('gives back the new text from the old one, and the old from the new (mutations of L611-3)', () => {
    const base = l611_3.replace(/\s+/gu, ' ');
    fc.assert(
      fc.property(mutated(base), mutated(base), (before, after) => {
        const changes = diffWords(before, after);
        expect(applyChanges(before, changes)).toBe(after);
        expect(revertChanges(after, changes)).toBe(before);
      }),
      { numRuns: 100 },
    );
  });

  it('survives any text at all, astral characters and lone surrogates included', () => {
    fc.assert(
      fc.property(anyText(80), anyText(80), (before, after) => {
        const changes = diffWords(before, after);
        expect(applyChanges(before, changes)).toBe(after);
        expect(revertChanges(after, changes)).toBe(before);
      }),
      { numRuns: 300 },
    );
  });

  it('reports no change for identical texts', () => {
    fc.assert(
      fc.property(legalText, (text) => {
        const changes = diffWords(text, text);
        expect(countChanges(changes)).toBe(0);
        expect(changes.every((change) => change.op === 'equal' && change.oldText === undefined)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('reports no change when only whitespace differs (spaces, no-break spaces, line breaks)', () => {
    fc.assert(
      fc.property(legalText, fc.nat(), (text, seed) => {
        const rewrapped = rewrap(text, seed);
        const changes = diffWords(text, rewrapped);
        expect(countChanges(changes)).toBe(0);
        expect(changes.every((change) => change.op === 'equal')).toBe(true);
        expect(applyChanges(text, changes)).toBe(rewrapped);
      }),
      { numRuns: 300 },
    );
  });

  it('puts whitespace where it reads naturally around a pure deletion or insertion', () => {
    const text = 'les organisations autonomes des membres du groupe';
    expect(diffWords(text, 'les organisations autonomes du groupe')).toEqual([
      { op: 'equal', text: 'les organisations autonomes ' },
      { op: 'delete', text: 'des membres ' },
      { op: 'equal', text: 'du groupe' },
    ]);
    expect(diffWords('une action de prévention médicale.', "une action de prévention, d'éducation.")).toEqual([
      { op: 'equal', text: 'une action de prévention' },
      { op: 'delete', text: ' médicale' },
      { op: 'insert', text: ", d'éducation" },
      { op: 'equal', text: '.' },
    ]);
  });
});
