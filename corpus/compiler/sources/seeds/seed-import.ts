/**
 * Any seed document, by its content: a lexlib article (000, 001), a whole code (003) or an
 * Archéo Lex diff page (002). LexHub articles (seed 004) are the LexHub importer's: for them, and
 * for text that is none of these, `importSeedText` returns undefined.
 */
import { readFileSync } from 'node:fs';
import type { SourceImport } from '../source-import.ts';
import { importSeedArticle, type SeedImportOptions } from './seed-article.ts';
import { importSeedCode } from './seed-code.ts';
import { importSeedDiff } from './seed-diff.ts';
import { detectSeedKind } from './seed-kind.ts';

export function importSeedText(text: string, options: SeedImportOptions): SourceImport | undefined {
  switch (detectSeedKind(text)) {
    case 'seed-article':
      return importSeedArticle(text, options);
    case 'seed-code':
      return importSeedCode(text, options);
    case 'seed-diff':
      return importSeedDiff(text, options);
    default:
      return undefined;
  }
}

/** Reads a seed file (UTF-8) and imports it; undefined when it is not a seed this module reads. */
export function importSeedFile(file: string, sourceId: string): SourceImport | undefined {
  return importSeedText(readFileSync(file, 'utf8'), { sourceId, path: file });
}
