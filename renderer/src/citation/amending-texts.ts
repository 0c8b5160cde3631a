/**
 * Amending texts as a lawyer writes them. The sources spell the same décret in half a dozen ways —
 * « Décret n°2006-83 2006-01-27 art. 6 10° JORF 28 janvier 2006 », « Décret 85-1353 1985-12-17 »,
 * « LOI n°2016-1088 du 8 août 2016 - art. 12 (V) », « Loi n°88-1088 du 1 décembre 1988 » — and a
 * change set can list one décret 24 times, once per item of one article. Here they are read into
 * their parts (nature, number, date, articles, Journal officiel, entry into force) and written back
 * one way: « Décret n° 2006-83 du 27 janvier 2006, art. 6, 1° à 21° (JORF du 28 janvier 2006) »;
 * the same text cited several times becomes one line with all its articles (`groupAmendingTexts`).
 *
 * A string this module does not recognise is shown as the source wrote it, never guessed at.
 * Pure: the renderer (article, links, versions, change sets, citation) and the tests share it.
 */
import type { IsoDate } from '../../../corpus/model/model.ts';
import { formatDate } from '../dates/french-dates.ts';

/** The natures of texts the sources name, as a lawyer capitalises them. */
const NATURES: readonly string[] = [
  'Loi organique',
  'Loi constitutionnelle',
  'Loi',
  'Décret-loi',
  'Décret',
  'Ordonnance',
  'Arrêté',
  'Décision',
  'Délibération',
  'Circulaire',
  'Rapport',
];

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** One article of a text, and the items of it that are cited (« I », « 10° », « I, 1° »). */
export interface CitedArticle {
  /** « 6 », « 1 », « 12 bis », « unique », « annexe »: as the source numbers it (« 1er » read as « 1 »). */
  num: string;
  /** Items of the article, each a path written with commas (« I, 1° »); empty: the whole article. */
  items: string[];
}

export interface AmendingText {
  /** « Décret », « Loi », « Loi organique »… */
  nature: string;
  /** « 2006-83 », « 2015-498 QPC ». */
  number?: string;
  /** The date of the text (signature). */
  date?: IsoDate;
  articles: CitedArticle[];
  /** Publication in the Journal officiel. */
  journal?: IsoDate;
  /** A corrigendum published later (« et rectificatif JORF … »). */
  corrigendum?: IsoDate;
  /** « en vigueur le 1er janvier 2002 »: the date the cited provisions came into force, when the source gives it. */
  inForce?: IsoDate;
  /** « en vigueur au plus tard le … »: `inForce` is the latest date. */
  inForceAtLatest?: boolean;
  /** « v. init. »: the initial version of the text. */
  initialVersion?: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** « 17 décembre 1985 », « 1er janvier 2002 », « 1 décembre 1988 » → ISO; undefined otherwise. */
function frenchDate(text: string): IsoDate | undefined {
  const match = /^(\d{1,2})(?:er)?\s+([a-zéûô]+)\s+(\d{4})$/iu.exec(text.trim());
  if (!match) return undefined;
  // « aôut »: a misspelling found in the sources.
  const month = MONTHS.indexOf(match[2]!.toLowerCase().replace('aôut', 'août'));
  const day = Number(match[1]);
  if (month < 0 || day < 1 || day > 31) return undefined;
  return `${match[3]}-${pad(month + 1)}-${pad(day)}`;
}

const DATE_WORDS = String.raw`\d{1,2}(?:er)?\s+[a-zéûô]+\s+\d{4}`;
const ISO = String.raw`\d{4}-\d{2}-\d{2}`;

const HEAD = new RegExp(
  String.raw`^(?<nature>${NATURES.map((n) => n.replace('-', '[- ]')).join('|')})(?=[\s,]|$)` +
    String.raw`(?:\s+n\s?°\s*(?<numbered>\d[\d-]*(?:,\s*\d[\d-]*)*(?:\s+(?:QPC|DC|L|LP|I|R|FNR|ELEC|LOM|AN|SEN))?)|\s+(?<bare>\d{1,4}-\d{1,5})(?![-\d]))?` +
    String.raw`(?:\s+du\s+(?<date>${DATE_WORDS})|\s+(?<iso>${ISO}))?`,
  'iu',
);

const TAIL_JOURNAL = new RegExp(String.raw`\s*JORF\s+(${DATE_WORDS})`, 'iu');
const TAIL_CORRIGENDUM = new RegExp(String.raw`(?:,?\s*et)?\s*rectificatif\s+(?:au\s+)?JO(?:RF)?\s+(?:du\s+)?(${DATE_WORDS})`, 'iu');
const TAIL_IN_FORCE = new RegExp(String.raw`,?\s*en\s+vigueur\s+(au\s+plus\s+tard\s+)?le\s+(${DATE_WORDS})`, 'iu');
const TAIL_INITIAL = /,?\s*v\.\s*init\.?/iu;
/** The status of a links-list entry, « (V) », « () », « (VD) »: about the link, not the text. */
const LINK_STATUS = /\s*\((?:V|VD|VT|Ab|M|MMN|T|P)?\)/u;

const ARTICLE_NUMBER =
  /^(?:\d+(?:er)?(?:\s+(?:bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies))?|[LRDA]\.?\s?\d+(?:-\d+)*|unique|annexes?(?:\s+[IVXLC\d]+)?)$/iu;
/** An item of an article: « I », « 10° », « a) », « al. 2 », « § 3 », « A ». */
const ITEM = /^(?:[IVXLC]+|\d+°|[a-z]\)?|[A-Z]|al\.\s?\d+|§\s?\d+)$/u;

