import { describe, expect, it } from 'vitest';
import type { Link } from '../../../corpus/model/model.ts';
import { groupLinks, linkArticle, linkStatusLabel, textCitations } from './link-groups.ts';

// Entries of the links of L611-3 (Code de la sécurité sociale, lexlib bundle, 2025-01-01).
const links: Link[] = [
  {
    kind: 'formerTexts',
    label: 'Loi n°66-509 1966-07-12 art. 14 al. 1, al. 2, al. 3, al. 4, al. 6',
    text: 'Loi n°66-509 1966-07-12',
    status: '',
    origin: 'list',
  },
  {
    kind: 'citedBy',
    label: 'Code de la mutualité - art. L111-1 (V)',
    text: 'Code de la mutualité',
    articleNum: 'L111-1',
    status: 'V',
    origin: 'list',
  },
  {
    kind: 'citedBy',
    label: 'Code de la sécurité sociale. - art. L611-4 (M)',
    text: 'Code de la sécurité sociale',
    articleNum: 'L611-4',
    status: 'M',
    origin: 'list',
  },
  {
    kind: 'cites',
    label: 'Code de la sécurité sociale. - art. L611-1',
    text: 'Code de la sécurité sociale',
    articleNum: 'L611-1',
    status: '',
    origin: 'text',
  },
];

describe('groupLinks', () => {
  it('orders the lists as Légifrance does and keeps the entries in source order', () => {
    const groups = groupLinks(links);
    expect(groups.map((g) => g.title)).toEqual(['Cite', 'Cité par', 'Anciens textes']);
    expect(groups[1]?.links.map((l) => l.articleNum)).toEqual(['L111-1', 'L611-4']);
  });

  it('spells out status codes', () => {
    expect(linkStatusLabel('Ab')).toBe('abrogé');
    expect(linkStatusLabel('M')).toBe('modifié');
    expect(linkStatusLabel('')).toBe('');
  });
});

describe('one line per article, one line per amending text', () => {
  // « Cité par » of L611-1 at 2021 (compiled corpus): L131-6-4 twice, under two LEGI ids.
  const twice: Link[] = ['LEGIARTI000036366378', 'LEGIARTI000036366764'].map((legi) => ({
    kind: 'citedBy',
    label: 'Code de la sécurité sociale - art. L131-6-4',
    text: 'Code de la sécurité sociale',
    articleNum: 'L131-6-4',
    status: 'V',
    target: `code-de-la-securite-sociale/${legi}`,
    origin: 'text',
  }));
  it('lists an article once in a list', () => {
    expect(groupLinks(twice)[0]?.links).toEqual([twice[0]]);
  });
  it('prefers the source’s own entry to the one computed from the texts', () => {
    const listed: Link = {
      ...twice[1]!,
      label: 'Code de la sécurité sociale. - art. L131-6-4 (V)',
      text: 'Code de la sécurité sociale.',
      origin: 'list',
    };
    expect(groupLinks([twice[0]!, listed])[0]?.links).toEqual([listed]);
  });
  it('writes each amending text once, with its articles', () => {
    // « Modifié par » entries of the Code de la sécurité sociale (compiled corpus).
    const modified: Link[] = [
      'Décret n°2006-83 du 27 janvier 2006 - art. 1 () JORF 28 janvier 2006',
      'Décret n°2006-83 2006-01-27 art. 1 I, II JORF 28 janvier 2006',
      'Loi n°2005-1564 du 15 décembre 2005 - art. 14 (V) JORF 16 décembre 2005',
    ].map((label) => ({ kind: 'modifiedBy', label, text: label.split(/ - | art/)[0]!, status: 'V', origin: 'list' }));
    expect(groupLinks(modified)[0]?.links.map((l) => l.label)).toEqual([
      'Décret n° 2006-83 du 27 janvier 2006, art. 1er, I et II (JORF du 28 janvier 2006)',
      'Loi n° 2005-1564 du 15 décembre 2005, art. 14 (JORF du 16 décembre 2005)',
    ]);
  });
});

describe('textCitations', () => {
  const title = (code: string) => (code === 'code-de-la-securite-sociale' ? 'Code de la sécurité sociale' : code);
  it('adds the references of the text that the « Cite » list does not name, once each', () => {
    const target = 'code-de-la-securite-sociale/LEGIARTI000006743599';
    const references = [
      { paragraph: 0, start: 10, end: 17, num: 'L611-1', target: 'code-de-la-securite-sociale/LEGIARTI000006743530' },
      { paragraph: 0, start: 30, end: 37, num: 'D612-9', target },
      { paragraph: 1, start: 3, end: 10, num: 'D612-9', target },
      { paragraph: 1, start: 20, end: 27, num: 'L621-70', unresolved: 'code-not-in-corpus' as const },
    ];
    expect(textCitations(links, references, title)).toEqual([
      {
        kind: 'cites',
        label: 'Code de la sécurité sociale - art. D612-9',
        text: 'Code de la sécurité sociale',
        articleNum: 'D612-9',
        status: '',
        target,
        origin: 'text',
      },
    ]);
  });
  it('opens an entry of a corpus code by its number, and nothing else', () => {
    const codes = new Set(['code-de-la-securite-sociale', 'code-de-la-mutualite']);
    expect(linkArticle(links[1]!, codes)).toEqual({ code: 'code-de-la-mutualite', num: 'L111-1' });
    expect(linkArticle(links[0]!, codes)).toBeUndefined();
  });
});
