import { describe, expect, it } from 'vitest';
import type { SourceImport } from './sources/source-import.ts';
import { replicateImports } from './synthetic-corpus.ts';

const css = 'code-de-la-securite-sociale';
const source: SourceImport = {
  info: { id: 'lexlib-css', kind: 'lexlib', path: 'x.bundle', revision: 'abc', codes: [css] },
  codes: [
    {
      id: css,
      title: 'Code de la sécurité sociale',
      legiTextId: 'LEGITEXT000006073189',
      toc: [{ id: 's1', title: 'Titre Ier', level: 'titre', children: [], articles: [`${css}/LEGIARTI000006743538`] }],
    },
  ],
  articles: [
    {
      code: css,
      num: 'L611-3',
      legiId: 'LEGIARTI000006743538',
      versions: [{ validFrom: '1985-06-25', paragraphs: ['Les caisses mutuelles régionales…'], links: [] }],
    },
  ],
  changeSets: [
    {
      code: css,
      date: '2006-01-28',
      amendingTexts: [],
      created: [],
      modified: [`${css}/LEGIARTI000006743538`],
      repealed: [],
      source: 'lexlib-css',
    },
  ],
  warnings: [{ source: 'lexlib-css', path: 'x', message: 'm' }] as SourceImport['warnings'],
};

describe('the synthetic corpus of the scale bench', () => {
  it('copies every code under another id and title, its ids moved with it, the texts unchanged', () => {
    const copies = replicateImports([source], 3);
    expect(copies.map((c) => c.codes[0]!.id)).toEqual([`${css}-copie-2`, `${css}-copie-3`]);
    const [second] = copies;
    expect(second!.codes[0]!.title).toBe('Code de la sécurité sociale (copie 2)');
    expect(second!.codes[0]!.legiTextId).toBeUndefined();
    expect(second!.codes[0]!.toc![0]!.articles).toEqual([`${css}-copie-2/LEGIARTI000006743538`]);
    expect(second!.articles[0]!.code).toBe(`${css}-copie-2`);
    expect(second!.articles[0]!.versions[0]!.paragraphs).toEqual(source.articles[0]!.versions[0]!.paragraphs);
    expect(second!.changeSets![0]!.modified).toEqual([`${css}-copie-2/LEGIARTI000006743538`]);
    expect(second!.info.id).toBe('lexlib-css-copie-2');
    // The warnings are the original's: not repeated.
    expect(second!.warnings).toEqual([]);
    // The original is untouched.
    expect(source.articles[0]!.code).toBe(css);
  });
});
