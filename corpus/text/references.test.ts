import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GitRepository } from '../compiler/sources/common/git-repository.ts';
import type { Reference } from '../model/model.ts';
import { normalizeArticleNumber } from './article-number.ts';
import { createCodeNameMatcher } from './code-names.ts';
import { rebuildParagraphs } from './paragraphs.ts';
import { findReferences } from './references.ts';
import { historyBundle, seedsDir } from '../../tests/support/shared-corpus.ts';
import { describeWholeCorpus } from '../../tests/support/whole-corpus.ts';

const root = path.resolve(import.meta.dirname, '../..');
const seeds = seedsDir();
// The Cite lists of every article of the code: the whole history (../shared) only.
const lexlibCss = historyBundle('lexlib-code-de-la-securite-sociale');

const require = createRequire(import.meta.url);
const legiData = require.resolve('@socialgouv/legi-data/package.json').replace(/package\.json$/, 'data/');
const index = (JSON.parse(readFileSync(`${legiData}index.json`, 'utf8')) as { titre: string; etat: string }[]).sort(
  (a, b) => Number(a.etat !== 'VIGUEUR') - Number(b.etat !== 'VIGUEUR'),
);
const codeNames = createCodeNameMatcher(index.map((entry) => entry.titre));

const CSS = 'code-de-la-securite-sociale';
const MUTUALITE = 'code-de-la-mutualite';
const TRAVAIL = 'code-du-travail';

/** References as [number as written, LEGI number, code or reason]. */
function read(paragraphs: string[], own = CSS, refs = findReferences(paragraphs, own, codeNames)): [string, string, string][] {
  return refs.map((r) => [(paragraphs[r.paragraph] ?? '').slice(r.start, r.end), r.num, r.code ?? r.unresolved ?? '?']);
}

/** The body paragraphs of a lexlib article file (between `# Article` and the links). */
function lexlibBody(text: string): string[] {
  const lines = text.split('\n');
  const end = lines.findIndex((line) => line.startsWith('**Liens relatifs'));
  return rebuildParagraphs(lines.slice(1, end < 0 ? undefined : end));
}

/** Code articles of a lexlib `Cite` list: `Code de la sécurité sociale. - art. L612-9 (M)`. */
function citeList(text: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => /^\s*(?:_Cite_|\*\*Cite\*\*):/.test(line));
  if (start < 0) return [];
  const out: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^\s*(?:_[^_]+_|\*\*[^*]+\*\*):/.test(line)) break;
    const entry = /^\s*- (.+?) - art\. (.+?) \(/.exec(line);
    const code = entry ? codeNames.codeOfTitle(entry[1] ?? '') : undefined;
    const num = entry ? normalizeArticleNumber(entry[2] ?? '') : undefined;
    if (code && num) out.push(`${code === 'code-rural' ? 'code-rural-et-de-la-peche-maritime' : code}|${num}`);
  }
  return out;
}

