/**
 * The npm package `@socialgouv/legi-data` as a source: for each of its codes (Code du travail,
 * Code de la sécurité sociale, Code rural et de la pêche maritime, Code des relations entre le
 * public et l'administration), the current tree with LEGI's real section titles and validity, each
 * article's current text and NOTA, and the dates and LEGI ids of its past versions (`datesOnly`:
 * the package has no past texts).
 *
 * The code files are 2 to 56 MB of JSON each: they are read one at a time and let go before the
 * next. Nothing in them is trusted to have the documented shape: a node that is not what it should
 * be is skipped with a warning naming its id.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ImportedArticle, ImportedCode, ImportedVersion, SourceImport } from '../source-import.ts';
import { articleId, codeIdFromTitle } from '../../../model/ids.ts';
import type { CompileWarning, IsoDate, Section, SectionLevel, VersionStatus } from '../../../model/model.ts';
import { normalizeParagraph } from '../../../text/paragraphs.ts';
import { htmlToText } from '../common/html-text.ts';
import { dateFromEpoch, dateFromString, endDate } from './legi-dates.ts';
import { amendingTextOn, linksFromLegi, type LegiLink } from './legi-links.ts';
import { legiDataPackage } from '../common/legi-data-package.ts';

export interface LegiDataImportOptions {
  sourceId: string;
  /** `LEGITEXT…` ids of the codes to read; every code file of the package by default. */
  codes?: string[];
  onProgress?: (done: number, total: number) => void;
  /** Another copy of the package's `data/` folder (tests, a newer download); the installed package's by default. */
  dataDir?: string;
}

interface Node {
  type?: unknown;
  data?: Record<string, unknown>;
  children?: unknown;
}

interface LegiVersion {
  id?: unknown;
  etat?: unknown;
  dateDebut?: unknown;
  dateFin?: unknown;
}

/** LEGI states → the model's. `ABROGE_DIFF` is a text still in force that will end (its `validTo` says when). */
const STATUS: Record<string, VersionStatus> = {
  VIGUEUR: 'VIGUEUR',
  VIGUEUR_DIFF: 'VIGUEUR_DIFF',
  ABROGE_DIFF: 'VIGUEUR',
  MODIFIE: 'MODIFIE',
  MODIFIE_MORT_NE: 'MODIFIE',
  ABROGE: 'ABROGE',
  ANNULE: 'ABROGE',
  TRANSFERE: 'TRANSFERE',
  DEPLACE: 'TRANSFERE',
  PERIME: 'PERIME',
};

const LEVELS: [RegExp, SectionLevel][] = [
  [/^partie\b/i, 'partie'],
  [/^livre\b/i, 'livre'],
  [/^titre\b/i, 'titre'],
  [/^chapitre\b/i, 'chapitre'],
  [/^section\b/i, 'section'],
  [/^sous-section\b/i, 'sous-section'],
  [/^paragraphe\b/i, 'paragraphe'],
];

function levelOf(title: string): SectionLevel {
  return LEVELS.find(([pattern]) => pattern.test(title))?.[1] ?? 'other';
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null;
}

function childrenOf(node: Node): unknown[] {
  return Array.isArray(node.children) ? node.children : [];
}

/** The code files of the package: `LEGITEXT….json` in its data folder. */
export function legiDataCodeFiles(dataDir = legiDataPackage().dataDir): string[] {
  return readdirSync(dataDir)
    .filter((name) => /^LEGITEXT\d{12}\.json$/.test(name))
    .sort()
    .map((name) => path.join(dataDir, name));
}

