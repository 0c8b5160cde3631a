import { describe, expect, it } from 'vitest';
import type { Annotation } from './annotation.ts';
import type { AnchorStatus } from './anchor.ts';
import { renameRole } from './roles.ts';
import { AnnotationIndex, annotationCounts } from './search.ts';
import { articleNote, passage, version } from './test-support.ts';

const v = version('2000-01-01', [
  'Les cotisations de sécurité sociale sont dues par l’employeur.',
  'La caisse peut accorder des remises de majorations de retard.',
]);
const CSS = { id: 'code-de-la-securite-sociale/LEGIARTI000006743538', code: 'code-de-la-securite-sociale', num: 'L611-3' };
const CSS2 = { id: 'code-de-la-securite-sociale/LEGIARTI000006742151', code: 'code-de-la-securite-sociale', num: 'L611-20' };
const MUT = { id: 'code-de-la-mutualite/LEGIARTI000006000001', code: 'code-de-la-mutualite', num: 'L111-1' };

const at = (day: number) => new Date(Date.UTC(2026, 0, day));
const annotations: Annotation[] = [
  passage(v, 'cotisations de sécurité sociale', {
    id: 'a',
    meta: CSS,
    note: 'Cotisation due même en cas de contrôle URSSAF.',
    tags: ['Visite 2026'],
    now: at(3),
  }),
  passage(v, 'remises de majorations', { id: 'b', meta: CSS, role: 'sanction', note: 'Voir la circulaire sur les remises.', now: at(1) }),
  passage(v, 'l’employeur', {
    id: 'c',
    meta: CSS2,
    role: 'delai',
    note: 'Securite juridique : à confirmer.',
    tags: ['visite 2026', 'urgent'],
    now: at(2),
  }),
  {
    ...articleNote(v, 'Article abrogé en 2018 : lire L613-1.', MUT),
    id: 'd',
    createdAt: at(4).toISOString(),
    updatedAt: at(4).toISOString(),
  },
];
const statuses = new Map<string, AnchorStatus>([
  ['a', 'attached'],
  ['b', 'changed'],
  ['c', 'orphan'],
  ['d', 'attached'],
]);
const index = new AnnotationIndex(annotations, { statuses });
const ids = (text: string, extra: Parameters<AnnotationIndex['search']>[0] = {}) =>
  index.search({ text, ...extra }).hits.map((h) => h.annotation.id);

