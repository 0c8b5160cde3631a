/**
 * A single LexHub article file given on its own (seed 004, `--source file.md`) as a source.
 *
 * A lone file has no history, so the date of its text is not in it. It comes from the caller, else
 * from the known files below (checked in the tests against the LexHub bundle), else the version is
 * dated 1970-01-02 with `dateQuality: 'clamped'` — the mark of LexHub's own undated commits — and a
 * warning says so: the merge then lets any source that knows the same text with an exact date win.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SourceImport } from '../source-import.ts';
import type { CodeId, CompileWarning, IsoDate } from '../../../model/model.ts';
import { SourceOpenError } from '../common/git-repository.ts';
import { knownCodeByLexhubSlug, listKnownCodes } from '../common/known-codes.ts';
import { CLAMPED_DATE, dateQualityOf } from './article-timeline.ts';
import { CodeNameVotes, type CodeIdentity } from './code-identity.ts';
import { parseLexhubFile } from './lexhub-file.ts';

/** LexHub files of the project, by the first 16 hex digits of the SHA-256 of their content. */
export const KNOWN_LEXHUB_FILES: Record<string, { validFrom: IsoDate; code: CodeId }> = {
  // 004_de1cfeb6a59aaf65.txt: L160-17, byte for byte the blob LexHub commits on 2016-01-01 (loi 2015-1702).
  '1879fcfa7b638980': { validFrom: '2016-01-01', code: 'code-de-la-securite-sociale' },
};

export interface LexhubFileImportOptions {
  /** Defaults to the file's base name. */
  sourceId?: string;
  /** The date the text came in force, when the caller knows it. */
  validFrom?: IsoDate;
  /** The code the article belongs to; guessed from the file's path or links otherwise. */
  code?: CodeId;
}

export function importLexhubFile(filePath: string, options: LexhubFileImportOptions = {}): SourceImport {
  const source = options.sourceId ?? path.basename(filePath).replace(/\.(md|txt)$/i, '');
  let content: Buffer;
  try {
    content = readFileSync(filePath);
  } catch (error) {
    throw new SourceOpenError(`${filePath}: illisible (${error instanceof Error ? error.message : String(error)})`);
  }
  const revision = createHash('sha256').update(content).digest('hex').slice(0, 16);
  const known = KNOWN_LEXHUB_FILES[revision];
  const { article, warnings } = parseLexhubFile(content.toString('utf8'), { source, path: filePath });
  const code = identifyCode(filePath, options.code ?? known?.code, article.codeNames);
  const all: CompileWarning[] = [...warnings];
  if (!code)
    all.push({
      source,
      path: filePath,
      message: 'code inconnu: ni dossier de code dans le chemin, ni lien titré vers un article du même code',
    });
  const codeId = code?.id ?? 'code-inconnu';

  const stated = options.validFrom ?? known?.validFrom;
  const validFrom = stated ?? CLAMPED_DATE;
  if (!stated) {
    all.push({
      source,
      path: filePath,
      message: `date du texte inconnue (fichier isolé): datée ${CLAMPED_DATE} (date de qualité « clamped »), toute source datée du même texte l'emporte`,
    });
  }
  const quality = stated ? dateQualityOf(validFrom) : 'clamped';
  return {
    info: {
      id: source,
      kind: 'seed-article',
      path: filePath,
      revision,
      ...(stated ? { date: stated } : {}),
      codes: [codeId],
    },
    codes: [{ id: codeId, title: code?.title ?? codeId, ...(code?.legiTextId ? { legiTextId: code.legiTextId } : {}) }],
    articles: [
      {
        code: codeId,
        num: article.num,
        versions: [
          {
            validFrom,
            ...(quality === 'unfixed' ? { status: 'VIGUEUR_DIFF' as const } : {}),
            paragraphs: article.paragraphs,
            ...(article.nota.length > 0 ? { nota: article.nota } : {}),
            links: article.links,
            dateQuality: quality,
          },
        ],
      },
    ],
    warnings: all,
  };
}

/**
 * The code of a lone file: stated, else a LexHub code folder in its path
 * (`…/code-de-la-securite-sociale/partie-legislative/…/l160-17.md`), else the code its titled links
 * point to most (a LexHub article links mostly within its own code).
 */
function identifyCode(filePath: string, stated: CodeId | undefined, codeNames: readonly [string, string][]): CodeIdentity | undefined {
  if (stated) {
    const known = listKnownCodes().find((code) => code.id === stated);
    return { id: stated, title: known?.title ?? stated, slug: stated, ...(known ? { legiTextId: known.legiTextId } : {}) };
  }
  for (const segment of path.resolve(filePath).split(path.sep).reverse()) {
    const known = knownCodeByLexhubSlug(segment);
    if (known) return { id: known.id, title: known.title, slug: segment, legiTextId: known.legiTextId };
  }
  const votes = new CodeNameVotes();
  for (const [slug, title] of codeNames) votes.add(slug, title);
  return votes.identify(filePath);
}