describe('findReferences on the forms of legal French (real sentences)', () => {
  it('a list of five numbers of two parts (R115-5, 1996)', () => {
    const text =
      "L'organisme chargé de la collecte adresse chaque année, au plus tard le 1er avril, à tous les travailleurs indépendants concernés par la mise en oeuvre de la déclaration commune, un imprimé conforme au modèle arrêté par le ministre chargé de la sécurité sociale et qui tient lieu de ceux prévus respectivement aux articles R. 243-25, R. 614-3, R. 723-16-1, D. 633-3 et D. 642-3. Les assurés sont tenus de retourner à l'organisme, au plus tard le 1er mai, cet imprimé dûment rempli et signé.";
    expect(read([text])).toEqual([
      ['R. 243-25', 'R243-25', CSS],
      ['R. 614-3', 'R614-3', CSS],
      ['R. 723-16-1', 'R723-16-1', CSS],
      ['D. 633-3', 'D633-3', CSS],
      ['D. 642-3', 'D642-3', CSS],
    ]);
  });

  it('« du présent code », « du même code » after two other codes (D351-16)', () => {
    const text =
      "La faculté de versement de cotisations prévue à l'article L. 351-17 est ouverte au titre des périodes de stage mentionnées au deuxième alinéa de l'article L. 124-1 du code de l'éducation ayant donné lieu à la gratification prévue à l'article L. 124-6 du même code et effectuées par des étudiants ou élèves d'un établissement, école ou classe mentionnés à l'article L. 381-4 du présent code.";
    expect(read([text])).toEqual([
      ['L. 351-17', 'L351-17', CSS],
      ['L. 124-1', 'L124-1', 'code-de-l-education'],
      ['L. 124-6', 'L124-6', 'code-de-l-education'],
      ['L. 381-4', 'L381-4', CSS],
    ]);
  });

  it('subdivisions before the number and a code named after it (L136-8, III bis)', () => {
    const text =
      "III bis.-Par dérogation aux I et II, sont assujettis à la contribution sociale au taux de 6,6 % les revenus mentionnés au 1° du II de l'article L. 136-1-2 perçus par les personnes dont les revenus de l'avant-dernière année, définis au IV de l'article 1417 du code général des impôts :";
    expect(read([text])).toEqual([
      ['L. 136-1-2', 'L136-1-2', CSS],
      ['1417', '1417', 'code-general-des-impots'],
    ]);
  });

  it('a range (both ends) closed by « du même code » (L133-1, II)', () => {
    const text =
      "A défaut, le directeur de l'organisme de recouvrement peut procéder, sans solliciter l'autorisation du juge prévue au premier alinéa de l'article L. 511-1 du code des procédures civiles d'exécution, à une ou plusieurs des mesures conservatoires mentionnées aux articles L. 521-1 à L. 533-1 du même code, dans la limite des montants";
    expect(read([text])).toEqual([
      ['L. 511-1', 'L511-1', 'code-des-procedures-civiles-d-execution'],
      ['L. 521-1', 'L521-1', 'code-des-procedures-civiles-d-execution'],
      ['L. 533-1', 'L533-1', 'code-des-procedures-civiles-d-execution'],
    ]);
  });

  it('« dudit code », « du même code » and a list closed by a code name (L135-2, b)', () => {
    const text =
      "b) Des périodes pendant lesquelles les assurés ont bénéficié des allocations mentionnées aux articles L. 1233-68, L. 5422-1, L. 5423-1, L. 5423-7 et L. 5424-25 du code du travail, des allocations spéciales mentionnées au 2° de l'article L. 5123-2 du même code et de la rémunération mentionnée au dernier alinéa de l'article L. 1233-72 dudit code ;";
    const refs = read([text]);
    expect(refs.map(([, num]) => num)).toEqual(['L1233-68', 'L5422-1', 'L5423-1', 'L5423-7', 'L5424-25', 'L5123-2', 'L1233-72']);
    expect(new Set(refs.map(([, , code]) => code))).toEqual(new Set([TRAVAIL]));
  });

  it('a law is not a code: « l’article 59 XIII A de la loi n° 2015-1702 » (NOTA of L160-17)', () => {
    const text =
      "Conformément à l'article 59 XIII A de la loi n° 2015-1702 du 21 décembre 2015, le dernier alinéa du présent article s'applique aux mutuelles ou groupements mutualistes habilités avant le 1er janvier 2016";
    expect(read([text])).toEqual([['59', '59', 'not-a-code']]);
    // « l'article 4 du décret n° 2017-1258 »: a decree neither.
    expect(
      read(["Conformément à l'article 4 du décret n° 2017-1258 du 9 août 2017, ces dispositions entrent en vigueur le 1er janvier 2018."]),
    ).toEqual([['4', '4', 'not-a-code']]);
  });

  it('a number without part letter is a reference only when a code name closes it', () => {
    // A nota: « l'article 70 » is an article of the law quoted before, not of the code.
    expect(read(["Se reporter aux conditions d'application prévues au IV de l'article 70."])).toEqual([]);
    // L137-14: « article 80 quaterdecies du code général des impôts ».
    expect(
      read([
        "le montant des avantages mentionnés au I de l'article 80 bis du code général des impôts et au I de l'article 80 quaterdecies du même code",
      ]),
    ).toEqual([
      ['80 bis', '80 bis', 'code-general-des-impots'],
      ['80 quaterdecies', '80 quaterdecies', 'code-general-des-impots'],
    ]);
  });

  it('numbers of another code named further in the sentence (D132-1), with the corpus’s help', () => {
    const text =
      "1° Aux consultations prévues à l'article L. 2212-3, L. 2212-5, au quatrième alinéa de l'article L. 2212-7 du code de la santé publique et à la consultation pré-anesthésique prévue par l'article D. 712-40 du même code ;";
    const sante = 'code-de-la-sante-publique';
    // Without knowing the corpus the first two numbers are the citing code's…
    expect(read([text]).map(([, num, code]) => `${num} ${code}`)).toEqual([
      `L2212-3 ${CSS}`,
      `L2212-5 ${CSS}`,
      `L2212-7 ${sante}`,
      `D712-40 ${sante}`,
    ]);
    // …knowing that the sécurité sociale code has no L2212-3, they take the code named next.
    const articleExists = (code: string): boolean | undefined => (code === CSS ? false : undefined);
    const refs = findReferences([text], CSS, codeNames, { articleExists });
    expect(refs.map((r) => r.code)).toEqual([sante, sante, sante, sante]);
  });

  it('« article L. 241-13 du code de la sécurité sociale » inside the code du travail (legi-data L5134-59, L2242-7)', () => {
    const tree = JSON.parse(readFileSync(`${legiData}LEGITEXT000006072050.json`, 'utf8')) as LegiNode;
    const texts = new Map<string, string>();
    const walk = (node: LegiNode): void => {
      if (node.type === 'article' && node.data.num && node.data.texte) texts.set(node.data.num, node.data.texte);
      node.children?.forEach(walk);
    };
    walk(tree);
    expect(read([texts.get('L5134-59') ?? ''], TRAVAIL)).toEqual([['L. 241-13', 'L241-13', CSS]]);
    expect(read([texts.get('L2242-7') ?? ''], TRAVAIL).slice(0, 2)).toEqual([
      ['L. 2242-1', 'L2242-1', TRAVAIL],
      ['L. 241-13', 'L241-13', CSS],
    ]);
  });

  it('« Code de la sécurité sociale L243-2 : » in the notas, and the forms with no « article »', () => {
    expect(read(["Code de la sécurité sociale L243-2 : champ d'application."], MUTUALITE)).toEqual([['L243-2', 'L243-2', CSS]]);
    expect(read(['Les majorations de retard prévues par R. 243-12, R. 243-13 et R. 243-16.'])).toEqual([
      ['R. 243-12', 'R243-12', CSS],
      ['R. 243-13', 'R243-13', CSS],
      ['R. 243-16', 'R243-16', CSS],
    ]);
    // « code du travail, article L. 323-11 » (a 1996 list of texts)
    expect(read(["(code de l'aide sociale, Titres II et III ; code du travail, article L. 323-11) :"])).toEqual([
      ['L. 323-11', 'L323-11', TRAVAIL],
    ]);
  });

  it('suffixes and part letters as the texts write them', () => {
    expect(read(["Le IV de l'article R. 142-1-A est applicable au présent chapitre."])).toEqual([['R. 142-1-A', 'R142-1-A', CSS]]);
    expect(
      read(['les comptes prévues aux articles L.O. 132-2-1 du code des juridictions financières et L. 114-8 du présent code.']),
    ).toEqual([
      ['L.O. 132-2-1', 'LO132-2-1', 'code-des-juridictions-financieres'],
      ['L. 114-8', 'L114-8', CSS],
    ]);
    expect(read(["l'objectif mentionné à l'article LO 111-3, une dotation"])).toEqual([['LO 111-3', 'LO111-3', CSS]]);
    expect(read(["dans les formes prévues à l'article R. 13, alinéa 1, du code électoral."])).toEqual([['R. 13', 'R13', 'code-electoral']]);
    // « D. 542-7 D. 542-13 » (sic, D542-7 of 2002): no `D` suffix taken from the next number.
    expect(
      read(['dans les conditions prévues aux articles D. 542-5 à D. 542-7 D. 542-13 et au premier alinéa']).map(([, num]) => num),
    ).toEqual(['D542-5', 'D542-7', 'D542-13']);
    // Quantities are no articles: « 1° », « 6,6 % ».
    expect(read(['au taux de 6,6 % les revenus mentionnés aux 1° et 4° du II'])).toEqual([]);
  });
});

