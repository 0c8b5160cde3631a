import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { createCodeNameMatcher } from './code-names.ts';
import { endsQuotation, findQuotations, leadingMarks, resumesList, startsQuotation } from './quotations.ts';

const require = createRequire(import.meta.url);
const indexFile = require.resolve('@socialgouv/legi-data/package.json').replace(/package\.json$/, 'data/index.json');
const matcher = createCodeNameMatcher((JSON.parse(readFileSync(indexFile, 'utf8')) as { titre: string }[]).map((entry) => entry.titre));

function quotationsOf(text: string) {
  const mentions = matcher.findMentions(text);
  const found = findQuotations(text, mentions);
  return {
    quoted: found.quotations.map((q) => [text.slice(q.start, q.end), mentions[q.mention]!.code, q.open]),
    announces: found.announces === undefined ? undefined : mentions[found.announces]!.code,
  };
}

describe('findQuotations (real sentences)', () => {
  it('the words an amending text quotes belong to the code it amends (D732-75 of the Code rural, 2026)', () => {
    const text =
      'c) A l\'article D. 351-14-1 du code de la sécurité sociale, les mots : "aux articles D. 351-8 et D. 351-9" sont remplacés par les mots : "à l\'article D. 732-77 du code rural et de la pêche maritime" ;';
    const { quoted } = quotationsOf(text);
    expect(quoted[0]).toEqual(['"aux articles D. 351-8 et D. 351-9"', 'code-de-la-securite-sociale', false]);
  });

  it('a paragraph ending « … du code de la sécurité sociale ci-après reproduit : » announces that code’s text (L1271-3 of the Code du travail, 2008)', () => {
    const text =
      "Les règles relatives à la déclaration du chèque emploi-service universel et aux modalités de transmission aux salariés du document valant bulletin de paie au sens de l'article L. 3243-2 sont fixées par l'article L. 133-8 du code de la sécurité sociale ci-après reproduit :";
    expect(quotationsOf(text)).toEqual({ quoted: [], announces: 'code-de-la-securite-sociale' });
    expect(startsQuotation('" Art.L. 133-8.-Le chèque emploi-service universel')).toBe(true);
    expect(endsQuotation('remise du bulletin de paie prévue à l\'article L. 3243-2 du code du travail. "')).toBe(true);
  });

  it('a colon alone opens the article’s own list, not a quotation', () => {
    expect(
      quotationsOf(
        "Les dispositions de l'article L. 133-8 du code de la sécurité sociale s'appliquent dans les conditions suivantes : « 1° » ;",
      ),
    ).toEqual({
      quoted: [],
      announces: undefined,
    });
  });
});

describe('list marks', () => {
  it('reads the marks a paragraph opens with, outermost first, and where the own list resumes', () => {
    expect(leadingMarks('I. - 1° La fourniture')).toEqual([
      { kind: 'roman', rank: 1 },
      { kind: 'arabic', rank: 1 },
    ]);
    expect(leadingMarks('IV. - Les dispositions')).toEqual([{ kind: 'roman', rank: 4 }]);
    expect(resumesList("2° Pour l'application du 1°", { kind: 'arabic', rank: 1 })).toBe(true);
    expect(resumesList('a) Le montant', { kind: 'arabic', rank: 1 })).toBe(false);
  });
});