function normalNature(text: string): string {
  const folded = text.toLowerCase().replace(' ', '-');
  return NATURES.find((n) => n.toLowerCase().replace(' ', '-') === folded || n.toLowerCase() === text.toLowerCase()) ?? text;
}

/** « 6 10° », « 1 I, II », « 1, art. 2 », « 1, annexe », « 3 I »: the articles and their items. */
function parseArticles(text: string): CitedArticle[] | undefined {
  const articles: CitedArticle[] = [];
  for (const raw of text.split(/\s*,\s*|\s+et\s+/u)) {
    const piece = raw.replace(/^art(?:icle)?s?\.?\s*/iu, '').trim();
    if (!piece) continue;
    const words = piece.split(/\s+/u);
    // The longest head of the piece that is an article number (« 12 bis », « annexe III »).
    let cut = 0;
    for (let n = Math.min(words.length, 3); n > 0; n--) {
      if (ARTICLE_NUMBER.test(words.slice(0, n).join(' '))) {
        cut = n;
        break;
      }
    }
    // The items below the article, « II 5° » → « II, 5° » (« al. 2 » and « § 3 » stay whole).
    const path = words
      .slice(cut)
      .join(' ')
      .split(/(?<!al\.|§)\s+/u);
    if (path.some((word) => word && !ITEM.test(word))) return undefined;
    // Two items of the same kind in a row are siblings (« 1° 2° », « I II »); else a path (« II 5° »).
    const items: string[][] = [];
    for (const word of path.filter(Boolean)) {
      const last = items[items.length - 1];
      const previous = last?.[last.length - 1];
      if (last && previous !== undefined && itemRank(previous)?.kind !== itemRank(word)?.kind) last.push(word);
      else items.push([word]);
    }
    const itemPaths = items.map((item) => item.join(', '));
    const current = articles[articles.length - 1];
    if (cut > 0) {
      const num = words
        .slice(0, cut)
        .join(' ')
        .replace(/^(\d+)er\b/u, '$1');
      articles.push({ num, items: itemPaths });
    } else if (current && itemPaths.length > 0) {
      current.items.push(...itemPaths);
    } else {
      return undefined;
    }
  }
  return articles;
}