interface LegiNode {
  type: string;
  data: { num?: string; texte?: string };
  children?: LegiNode[];
}

describe('references read strictly (issue 13 g, real sentences)', () => {
  it('« du code de commerce » is that code (outside the corpus, so never resolved), never into the code being read (L1226-24 of the Code du travail, which has a former L121-1)', () => {
    const text =
      "Est un commis commercial le salarié qui, employé par un commerçant au sens de l'article L. 121-1 du code de commerce, occupe";
    expect(read([text], TRAVAIL)).toEqual([['L. 121-1', 'L121-1', 'code-de-commerce']]);
    // R516-33 of the former code (1982): numbers with no part letter, closed by a code outside the corpus.
    expect(
      read(["Les articles 484, 486 et 488 à 492 du nouveau code de procédure civile sont applicables au référé prud'homal."], TRAVAIL),
    ).toEqual([
      ['484', '484', 'code-de-procedure-civile'],
      ['486', '486', 'code-de-procedure-civile'],
      ['488', '488', 'code-de-procedure-civile'],
      ['492', '492', 'code-de-procedure-civile'],
    ]);
  });

  it('an article of another code quoted in full is that code’s, its numbers too (L1271-3 of the Code du travail, 2008, quoting L133-8 of the sécurité sociale)', () => {
    const paragraphs = [
      "Les règles relatives à la déclaration du chèque emploi-service universel et aux modalités de transmission aux salariés du document valant bulletin de paie au sens de l'article L. 3243-2 sont fixées par l'article L. 133-8 du code de la sécurité sociale ci-après reproduit :",
      "\" Art.L. 133-8.-Le chèque emploi-service universel prévu à l'article L. 1271-1 du code du travail comprend une déclaration en vue du paiement des cotisations et contributions sociales d'origine légale ou conventionnelle adressée à un organisme de recouvrement du régime général de sécurité sociale désigné par arrêté du ministre chargé de la sécurité sociale. Lorsque l'employeur bénéficie de l'allocation prévue au I de l'article L. 531-5, et par dérogation aux dispositions du présent alinéa, l'emploi doit être déclaré selon les modalités prévues à l'article L. 531-8.",
      "La déclaration prévue au premier alinéa peut être faite par voie électronique dans les conditions prévues à l'article L. 133-5.",
      "A réception de la déclaration, l'organisme de recouvrement transmet au salarié une attestation d'emploi se substituant à la remise du bulletin de paie prévue à l'article L. 3243-2 du code du travail. \"",
      "Un décret précise les modalités d'application.",
    ];
    expect(read(paragraphs.slice(0, 4), TRAVAIL)).toEqual([
      ['L. 3243-2', 'L3243-2', TRAVAIL],
      ['L. 133-8', 'L133-8', CSS],
      ['L. 133-8', 'L133-8', CSS],
      ['L. 1271-1', 'L1271-1', TRAVAIL],
      ['L. 531-5', 'L531-5', CSS],
      ['L. 531-8', 'L531-8', CSS],
      ['L. 133-5', 'L133-5', CSS],
      ['L. 3243-2', 'L3243-2', TRAVAIL],
    ]);
  });

  it('the words quoted by an amending text are the amended code’s (D732-75 of the Code rural, 2026)', () => {
    const text =
      'c) A l\'article D. 351-14-1 du code de la sécurité sociale, les mots : "aux articles D. 351-8 et D. 351-9" sont remplacés par les mots : "à l\'article D. 732-77 du code rural et de la pêche maritime" ;';
    expect(read([text], 'code-rural-et-de-la-peche-maritime')).toEqual([
      ['D. 351-14-1', 'D351-14-1', CSS],
      ['D. 351-8', 'D351-8', CSS],
      ['D. 351-9', 'D351-9', CSS],
      ['D. 732-77', 'D732-77', 'code-rural-et-de-la-peche-maritime'],
    ]);
  });

  it('« R. 322-120,1° » and « L. 220-1du » are R322-120 and L220-1; so are the real « R. 351-12,4° » (D634-2) and « L. 212-7-2du » (L212-7-1 of the mutualité)', () => {
    expect(read(["les conditions prévues à l'article R. 322-120,1° et à l'article L. 220-1du présent code"], CSS)).toEqual([
      ['R. 322-120', 'R322-120', CSS],
      ['L. 220-1', 'L220-1', CSS],
    ]);
    expect(
      read(
        [
          "6° Les périodes mentionnées à l'article R. 351-12,4°, a, et 6°, dans le cas où l'intéressé était précédemment affilié au régime social des indépendants.",
        ],
        CSS,
      ),
    ).toEqual([['R. 351-12', 'R351-12', CSS]]);
    expect(
      read(["les règles concernant la surveillance complémentaire instituée à l'article L. 212-7-2du présent code."], MUTUALITE),
    ).toEqual([['L. 212-7-2', 'L212-7-2', MUTUALITE]]);
    expect(read(["fixé au 3° du I de l'article L. 3121-64du code du travail."], CSS)).toEqual([['L. 3121-64', 'L3121-64', TRAVAIL]]);
  });
});

