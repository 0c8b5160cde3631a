/**
 * The export file of all annotations (JSON, with a format name and a schema version), and the merge
 * of an imported file into the annotations already there.
 *
 * Reading a file either gives every annotation in it, checked, or refuses the whole file with the
 * reason in French (not JSON, and where; not a Palimpseste file; written by a newer version; which
 * annotation and which field is wrong): a half-imported file would be worse than none.
 *
 * Merging never duplicates: an annotation is the same as one already there if it has the same id
 * (the later edit wins, by `updatedAt`) or, under another id, the same article, version, passage,
 * colour, tags and note (it was exported, the copy re-imported elsewhere, and imported back).
 *
 * Pure: no platform imports.
 */
import { z } from 'zod';
import { ANNOTATION_SCHEMA_VERSION, type Annotation } from './annotation.ts';
import { annotationSchema, rolePaletteSchema } from './annotation-schema.ts';
import { DEFAULT_PALETTE, type RolePalette } from './roles.ts';

export const ANNOTATIONS_FILE_FORMAT = 'palimpseste-annotations';

export interface AnnotationsFile {
  format: typeof ANNOTATIONS_FILE_FORMAT;
  schemaVersion: number;
  /** ISO 8601 instant of the export. */
  exportedAt: string;
  /** The user's names for the colours at export time. */
  palette: RolePalette;
  annotations: Annotation[];
}

export type AnnotationsFileErrorCode = 'not-json' | 'foreign' | 'newer-schema' | 'unknown-schema' | 'invalid';

export interface AnnotationsFileError {
  code: AnnotationsFileErrorCode;
  /** French, for the user. */
  message: string;
}

export type AnnotationsFileResult = { ok: true; value: AnnotationsFile } | { ok: false; error: AnnotationsFileError };

const fileSchema = z.object({
  format: z.literal(ANNOTATIONS_FILE_FORMAT),
  schemaVersion: z.literal(ANNOTATION_SCHEMA_VERSION),
  exportedAt: z.iso.datetime(),
  palette: rolePaletteSchema,
  annotations: z.array(annotationSchema),
});

/** The file's text: one annotation per line, so that a diff or a reader can follow it. */
export function exportAnnotationsFile(annotations: readonly Annotation[], options: { palette?: RolePalette; now?: Date } = {}): string {
  const head = {
    format: ANNOTATIONS_FILE_FORMAT,
    schemaVersion: ANNOTATION_SCHEMA_VERSION,
    exportedAt: (options.now ?? new Date()).toISOString(),
    palette: options.palette ?? DEFAULT_PALETTE,
  };
  const headText = JSON.stringify(head);
  const body = annotations.map((annotation) => `  ${JSON.stringify(annotation)}`).join(',\n');
  return `${headText.slice(0, -1)},\n"annotations": [\n${body}\n]}\n`;
}

function fail(code: AnnotationsFileErrorCode, message: string): AnnotationsFileResult {
  return { ok: false, error: { code, message } };
}

/** Line and column (1-based) of an offset in a text. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Reads an export file (see the module comment); never throws. */
export function parseAnnotationsFile(text: string): AnnotationsFileResult {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message)?.[1];
    const where = position !== undefined ? lineAndColumn(text, Number(position)) : /line (\d+) column (\d+)/.exec(message);
    const at = where
      ? Array.isArray(where)
        ? ` (ligne ${where[1]}, colonne ${where[2]})`
        : ` (ligne ${where.line}, colonne ${where.column})`
      : '';
    return fail('not-json', `Ce fichier n’est pas un fichier JSON valide${at} : il est peut-être tronqué ou endommagé.`);
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== ANNOTATIONS_FILE_FORMAT) {
    return fail('foreign', 'Ce fichier n’est pas un export d’annotations de Palimpseste.');
  }
  const version = (data as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version === 'number' && version > ANNOTATION_SCHEMA_VERSION) {
    return fail(
      'newer-schema',
      `Ce fichier a été écrit par une version plus récente de Palimpseste (schéma ${version}) ; cette version lit le schéma ${ANNOTATION_SCHEMA_VERSION}. Mettez Palimpseste à jour pour l’importer.`,
    );
  }
  if (version !== ANNOTATION_SCHEMA_VERSION) {
    return fail('unknown-schema', `Ce fichier annonce un schéma d’annotations inconnu (${JSON.stringify(version)}).`);
  }
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) return fail('invalid', describeIssue(parsed.error, data));
  return { ok: true, value: parsed.data };
}

