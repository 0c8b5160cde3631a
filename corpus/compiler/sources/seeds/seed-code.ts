/**
 * A whole code as a document (seed 003: the Code de la mutualité as of 1986-12-31): its table of
 * contents and one version of each article, as of the date the file states
 * (`Version Consolidée au 1986-12-31`). That date is when the text was in force, not when each
 * version began, so versions are marked `clamped` (their real start is earlier and unknown) and
 * sections carry no dates. Articles have no LEGI id here: ids are by number.
 */
import type { CompileWarning } from '../../../model/model.ts';
import { articleId, codeIdFromTitle } from '../../../model/ids.ts';
import type { ImportedArticle, ImportedVersion, SourceImport } from '../source-import.ts';
import { parseArticleBody } from '../common/lexlib-format/article-file.ts';
import { DatedToc } from '../common/lexlib-format/dated-toc.ts';
import { parseIntegral } from '../common/lexlib-format/integral.ts';
import { type ParseContext, warn } from '../common/parse-context.ts';
import { contentHash, type SeedImportOptions } from './seed-article.ts';

export function importSeedCode(text: string, options: SeedImportOptions): SourceImport {
  const warnings: CompileWarning[] = [];
  const ctx: ParseContext = { source: options.sourceId, path: options.path, warnings };
  const parsed = parseIntegral(text, ctx);
  let title = options.codeTitle ?? parsed.title;
  if (!title) {
    title = 'Code inconnu';
    warn(ctx, 1, `titre du code introuvable : « ${title} »`);
  }
  const code = codeIdFromTitle(title);
  const date = options.date ?? parsed.date;
  if (!date) warn(ctx, undefined, 'date (« Version Consolidée au AAAA-MM-JJ ») introuvable : articles importés sans version');

  const seen = new Set<string>();
  const articles: ImportedArticle[] = [];
  for (const block of parsed.articles) {
    if (seen.has(block.num)) warn(ctx, block.line, `article ${block.num} en double`);
    seen.add(block.num);
    const body = parseArticleBody(block.lines, ctx, block.line + 1);
    const versions: ImportedVersion[] = [];
    if (date) {
      const version: ImportedVersion = { validFrom: date, paragraphs: body.paragraphs, links: body.links, dateQuality: 'clamped' };
      if (body.nota) version.nota = body.nota;
      versions.push(version);
    }
    const article: ImportedArticle = { code, num: block.num, versions };
    if (block.sectionPath.length > 0) article.sectionPath = block.sectionPath;
    articles.push(article);
  }

  const toc = new DatedToc(code);
  toc.addSnapshot(date ?? '', parsed.toc, (num) => articleId(code, undefined, num));
  return {
    info: {
      id: options.sourceId,
      kind: 'seed-code',
      path: options.path,
      revision: contentHash(text),
      codes: [code],
      ...(date ? { date } : {}),
    },
    codes: [{ id: code, title, toc: toc.sections({ dated: false }) }],
    articles,
    warnings,
  };
}
