import { describe, expect, it } from 'vitest';
import { snippetParts } from './snippet-parts.ts';

// An extract of L611-3 of the Code de la sécurité sociale, « sécurité sociale » highlighted.
const text = 'Ces organismes de sécurité sociale dotés de la personnalité morale';
const at = text.indexOf('sécurité');

describe('snippetParts', () => {
  it('cuts the extract into plain and highlighted pieces, keeping every character', () => {
    const parts = snippetParts({
      text,
      highlights: [
        [at, at + 8],
        [at + 9, at + 16],
      ],
      paragraph: 0,
      nota: false,
      cutBefore: true,
      cutAfter: true,
    });
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['sécurité', 'sociale']);
    expect(parts.map((p) => p.text).join('')).toBe(`… ${text} …`);
  });

  it('ignores overlapping and out-of-range highlights', () => {
    const parts = snippetParts({
      text,
      highlights: [
        [at, at + 16],
        [at + 3, at + 8],
        [text.length - 2, text.length + 10],
      ],
      paragraph: 0,
      nota: false,
      cutBefore: false,
      cutAfter: false,
    });
    expect(parts.map((p) => p.text).join('')).toBe(text);
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['sécurité sociale', 'le']);
  });
});
