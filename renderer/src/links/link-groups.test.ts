import { describe, expect, it } from 'vitest';
import type { Link } from '../../../corpus/model/model.ts';
import { groupLinks, linkStatusLabel } from './link-groups.ts';

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