/** Reads one text as the sources write it; undefined when its shape is not one this module knows. */
export function parseAmendingText(source: string): AmendingText | undefined {
  let text = source.trim().replace(/\s+/gu, ' ').replace(/\.$/u, '');
  const head = HEAD.exec(text);
  if (!head?.groups) return undefined;
  const { nature, numbered, bare, date, iso } = head.groups;
  const parsed: AmendingText = { nature: normalNature(nature!), articles: [] };
  const number = numbered ?? bare;
  if (number) parsed.number = number.replace(/\s*,\s*/gu, ', ');
  const signed = date ? frenchDate(date) : iso;
  if (signed) parsed.date = signed;
  text = text.slice(head[0].length);

  const take = (pattern: RegExp): RegExpExecArray | undefined => {
    const match = pattern.exec(text);
    if (!match) return undefined;
    text = text.slice(0, match.index) + text.slice(match.index + match[0].length);
    return match;
  };
  const corrigendum = take(TAIL_CORRIGENDUM)?.[1];
  const inForceMatch = take(TAIL_IN_FORCE);
  const inForce = inForceMatch?.[2];
  if (inForceMatch?.[1]) parsed.inForceAtLatest = true;
  const journal = take(TAIL_JOURNAL)?.[1];
  if (take(TAIL_INITIAL)) parsed.initialVersion = true;
  take(LINK_STATUS);
  for (const [key, value] of [
    ['journal', journal],
    ['corrigendum', corrigendum],
    ['inForce', inForce],
  ] as const) {
    if (value === undefined) continue;
    const day = frenchDate(value);
    if (!day) return undefined;
    parsed[key] = day;
  }

  // What is left: nothing, or the articles (« - art. 5 », « , art 1 », « art. 6 10° », « - art. », « annexe 2 »).
  const rest = text
    .trim()
    .replace(/^[-,]\s*/u, '')
    .trim();
  if (rest && !/^art(?:icle)?s?\.?$/iu.test(rest)) {
    if (!/^(?:art(?:icle)?s?\.?\s|annexes?\b)/iu.test(rest)) return undefined;
    const articles = parseArticles(rest);
    if (!articles) return undefined;
    parsed.articles = articles;
  }
  // A nature alone (« Loi », « Rapport ») names no text.
  if (!parsed.number && !parsed.date && !parsed.journal) return undefined;
  return parsed;
}

/** Roman numerals and ordinals (« 10° ») as numbers, to sort and to see runs; undefined otherwise. */
function itemRank(item: string): { kind: 'ordinal' | 'roman'; n: number } | undefined {
  const ordinal = /^(\d+)°$/u.exec(item);
  if (ordinal) return { kind: 'ordinal', n: Number(ordinal[1]) };
  if (/^[IVXLC]+$/u.test(item)) {
    const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
    let n = 0;
    for (let i = 0; i < item.length; i++) {
      const value = values[item[i]!]!;
      const next = values[item[i + 1] ?? ''] ?? 0;
      n += value < next ? -value : value;
    }
    return { kind: 'roman', n };
  }
  return undefined;
}

/** « 1°, 2° et 5° », « 1° à 21° », « I et II »: items in order, runs of three or more as « à ». */
function formatItems(items: readonly string[]): string {
  const unique = [...new Set(items)];
  const ranked = unique.map((item) => ({ item, rank: itemRank(item) }));
  const sortable = ranked.every((r) => r.rank && r.rank.kind === ranked[0]?.rank?.kind);
  if (sortable) ranked.sort((a, b) => a.rank!.n - b.rank!.n);
  const words: string[] = [];
  for (let i = 0; i < ranked.length;) {
    let j = i;
    while (sortable && j + 1 < ranked.length && ranked[j + 1]!.rank!.n === ranked[j]!.rank!.n + 1) j++;
    if (j - i >= 2) {
      words.push(`${ranked[i]!.item} à ${ranked[j]!.item}`);
      i = j + 1;
    } else {
      words.push(ranked[i]!.item);
      i++;
    }
  }
  return frenchList(words);
}

