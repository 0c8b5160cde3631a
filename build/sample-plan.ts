/**
 * What the committed sample (`corpus/sample/`) holds, read from `corpus/sample/articles.json`: for
 * each code, the articles whose whole history it keeps, each with the test or reader feature that
 * needs it; and how a file of each source format is recognised as one of those articles.
 *
 * - lexlib: `01. Partie législative/Article L611-3 - 6743538.md`; the number after the dash is the
 *   article's LEGI id, so a wanted number keeps every file of the LEGI ids that ever bore it (the
 *   two articles numbered L131-6-3, a file moved to another part), and the README rides along.
 * - LexHub: `…/section-1-dispositions-communes/l611-3.md`: the file name is the number as a slug;
 *   every folder the article went through is kept.
 *
 * A lexlib commit message lists the articles its version created, modified and repealed; the
 * sample's message keeps, in each list, the numbers of the articles the sample holds (the compiler
 * builds change sets from those lists), and everything else of the message as it is.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export type SampleFormat = 'lexlib' | 'lexhub';

const codeSample = z.object({
  code: z.string().min(1),
  lexlib: z.string().endsWith('.bundle').optional(),
  lexhub: z.string().endsWith('.bundle').optional(),
  /** Article number → why the sample holds it. */
  articles: z.record(z.string().min(1), z.string().min(1)),
});
const sampleFile = z.object({ $comment: z.string().optional(), codes: z.array(codeSample).min(1) });

export type CodeSample = z.infer<typeof codeSample>;

export function readSamplePlan(file: string): CodeSample[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} : JSON illisible (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  const parsed = sampleFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file} : champ ${issue.path.join('.') || '(racine)'} invalide : ${issue.message}`);
  }
  return parsed.data.codes;
}

const LEXLIB_ARTICLE = /^(?:.*\/)?Article (.+) - (\d+)\.md$/;

/** The number and LEGI digits of a lexlib article file, or undefined for another file. */
export function lexlibArticleFile(filePath: string): { num: string; digits: string } | undefined {
  const match = LEXLIB_ARTICLE.exec(filePath);
  return match ? { num: match[1]!.replace(/\s+/g, ' ').trim(), digits: match[2]! } : undefined;
}

/** LexHub's file name for an article number: `L611-3` → `l611-3`, `Annexe (3) à l'art. A931-11-11` → `annexe-3-a-lart-a931-11-11`. */
export function lexhubSlug(num: string): string {
  return num
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export interface FileSelection {
  /** Files the sample keeps. */
  keep(filePath: string): boolean;
  /** The article files among them (a change to one makes a commit of the sample). */
  isArticle(filePath: string): boolean;
  /** Wanted numbers no file of the source bears. */
  missing: string[];
  /** Numbers borne by the kept article files (what a restricted message may list). */
  keptNumbers: Set<string>;
}

/** Which files of a source, given every path of its history, are the wanted articles. */
export function selectFiles(format: SampleFormat, allPaths: readonly string[], wanted: readonly string[]): FileSelection {
  if (format === 'lexhub') {
    const slugs = new Map(wanted.map((num) => [lexhubSlug(num), num]));
    const found = new Set<string>();
    const kept = new Set<string>();
    for (const filePath of allPaths) {
      const num = slugs.get(filePath.replace(/^.*\//, '').replace(/\.md$/, ''));
      if (num !== undefined && filePath.endsWith('.md')) {
        kept.add(filePath);
        found.add(num);
      }
    }
    return {
      keep: (p) => kept.has(p),
      isArticle: (p) => kept.has(p),
      missing: wanted.filter((num) => !found.has(num)),
      keptNumbers: found,
    };
  }
  const wantedSet = new Set(wanted);
  const digits = new Set<string>();
  const found = new Set<string>();
  for (const filePath of allPaths) {
    const file = lexlibArticleFile(filePath);
    if (file && wantedSet.has(file.num)) {
      digits.add(file.digits);
      found.add(file.num);
    }
  }
  const keptNumbers = new Set<string>();
  for (const filePath of allPaths) {
    const file = lexlibArticleFile(filePath);
    if (file && digits.has(file.digits)) keptNumbers.add(file.num);
  }
  const isArticle = (p: string) => {
    const file = lexlibArticleFile(p);
    return file !== undefined && digits.has(file.digits);
  };
  return {
    keep: (p) => p === 'README.md' || isArticle(p),
    isArticle,
    missing: wanted.filter((num) => !found.has(num)),
    keptNumbers,
  };
}

const NUMBER_LISTS = new Set(['Articles nouveaux:', 'Articles modifiés:', 'Articles abrogés:']);

/**
 * A lexlib message with its three lists of numbers restricted to `kept`; a list left empty loses
 * its header. The first line and the amending texts stay as they are.
 */
export function restrictLexlibMessage(message: string, kept: ReadonlySet<string>): string {
  const lines = message.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!NUMBER_LISTS.has(line.trim())) {
      out.push(line);
      continue;
    }
    const numbers: string[] = [];
    while (i + 1 < lines.length && /^\s+\S/.test(lines[i + 1]!)) {
      i++;
      for (const num of lines[i]!.split(',')) {
        const trimmed = num.replace(/\s+/g, ' ').trim();
        if (kept.has(trimmed)) numbers.push(trimmed);
      }
    }
    if (numbers.length > 0) out.push(line, `\t${numbers.join(', ')}`);
  }
  return out.join('\n');
}