function describeIssue(error: z.ZodError, data: unknown): string {
  const issue = error.issues[0]!;
  const [top, index, ...field] = issue.path;
  if (top === 'annotations' && typeof index === 'number') {
    const id = (data as { annotations: { id?: unknown }[] }).annotations[index]?.id;
    const named = typeof id === 'string' ? ` (id ${id})` : '';
    const where = field.length ? `, champ « ${field.join('.')} »` : '';
    return `Fichier refusé : l’annotation n° ${index + 1}${named} est invalide${where} : ${issue.message}. Aucune annotation n’a été importée.`;
  }
  return `Fichier refusé : champ « ${issue.path.join('.') || '(racine)'} » invalide : ${issue.message}. Aucune annotation n’a été importée.`;
}

export interface MergeReport {
  /** Everything, merged: the existing annotations (updated where the file had a later edit) then the new ones. */
  annotations: Annotation[];
  added: number;
  /** Same id, and the file's edit is later: replaced. */
  updated: number;
  /** Same id and same content, or the same content under another id: left alone. */
  unchanged: number;
  /** Same id, but the edit already there is later: kept. */
  keptLocal: number;
}

/** What makes two annotations the same one made twice (everything but id and dates). */
function contentKey(annotation: Annotation): string {
  const { article, version, target, role, tags, note } = annotation;
  return JSON.stringify([article.id, version.validFrom, version.legiVersionId ?? '', target, role ?? '', [...tags].sort(), note]);
}

/** Merges imported annotations into existing ones (see the module comment). The inputs are not modified. */
export function mergeAnnotations(existing: readonly Annotation[], incoming: readonly Annotation[]): MergeReport {
  const merged = [...existing];
  const byId = new Map<string, number>();
  const byContent = new Set<string>();
  merged.forEach((annotation, index) => {
    byId.set(annotation.id, index);
    byContent.add(contentKey(annotation));
  });
  const report: MergeReport = { annotations: merged, added: 0, updated: 0, unchanged: 0, keptLocal: 0 };
  for (const annotation of incoming) {
    const at = byId.get(annotation.id);
    if (at !== undefined) {
      const local = merged[at]!;
      if (JSON.stringify(local) === JSON.stringify(annotation)) report.unchanged++;
      else if (annotation.updatedAt > local.updatedAt) {
        merged[at] = annotation;
        byContent.add(contentKey(annotation));
        report.updated++;
      } else report.keptLocal++;
      continue;
    }
    const key = contentKey(annotation);
    if (byContent.has(key)) {
      report.unchanged++;
      continue;
    }
    byId.set(annotation.id, merged.length);
    byContent.add(key);
    merged.push(annotation);
    report.added++;
  }
  return report;
}

/** The merge said in French, for the message after an import. */
export function describeMerge(report: MergeReport): string {
  const plural = (n: number, one: string, many: string) => `${n.toLocaleString('fr-FR')} ${n > 1 ? many : one}`;
  const parts = [plural(report.added, 'annotation ajoutée', 'annotations ajoutées')];
  if (report.updated) parts.push(plural(report.updated, 'mise à jour', 'mises à jour'));
  if (report.unchanged) parts.push(plural(report.unchanged, 'déjà présente', 'déjà présentes'));
  if (report.keptLocal)
    parts.push(
      plural(
        report.keptLocal,
        'gardée telle qu’elle est ici (modifiée plus récemment)',
        'gardées telles qu’elles sont ici (modifiées plus récemment)',
      ),
    );
  return `${parts.join(', ')}.`;
}
