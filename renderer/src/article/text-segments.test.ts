import { describe, expect, it } from 'vitest';
import type { Reference } from '../../../corpus/model/model.ts';
import { segmentParagraph, unresolvedReason } from './text-segments.ts';

// The text of L611-3 of the Code de la sécurité sociale as in force since 2005-12-09 (lexlib bundle).
const text =
  "Le régime social des indépendants comprend une caisse nationale et des caisses de base. Ces organismes de sécurité sociale dotés de la personnalité morale et de l'autonomie financière sont des organismes de droit privé chargés d'une mission de service public au profit des personnes mentionnées à l'article L. 611-1.";
const start = text.indexOf('L. 611-1');
const toL611_1: Reference = {
  paragraph: 0,
  start,
  end: start + 'L. 611-1'.length,
  num: 'L611-1',
  code: 'code-de-la-securite-sociale',
  target: 'code-de-la-securite-sociale/LEGIARTI000006743465',
};

describe('segmentParagraph', () => {
  it('cuts a paragraph around its references and keeps every character', () => {
    const segments = segmentParagraph(text, 0, [toL611_1]);
    expect(segments.map((s) => s.kind)).toEqual(['text', 'reference', 'text']);
    expect(segments[1]?.text).toBe('L. 611-1');
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('ignores references of other paragraphs and bad offsets, never losing text', () => {
    const other = { ...toL611_1, paragraph: 1 };
    const outOfRange = { ...toL611_1, start: text.length - 2, end: text.length + 5 };
    const overlapping = { ...toL611_1, start: start + 3, end: start + 8 };
    const segments = segmentParagraph(text, 0, [other, outOfRange, toL611_1, overlapping]);
    expect(segments.filter((s) => s.kind === 'reference')).toHaveLength(1);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('explains unresolved references in French', () => {
    expect(unresolvedReason({ ...toL611_1, target: undefined, unresolved: 'code-not-in-corpus' })).toContain(
      'ne fait pas partie du corpus',
    );
  });
});
