/**
 * For tests and benches that read a compiled bundle from disk: a file's text by the name the
 * manifest or the search index gives it, decompressed when stored gzipped (`bundle-files.ts`).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { GZIP_SUFFIX } from '../../corpus/model/bundle-files.ts';

export function readBundleText(bundleDir: string, relative: string): string {
  let file = path.join(bundleDir, relative);
  if (!relative.endsWith(GZIP_SUFFIX) && !existsSync(file) && existsSync(`${file}${GZIP_SUFFIX}`)) file = `${file}${GZIP_SUFFIX}`;
  const bytes = readFileSync(file);
  return (file.endsWith(GZIP_SUFFIX) ? gunzipSync(bytes) : bytes).toString('utf8');
}

export function readBundleJson<T>(bundleDir: string, relative: string): T {
  return JSON.parse(readBundleText(bundleDir, relative)) as T;
}
