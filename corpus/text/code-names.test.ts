import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { codeIdFromTitle } from '../model/ids.ts';
import type { CodeMention } from './code-names.ts';
import { cleanCodeTitle, createCodeNameMatcher } from './code-names.ts';

/** Every French code as legi-data's index lists it (107 texts, in force or not), in force first. */
const require = createRequire(import.meta.url);
const indexFile = require.resolve('@socialgouv/legi-data/package.json').replace(/package\.json$/, 'data/index.json');
const index = (JSON.parse(readFileSync(indexFile, 'utf8')) as { titre: string; etat: string }[]).sort(
  (a, b) => Number(a.etat !== 'VIGUEUR') - Number(b.etat !== 'VIGUEUR'),
);
const matcher = createCodeNameMatcher(index.map((entry) => entry.titre));

/** The mentions of a sentence as `kind:code` and the words they cover. */
function mentionsOf(text: string): [string, string][] {
  return matcher.findMentions(text).map((m: CodeMention) => [`${m.kind}:${m.code ?? ''}`, text.slice(m.start, m.end)]);
}

describe('cleanCodeTitle', () => {
  it('writes titles as running text does', () => {
    expect(cleanCodeTitle('Code de la sécurité sociale.')).toBe('Code de la sécurité sociale');
    expect(cleanCodeTitle('Code général des impôts, CGI.')).toBe('Code général des impôts');
    expect(cleanCodeTitle('Code général des impôts, annexe 4, CGIAN4.')).toBe('Code général des impôts, annexe 4');
    expect(cleanCodeTitle('Code forestier (nouveau)')).toBe('Code forestier');
    expect(cleanCodeTitle("Code de l'entrée et du séjour des étrangers et du droit d'asile.")).toBe(
      "Code de l'entrée et du séjour des étrangers et du droit d'asile",
    );
  });
});

describe('createCodeNameMatcher', () => {
  it('knows every title of the index, and gives each the id of its cleaned title', () => {
    expect(index.length).toBe(107);
    for (const { titre } of index) {
      const clean = cleanCodeTitle(titre);
      const code = matcher.codeOfTitle(titre);
      expect(code, titre).toBeDefined();
      // Several LEGI texts share a title (old editions): the first given wins, so the id is the title's.
      expect(code, titre).toBe(codeIdFromTitle(clean));
      const [mention] = matcher.findMentions(`les dispositions du ${clean.charAt(0).toLowerCase()}${clean.slice(1)} sont applicables`);
      expect(mention?.code, titre).toBe(code);
    }
  });

  it('finds the codes named in seed 000 (L611-3, 1995)', () => {
    // « …par des organismes régis, soit par le code de la mutualité, soit par le code des assurances… »
    expect(
      mentionsOf('à des organismes régis, soit par le code de la mutualité, soit par le code des assurances, ou à des groupements'),
    ).toEqual([
      ['named:code-de-la-mutualite', 'par le code de la mutualité'],
      ['named:code-des-assurances', 'par le code des assurances'],
    ]);
  });

  it('tells « présent », « même », « dudit », « précité » apart (real sentences of the sécurité sociale code)', () => {
    // D351-16
    expect(
      mentionsOf("à l'article L. 124-6 du même code et effectuées par des étudiants mentionnés à l'article L. 381-4 du présent code"),
    ).toEqual([
      ['same:', 'du même code'],
      ['present:', 'du présent code'],
    ]);
    // L131-4-2
    expect(mentionsOf("en application de l'article L. 2242-20 dudit code, le deuxième alinéa")).toEqual([['same:', 'dudit code']]);
    // L136-1-2, 11°
    expect(mentionsOf("l'option prévue au deuxième alinéa de l'article L. 224-20 du code précité ;")).toEqual([
      ['same:', 'du code précité'],
    ]);
    // L135-2, b (the determiner « à ce » is part of the mention, as « à la » is)
    expect(mentionsOf('la réduction mentionnée à ce même code')).toEqual([['same:', 'à ce même code']]);
  });

  it('takes the longest title: « code du travail maritime » is not the code du travail (R5523-12 of the code du travail)', () => {
    expect(
      mentionsOf(
        "Pour les marins, les autorisations mentionnées à l'article R. 5523-10 sont délivrées par l'autorité maritime dans les conditions fixées au code du travail maritime.",
      ),
    ).toEqual([['named:code-du-travail-maritime', 'au code du travail maritime']]);
  });

  it('reads the titles the texts misspell (R382-8, L433-1 notas)', () => {
    expect(mentionsOf("aux dispositions de l'article R. 382-8 du code de sécurité sociale, la durée")).toEqual([
      ['named:code-de-la-securite-sociale', 'du code de sécurité sociale'],
    ]);
    expect(mentionsOf("L'article L. 433-1 du Code la Sécurité sociale autorise")).toEqual([
      ['named:code-de-la-securite-sociale', 'du Code la Sécurité sociale'],
    ]);
    expect(mentionsOf("l'article L. 121-4 du code du commerce, l'assiette")).toEqual([['named:code-de-commerce', 'du code du commerce']]);
  });

  it('names the livre des procédures fiscales, not « livre Ier du présent code »', () => {
    // L114-14
    expect(mentionsOf('conformément aux dispositions prévues par le livre des procédures fiscales, et notamment')).toEqual([
      ['named:livre-des-procedures-fiscales', 'par le livre des procédures fiscales'],
    ]);
    expect(mentionsOf('les dispositions du livre Ier du présent code')).toEqual([['present:', 'du présent code']]);
  });

  it('marks « code » as a common noun unknown (R161-52, D161-20)', () => {
    expect(mentionsOf("d'activer la carte au moyen d'un code confidentiel ;")).toEqual([['unknown:', 'code']]);
    expect(mentionsOf('Le code identifiant la spécialité')).toEqual([['unknown:', 'Le code']]);
  });
});
