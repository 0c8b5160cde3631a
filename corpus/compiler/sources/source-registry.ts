/**
 * From a source spec to its importer. `kind: auto` (what `--source` gives) is detected from the
 * content: a git history whose files are `Article X - N.md` is lexlib, one of slug folders is LexHub;
 * a single file or a folder of files is read document by document.
 */
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { GitRepository } from './common/git-repository.ts';
import type { SourceImport } from './source-import.ts';
import type { SourceSpec } from './source-spec.ts';
import { pathKind } from './source-spec.ts';
import { importLegiData } from './legidata/legidata-import.ts';
import { importLexhub } from './lexhub/lexhub-import.ts';
import { importLexlib } from './lexlib/lexlib-import.ts';
import { importDocumentFile } from './document-import.ts';

/** Merge priority by kind (lower first): exact consolidated dates, then current tree, then the rest. */
export const SOURCE_PRIORITY: Record<SourceSpec['kind'], number> = { lexlib: 0, 'legi-data': 1, lexhub: 2, auto: 3, seed: 4 };

export interface ImportContext {
  cacheDir: string;
  onProgress: (done: number, total: number) => void;
}

export function legiDataVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('@socialgouv/legi-data/package.json') as { version: string }).version;
}

/** Imports one source; a folder of documents may give several imports (one per file). */
export async function importSource(spec: SourceSpec, context: ImportContext): Promise<SourceImport[]> {
  if (spec.kind === 'legi-data') {
    const options: Parameters<typeof importLegiData>[0] = { sourceId: spec.id, onProgress: context.onProgress };
    if (spec.codes) options.codes = spec.codes;
    return [await importLegiData(options)];
  }
  const options = { cacheDir: context.cacheDir, sourceId: spec.id, onProgress: context.onProgress };
  switch (spec.kind) {
    case 'lexlib':
      return [await importLexlib(spec.path, options)];
    case 'lexhub':
      return [await importLexhub(spec.path, options)];
    case 'seed':
      return [importDocumentFile(spec.path, spec.id)];
    case 'auto':
      break;
  }
  const kind = pathKind(spec.path);
  if (kind === 'bundle' || kind === 'repository') {
    const repository = await GitRepository.open(spec.path, context.cacheDir);
    const files = await repository.listFiles();
    if (files.some((f) => /(^|\/)Article .+ - \d+\.md$/.test(f))) return [await importLexlib(spec.path, options)];
    if (files.some((f) => /(^|\/)[a-z0-9-]+\/[a-z0-9-]+\.md$/.test(f))) return [await importLexhub(spec.path, options)];
    throw new Error(`format inconnu : ni lexlib (« Article X - N.md ») ni LexHub (dossiers de sections)`);
  }
  if (kind === 'file') return [importDocumentFile(spec.path, spec.id)];
  if (kind === 'folder') {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const full = path.join(dir, entry);
        if (statSync(full).isDirectory()) walk(full);
        else if (/\.(md|txt)$/i.test(entry)) files.push(full);
      }
    };
    walk(spec.path);
    files.sort();
    const imports: SourceImport[] = [];
    files.forEach((file, index) => {
      imports.push(importDocumentFile(file, `${spec.id}/${path.relative(spec.path, file)}`));
      context.onProgress(index + 1, files.length);
    });
    return imports;
  }
  throw new Error(`${spec.path} : introuvable`);
}
