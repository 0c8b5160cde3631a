/**
 * The sources to compile: the committed default list (`corpus/sources.json`) plus those given
 * with `--source`. Validated with zod so a bad entry is named precisely.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const pathSource = z.object({
  id: z.string().min(1).optional(),
  kind: z.enum(['auto', 'lexlib', 'lexhub', 'seed']),
  path: z.string().min(1),
  optional: z.boolean().optional(),
  /** Compiled in place of `path` when `path` is absent (the committed sample of `../shared`). */
  fallback: z.string().min(1).optional(),
});
const legiDataSource = z.object({
  id: z.string().min(1).optional(),
  kind: z.literal('legi-data'),
  /** LEGITEXT ids; all four codes of the package when absent. */
  codes: z.array(z.string().regex(/^LEGITEXT\d{12}$/)).optional(),
});
const sourceSpec = z.discriminatedUnion('kind', [pathSource, legiDataSource]);
const sourcesFile = z.object({ $comment: z.string().optional(), sources: z.array(sourceSpec) });

export type SourceSpec = z.infer<typeof sourceSpec> & {
  id: string;
  /** The absent path a fallback stands for (said in the build log). */
  replaces?: string;
};

export class SourceSpecError extends Error {}

/** Reads a sources file; relative paths are resolved against `root` (the project folder). */
export function readSourcesFile(file: string, root: string): SourceSpec[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SourceSpecError(`${file}: JSON illisible (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = sourcesFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SourceSpecError(`${file}: champ ${issue.path.join('.') || '(racine)'} invalide: ${issue.message}`);
  }
  return parsed.data.sources.map((spec, index) => {
    if (spec.kind === 'legi-data') return withId(spec, index);
    const resolved = path.resolve(root, spec.path);
    if (spec.fallback && !existsSync(resolved)) {
      // The id stays the source's: the same articles, from fewer commits.
      return { ...withId({ ...spec, path: resolved }, index), path: path.resolve(root, spec.fallback), replaces: resolved };
    }
    return withId({ ...spec, path: resolved }, index);
  });
}

/** A `--source` argument: a bundle, a git repository, a folder or a single file; its kind is detected. */
export function sourceFromArgument(argument: string, index: number): SourceSpec {
  if (argument === 'legi-data') return withId({ kind: 'legi-data' }, index);
  return withId({ kind: 'auto', path: path.resolve(argument) }, index);
}

function withId(spec: z.infer<typeof sourceSpec>, index: number): SourceSpec {
  if (spec.id) return spec as SourceSpec;
  const base = spec.kind === 'legi-data' ? 'legi-data' : path.basename(spec.path).replace(/\.(bundle|git|md|txt)$/, '');
  return { ...spec, id: index > 0 ? `${base}-${index}` : base };
}

export function pathKind(p: string): 'bundle' | 'repository' | 'folder' | 'file' | 'missing' {
  if (!existsSync(p)) return 'missing';
  const stat = statSync(p);
  if (stat.isFile()) {
    // The signature line only: a bundle is tens of megabytes.
    const head = Buffer.alloc(20);
    const fd = openSync(p, 'r');
    try {
      readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
    const signature = head.toString('latin1');
    return signature.startsWith('# v2 git bundle') || signature.startsWith('# v3 git bundle') ? 'bundle' : 'file';
  }
  return existsSync(path.join(p, '.git')) || existsSync(path.join(p, 'HEAD')) ? 'repository' : 'folder';
}
