import { HtmlRenderer, Parser } from 'commonmark';
import { describe, expect, it } from 'vitest';
import { anchorAnnotations } from './anchor.ts';
import { articleAnnotationsToMarkdown, frenchDate, markdownText } from './markdown.ts';
import { renameRole, DEFAULT_PALETTE } from './roles.ts';
import { article, articleNote, passage, version } from './test-support.ts';

/** Markdown → HTML with the CommonMark reference implementation (raw HTML allowed, as most viewers do). */
const render = (markdown: string) => new HtmlRenderer().render(new Parser().parse(markdown));

const v1 = version('2010-04-01', [
  'La cotisation est due à raison de l’importation ou la livraison aux consommateurs de boissons d’une teneur en alcool supérieure à 25 % vol.',
  'Elle est acquittée par l’importateur.',
]);
// The second paragraph is gone in 2011.
const v2 = version('2011-12-23', [v1.paragraphs[0]!.replace('25 %', '18 %')], {
  amendedBy: 'Loi n°2011-1906 du 21 décembre 2011',
});
const art = article([v1, v2]);
const now = new Date('2026-12-01T10:00:00Z');

describe('markdownText', () => {
  it('HTML, script and Markdown in a note come out as the characters typed', () => {
    const note = [
      '<script>alert(1)</script> & <b>gras</b>',
      '**pas gras** _ni italique_ `ni code` [ni lien](javascript:alert(2)) ![ni image](x.png)',
      '# pas un titre',
      '- pas une liste',
      '1. pas une liste numérotée',
      '> pas une citation',
      '    pas du code',
      '===',
      '&lt;entité&gt; | tableau | ~~barré~~ \\ antislash',
    ].join('\n');
    const html = render(markdownText(note));
    expect(html).not.toMatch(/<(script|b|strong|em|code|a|img|h1|ul|ol|li|blockquote|pre|table|del)\b/);
    // Back to text: the HTML's text content is exactly the note, line for line.
    const text = html
      .replace(/<br \/>\n?/g, '\n')
      .replace(/<\/?p>\n?/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
      .replace(/\u00a0/g, ' ')
      .trimEnd();
    expect(text).toBe(note);
  });

  it('keeps line breaks and blank lines, emoji and right-to-left text', () => {
    expect(render(markdownText('Ligne 1\nLigne 2\n\nAutre paragraphe 😀 مرحبا'))).toBe(
      '<p>Ligne 1<br />\nLigne 2</p>\n<p>Autre paragraphe 😀 مرحبا</p>\n',
    );
  });
});

describe('articleAnnotationsToMarkdown', () => {
  it('writes the article, the version, the notes, the passages in text order and the orphans', () => {
    const annotations = [
      passage(v1, 'l’importateur', { id: 'o', role: 'a-verifier', note: 'Qui est redevable ?', now: now }),
      passage(v1, 'supérieure à 25 % vol', { id: 'r', role: 'sanction', note: '<script>alert(1)</script>', tags: ['taux'], now: now }),
      passage(v1, 'La cotisation est due', { id: 'd', role: 'condition', now: now }),
      { ...articleNote(v1, 'À relire avant la visite.'), id: 'n', createdAt: now.toISOString(), updatedAt: now.toISOString() },
    ];
    const anchors = anchorAnnotations(annotations, art, art.versions[1]!);
    expect([...anchors.values()].map((a) => a.status)).toEqual(['orphan', 'changed', 'attached', 'attached']);
    const markdown = articleAnnotationsToMarkdown({
      article: { num: 'L245-8', codeTitle: 'Code de la sécurité sociale' },
      version: art.versions[1]!,
      annotations,
      anchors,
      palette: renameRole(DEFAULT_PALETTE, 'sanction', 'pénalité'),
      exportedAt: now,
    });
    expect(markdown).toBe(`# Article L245-8 — Code de la sécurité sociale

Version depuis le 23 décembre 2011 (en vigueur), issue de : Loi n°2011-1906 du 21 décembre 2011.

Annotations exportées de Palimpseste le 1er décembre 2026.

## Notes sur l’article

À relire avant la visite.

_Créée le 1er décembre 2026._

## Passages annotés

### 1. condition — attachée

> La cotisation est due

_Créée le 1er décembre 2026._

### 2. pénalité — texte modifié depuis l’annotation

> supérieure à 18 % vol

Texte annoté (version du 1er avril 2010) :

> supérieure à 25 % vol

Étiquettes : taux

\\<script\\>alert(1)\\</script\\>

_Créée le 1er décembre 2026._

## Annotations orphelines

Le texte annoté ne se retrouve pas dans cette version.

### 1. à vérifier — orpheline

Texte annoté (version du 1er avril 2010) :

> l’importateur

Qui est redevable ?

_Créée le 1er décembre 2026._
`);
    expect(render(markdown)).not.toContain('<script');
    expect(render(markdown)).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('says so when the article has no annotation', () => {
    const markdown = articleAnnotationsToMarkdown({
      article: { num: 'L1', codeTitle: 'Code' },
      version: { validFrom: '2000-01-01', validTo: '2001-01-01', status: 'MODIFIE' },
      annotations: [],
      anchors: new Map(),
      exportedAt: now,
    });
    expect(markdown).toContain('Version du 1er janvier 2000 au 1er janvier 2001 (modifiée depuis).');
    expect(markdown).toContain('Aucune annotation sur cet article.');
  });

  it('dates in French', () => {
    expect(frenchDate('2006-01-01')).toBe('1er janvier 2006');
    expect(frenchDate('2011-12-23')).toBe('23 décembre 2011');
  });
});
