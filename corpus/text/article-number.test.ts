import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleNumberSortKey, compareArticleNumbers, looksLikeArticleNumber, normalizeArticleNumber } from './article-number.ts';

/** legi-data's current trees of four codes: real article numbers as LEGI writes them. */
const require = createRequire(import.meta.url);
const legiDataDir = require.resolve('@socialgouv/legi-data/package.json').replace(/package\.json$/, 'data/');

interface LegiNode {
  type: string;
  data: { num?: string; title?: string };
  children?: LegiNode[];
}

function readTree(textId: string): LegiNode {
  return JSON.parse(readFileSync(`${legiDataDir}${textId}.json`, 'utf8')) as LegiNode;
}

/** Sibling article numbers of every section, in the code's reading order. */
function sectionsArticleNums(tree: LegiNode): string[][] {
  const out: string[][] = [];
  const walk = (node: LegiNode): void => {
    const nums = (node.children ?? []).filter((c) => c.type === 'article' && c.data.num).map((c) => c.data.num ?? '');
    if (nums.length > 0) out.push(nums);
    for (const child of node.children ?? []) if (child.type !== 'article') walk(child);
  };
  walk(tree);
  return out;
}

const CODES = {
  travail: 'LEGITEXT000006072050',
  securiteSociale: 'LEGITEXT000006073189',
  rural: 'LEGITEXT000022197698',
  crpa: 'LEGITEXT000031366350',
};
const trees = Object.values(CODES).map(readTree);
const allNums = trees.flatMap((tree) => sectionsArticleNums(tree).flat());

describe('normalizeArticleNumber', () => {
  it('reads every written form of a number as LEGI writes it', () => {
    const cases: [string, string][] = [
      ['L611-3', 'L611-3'],
      ['L. 611-3', 'L611-3'],
      ['l 611-3', 'L611-3'],
      ['art. L611-3', 'L611-3'],
      ['article L.611-3', 'L611-3'],
      ["l'article L. 612-9", 'L612-9'],
      ['L.611-3', 'L611-3'],
      ['R* 611-3', 'R*611-3'],
      ['R.* 1233-3-4', 'R*1233-3-4'],
      ['LO. 111-3', 'LO111-3'],
      ['L.O. 132-2-1', 'LO132-2-1'],
      ['D. 633-3', 'D633-3'],
      ['R. 723-16-1', 'R723-16-1'],
      ['A. 931-11-11', 'A931-11-11'],
      ['L. 114-1 A', 'L114-1 A'],
      ['l 114-1 a', 'L114-1 A'],
      ['R142-1-A', 'R142-1-A'],
      ['L. 611\u20113', 'L611-3'], // non-breaking hyphen
      ['L.\u00a0611 - 3', 'L611-3'],
      ['1240', '1240'],
      ['article 1er', '1'],
      ['39 bis', '39 bis'],
      ['1609 QUATER a', '1609 quater A'],
    ];
    for (const [input, expected] of cases) expect(normalizeArticleNumber(input), input).toBe(expected);
  });

  it('rejects what is not an article number', () => {
    for (const input of ['', 'Annexe 2', 'TABLEAU 10 bis', 'code du travail', 'L.', '* 611-3', 'L611-3 du code']) {
      expect(normalizeArticleNumber(input), input).toBeUndefined();
    }
  });

  it('leaves every real LEGI number of four codes unchanged, but for the annexes', () => {
    // The legi-data trees have 29,000+ articles; a few hundred are annexes and tables.
    expect(allNums.length).toBeGreaterThan(29_000);
    const notNumbers = allNums.filter((num) => normalizeArticleNumber(num) === undefined);
    expect(notNumbers.filter((num) => !/^(Annexe|Tableau)/i.test(num))).toEqual([]);
    const changed = allNums.filter((num) => {
      const n = normalizeArticleNumber(num);
      return n !== undefined && n !== num.trim();
    });
    expect(changed).toEqual([]);
    // LEGI writes both suffix forms: ` A` and `-A`.
    expect(allNums).toContain('L114-1 A');
    expect(allNums).toContain('R243-59-6-A');
    expect(allNums).toContain('R*1237-6');
  });

  it('reads back the way legal texts write every real number (`L. 611-3`, `R. * 1233-3-4`)', () => {
    for (const num of allNums) {
      const n = normalizeArticleNumber(num);
      if (n === undefined) continue;
      const written = n.replace(/^([A-Z]+)(\*?)(?=\d)/, (_m, p: string, s: string) => `${p}.${s ? ' *' : ''} `);
      expect(normalizeArticleNumber(written), written).toBe(n);
    }
  });

  it('returns numbers already in LEGI form as they are, as the full reading does (property)', () => {
    // `normalizeArticleNumber` answers these without reading them: the full reading must agree.
    const legiForm = fc
      .tuple(
        fc.constantFrom('', 'L', 'LO', 'R', 'R*', 'D', 'D*', 'A', 'L*'),
        fc.array(fc.nat({ max: 99_999 }).map(String), { minLength: 1, maxLength: 5 }),
        fc.constantFrom('', '0'),
      )
      .map(([prefix, integers, zero]) => prefix + zero + integers.join('-'));
    fc.assert(fc.property(legiForm, (num) => normalizeArticleNumber(` ${num}`) === num && normalizeArticleNumber(num) === num));
    // And what is not in that form still goes through the full reading.
    expect(normalizeArticleNumber('*611-3')).toBeUndefined();
    expect(normalizeArticleNumber('l611-3')).toBe('L611-3');
  });

  it('is idempotent (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...allNums), fc.constantFrom('', 'art. ', 'article ', "l'article "), (num, lead) => {
        const once = normalizeArticleNumber(lead + num);
        return once === undefined || normalizeArticleNumber(once) === once;
      }),
    );
  });
});