describe('findReferences on the seeds', () => {
  it('seed 000 (L611-3 in 1995): « à l’article L. 612-9 », the one article its Cite list names', () => {
    const seed = readFileSync(path.join(seeds, '000_957ebed65d058a0e.txt'), 'utf8');
    const paragraphs = lexlibBody(seed);
    expect(read(paragraphs)).toEqual([['L. 612-9', 'L612-9', CSS]]);
    expect(citeList(seed)).toEqual([`${CSS}|L612-9`]);
  });

  it('seed 003 (Code de la mutualité, 1986): « aux articles L. 3 et L. 4 du code de la sécurité sociale », « au 1° de l’article L. 111-1 »', () => {
    const paragraphs = rebuildParagraphs(readFileSync(path.join(seeds, '003_e563875e8f8a73d7.txt'), 'utf8').split('\n'));
    const institutions = paragraphs.find((p) => p.startsWith('b) Les institutions définies aux articles L. 3'));
    expect(read([institutions ?? ''], MUTUALITE)).toEqual([
      ['L. 3', 'L3', CSS],
      ['L. 4', 'L4', CSS],
    ]);
    const buts = paragraphs.find((p) => p.includes("au 1° de l'article L. 111-1, doivent"));
    expect(read([buts ?? ''], MUTUALITE)).toContainEqual(['L. 111-1', 'L111-1', MUTUALITE]);
  });

  it('seed 004 (L160-17, LexHub): every linked number is found where the link is, and one more', () => {
    const html = readFileSync(path.join(seeds, '004_de1cfeb6a59aaf65.txt'), 'utf8');
    const body = html.slice(0, html.indexOf('<i>NOTA'));
    const anchors: { start: number; title: string; text: string }[] = [];
    const paragraphs = [...body.matchAll(/<p>(.*?)<\/p>/gs)].map((m, paragraph) => {
      let text = '';
      for (const part of (m[1] ?? '').split(/(<a [^>]*>.*?<\/a>)/s)) {
        const anchor = /^<a [^>]*title='([^']*)'[^>]*>(.*?)<\/a>$/s.exec(part);
        if (anchor) anchors.push({ start: text.length + 1_000_000 * paragraph, title: anchor[1] ?? '', text: anchor[2] ?? '' });
        text += (anchor ? anchor[2] : part) ?? '';
      }
      return text.trim();
    });
    const refs = findReferences(paragraphs, CSS, codeNames);
    // L. 160-1, L. 381-4, « L. 712-1 et L. 712-2 » (one link), L. 613-1 twice (linked once).
    expect(read(paragraphs, CSS, refs)).toEqual([
      ['L. 160-1', 'L160-1', CSS],
      ['L. 381-4', 'L381-4', CSS],
      ['L. 712-1', 'L712-1', CSS],
      ['L. 712-2', 'L712-2', CSS],
      ['L. 613-1', 'L613-1', CSS],
      ['L. 613-1', 'L613-1', CSS],
    ]);
    expect(anchors.map((a) => a.title)).toEqual([
      'Code de la sécurité sociale. - art. L160-1 (V)',
      'Code de la sécurité sociale. - art. L381-4 (V)',
      'Code de la sécurité sociale. - art. L712-1 (V)',
      'Code de la sécurité sociale. - art. L613-1 (V)',
    ]);
    for (const anchor of anchors) {
      const num = /art\. (\S+)/.exec(anchor.title)?.[1];
      const ref = refs.find((r) => r.num === num);
      expect(ref && ref.start + 1_000_000 * ref.paragraph, anchor.title).toBe(anchor.start);
    }
  });

  it('every span read back from the Archéo Lex diff page (seed 002) is the number it stands for', () => {
    const lines = readFileSync(path.join(seeds, '002_ed8248280429ca41.txt'), 'utf8')
      .split('\n')
      .filter((line) => /^[-+ ]/.test(line))
      .map((line) => line.slice(1));
    const refs = findReferences(lines, CSS, codeNames);
    expect(refs.length).toBeGreaterThan(500);
    for (const ref of refs) expect(normalizeArticleNumber((lines[ref.paragraph] ?? '').slice(ref.start, ref.end))).toBe(ref.num);
  });
});

