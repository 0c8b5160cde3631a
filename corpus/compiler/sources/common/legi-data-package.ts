/**
 * Where the `@socialgouv/legi-data` package is and what version it is. Resolved through Node's own
 * module resolution, so a hoisted or nested install both work.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export interface LegiDataPackage {
  /** The package's `data/` folder. */
  dataDir: string;
  version: string;
}

let cached: LegiDataPackage | undefined;

/** Throws with one clear line when the package is not installed. */
export function legiDataPackage(): LegiDataPackage {
  if (cached) return cached;
  let manifest: string;
  try {
    manifest = require.resolve('@socialgouv/legi-data/package.json');
  } catch {
    throw new Error('@socialgouv/legi-data: paquet introuvable (npm install needed)');
  }
  const version = (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version ?? 'unknown';
  cached = { dataDir: path.join(path.dirname(manifest), 'data'), version };
  return cached;
}
