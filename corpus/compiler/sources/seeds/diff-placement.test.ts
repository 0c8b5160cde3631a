import { describe, expect, it } from 'vitest';
import type { Article, ChangeSet, Version } from '../../../model/model.ts';
import type { ArcheoDiff, ArcheoDiffLine } from './archeo-diff.ts';
import { placeDiffLines } from './diff-placement.ts';

const CODE = 'code-de-la-securite-sociale';
const DATES = { from: '2006-01-19', to: '2006-01-28', dataDate: '2026-12-01' };

function version(validFrom: string, validTo: string | undefined, paragraphs: string[]): Version {
  return {
    validFrom,
    ...(validTo ? { validTo } : {}),
    status: validTo ? 'MODIFIE' : 'VIGUEUR',
    paragraphs,
    links: [],
    references: [],
    sources: ['lexlib'],
  };
}

function article(num: string, versions: Version[]): Article {
  return { id: `${CODE}/${num}`, code: CODE, num, versions };
}

// R111-1 is modified on 2006-01-28 (its 4°), as the change set lists; R615-1 loses a paragraph and
// R613-1 gains it and another one, which R611-1 (unchanged) also has: changes found by the timelines only.
const articles = [
  article('R111-1', [
    version('1985-12-21', '2006-01-28', ['Texte.', '4°) ancien']),
    version('2006-01-28', undefined, ['Texte.', '4°) nouveau']),
  ]),
  article('R615-1', [version('1985-12-21', '2006-01-28', ['Premier.', 'Déplacé.']), version('2006-01-28', undefined, ['Premier.'])]),
  article('R613-1', [version('1985-12-21', '2006-01-28', ['Autre.']), version('2006-01-28', undefined, ['Autre.', 'Déplacé.', 'Commun.'])]),
  article('R611-1', [version('1985-12-21', undefined, ['Stable.', 'Commun.'])]),
];
const changeSet: ChangeSet = {
  code: CODE,
  date: '2006-01-28',
  amendingTexts: [],
  created: [],
  modified: [`${CODE}/R111-1`],
  repealed: [],
  source: 'lexlib',
};

let pageLine = 0;
const line = (kind: ArcheoDiffLine['kind'], text: string): ArcheoDiffLine => ({ kind, text, pageLine: ++pageLine, oldLine: 1, newLine: 1 });
const diff: ArcheoDiff = {
  fromDate: DATES.from,
  toDate: DATES.to,
  warnings: [],
  hunks: [
    {
      oldStart: 1,
      oldCount: 6,
      newStart: 1,
      newCount: 6,
      heading: '',
      lines: [
        line(' ', '# Article R111-1'),
        line('-', '4°) ancien'),
        line('+', '4°) nouveau'),
        line('-', 'Déplacé.'),
        line('-', 'Commun.'),
        line('-', 'Stable.'),
        line('+', 'Jamais écrit.'),
        line('+', ''),
      ],
    },
  ],
};

describe('placing the lines of a whole-code diff', () => {
  const result = placeDiffLines(diff, articles, changeSet, DATES);
  const byText = new Map(result.lines.map((l) => [l.line.text, l.placement]));

  it('counts a marked line without text apart', () => {
    expect([result.lines.length, result.blankLines]).toEqual([6, 1]);
  });

  it('places a changed paragraph in the redline of its article, else in the changed article it went to', () => {
    expect(byText.get('4°) ancien')).toEqual({ placed: true, how: 'redline', article: 'R111-1 (modified)' });
    expect(byText.get('4°) nouveau')).toEqual({ placed: true, how: 'redline', article: 'R111-1 (modified)' });
    expect(byText.get('Déplacé.')).toEqual({ placed: true, how: 'redline', article: 'R615-1 (modified, hors de la liste du change set)' });
    // Not deleted by any redline (R611-1 keeps it), inserted in R613-1: Archéo Lex printed it moving there.
    expect(byText.get('Commun.')).toEqual({ placed: true, how: 'moved', article: 'R611-1', detail: 'paragraphe passé de R611-1 à R613-1' });
  });

  it('finds the changes the change set does not list in the timelines (R615-1, R613-1)', () => {
    expect([...result.changed.values()].map((c) => [c.article.num, c.role, c.listed])).toEqual([
      ['R111-1', 'modified', true],
      ['R615-1', 'modified', false],
      ['R613-1', 'modified', false],
    ]);
  });

  it('says why a line has no place, with the version that holds its text', () => {
    const stable = byText.get('Stable.');
    expect(stable).toMatchObject({ placed: false, cause: { kind: 'unchanged', article: { num: 'R611-1' } } });
    expect(stable?.placed === false && stable.reason).toBe(
      'texte de R611-1 (version du 1985-12-21, sans date de fin, VIGUEUR), qui ne change pas ce jour-là dans le corpus',
    );
    expect(byText.get('Jamais écrit.')).toMatchObject({ placed: false, cause: { kind: 'absent' } });
  });
});
