/**
 * The links panel's lists (« Cite », « Cité par », « Modifié par »…), in the order Légifrance
 * shows them, with their French titles and the status codes spelled out.
 */
import { codeIdFromTitle, codeOfArticleId } from '../../../corpus/model/ids.ts';
import type { ArticleId, CodeId, Link, LinkKind, LinkStatusCode, Reference } from '../../../corpus/model/model.ts';
import { groupAmendingTexts } from '../citation/amending-texts.ts';

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

/** The lists that name the texts that made the article (a décret, a loi), not other articles. */
const AMENDMENTS: ReadonlySet<LinkKind> = new Set<LinkKind>(['modifiedBy', 'createdBy', 'codifiedBy', 'repealedBy', 'transferredBy']);

/** An entry naming an article of a code (« Code de la sécurité sociale - art. L612-9 »). */
function namesCodeArticle(link: Link): boolean {
  return /^code\b/iu.test(link.text);
}

/**
 * The same article named twice in one list is listed once: two articles of one code may carry the
 * same number (the sources disagree on its LEGI id), and a text may cite it twice. The entry of the
 * source's own list wins over one computed from the texts.
 */
function distinctArticles(links: readonly Link[]): Link[] {
  const byName = new Map<string, Link>();
  for (const link of links) {
    const key = link.articleNum ? `${codeIdFromTitle(link.text)}|${link.articleNum}` : `label|${link.label}`;
    const known = byName.get(key);
    if (!known || (known.origin === 'text' && link.origin === 'list')) byName.set(key, link);
  }
  const kept = new Set(byName.values());
  return links.filter((link) => kept.has(link));
}

/** An amending text cited once per article or item becomes one line with all of them, written as a lawyer does. */
function oneLinePerText(links: readonly Link[]): Link[] {
  const texts = links.filter((link) => !namesCodeArticle(link));
  const lines = groupAmendingTexts(texts.map((link) => link.label));
  const kind = links[0]?.kind;
  if (!kind) return [];
  return [
    ...lines.map((line): Link => ({ kind, label: line, text: line, status: '', origin: 'list' })),
    ...distinctArticles(links.filter(namesCodeArticle)),
  ];
}

/**
 * The references found in the text of the version that the « Cite » list does not already name:
 * the list of the sources is often missing (a version known from another source), the text is not.
 */
export function textCitations(links: readonly Link[], references: readonly Reference[], codeTitle: (code: CodeId) => string): Link[] {
  const listed = links.filter((link) => link.kind === 'cites');
  const seen = new Set<ArticleId>();
  const extra: Link[] = [];
  for (const reference of references) {
    const target = reference.target;
    if (!target || seen.has(target)) continue;
    seen.add(target);
    const code = codeOfArticleId(target);
    const inList = listed.some(
      (link) => link.target === target || (link.articleNum === reference.num && codeIdFromTitle(link.text) === code),
    );
    if (inList) continue;
    const text = codeTitle(code);
    extra.push({
      kind: 'cites',
      label: `${text} - art. ${reference.num}`,
      text,
      articleNum: reference.num,
      status: '',
      target,
      origin: 'text',
    });
  }
  return extra;
}

/**
 * Non-empty groups in display order; inside a group, entries keep the source's order, each article
 * once, each amending text on one line.
 */
export function groupLinks(links: readonly Link[]): LinkGroup[] {
  return ORDER.map(({ kind, title }) => {
    const listed = links.filter((link) => link.kind === kind);
    return { kind, title, links: AMENDMENTS.has(kind) ? oneLinePerText(listed) : distinctArticles(listed) };
  }).filter((group) => group.links.length > 0);
}

/** Where an entry leads: an article of the corpus (resolved by the compiler, or named by its number in a code of the corpus). */
export function linkArticle(link: Link, corpusCodes: ReadonlySet<CodeId>): { code: CodeId; num: string; id?: ArticleId } | undefined {
  if (!link.articleNum) return undefined;
  if (link.target) return { code: codeOfArticleId(link.target), num: link.articleNum, id: link.target };
  const code = codeIdFromTitle(link.text);
  return corpusCodes.has(code) ? { code, num: link.articleNum } : undefined;
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
