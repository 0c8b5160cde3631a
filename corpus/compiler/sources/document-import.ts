/**
 * A single document given as a source (a file, or each file of a folder): a lexlib article, a
 * whole code, an Archéo Lex diff page (the seeds' formats) or a LexHub article.
 */
import type { SourceImport } from './source-import.ts';
import { importLexhubFile } from './lexhub/lexhub-file-import.ts';
import { importSeedFile } from './seeds/seed-import.ts';
import { detectSeedKind } from './seeds/seed-kind.ts';
import { readFileSync } from 'node:fs';

export function importDocumentFile(file: string, sourceId: string): SourceImport {
  const text = readFileSync(file, 'utf8');
  const kind = detectSeedKind(text);
  if (kind === 'lexhub-article') return importLexhubFile(file, { sourceId });
  const imported = kind ? importSeedFile(file, sourceId) : undefined;
  if (!imported) {
    throw new Error(
      `${file} : format non reconnu (ni article lexlib, ni code intégral, ni page de différences Archéo Lex, ni article LexHub)`,
    );
  }
  return imported;
}
