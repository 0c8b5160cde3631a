import { describe, expect, it } from 'vitest';
import { anchorAnnotation } from './anchor.ts';
import {
  AnnotationInputError,
  CONTEXT_LENGTH,
  createArticleNote,
  createPassageAnnotation,
  editAnnotation,
  normalizeTags,
  NOTE_MAX_LENGTH,
  type Annotation,
} from './annotation.ts';
import { annotationSchema } from './annotation-schema.ts';
import { ArticleText } from './article-text.ts';
import { DEFAULT_PALETTE, renameRole, roleLabel, ROLE_IDS, ROLE_STYLES, RoleLabelError } from './roles.ts';
import { article, passage, TEST_ARTICLE, version } from './test-support.ts';

const P = 'Les caisses mutuelles régionales sont responsables, dans leur circonscription, de la gestion du régime d’assurance maladie.';
const v = version('1985-12-21', [P, 'Un décret fixe les conditions d’application du présent article.']);

describe('createPassageAnnotation', () => {
  it('stores the quote with its context cut at word boundaries, the position and the paragraphs', () => {
    const a = passage(v, 'dans leur circonscription');
    expect(a.target).toEqual({
      kind: 'passage',
      paragraph: 0,
      paragraphEnd: 0,
      quote: {
        type: 'TextQuoteSelector',
        exact: 'dans leur circonscription',
        // 32 characters back would cut « mutuelles » … « régionales »: the context starts at a whole word.
        prefix: 'régionales sont responsables, ',
        suffix: ', de la gestion du régime',
      },
      position: { type: 'TextPositionSelector', start: P.indexOf('dans'), end: P.indexOf('dans') + 'dans leur circonscription'.length },
    });
    if (a.target.kind !== 'passage') throw new Error('passage');
    expect(a.target.quote.prefix.length).toBeLessThanOrEqual(CONTEXT_LENGTH);
    expect(P.slice(P.indexOf('dans') - 32, P.indexOf('dans'))).toMatch(/^\S/); // the 32-character cut was inside a word
    expect(annotationSchema.parse(a)).toEqual(a);
  });

  it('widens a selection to whole words and trims its spaces; a selection of spaces only is refused', () => {
    const text = new ArticleText(v.paragraphs);
    const start = P.indexOf('ponsables'); // inside « responsables »
    const a = createPassageAnnotation({
      article: TEST_ARTICLE,
      version: { validFrom: v.validFrom },
      text,
      start: { paragraph: 0, offset: start },
      end: { paragraph: 0, offset: P.indexOf('dans') + 2 },
      role: 'condition',
    });
    expect(a.target.kind === 'passage' && a.target.quote.exact).toBe('responsables, dans');
    expect(() =>
      createPassageAnnotation({
        article: TEST_ARTICLE,
        version: { validFrom: v.validFrom },
        text,
        start: { paragraph: 0, offset: 3 },
        end: { paragraph: 0, offset: 4 },
        role: 'condition',
      }),
    ).toThrow(AnnotationInputError);
    // A caret (an empty selection) is not a passage either.
    expect(() =>
      createPassageAnnotation({
        article: TEST_ARTICLE,
        version: { validFrom: v.validFrom },
        text,
        start: { paragraph: 0, offset: 10 },
        end: { paragraph: 0, offset: 10 },
        role: 'condition',
      }),
    ).toThrow('La sélection ne contient aucun mot');
  });

  it('a selection made backwards (focus before anchor) is the same passage', () => {
    const text = new ArticleText(v.paragraphs);
    const make = (from: number, to: number) =>
      createPassageAnnotation({
        article: TEST_ARTICLE,
        version: { validFrom: v.validFrom },
        text,
        start: text.toPoint(from),
        end: text.toPoint(to),
        role: 'condition',
        id: 'x',
        now: new Date(0),
      });
    expect(make(10, 30)).toEqual(make(30, 10));
  });

  it('keeps a note of 100,000 characters whole; refuses one over the limit with a French message', () => {
    const note = 'Lorem ipsum dolor sit amet. '.repeat(4000).slice(0, 100_000);
    const a = passage(v, 'Un décret', { note });
    expect(a.note.length).toBe(100_000);
    expect(annotationSchema.parse(a).note).toBe(note);
    expect(() => passage(v, 'Un décret', { note: 'x'.repeat(NOTE_MAX_LENGTH + 1) })).toThrow(/limitée à 1\s000\s000 caractères/);
  });

  it('emoji and right-to-left text, in the note and in the text annotated, are kept and anchored', () => {
    const mixed = version('2020-01-01', ['Le bénéficiaire 👩‍⚖️ reçoit l’avis : « مرحبا بالعالم » et « שלום עולם » 🇫🇷 selon le cas.']);
    const a = passage(mixed, '« مرحبا بالعالم » et « שלום עולם » 🇫🇷', { note: 'À traduire 🙂 — ملاحظة بالعربية' });
    expect(annotationSchema.parse(a)).toEqual(a);
    const later = version('2021-01-01', [
      'Désormais, le bénéficiaire 👩‍⚖️ reçoit l’avis : « مرحبا بالعالم » et « שלום עולם » 🇫🇷 selon le cas.',
    ]);
    const anchor = anchorAnnotation(a, article([mixed, later]), later);
    expect(anchor).toMatchObject({ status: 'attached', range: { text: '« مرحبا بالعالم » et « שלום עולם » 🇫🇷' } });
    // Never cuts an emoji in two: the selection ends inside the flag's surrogate pair, and is widened.
    const text = new ArticleText(mixed.paragraphs);
    const flag = mixed.paragraphs[0]!.indexOf('🇫🇷');
    const b = createPassageAnnotation({
      article: TEST_ARTICLE,
      version: { validFrom: mixed.validFrom },
      text,
      start: { paragraph: 0, offset: flag - 3 },
      end: { paragraph: 0, offset: flag + 1 },
      role: 'definition',
    });
    expect(b.target.kind === 'passage' && b.target.quote.exact.endsWith('\ud83c\uddeb')).toBe(true);
    expect(b.target.kind === 'passage' && b.target.quote.exact.startsWith('»')).toBe(true);
  });

  it('HTML or script in a note is kept as the characters typed (it is text)', () => {
    const a = passage(v, 'Un décret', { note: '<script>alert(1)</script><img src=x onerror=alert(2)>' });
    expect(annotationSchema.parse(a).note).toBe('<script>alert(1)</script><img src=x onerror=alert(2)>');
  });
});

