/**
 * The whole-code file (`Code de la mutualité - Intégral.md`, and seed 003 which is that file as of
 * 1986-12-31 without its table of contents): `# Code de la mutualité`, `Version Consolidée au …`, an
 * optional `## Contenu:` list, then section headings and `###### Article X` blocks.
 *
 * The heading level alone does not give the tree: the repository caps sections at `#####`, so a
 * `##### Sous-section 1` follows its `##### Section 1` at the same level (the `## Contenu:` list, which
 * nests them, shows they are parent and child). So a heading at the same level nests under the
 * previous one when its keyword ranks deeper (Partie > Livre > Titre > Chapitre > Section >
 * Sous-section > Paragraphe). Checked against the `## Contenu:` nesting in `lexlib-mutualite.test.ts`.
 */
import type { IsoDate, SectionLevel } from '../../../../model/model.ts';
import { articleHeading } from './article-file.ts';
import { isValidIsoDate } from '../dates.ts';
import { type ParseContext, warn } from '../parse-context.ts';

export interface IntegralSection {
  title: string;
  level: SectionLevel;
  /** 1-based line of the heading. */
  line: number;
  children: IntegralSection[];
  /** Article numbers directly in this section, in reading order. */
  articles: string[];
}

export interface IntegralArticle {
  num: string;
  /** 1-based line of `###### Article X`. */
  line: number;
  /** The lines after the heading, up to the next heading. */
  lines: string[];
  /** Section titles from the root down to the article. */
  sectionPath: string[];
}

export interface ParsedIntegral {
  title?: string;
  date?: IsoDate;
  toc: IntegralSection[];
  articles: IntegralArticle[];
}

const LEVELS: readonly [RegExp, SectionLevel][] = [
  [/^partie\b/i, 'partie'],
  [/^livre\b/i, 'livre'],
  [/^titre\b/i, 'titre'],
  [/^chapitre\b/i, 'chapitre'],
  [/^sous-section\b/i, 'sous-section'],
  [/^section\b/i, 'section'],
  [/^paragraphe\b/i, 'paragraphe'],
];
const RANK: Record<SectionLevel, number | undefined> = {
  partie: 1,
  livre: 2,
  titre: 3,
  chapitre: 4,
  section: 5,
  'sous-section': 6,
  paragraphe: 7,
  other: undefined,
};

export function sectionLevelOf(title: string): SectionLevel {
  for (const [pattern, level] of LEVELS) if (pattern.test(title)) return level;
  return 'other';
}

/** `## Livre II : Mutuelles…<a id=19></a>` → { hashes: 2, title: 'Livre II : Mutuelles…' }. */
function heading(line: string): { hashes: number; title: string } | undefined {
  const match = /^(#{1,6})\s+(.*)$/.exec(line);
  if (!match) return undefined;
  const title = match[2]!
    .replace(/<a id=[^>]*><\/a>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return { hashes: match[1]!.length, title };
}

export interface ParseIntegralOptions {
  /** Only the tree and the article numbers (no article lines, no text warnings): for history scans. */
  headingsOnly?: boolean;
}

/** Parses a whole-code file. Never throws; what it cannot place is warned. */
export function parseIntegral(text: string, ctx: ParseContext, options: ParseIntegralOptions = {}): ParsedIntegral {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const result: ParsedIntegral = { toc: [], articles: [] };
  const stack: { hashes: number; rank: number | undefined; node: IntegralSection }[] = [];
  let article: IntegralArticle | undefined;
  let inContents = false;
  let sawTitle = false;

  const closeArticle = (): void => {
    if (article) result.articles.push(article);
    article = undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (options.headingsOnly && line.charCodeAt(0) !== 35 /* # */) continue;
    const lineNo = i + 1;
    const h = heading(line);
    if (!h) {
      if (article) article.lines.push(line);
      else if (!inContents && line.trim()) {
        const version = /^Version Consolidée au (\S+)/i.exec(line.trim());
        if (version) {
          if (isValidIsoDate(version[1]!)) result.date = version[1]!;
          else warn(ctx, lineNo, `date impossible « ${version[1]} »`);
        } else warn(ctx, lineNo, `texte hors article ignoré : « ${line.trim().slice(0, 80)} »`);
      }
      continue;
    }
    closeArticle();
    inContents = false;
    if (!sawTitle) {
      sawTitle = true;
      if (/^code\b/i.test(h.title)) {
        result.title = h.title;
        continue;
      }
      warn(ctx, lineNo, `titre du code attendu, trouvé « ${h.title.slice(0, 80)} »`);
    }
    if (/^Contenu\s*:?$/i.test(h.title)) {
      inContents = true;
      continue;
    }
    const num = articleHeading(line);
    if (num !== undefined) {
      const parent = stack.at(-1)?.node;
      if (!parent) warn(ctx, lineNo, `article ${num} hors de toute section`);
      else parent.articles.push(num);
      article = { num, line: lineNo, lines: [], sectionPath: stack.map((entry) => entry.node.title) };
      continue;
    }
    if (!h.title) {
      warn(ctx, lineNo, 'titre de section vide');
      continue;
    }
    const level = sectionLevelOf(h.title);
    const rank = RANK[level];
    while (stack.length > 0) {
      const top = stack.at(-1)!;
      const nests = top.hashes < h.hashes || (top.hashes === h.hashes && rank !== undefined && top.rank !== undefined && rank > top.rank);
      if (nests) break;
      stack.pop();
    }
    const node: IntegralSection = { title: h.title, level, line: lineNo, children: [], articles: [] };
    const parent = stack.at(-1)?.node;
    if (parent) parent.children.push(node);
    else result.toc.push(node);
    stack.push({ hashes: h.hashes, rank, node });
  }
  closeArticle();
  if (!sawTitle) warn(ctx, 1, 'fichier sans titre de code');
  return result;
}