function frenchList(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} et ${words[words.length - 1]}`;
}

function articleNumber(num: string): string {
  return num === '1' ? '1er' : num;
}

/** « art. 6, 1° à 21° », « art. 1er, 3 et 6 », « art. 1er, I et II ; art. 3 ». */
export function formatArticles(articles: readonly CitedArticle[]): string {
  if (articles.length === 0) return '';
  if (articles.every((a) => a.items.length === 0)) return `art. ${frenchList(articles.map((a) => articleNumber(a.num)))}`;
  return articles.map((a) => `art. ${articleNumber(a.num)}${a.items.length > 0 ? `, ${formatItems(a.items)}` : ''}`).join(' ; ');
}

/** The name of the text alone: « Décret n° 2006-83 du 27 janvier 2006 ». */
export function formatTextName(text: AmendingText): string {
  return `${text.nature}${text.number ? ` n° ${text.number}` : ''}${text.date ? ` du ${formatDate(text.date)}` : ''}`;
}

/** « Décret n° 2006-83 du 27 janvier 2006, art. 6, 10° (JORF du 28 janvier 2006) ». */
export function formatAmendingText(text: AmendingText): string {
  const articles = formatArticles(text.articles);
  const journal = text.journal
    ? ` (JORF du ${formatDate(text.journal)}${text.corrigendum ? `, rectificatif au JORF du ${formatDate(text.corrigendum)}` : ''})`
    : '';
  const initial = text.initialVersion ? ', version initiale' : '';
  const inForce = text.inForce ? `, en vigueur ${text.inForceAtLatest ? 'au plus tard ' : ''}le ${formatDate(text.inForce)}` : '';
  return `${formatTextName(text)}${articles ? `, ${articles}` : ''}${journal}${initial}${inForce}`;
}

/** The sources sometimes give several texts in one field: « Loi n°… ; Ordonnance n°… ». */
export function splitTexts(source: string): string[] {
  return source
    .split(/\s+;\s+/u)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/** One text as a lawyer writes it, or as the source wrote it when its shape is unknown. */
export function writeAmendingText(source: string): string {
  return splitTexts(source)
    .map((part) => {
      const parsed = parseAmendingText(part);
      return parsed ? formatAmendingText(parsed) : part;
    })
    .join(' ; ');
}

/** What identifies a text whatever the spelling: its nature, number and date. */
function textKey(text: AmendingText): string {
  return `${text.nature.toLowerCase()}|${text.number ?? ''}|${text.date ?? ''}|${text.number || text.date ? '' : (text.journal ?? '')}`;
}

function mergeArticles(into: CitedArticle[], more: readonly CitedArticle[]): void {
  for (const article of more) {
    const same = into.find((a) => a.num === article.num);
    if (same) same.items.push(...article.items.filter((item) => !same.items.includes(item)));
    else into.push({ num: article.num, items: [...article.items] });
  }
}

/** One line per text, in the order of first mention, with all its articles: what a list of amending texts shows. */
export function groupAmendingTexts(sources: readonly string[]): string[] {
  const groups = new Map<string, AmendingText | string>();
  for (const source of sources.flatMap(splitTexts)) {
    const parsed = parseAmendingText(source);
    if (!parsed) {
      if (!groups.has(`raw|${source}`)) groups.set(`raw|${source}`, source);
      continue;
    }
    const key = textKey(parsed);
    const known = groups.get(key);
    if (!known || typeof known === 'string') {
      groups.set(key, { ...parsed, articles: parsed.articles.map((a) => ({ num: a.num, items: [...a.items] })) });
      continue;
    }
    mergeArticles(known.articles, parsed.articles);
    known.journal ??= parsed.journal;
    known.corrigendum ??= parsed.corrigendum;
    // Dates of entry into force differ between items: the line keeps one only when they agree.
    if (known.inForce !== parsed.inForce || known.inForceAtLatest !== parsed.inForceAtLatest) {
      delete known.inForce;
      delete known.inForceAtLatest;
    }
  }
  return [...groups.values()].map((group) => (typeof group === 'string' ? group : formatAmendingText(group)));
}