describe('the annotation schema', () => {
  const valid = passage(v, 'Un décret', { tags: ['visite'], id: 'abc' });

  it('refuses a passage without a colour, a position that does not match the quote, a bad date, an unknown colour', () => {
    const { role: _role, ...noRole } = valid;
    expect(annotationSchema.safeParse(noRole).success).toBe(false);
    const shifted = { ...valid, target: { ...valid.target, position: { type: 'TextPositionSelector', start: 0, end: 3 } } };
    expect(annotationSchema.safeParse(shifted).error?.issues[0]?.message).toBe(
      'la position ne correspond pas à la longueur de la citation',
    );
    expect(annotationSchema.safeParse({ ...valid, version: { validFrom: '21/12/1985' } }).success).toBe(false);
    expect(annotationSchema.safeParse({ ...valid, role: 'rouge' }).success).toBe(false);
    expect(annotationSchema.safeParse({ ...valid, id: '../../etc' }).success).toBe(false);
    expect(annotationSchema.safeParse({ ...valid, article: { ...valid.article, code: 'code-du-travail' } }).success).toBe(false);
  });

  it('accepts a whole-article note without selector and without colour', () => {
    const note = createArticleNote({ article: TEST_ARTICLE, version: { validFrom: '2000-01-01' }, note: 'À lire avec L611-4.' });
    expect(note.target).toEqual({ kind: 'article' });
    expect(annotationSchema.parse(note)).toEqual(note);
  });
});

describe('editAnnotation', () => {
  it('changes the note, tags and colour and the edit date, never the selectors', () => {
    const a = passage(v, 'Un décret', { now: new Date('2026-01-01T00:00:00Z') });
    const edited = editAnnotation(
      a,
      { note: 'Nouveau', tags: [' urgent ', 'Urgent', 'visite  2026'], role: 'delai' },
      new Date('2026-02-01T00:00:00Z'),
    );
    expect(edited).toEqual({
      ...a,
      note: 'Nouveau',
      tags: ['urgent', 'visite 2026'],
      role: 'delai',
      updatedAt: '2026-02-01T00:00:00.000Z',
    });
    expect(edited.target).toBe(a.target);
    expect(() => editAnnotation(a, { role: null })).toThrow(AnnotationInputError);
    const note: Annotation = createArticleNote({
      article: TEST_ARTICLE,
      version: { validFrom: '2000-01-01' },
      note: 'n',
      role: 'sanction',
    });
    expect(editAnnotation(note, { role: null }).role).toBeUndefined();
  });

  it('tags: trimmed, deduplicated case and accents aside, bounded', () => {
    expect(normalizeTags(['Délai', 'delai', '', '  ', 'URSSAF'])).toEqual(['Délai', 'URSSAF']);
    expect(() => normalizeTags(['x'.repeat(61)])).toThrow(AnnotationInputError);
  });
});

describe('roles', () => {
  it('six roles, each with its own print pattern and letter, so they differ in black and white', () => {
    expect(ROLE_IDS.map((id) => roleLabel(DEFAULT_PALETTE, id))).toEqual([
      'condition',
      'exception',
      'sanction',
      'délai',
      'définition',
      'à vérifier',
    ]);
    expect(new Set(ROLE_IDS.map((id) => ROLE_STYLES[id].pattern)).size).toBe(6);
    expect(new Set(ROLE_IDS.map((id) => ROLE_STYLES[id].letter)).size).toBe(6);
  });

  it('renaming: trimmed, back to the default when emptied, refused when it clashes or is too long', () => {
    const renamed = renameRole(DEFAULT_PALETTE, 'delai', '  Délai de prescription ');
    expect(roleLabel(renamed, 'delai')).toBe('Délai de prescription');
    expect(roleLabel(renameRole(renamed, 'delai', ''), 'delai')).toBe('délai');
    expect(() => renameRole(DEFAULT_PALETTE, 'sanction', 'Condition')).toThrow(RoleLabelError);
    expect(() => renameRole(DEFAULT_PALETTE, 'sanction', 'x'.repeat(41))).toThrow(RoleLabelError);
  });
});
