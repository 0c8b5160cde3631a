/**
 * The Archéo Lex diff page of a code between two consolidated versions (seed 002), as text:
 *
 * ```
 * Code de la sécurité sociale
 * …
 * Version consolidée au 28 janvier 2006 (version a45eea6)
 * La précédente version était la version consolidée au 19 janvier 2006.
 *
 * ... ...
 * @@ -16696,9 +16696,9 @@ h. dans les départements d'outre-mer, des caisses …
 * 16696 16696          ← old and new line numbers of a context line
 *  (context line, after one space)
 * 16699                ← old line number of a removed line (or new line number of an added one)
 * -4°) en ce qui concerne …
 * ```
 * Hunks are separated by `... ...`. The code's text it diffs is one line per paragraph, with
 * headings (`##### Article R115-5`, `#### Chapitre 7 : …`) and blank lines between them.
 */
import type { CompileWarning, IsoDate } from '../../../model/model.ts';
import { parseFrenchDate } from '../common/dates.ts';
import { type ParseContext, warn } from '../common/parse-context.ts';

export interface ArcheoDiffLine {
  kind: ' ' | '-' | '+';
  oldLine?: number;
  newLine?: number;
  text: string;
  /** 1-based line of the text in the page. */
  pageLine: number;
}

export interface ArcheoDiffHunk {
  oldStart: number;
  oldCount: number;
  newStart: number;
  newCount: number;
  /** The text after the second `@@`: the line before the hunk, cut. */
  heading: string;
  lines: ArcheoDiffLine[];
}

export interface ArcheoDiff {
  codeTitle?: string;
  fromDate?: IsoDate;
  toDate?: IsoDate;
  /** Archéo Lex's version id (`a45eea6`). */
  version?: string;
  hunks: ArcheoDiffHunk[];
  warnings: CompileWarning[];
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@ ?(.*)$/;
const LINE_NUMBERS = /^(\d+)(?: (\d+))?$/;

export function parseArcheoDiff(text: string, context: { source?: string; path?: string } = {}): ArcheoDiff {
  const warnings: CompileWarning[] = [];
  const ctx: ParseContext = { source: context.source ?? 'seed-diff', path: context.path ?? '(texte)', warnings };
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const result: ArcheoDiff = { hunks: [], warnings };

  // The page header: everything before the first separator or hunk.
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '... ...' || HUNK_HEADER.test(line)) break;
    if (!line) continue;
    if (result.codeTitle === undefined && /^code\b/i.test(line)) result.codeTitle = line;
    const to = /^Version consolidée au (.+?)(?: \(version ([0-9a-f]+)\))?$/i.exec(line);
    if (to) {
      result.toDate = parseFrenchDate(to[1]!) ?? warnDate(ctx, i + 1, to[1]!);
      if (to[2]) result.version = to[2];
    }
    const from = /^La précédente version était la version consolidée au (.+?)\.?$/i.exec(line);
    if (from) result.fromDate = parseFrenchDate(from[1]!) ?? warnDate(ctx, i + 1, from[1]!);
  }
  if (!result.codeTitle) warn(ctx, 1, 'titre du code introuvable');
  if (!result.toDate) warn(ctx, undefined, 'date de la version (« Version consolidée au … ») introuvable');
  if (!result.fromDate) warn(ctx, undefined, 'date de la version précédente introuvable');

  let hunk: ArcheoDiffHunk | undefined;
  const closeHunk = (): void => {
    if (!hunk) return;
    const olds = hunk.lines.filter((l) => l.kind !== '+').length;
    const news = hunk.lines.filter((l) => l.kind !== '-').length;
    if (olds !== hunk.oldCount || news !== hunk.newCount) {
      warn(
        ctx,
        undefined,
        `bloc @@ -${hunk.oldStart},${hunk.oldCount} +${hunk.newStart},${hunk.newCount} @@ : ${olds} anciennes et ${news} nouvelles lignes lues`,
      );
    }
    result.hunks.push(hunk);
    hunk = undefined;
  };

  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const lineNo = i + 1;
    if (line.trim() === '... ...') {
      closeHunk();
      continue;
    }
    const header = HUNK_HEADER.exec(line);
    if (header) {
      closeHunk();
      hunk = {
        oldStart: Number(header[1]),
        oldCount: header[2] === undefined ? 1 : Number(header[2]),
        newStart: Number(header[3]),
        newCount: header[4] === undefined ? 1 : Number(header[4]),
        heading: header[5]!.trim(),
        lines: [],
      };
      continue;
    }
    const numbers = LINE_NUMBERS.exec(line);
    if (!numbers) {
      if (line.trim()) warn(ctx, lineNo, `ligne inattendue : « ${line.slice(0, 80)} »`);
      continue;
    }
    const content = lines[i + 1];
    if (content === undefined || !/^[ +-]/.test(content)) {
      warn(ctx, lineNo, `numéros de ligne « ${line} » sans ligne de texte qui les suive`);
      continue;
    }
    i++;
    if (!hunk) {
      warn(ctx, lineNo, 'ligne de texte hors de tout bloc @@');
      continue;
    }
    const kind = content[0] as ' ' | '-' | '+';
    const entry: ArcheoDiffLine = { kind, text: content.slice(1), pageLine: i + 1 };
    const first = Number(numbers[1]);
    if (kind === ' ') {
      if (numbers[2] === undefined) warn(ctx, lineNo, 'ligne de contexte avec un seul numéro');
      entry.oldLine = first;
      entry.newLine = numbers[2] === undefined ? first : Number(numbers[2]);
    } else {
      if (numbers[2] !== undefined) warn(ctx, lineNo, `ligne ${kind} avec deux numéros`);
      if (kind === '-') entry.oldLine = first;
      else entry.newLine = first;
    }
    hunk.lines.push(entry);
  }
  closeHunk();
  return result;
}

function warnDate(ctx: ParseContext, line: number, text: string): undefined {
  warn(ctx, line, `date illisible « ${text} »`);
  return undefined;
}
