/**
 * A single lexlib article as a document (seeds 000 and 001): one version of one article. The file
 * names neither its code nor its date, so they come from the caller, else from the known seeds below
 * (dates checked against the lexlib bundle in `seeds.test.ts`: the seed's text is the lexlib version
 * starting on that date), else from the publication date (`JORF 5 février 1995`) of its `Modifié par`
 * / `Créé par` entries, marked as approximate.
 */
import { createHash } from 'node:crypto';
import type { CompileWarning, IsoDate } from '../../../model/model.ts';
import { codeIdFromTitle } from '../../../model/ids.ts';
import type { ImportedArticle, ImportedVersion, SourceImport } from '../source-import.ts';
import { parseArticleFile } from '../common/lexlib-format/article-file.ts';
import { parseFrenchDate } from '../common/dates.ts';
import { warn } from '../common/parse-context.ts';

export interface SeedImportOptions {
  sourceId: string;
  /** The file, as given (for warnings and the manifest). */
  path: string;
  /** The date of the version the document shows, when the caller knows it. */
  date?: IsoDate;
  /** The code's title, when the caller knows it. */
  codeTitle?: string;
}

interface KnownSeed {
  num: string;
  /** First day of the version the seed shows. */
  date: IsoDate;
  codeTitle: string;
}

/** The seeds of the project, by the first 16 hex digits of the SHA-256 of their content. */
export const KNOWN_SEED_ARTICLES: Record<string, KnownSeed> = {
  // 000_957ebed65d058a0e.txt: L611-3 « as of 1995 » = the lexlib version of 1995-02-05 (Loi n°95-116).
  '3c9277df39d09184': { num: 'L611-3', date: '1995-02-05', codeTitle: 'Code de la sécurité sociale' },
  // 001_803e8bac355c9d63.txt: L611-20 « as of 2015 » = the lexlib version of 2015-01-01 (Loi n°2014-1554).
  '524295b86ce27430': { num: 'L611-20', date: '2015-01-01', codeTitle: 'Code de la sécurité sociale' },
};

export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

export function importSeedArticle(text: string, options: SeedImportOptions): SourceImport {
  const warnings: CompileWarning[] = [];
  const ctx = { source: options.sourceId, path: options.path, warnings };
  const hash = contentHash(text);
  const known = KNOWN_SEED_ARTICLES[hash];
  const parsed = parseArticleFile(text, ctx);
  const num = parsed.num ?? known?.num;

  let codeTitle = options.codeTitle ?? known?.codeTitle;
  if (!codeTitle) {
    codeTitle = 'Code de la sécurité sociale';
    warn(ctx, undefined, `code de l'article inconnu : « ${codeTitle} » par défaut`);
  }
  const code = codeIdFromTitle(codeTitle);

  let date = options.date ?? known?.date;
  let dateQuality: ImportedVersion['dateQuality'] = 'exact';
  if (!date) {
    const dates = parsed.links
      .filter((link) => link.kind === 'modifiedBy' || link.kind === 'createdBy')
      .map((link) => /JORF (.+)$/.exec(link.label)?.[1])
      .map((published) => (published ? parseFrenchDate(published) : undefined))
      .filter((d): d is IsoDate => d !== undefined)
      .sort();
    date = dates.at(-1);
    dateQuality = 'clamped';
    if (date) warn(ctx, undefined, `date de la version déduite de la publication au JORF : ${date} (approximative)`);
    else warn(ctx, undefined, 'date de la version inconnue : article importé sans version');
  }

  const articles: ImportedArticle[] = [];
  if (num === undefined) warn(ctx, 1, 'numéro de l’article introuvable : document ignoré');
  else {
    const versions: ImportedVersion[] = [];
    if (date) {
      const version: ImportedVersion = { validFrom: date, paragraphs: parsed.paragraphs, links: parsed.links, dateQuality };
      if (parsed.nota) version.nota = parsed.nota;
      versions.push(version);
    }
    articles.push({ code, num, versions });
  }
  return {
    info: { id: options.sourceId, kind: 'seed-article', path: options.path, revision: hash, codes: [code], ...(date ? { date } : {}) },
    codes: [{ id: code, title: codeTitle }],
    articles,
    warnings,
  };
}
