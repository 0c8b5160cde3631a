/**
 * Fingerprints of the inputs of a build: when the sources and the compiler are unchanged, the
 * previous bundle is reused (a rebuild with no change takes seconds, not minutes).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { SourceSpec } from '../sources/source-spec.ts';
import { pathKind } from '../sources/source-spec.ts';

function hashOf(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/** Sizes and modification times of every file under a folder (not their content: fast). */
function folderStamp(folder: string): string {
  const entries: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === '.git') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        const stat = statSync(full);
        entries.push(`${path.relative(folder, full)}:${stat.size}:${stat.mtimeMs}`);
      }
    }
  };
  walk(folder);
  return hashOf(...entries.sort());
}

export function sourceFingerprint(spec: SourceSpec, legiDataVersion: string): string {
  if (spec.kind === 'legi-data') return hashOf('legi-data', legiDataVersion, ...(spec.codes ?? []));
  const kind = pathKind(spec.path);
  switch (kind) {
    case 'missing':
      return hashOf(spec.path, 'missing');
    case 'bundle':
      return hashOf(spec.path, execFileSync('git', ['bundle', 'list-heads', spec.path], { encoding: 'utf8' }));
    case 'repository':
      return hashOf(spec.path, execFileSync('git', ['-C', spec.path, 'rev-parse', 'HEAD'], { encoding: 'utf8' }), folderStamp(spec.path));
    case 'folder':
      return hashOf(spec.path, folderStamp(spec.path));
    case 'file':
      return hashOf(spec.path, readFileSync(spec.path).toString('base64'));
  }
}

/** The compiler's own code and the versions of the libraries that shape the bundle. */
export function compilerFingerprint(corpusRoot: string, libraryVersions: string[]): string {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!['dist', 'cache', 'node_modules'].includes(entry.name)) walk(full);
      } else if (/\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) files.push(full);
    }
  };
  walk(corpusRoot);
  return hashOf(...libraryVersions, ...files.sort().map((f) => `${path.relative(corpusRoot, f)}:${hashOf(readFileSync(f, 'utf8'))}`));
}

export function combineFingerprints(parts: string[]): string {
  return hashOf(...parts);
}