describe('looksLikeArticleNumber', () => {
  it('tells numbers typed in the search box from words', () => {
    for (const q of ['L611-3', 'l. 611-3', 'R*1233-3', 'art. 12', '611-3', 'LO111-3', 'd 633-3'])
      expect(looksLikeArticleNumber(q), q).toBe(true);
    for (const q of ['35', 'mutuelle', 'L', 'article', 'code du travail', 'L611-3 maladie'])
      expect(looksLikeArticleNumber(q), q).toBe(false);
  });
});

describe('articleNumberSortKey', () => {
  it('orders L611-3 A < L611-3 < L611-3-1 < L611-4 < L611-20, the legislative part first', () => {
    const sorted = ['R611-2', 'L611-20', 'L611-4', 'L611-3-1', 'L611-3 A', 'L611-3', 'D611-1', 'A611-1'].sort(compareArticleNumbers);
    expect(sorted).toEqual(['L611-3 A', 'L611-3', 'L611-3-1', 'L611-4', 'L611-20', 'D611-1', 'R611-2', 'A611-1']);
    expect(articleNumberSortKey('L611-3') < articleNumberSortKey('L611-3-1')).toBe(true);
    expect(articleNumberSortKey('39') < articleNumberSortKey('39 bis')).toBe(true);
    expect(articleNumberSortKey('39 bis') < articleNumberSortKey('39 ter')).toBe(true);
    expect(articleNumberSortKey('39 quater') < articleNumberSortKey('39-1')).toBe(true);
  });

  it('agrees with the reading order of the real codes inside their sections', () => {
    // LEGI lists a few articles out of number order (renumberings, CRPA's L and R articles side by
    // side in one section): count the pairs of neighbours in order.
    let pairs = 0;
    let agreeing = 0;
    for (const tree of trees) {
      for (const nums of sectionsArticleNums(tree)) {
        for (let i = 1; i < nums.length; i++) {
          pairs++;
          if (compareArticleNumbers(nums[i - 1] ?? '', nums[i] ?? '') < 0) agreeing++;
        }
      }
    }
    expect(pairs).toBeGreaterThan(21_000);
    expect(agreeing / pairs).toBeGreaterThan(0.99);
  });
});
