/**
 * The links panel's lists (« Cite », « Cité par », « Modifié par »…), in the order Légifrance
 * shows them, with their French titles and the status codes spelled out.
 */
import type { Link, LinkKind, LinkStatusCode } from '../../../corpus/model/model.ts';

const ORDER: readonly { kind: LinkKind; title: string }[] = [
  { kind: 'cites', title: 'Cite' },
  { kind: 'citedBy', title: 'Cité par' },
  { kind: 'modifiedBy', title: 'Modifié par' },
  { kind: 'createdBy', title: 'Créé par' },
  { kind: 'codifiedBy', title: 'Codifié par' },
  { kind: 'repealedBy', title: 'Abrogé par' },
  { kind: 'transferredBy', title: 'Transféré par' },
  { kind: 'formerTexts', title: 'Anciens textes' },
  { kind: 'newTexts', title: 'Nouveaux textes' },
  { kind: 'associated', title: 'Liens' },
];

export interface LinkGroup {
  kind: LinkKind;
  title: string;
  links: Link[];
}

/** Non-empty groups in display order; inside a group, links keep the source's order. */
export function groupLinks(links: readonly Link[]): LinkGroup[] {
  return ORDER.map(({ kind, title }) => ({ kind, title, links: links.filter((link) => link.kind === kind) })).filter(
    (group) => group.links.length > 0,
  );
}

/** The status code of a link entry, spelled out (`M` → « modifié »); empty when unknown. */
export function linkStatusLabel(status: LinkStatusCode): string {
  switch (status) {
    case 'V':
      return 'en vigueur';
    case 'VD':
      return 'en vigueur différée';
    case 'VT':
      return 'en vigueur, version transitoire';
    case 'Ab':
      return 'abrogé';
    case 'M':
      return 'modifié';
    case 'MMN':
      return 'modifié (mort-né)';
    case 'T':
      return 'transféré';
    case 'P':
      return 'périmé';
    default:
      return '';
  }
}
