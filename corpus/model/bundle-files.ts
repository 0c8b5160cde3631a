/**
 * Where a bundle file named by the search index (`search/current.json`, `search/past-1.text-2.json`)
 * is stored: gzipped beside its name (`search/current.json.gz`) since bundle format 3. Every reader
 * of the search files (the renderer's worker, the tests, the benches) asks here, so that the index
 * keeps naming its files as it always did.
 */
import type { Manifest } from './bundle.ts';

export const GZIP_SUFFIX = '.gz';

/** The stored name of a file the compiler writes gzipped. */
export function storedFileName(logical: string): string {
  return logical.endsWith(GZIP_SUFFIX) ? logical : `${logical}${GZIP_SUFFIX}`;
}

/** The file to read for `logical` in this bundle (its gzipped copy when the manifest lists one), and whether to decompress it. */
export function storedFile(files: Manifest['files'], logical: string): { file: string; gzipped: boolean } {
  if (logical.endsWith(GZIP_SUFFIX)) return { file: logical, gzipped: true };
  const gzipped = `${logical}${GZIP_SUFFIX}`;
  return Object.hasOwn(files, gzipped) ? { file: gzipped, gzipped: true } : { file: logical, gzipped: false };
}