export async function importLegiData(options: LegiDataImportOptions): Promise<SourceImport> {
  const source = options.sourceId;
  const { version } = legiDataPackage();
  const dataDir = options.dataDir ?? legiDataPackage().dataDir;
  const warnings: CompileWarning[] = [];
  const files = options.codes ? options.codes.map((id) => path.join(dataDir, `${id}.json`)) : legiDataCodeFiles(dataDir);
  const codes: ImportedCode[] = [];
  const articles: ImportedArticle[] = [];
  let dataDate: IsoDate | undefined;
  options.onProgress?.(0, files.length);
  for (const [index, file] of files.entries()) {
    // One code at a time: parse, convert, drop the tree before the next (memory stays at one code).
    const imported = importCodeFile(file, source, warnings);
    if (imported) {
      codes.push(imported.code);
      for (const article of imported.articles) articles.push(article);
      if (imported.date && (!dataDate || imported.date > dataDate)) dataDate = imported.date;
    }
    options.onProgress?.(index + 1, files.length);
    // Let the progress reach the terminal between two large files.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return {
    info: {
      id: source,
      kind: 'legi-data',
      path: dataDir,
      revision: version,
      ...(dataDate ? { date: dataDate } : {}),
      codes: codes.map((code) => code.id),
    },
    codes,
    articles,
    warnings,
  };
}

interface CodeImport {
  code: ImportedCode;
  articles: ImportedArticle[];
  date?: IsoDate;
}

function importCodeFile(file: string, source: string, warnings: CompileWarning[]): CodeImport | undefined {
  let root: unknown;
  try {
    root = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    warnings.push({ source, path: file, message: `code illisible (${reason.split('\n')[0]})` });
    return undefined;
  }
  if (!isNode(root) || !isNode(root.data) || !str(root.data.title)) {
    warnings.push({ source, path: file, message: 'pas un code legi-data (racine sans data.title)' });
    return undefined;
  }
  const title = str(root.data.title)
    .trim()
    .replace(/\s*\.$/, '');
  const legiTextId = str(root.data.id) || path.basename(file, '.json');
  const codeId = codeIdFromTitle(title);
  const date = dateFromString(root.data.dateModif) ?? dateFromString(root.data.dateDebutVersion);
  const articles: ImportedArticle[] = [];
  const warn = (id: string, message: string): void => {
    warnings.push({ source, path: `${file}#${id}`, message });
  };

  const readSection = (node: Node, titles: readonly string[]): Section | undefined => {
    const data = isNode(node.data) ? node.data : undefined;
    const id = str(data?.id);
    if (!data || !id) {
      warn(id || '?', 'section sans id ni données: ignorée');
      return undefined;
    }
    const sectionTitle = normalizeParagraph(str(data.title)) || id;
    const validFrom = dateFromString(data.dateDebut);
    const validTo = endDate(dateFromString(data.dateFin));
    const section: Section = {
      id,
      title: sectionTitle,
      level: levelOf(sectionTitle),
      ...(validFrom ? { validFrom } : {}),
      ...(validTo ? { validTo } : {}),
      children: [],
      articles: [],
    };
    readChildren(node, [...titles, sectionTitle], section);
    return section;
  };

  const readChildren = (node: Node, titles: readonly string[], into: Section | undefined, top?: Section[]): void => {
    for (const child of childrenOf(node)) {
      if (!isNode(child)) continue;
      if (child.type === 'section') {
        const section = readSection(child, titles);
        if (section) (into ? into.children : top!).push(section);
      } else if (child.type === 'article') {
        const article = readArticle(child, titles);
        if (!article) continue;
        articles.push(article);
        if (into) into.articles.push(articleId(codeId, article.legiId, article.num));
        else warn(article.legiId ?? article.num, `article ${article.num} hors de toute section`);
      } else {
        warn(str(isNode(child.data) ? child.data.id : '') || '?', `nœud de type inconnu « ${String(child.type)} »: ignoré`);
      }
    }
  };

  const readArticle = (node: Node, titles: readonly string[]): ImportedArticle | undefined => {
    const data = isNode(node.data) ? node.data : undefined;
    const id = str(data?.id);
    const num = normalizeParagraph(str(data?.num));
    if (!data || !id || !num) {
      warn(id || '?', 'article sans id ou sans numéro: ignoré');
      return undefined;
    }
    const legiId = str(data.cid) || id;
    const links = Array.isArray(data.lienModifications) ? (data.lienModifications.filter(isNode) as LegiLink[]) : [];
    const versions = readVersions(data, id, num, links, warn);
    if (versions.length === 0) {
      warn(id, `article ${num} sans aucune version datée: ignoré`);
      return undefined;
    }
    return { code: codeId, num, legiId, sectionPath: [...titles], versions };
  };

  const toc: Section[] = [];
  readChildren(root, [], undefined, toc);
  return { code: { id: codeId, title, legiTextId, toc }, articles, ...(date ? { date } : {}) };
}

