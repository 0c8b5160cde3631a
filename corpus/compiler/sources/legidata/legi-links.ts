/**
 * legi-data's `lienModifications` as the model's links, and the amending text of a version.
 *
 * LEGI records each relation from both sides: `CREE`/`cible` and `CREATION`/`source` both name the
 * text that created the article, `MODIFIE`/`MODIFICATION` the one that modified it, and so on; the
 * verb decides the kind, whatever the orientation. `dateDebutCible` is the date the link took
 * effect on the article: the start of the version it brought (2999-01-01 when LEGI does not say).
 */
import type { IsoDate, Link, LinkKind } from '../../../model/model.ts';
import { parseLinkTitle } from '../common/link-title.ts';

export interface LegiLink {
  textTitle?: unknown;
  linkType?: unknown;
  linkOrientation?: unknown;
  articleNum?: unknown;
  dateDebutCible?: unknown;
}

const KIND_BY_TYPE: Record<string, LinkKind> = {
  CREE: 'createdBy',
  CREATION: 'createdBy',
  MODIFIE: 'modifiedBy',
  MODIFICATION: 'modifiedBy',
  ABROGE: 'repealedBy',
  ABROGATION: 'repealedBy',
  ANNULE: 'repealedBy',
  ANNULATION: 'repealedBy',
  TRANSFERE: 'transferredBy',
  TRANSFERT: 'transferredBy',
  DEPLACE: 'transferredBy',
  DEPLACEMENT: 'transferredBy',
  CODIFICATION: 'codifiedBy',
  CODIFIE: 'codifiedBy',
};

/** Link types that bring a new version in force (used to name its amending text). */
const BRINGS_VERSION = new Set(['CREE', 'CREATION', 'MODIFIE', 'MODIFICATION', 'TRANSFERE', 'TRANSFERT', 'DEPLACE', 'DEPLACEMENT']);

function text(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
}

export function linkFromLegi(raw: LegiLink): Link | undefined {
  const label = text(raw.textTitle);
  const type = text(raw.linkType).toUpperCase();
  if (!label || !type) return undefined;
  const kind = KIND_BY_TYPE[type] ?? 'associated';
  const parsed = parseLinkTitle(label);
  const articleNum = parsed.articleNum ?? (text(raw.articleNum) || undefined);
  return {
    kind,
    label,
    text: parsed.text,
    ...(articleNum ? { articleNum } : {}),
    status: parsed.status,
    ...(kind === 'associated' ? { linkType: type } : {}),
    origin: 'list',
  };
}

/** One link per kind and entry, in LEGI's order. */
export function linksFromLegi(raws: readonly LegiLink[]): Link[] {
  const seen = new Set<string>();
  const links: Link[] = [];
  for (const raw of raws) {
    const link = linkFromLegi(raw);
    if (!link) continue;
    const key = `${link.kind}|${link.label}`;
    if (seen.has(key)) continue;
    seen.add(key);
    links.push(link);
  }
  return links;
}

/**
 * The amending text of the version that started on `validFrom`: the texts whose link took effect
 * that day; else — LEGI often dates the link at the text's publication while the version starts
 * later (« entrent en vigueur le 1er septembre 2023 ») — those whose link took effect last after the
 * previous version started (`previousFrom`) and not after this one. `LOI n°2020-992 du 7 août 2020`.
 */
export function amendingTextOn(raws: readonly LegiLink[], validFrom: IsoDate, previousFrom?: IsoDate): string | undefined {
  const bringing = raws
    .map((raw) => ({ raw, on: text(raw.dateDebutCible).slice(0, 10) }))
    .filter(({ raw, on }) => /^\d{4}-\d{2}-\d{2}$/.test(on) && BRINGS_VERSION.has(text(raw.linkType).toUpperCase()));
  let chosen = bringing.filter(({ on }) => on === validFrom);
  if (chosen.length === 0 && previousFrom !== undefined) {
    const window = bringing.filter(({ on }) => on > previousFrom && on < validFrom);
    const latest = window.reduce((max, { on }) => (on > max ? on : max), '');
    chosen = window.filter(({ on }) => on === latest);
  }
  const names: string[] = [];
  // The same text can be listed twice, written two ways (`LOI n°…` / `Loi organique …`): one per number.
  const numbers = new Set<string>();
  for (const { raw } of chosen) {
    const name = parseLinkTitle(text(raw.textTitle)).text;
    const number = /(?<![\d-])\d{2,4}-\d{1,5}(?![\d-])/.exec(name)?.[0] ?? name;
    if (!name || numbers.has(number)) continue;
    numbers.add(number);
    names.push(name);
  }
  return names.length > 0 ? names.join(' ; ') : undefined;
}
