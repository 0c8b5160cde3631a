/**
 * The *Liens relatifs à cet article* section of a lexlib article: typed lists of entries such as
 * `Code de la sécurité sociale. - art. L612-9 (M)`.
 *
 * Two header styles exist: the repositories write `_Cité par_:`, the seeds and the whole-code file of
 * seed 003 write `\t**Cité par**:`; both repositories also write `**Liens**:` (no tab), whose entries
 * carry a qualifier (`TXT_SOURCE: Arrêté du 8 juin 2005 - art. 1 (V)`).
 */
import type { Link, LinkKind, LinkStatusCode } from '../../../../model/model.ts';

/** Every header the data has (checked with `git grep` over both lexlib repositories). */
const KIND_BY_HEADER: Record<string, LinkKind> = {
  'Cité par': 'citedBy',
  Cite: 'cites',
  'Modifié par': 'modifiedBy',
  'Codifié par': 'codifiedBy',
  'Abrogé par': 'repealedBy',
  'Créé par': 'createdBy',
  'Transféré par': 'transferredBy',
  'Anciens textes': 'formerTexts',
  'Nouveaux textes': 'newTexts',
  Liens: 'associated',
};

const STATUS_CODES: ReadonlySet<string> = new Set(['V', 'VD', 'VT', 'Ab', 'M', 'MMN', 'T', 'P', '']);
/**
 * Status codes seen in the data that the model does not name: `AbD` (repealed later, 126 entries in
 * the sécurité sociale at its last commit) and `An` (annulled, 25). They are recognised so that they
 * are not taken for part of an article number; the entry keeps them in its label, with status ''.
 */
const EXTRA_STATUS_CODES: ReadonlySet<string> = new Set(['AbD', 'An']);

/** `_Cité par_:`, `**Cité par**:`, with any indentation → `Cité par`. */
export function linksHeader(line: string): string | undefined {
  const match = /^\s*(?:_([^_]+)_|\*\*([^*]+)\*\*)\s*:\s*$/.exec(line);
  return match ? (match[1] ?? match[2])!.trim() : undefined;
}

export function linkKindOfHeader(header: string): LinkKind | undefined {
  return KIND_BY_HEADER[header];
}

/** `  - entry` or `\t  - entry` → `entry`. */
export function listEntry(line: string): string | undefined {
  const match = /^\s*- (.*)$/.exec(line);
  return match ? match[1]!.trim() : undefined;
}

export interface ParsedLinkEntry {
  link: Link;
  /** A status code the model has no name for (`AbD`, `An`), kept in the label. */
  unknownStatus?: string;
}

/**
 * One entry → `Link`. Shapes found in the data:
 * `Code de la sécurité sociale. - art. L612-9 (M)`, `Décret n°2007-1752 du 13 décembre 2007 (V)`,
 * `Loi n°95-116 du 4 février 1995 - art. 40 () JORF 5 février 1995`, `Décret n°85-1353 1985-12-17`,
 * `Ordonnance 2005-1528 2005-12-08 art. 1 II, III JORF 9 décembre 2005`, `Arrêté du 25 juin 2018 - art. (V)`,
 * `Code de la sécurité sociale. - art. Annexe I à l'art. R434-35 (1) (V)` (the `(1)` is part of the number).
 * The label is the entry without its `_Liens_` qualifier, which goes to `linkType`.
 */
export function parseLinkEntry(entry: string, kind: LinkKind): ParsedLinkEntry {
  let rest = entry.trim();
  let linkType: string | undefined;
  const qualifier = /^([A-Z][A-Z_]{2,}):\s*(.*)$/.exec(rest);
  if (qualifier) {
    linkType = qualifier[1]!;
    rest = qualifier[2]!.trim();
  }
  const label = rest;

  // The status is the last parenthesised status code; what follows it is publication data (JORF…).
  let status: LinkStatusCode = '';
  let unknownStatus: string | undefined;
  let head = rest;
  const statusPattern = /\s*\(([A-Za-z]{0,3})\)(?=\s|$)/g;
  let found: RegExpExecArray | undefined;
  for (let m = statusPattern.exec(rest); m; m = statusPattern.exec(rest)) {
    if (STATUS_CODES.has(m[1]!) || EXTRA_STATUS_CODES.has(m[1]!)) found = m;
  }
  if (found) {
    head = rest.slice(0, found.index);
    if (STATUS_CODES.has(found[1]!)) status = found[1]! as LinkStatusCode;
    else unknownStatus = found[1]!;
  } else {
    head = head.replace(/\s+JORF\s.*$/, '').replace(/\s+en vigueur le\s.*$/, '');
  }

  let text = head;
  let articleNum: string | undefined;
  const dashArt = /\s+-\s+art\.(?:\s+|$)/.exec(head);
  const bareArt = dashArt ? undefined : /\s+art\.\s+/.exec(head);
  const art = dashArt ?? bareArt;
  if (art) {
    text = head.slice(0, art.index);
    articleNum = head.slice(art.index + art[0].length).trim() || undefined;
  }
  text = text.trim().replace(/\.$/, '');

  const link: Link = { kind, label, text, status, origin: 'list' };
  if (articleNum) link.articleNum = articleNum;
  if (linkType) link.linkType = linkType;
  return unknownStatus ? { link, unknownStatus } : { link };
}

export interface LinksParseProblem {
  /** 0-based index of the line in the lines given. */
  index: number;
  message: string;
}

export interface ParsedLinks {
  links: Link[];
  problems: LinksParseProblem[];
  unknownStatuses: string[];
}

/**
 * Parses the lines after `**Liens relatifs à cet article**`. Unknown headers (`_Modifie_:`, seen once)
 * and stray lines are reported, their entries skipped; nothing throws.
 */
export function parseLinksSection(lines: readonly string[]): ParsedLinks {
  const links: Link[] = [];
  const problems: LinksParseProblem[] = [];
  const unknownStatuses: string[] = [];
  let kind: LinkKind | undefined;
  let skipping = false;
  lines.forEach((line, index) => {
    if (!line.trim()) return;
    const header = linksHeader(line);
    if (header !== undefined) {
      kind = linkKindOfHeader(header);
      skipping = kind === undefined;
      if (skipping) problems.push({ index, message: `en-tête de liens inconnu « ${header} » : entrées ignorées` });
      return;
    }
    const entry = listEntry(line);
    if (entry === undefined) {
      problems.push({ index, message: `ligne inattendue dans les liens : « ${line.trim().slice(0, 80)} »` });
      return;
    }
    if (skipping) return;
    if (!kind) {
      problems.push({ index, message: `entrée de liens sans en-tête : « ${entry.slice(0, 80)} »` });
      return;
    }
    if (!entry) return;
    const parsed = parseLinkEntry(entry, kind);
    links.push(parsed.link);
    if (parsed.unknownStatus) unknownStatuses.push(parsed.unknownStatus);
  });
  return { links, problems, unknownStatuses };
}