/**
 * The article's versions: `articleVersions` sorted by date, the current one (`id`) with the text,
 * the others dates only. LEGI keeps versions that were never in force (`MODIFIE_MORT_NE`, or an end
 * before the start): they are left out, a timeline cannot hold an empty range. A version's dates
 * are DILA's own: the merge lets them decide when the article was in force.
 */
function readVersions(
  data: Record<string, unknown>,
  id: string,
  num: string,
  links: readonly LegiLink[],
  warn: (id: string, message: string) => void,
): ImportedVersion[] {
  const raw = (Array.isArray(data.articleVersions) ? data.articleVersions : []).filter(isNode) as LegiVersion[];
  if (!raw.some((v) => v.id === id)) raw.push({ id, etat: data.etat, dateDebut: data.dateDebut, dateFin: data.dateFin });
  raw.sort((a, b) => (typeof a.dateDebut === 'number' ? a.dateDebut : 0) - (typeof b.dateDebut === 'number' ? b.dateDebut : 0));
  const versions: ImportedVersion[] = [];
  let previousFrom: IsoDate | undefined;
  for (const entry of raw) {
    const validFrom = dateFromEpoch(entry.dateDebut);
    const end = dateFromEpoch(entry.dateFin);
    if (!validFrom) {
      warn(str(entry.id) || id, 'version sans date de début: ignorée');
      continue;
    }
    const validTo = endDate(end);
    if (validTo !== undefined && validTo <= validFrom && entry.id !== id) continue;
    // A version « mort-née » was replaced before it came into force: it never applied, and its
    // dates (often overlapping the versions around it) must not make the article in force.
    if (entry.etat === 'MODIFIE_MORT_NE' && entry.id !== id) continue;
    const status = STATUS[str(entry.etat)];
    const amendedBy = amendingTextOn(links, validFrom, previousFrom);
    previousFrom = validFrom;
    const common = {
      validFrom,
      ...(validTo ? { validTo } : {}),
      ...(status ? { status } : {}),
      ...(amendedBy ? { amendedBy } : {}),
      ...(str(entry.id) ? { legiVersionId: str(entry.id) } : {}),
      dateQuality: 'exact' as const,
    };
    if (entry.id === id) {
      const text = articleText(data, id, warn);
      versions.push({
        ...common,
        num,
        paragraphs: text.paragraphs,
        ...(text.nota.length > 0 ? { nota: text.nota } : {}),
        links: linksFromLegi(links),
      });
    } else {
      versions.push({ ...common, paragraphs: [], links: [], datesOnly: true });
    }
  }
  return versions.sort((a, b) => a.validFrom.localeCompare(b.validFrom));
}

/** The current text: from the HTML (it has the paragraphs), else the plain text, one line a paragraph. */
function articleText(
  data: Record<string, unknown>,
  id: string,
  warn: (id: string, message: string) => void,
): { paragraphs: string[]; nota: string[] } {
  const fromHtml = (html: string, plain: string, what: string): string[] => {
    if (html.trim()) {
      const parsed = htmlToText(html);
      for (const problem of parsed.problems) warn(id, `${what} HTML: ${problem.message} (position ${problem.offset})`);
      if (parsed.paragraphs.length > 0) return parsed.paragraphs;
    }
    return plain
      .split(/\n/)
      .map((line) => normalizeParagraph(line))
      .filter(Boolean);
  };
  const paragraphs = fromHtml(str(data.texteHtml), str(data.texte), 'texte');
  if (paragraphs.length === 0) warn(id, 'article sans texte');
  return { paragraphs, nota: fromHtml(str(data.notaHtml), str(data.nota), 'NOTA') };
}
