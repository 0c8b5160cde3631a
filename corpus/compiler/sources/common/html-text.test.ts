import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { htmlToText, readAttribute } from './html-text.ts';
import { seedFile } from '../../../../tests/support/shared-corpus.ts';

const seed004 = seedFile('004');

describe('htmlToText', () => {
  it('reads seed 004 (L160-17): seven paragraphs, the NOTA apart, anchors with their titles', () => {
    const body = readFileSync(seed004, 'utf8').split('\n').slice(2).join('\n');
    const text = htmlToText(body, { detectNota: true });
    expect(text.paragraphs).toHaveLength(7);
    expect(text.paragraphs[0]).toMatch(
      /^La prise en charge des frais de santé mentionnée à l'article L\. 160-1 est effectuée, pour les personnes/,
    );
    expect(text.paragraphs[6]).toBe(
      'Ce décret détermine également les conditions dans lesquelles il peut être mis fin à ces opérations de gestion en cas de défaillance rendant impossible la gestion des régimes obligatoires dans des conditions normales.',
    );
    expect(text.nota).toEqual([
      "Conformément à l'article 59 XIII A de la loi n° 2015-1702 du 21 décembre 2015, le dernier alinéa du présent article s'applique aux mutuelles ou groupements mutualistes habilités avant le 1er janvier 2016 en application de l'article L. 211-4 du même code, dans sa rédaction antérieure à la présente loi.",
    ]);
    expect(text.anchors.map((a) => [a.text, a.title])).toEqual([
      ['L. 160-1', 'Code de la sécurité sociale. - art. L160-1 (V)'],
      ['L. 381-4', 'Code de la sécurité sociale. - art. L381-4 (V)'],
      ['L. 712-1 et L. 712-2', 'Code de la sécurité sociale. - art. L712-1 (V)'],
      ['L. 613-1', 'Code de la sécurité sociale. - art. L613-1 (V)'],
    ]);
    expect(text.problems).toEqual([]);
  });

  it("keeps a LexHub title whole when it holds an apostrophe (`title='Code de l'action sociale…'`)", () => {
    // As written in the sécurité sociale LexHub bundle (links to the CASF).
    const tag = ` href='/code-de-laction-sociale-et-des-familles/partie-legislative/livre-ier-dispositions-generales/titre-ii-competences/chapitre-ier-collectivites-publiques-et-organismes-responsables/section-3-etat/l121-9.md' title='Code de l'action sociale et des familles - art. L121-9 (V)'`;
    expect(readAttribute(tag, 'title')).toBe("Code de l'action sociale et des familles - art. L121-9 (V)");
    expect(readAttribute(tag, 'href')).toMatch(/\/l121-9\.md$/);
    expect(readAttribute(` name='205' target='_blank'`, 'href')).toBeUndefined();
  });

  it('flattens a table one row a paragraph, cells joined by « | » (legi-data L138-12 of the sécurité sociale)', () => {
    const html =
      '<p>Le montant total de la contribution est calculé comme suit :</p><center><table border="1"><tbody><tr><td align="left"><p align="center">CHIFFRE D\'AFFAIRES<br/>\n\t\t\tde l\'ensemble des entreprises redevables (CA)</p></td><td align="center"><p>TAUX DE LA CONTRIBUTION<br/>\n\t\t\t(exprimé en % de la part du chiffre d\'affaires concernée)</p></td></tr><tr><td align="left"><br/>\n\t\t\tCA supérieur à M et inférieur ou égal à M multiplié par 1,005</td><td align="center"><br/>\n\t\t\t50 %</td></tr></tbody></table></center><p>La contribution due par chaque entreprise redevable';
    expect(htmlToText(html).paragraphs).toEqual([
      'Le montant total de la contribution est calculé comme suit :',
      "CHIFFRE D'AFFAIRES de l'ensemble des entreprises redevables (CA) | TAUX DE LA CONTRIBUTION (exprimé en % de la part du chiffre d'affaires concernée)",
      'CA supérieur à M et inférieur ou égal à M multiplié par 1,005 | 50 %',
      'La contribution due par chaque entreprise redevable',
    ]);
  });

  it('keeps a « < » that starts no tag (LexHub L245-2: « 6,5 % ≤ R < 12 % »)', () => {
    const html =
      "<tr><td><p align='center'>6,5 % ≤ R < 12 %</p></td><td><p align='center'>(L. n° 2004-810,13 août 2004, art. 73, II, 2 <sup>o</sup>) (1) 29</p></td></tr>";
    expect(htmlToText(`<table><tbody>${html}</tbody></table>`).paragraphs).toEqual([
      '6,5 % ≤ R < 12 % | (L. n° 2004-810,13 août 2004, art. 73, II, 2 o) (1) 29',
    ]);
  });

  it('decodes character references (legi-data NOTA of D161-2-24-1: &laquo; … &raquo;)', () => {
    const html =
      '<p>le II est complété par les mots : &laquo; dans leur rédaction antérieure au décret n° 2025-1410 du 30 décembre 2025 &raquo;.</p><p></p>';
    expect(htmlToText(html).paragraphs).toEqual([
      'le II est complété par les mots : « dans leur rédaction antérieure au décret n° 2025-1410 du 30 décembre 2025 ».',
    ]);
    expect(htmlToText('<p>a &#233; &#xE9; &unknown; &#0;</p>').paragraphs).toEqual(['a é é &unknown; \ufffd']);
  });

  it('splits a <p>-less LexHub body at sentence ends followed by a run of spaces (L123-4), not elsewhere', () => {
    // L123-4 as LexHub has it; legi-data has the same two paragraphs.
    const body =
      "L'Ecole nationale supérieure de sécurité sociale peut recruter des agents de droit privé régis par les conventions collectives applicables au personnel des organismes de sécurité sociale.   Les dispositions du chapitre Ier du titre IV du livre IV du code du travail sont applicables à l'Ecole nationale supérieure de sécurité sociale.";
    expect(htmlToText(body, { sentenceBreaks: true }).paragraphs).toHaveLength(2);
    expect(htmlToText(body).paragraphs).toHaveLength(1);
    // L611-3 (1985): the run before the comma is LEGI's own spacing.
    expect(
      htmlToText('Les caisses mutuelles régionales sont responsables   , dans leur circonscription', { sentenceBreaks: true }).paragraphs,
    ).toEqual(['Les caisses mutuelles régionales sont responsables , dans leur circonscription']);
  });

  it('outputs text only: script and style contents dropped, event attributes gone with their tags', () => {
    const text = htmlToText(
      '<p onclick="alert(1)">Texte<script>alert("x")</script> suivi<style>p{}</style><img src=x onerror=alert(2)></p><iframe src="http://x">cadre</iframe>',
    );
    expect(text.paragraphs).toEqual(['Texte suivi']);
  });

  it('never throws on broken markup and says where it was cut', () => {
    const cut =
      "<p>Premier alinéa.</p><p>Deuxième <a href='/x/l1.md' title='Code de la sécurité sociale. - art. L1 (V)'>L. 1</a> alin<p cla";
    const text = htmlToText(cut);
    expect(text.paragraphs).toEqual(['Premier alinéa.', 'Deuxième L. 1 alin']);
    expect(text.problems).toEqual([{ offset: cut.lastIndexOf('<p cla'), message: 'balise <p> non fermée: ignorée' }]);
    expect(htmlToText('<p>a<!-- jamais fermé').problems[0]?.message).toMatch(/commentaire/);
    expect(htmlToText('<table><tr><td>a').paragraphs).toEqual(['a']);
    expect(htmlToText('</i></p></table></tr><i>NOTA').nota).toEqual([]);
  });
});