describe('AnnotationIndex', () => {
  it('searches notes, quotes, tags and colour labels with the French analysis of the corpus search', () => {
    expect(ids('cotisations')).toEqual(['a']); // « Cotisation » in the note, « cotisations » in the quote
    expect(ids('sécurité', { sort: 'oldest' })).toEqual(['c', 'a']); // « sécurité » quoted, « Securite » noted
    expect(ids('securite', { sort: 'oldest' })).toEqual(['c', 'a']);
    expect(ids('remise')).toEqual(['b']);
    expect(ids('sanction')).toEqual(['b']); // the colour's label
    expect(ids('urgent')).toEqual(['c']); // a tag
    expect(ids('"de majorations"')).toEqual(['b']);
    expect(ids('"majorations de remises"')).toEqual([]);
    expect(ids('cotisat*')).toEqual(['a']);
    expect(ids('visite -urssaf')).toEqual(['c']);
    expect(ids('abrogé')).toEqual(['d']);
  });

  it('an article number typed in any form finds that article’s annotations', () => {
    expect(ids('L. 611-3', { sort: 'oldest' })).toEqual(['b', 'a']);
    expect(ids('art. L611-20')).toEqual(['c']);
  });

  it('filters by code, colour, tag (case and accents aside) and status, and combines them', () => {
    expect(ids('', { codes: ['code-de-la-mutualite'] })).toEqual(['d']);
    expect(ids('', { roles: ['sanction', 'delai'], sort: 'oldest' })).toEqual(['b', 'c']);
    expect(ids('', { tags: ['VISITE 2026'], sort: 'oldest' })).toEqual(['c', 'a']);
    expect(ids('', { statuses: ['orphan', 'changed'], sort: 'oldest' })).toEqual(['b', 'c']);
    expect(ids('', { tags: ['visite 2026'], statuses: ['attached'] })).toEqual(['a']);
    expect(ids('', { articles: [CSS2.id] })).toEqual(['c']);
  });

  it('sorts by last edit, by creation or by article (code, number in reading order, place in the text)', () => {
    expect(ids('')).toEqual(['d', 'a', 'c', 'b']);
    expect(ids('', { sort: 'oldest' })).toEqual(['b', 'c', 'a', 'd']);
    expect(ids('', { sort: 'article' })).toEqual(['d', 'a', 'b', 'c']);
  });

  it('pages the results and gives the total', () => {
    const page = index.search({ sort: 'oldest', offset: 1, limit: 2 });
    expect(page.total).toBe(4);
    expect(page.hits.map((h) => h.annotation.id)).toEqual(['c', 'a']);
    expect(page.hits.map((h) => h.status)).toEqual(['orphan', 'attached']);
  });

  it('gives where the query matches in the note and the quote, to highlight', () => {
    const [hit] = index.search({ text: 'cotisations' }).hits;
    const a = annotations[0]!;
    expect(hit!.highlights).toEqual([
      { field: 'note', start: 0, end: 'Cotisation'.length },
      { field: 'quote', start: 0, end: 'cotisations'.length },
    ]);
    expect(a.note.slice(0, 10)).toBe('Cotisation');
  });

  it('searches the user’s name for a colour, and lists the tags in use', () => {
    const renamed = new AnnotationIndex(annotations, { palette: renameRole({ labels: {} }, 'sanction', 'pénalité') });
    expect(renamed.search({ text: 'penalite' }).hits.map((h) => h.annotation.id)).toEqual(['b']);
    expect(renamed.search({ text: 'sanction' }).total).toBe(0);
    expect(index.tags()).toEqual([
      { tag: 'Visite 2026', count: 2 },
      { tag: 'urgent', count: 1 },
    ]);
  });

  it('stays current after an edit, an addition and a removal, without a rebuild', () => {
    const live = new AnnotationIndex(annotations, { statuses });
    const edited = { ...annotations[1]!, note: 'Prescription biennale.', updatedAt: at(9).toISOString() };
    live.upsert(edited, 'attached');
    expect(live.search({ text: 'remises' }).hits.map((h) => h.annotation.id)).toEqual(['b']); // still in its quote
    expect(live.search({ text: 'circulaire' }).total).toBe(0); // the old note is gone
    expect(live.search({ text: 'prescript*' }).hits.map((h) => [h.annotation.id, h.status])).toEqual([['b', 'attached']]);
    expect(live.search({}).hits.map((h) => h.annotation.id)).toEqual(['b', 'd', 'a', 'c']);
    live.upsert(passage(v, 'majorations de retard', { id: 'e', meta: MUT, note: 'Nouvelle annotation', now: at(5) }));
    expect(live.search({ sort: 'article' }).hits.map((h) => h.annotation.id)).toEqual(['d', 'e', 'a', 'b', 'c']);
    live.remove('a');
    live.setStatus('c', 'attached');
    expect(live.size).toBe(4);
    expect(live.search({ text: 'cotisations' }).total).toBe(0);
    expect(live.search({ statuses: ['attached'], sort: 'oldest' }).hits.map((h) => h.annotation.id)).toEqual(['b', 'c', 'd']); // « e » was added without a status
  });

  it('counts annotations per article (the mark in the table of contents)', () => {
    expect(annotationCounts(annotations)).toEqual(
      new Map([
        [CSS.id, 2],
        [CSS2.id, 1],
        [MUT.id, 1],
      ]),
    );
  });
});