describe('findReferences (property)', () => {
  const numbers = ['L612-9', 'R243-25', 'R723-16-1', 'D633-3', 'LO111-3', 'L114-1 A', 'R142-1-A', 'A931-11-11', 'R*1233-3-4', 'L3'];
  /** Ways legal texts write a LEGI number. */
  const written = (num: string, style: number): string => {
    const m = /^([A-Z]+)(\*?)(.*)$/.exec(num);
    if (!m) return num;
    const [, prefix = '', star = '', rest = ''] = m;
    return (
      [`${prefix}. ${star}${rest}`, `${prefix}.${star} ${rest}`, `${prefix}${star}${rest}`, `${prefix} ${star}${rest}`][style % 4] ?? num
    );
  };
  const codes = ['', ' du présent code', ' du code de la mutualité', ' du code de la sécurité sociale', ' du même code'];

  it('finds each number of a list, its span reading back to its number, the closing code on all of them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...numbers), fc.nat(3)), { minLength: 1, maxLength: 6 }),
        fc.constantFrom(...codes),
        fc.constantFrom("l'article ", 'les articles ', 'aux articles ', 'art. '),
        (items, closing, lead) => {
          const list = items.map(([num, style]) => written(num, style));
          const joined = list.length === 1 ? list[0] : `${list.slice(0, -1).join(', ')} et ${list[list.length - 1]}`;
          const text = `Conformément à ${lead}${joined}${closing}, les dispositions s'appliquent.`;
          const refs: Reference[] = findReferences([text], MUTUALITE, codeNames);
          const expectedCode = closing.includes('sécurité sociale') ? CSS : MUTUALITE;
          return (
            refs.length === items.length &&
            refs.every(
              (r, i) => r.num === items[i]?.[0] && normalizeArticleNumber(text.slice(r.start, r.end)) === r.num && r.code === expectedCode,
            )
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describeWholeCorpus('findReferences against the links lists of the Code de la sécurité sociale (lexlib, 2025)', () => {
  it('finds at least 95 % of the code articles the « Cite » lists name', async () => {
    const repo = await GitRepository.open(lexlibCss, path.join(root, 'corpus/cache'));
    const files = (await repo.listFiles()).filter((f) => /\/Article .* - \d+\.md$/.test(f));
    const blobs = await repo.readBlobs(files.map((f) => `HEAD:${f}`));
    let cited = 0;
    let found = 0;
    for (const text of blobs.values()) {
      const keys = new Set(findReferences(lexlibBody(text), CSS, codeNames).map((r) => `${r.code}|${r.num}`));
      for (const entry of citeList(text)) {
        cited++;
        if (keys.has(entry)) found++;
      }
    }
    // Measured: 8,509 of 8,920 (95.4 %). The rest: the articles inside ranges (« L. 243-3 à
    // L. 243-6 » lists L243-4 and L243-5), Cite entries that the text no longer cites, typos.
    console.log(`Cite lists: ${found}/${cited} found (${((100 * found) / cited).toFixed(1)} %)`);
    expect(cited).toBeGreaterThan(8_000);
    expect(found / cited).toBeGreaterThanOrEqual(0.95);
  });
});
