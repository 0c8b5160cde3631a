/**
 * An article cited as French legal writing does: « Article L611-3 du code de la sécurité sociale,
 * dans sa rédaction issue de l'ordonnance n° 2005-1528 du 8 décembre 2005, en vigueur du 9 décembre
 * 2005 au 1er janvier 2018 ». In running text a code's name takes a small initial (« du code de la
 * sécurité sociale »), the amending text its article (« de la loi », « du décret », « de
 * l'ordonnance »). An amending text of unknown shape is cited as the source wrote it.
 */
import type { IsoDate } from '../../../corpus/model/model.ts';
import { formatDate } from '../dates/french-dates.ts';
import { formatTextName, parseAmendingText, splitTexts } from './amending-texts.ts';

export interface CitedVersion {
  validFrom: IsoDate;
  validTo?: IsoDate;
  amendedBy?: string;
}

/** « code de la sécurité sociale », « livre des procédures fiscales »: the title as written inside a sentence. */
export function codeInSentence(title: string): string {
  return /^(Code|Livre)\b/u.test(title) ? `${title.charAt(0).toLowerCase()}${title.slice(1)}` : title;
}

/** « de la loi », « du décret », « de l'ordonnance », « de l'arrêté ». */
function ofText(name: string): string {
  const lower = `${name.charAt(0).toLowerCase()}${name.slice(1)}`;
  if (/^[aeéiouh]/iu.test(lower)) return `de l’${lower}`;
  if (/^(loi|décision|délibération|circulaire|ordonnance)\b/u.test(lower)) return `de la ${lower}`;
  return `du ${lower}`;
}

/** The text the version comes from, named without its articles: the first one the source gives. */
function origin(amendedBy: string | undefined): string | undefined {
  const first = amendedBy ? splitTexts(amendedBy)[0] : undefined;
  if (!first) return undefined;
  const parsed = parseAmendingText(first);
  return parsed ? ofText(formatTextName(parsed)) : `de « ${first} »`;
}

/** « en vigueur du … au … », « en vigueur depuis le … », « en vigueur à partir du … ». */
function inForce(version: CitedVersion, today: IsoDate): string {
  if (version.validTo) return `en vigueur du ${formatDate(version.validFrom)} au ${formatDate(version.validTo)}`;
  if (version.validFrom > today) return `en vigueur à partir du ${formatDate(version.validFrom)}`;
  return `en vigueur depuis le ${formatDate(version.validFrom)}`;
}

/** The citation of one version of an article (`validTo` exclusive, as in the model and on Légifrance). */
export function articleCitation(codeTitle: string, num: string, version: CitedVersion, today: IsoDate): string {
  const source = origin(version.amendedBy);
  return `Article ${num} du ${codeInSentence(codeTitle)}${source ? `, dans sa rédaction issue ${source}` : ''}, ${inForce(version, today)}`;
}
