/**
 * What the sources say about the date of a repeal they state without dating it: lexlib keeps the
 * files of thousands of repealed articles (the whole former Code du travail among them) with an
 * « Abrogé par » entry and no end. Each function here reads one kind of evidence; `repeal-dates.ts`
 * ranks them.
 */
import type { IsoDate, Link } from '../../model/model.ts';
import { isValidIsoDate, parseFrenchDate } from '../sources/common/dates.ts';

const FRENCH_DATE =
  /\b(\d{1,2})(?:er)?\s+(janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre)\s+(\d{4})\b/gi;
const ISO_DATE = /(?<![\d-])(\d{4}-\d{2}-\d{2})(?![\d-])/;
const TEXT_NUMBER = /(?<![\w-])(\d{2,4}-\d{1,5}(?:-\d{1,3})?)(?![\d-])/;
const NATURE = /^\s*(loi organique|loi|d[ée]cret|ordonnance|arr[êe]t[ée]|d[ée]cision|circulaire)(?![a-zà-ÿ])/i;

/**
 * A text's identity across the ways the sources write its title: `Loi n°2003-1199 2003-12-18`,
 * `Loi n°2003-1199 du 18 décembre 2003` and `LOI n°2003-1199 du 18 décembre 2003 - art. 60` are one
 * text (`loi 2003-1199`); a text without number is its nature and signature date (`arrêté 1996-05-14`).
 */
export function textIdentity(title: string): string | undefined {
  const nature = NATURE.exec(title)?.[1]
    ?.toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  if (!nature) return undefined;
  const head = title.replace(/\s+-\s+art\..*$/i, '');
  const withoutIso = head.replace(ISO_DATE, ' ');
  const number = TEXT_NUMBER.exec(withoutIso)?.[1];
  if (number) return `${nature} ${number}`;
  const signed = ISO_DATE.exec(head)?.[1] ?? parseFrenchDate(head);
  return signed ? `${nature} ${signed}` : undefined;
}

/** Every French date written in a text, in order (`1er mai 2008` → `2008-05-01`). */
export function frenchDatesIn(text: string): { date: IsoDate; index: number }[] {
  const found: { date: IsoDate; index: number }[] = [];
  for (const match of text.matchAll(FRENCH_DATE)) {
    const date = parseFrenchDate(match[0]);
    if (date) found.push({ date, index: match.index });
  }
  return found;
}

/** The repeal entries of a version's links (`_Abrogé par_`). */
export function repealEntries(links: readonly Link[]): Link[] {
  return links.filter((link) => link.kind === 'repealedBy');
}

/**
 * The date of effect an « Abrogé par » entry writes: `… JORF 24 décembre 2002 en vigueur le 1er
 * janvier 2003`. « en vigueur au plus tard le 1er mars 2008 » is a deadline, not a date: not read.
 */
export function entryDateOfEffect(entry: Link): IsoDate | undefined {
  const match = /\ben vigueur le\s+(.*)$/i.exec(entry.label);
  return match ? frenchDatesIn(match[1]!)[0]?.date : undefined;
}

/**
 * The default date of effect of a text: the day after its publication in the Journal officiel
 * (code civil, art. 1), when the entry names the issue: `… JORF 19 décembre 2003` → 2003-12-20.
 */
export function dayAfterPublication(entry: Link): IsoDate | undefined {
  const match = /\bJORF\s+(\d{1,2}(?:er)?\s+\S+\s+\d{4})/i.exec(entry.label);
  const published = match ? parseFrenchDate(match[1]!) : undefined;
  return published ? nextDay(published) : undefined;
}

export function nextDay(date: IsoDate): IsoDate {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/**
 * The date of entry into force a NOTA gives: the last date written after « en vigueur » or
 * « entrée en vigueur » (the NOTA of the former Code du travail says « au plus tard le 1er mars
 * 2008 » and then that the law of 21 January 2008 « a fixé la date d'entrée en vigueur … au 1er mai
 * 2008 »: the later statement fixes the date). Dates written before any « en vigueur » are
 * signature dates of the texts it cites, not dates of effect.
 */
export function notaDateOfEffect(nota: readonly string[] | undefined): IsoDate | undefined {
  let chosen: IsoDate | undefined;
  for (const paragraph of nota ?? []) {
    const at = paragraph.search(/\ben vigueur\b/i);
    if (at < 0) continue;
    const after = paragraph.slice(at);
    // « au plus tard le … » is a deadline: a later date in the same NOTA may fix the real one.
    const dates = frenchDatesIn(after).filter((d) => !/au plus tard\s+(?:le\s+)?$/i.test(after.slice(Math.max(0, d.index - 20), d.index)));
    if (dates.length > 0) chosen = dates.at(-1)!.date;
  }
  return chosen && isValidIsoDate(chosen) ? chosen : undefined;
}
