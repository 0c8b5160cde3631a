/**
 * Validation of every argument that crosses the renderer↔host boundary (zod), one tuple schema per
 * method of `PalimpsesteApi`. The host parses the raw arguments with these before doing anything:
 * a renderer is not trusted to send what the types say (a compromised page could send anything).
 *
 * Pure: runs in the host and, if it wants to check before sending, in the renderer.
 */
import { z } from 'zod';
import { NOTE_MAX_LENGTH, TAG_MAX_LENGTH, TAGS_MAX } from '../../corpus/annotations/annotation.ts';
import { annotationIdSchema, annotationSchema, roleIdSchema, rolePaletteSchema } from '../../corpus/annotations/annotation-schema.ts';
import { ROLE_IDS } from '../../corpus/annotations/roles.ts';
import type { ApiMethod, ExportFile, PalimpsesteApi, PrintRequest, SessionState, Trail, TrailStep } from './api.ts';

/** No control characters (NUL, line breaks…) in ids and numbers: they never occur in the corpus. */
const PRINTABLE = /^\P{Cc}+$/u;

/** `code-de-la-securite-sociale`: the slug `codeIdFromTitle` produces. */
export const codeIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'identifiant de code invalide');

/** `code/LEGIARTI000006743538` or `code/num:L611-3`. */
export const articleIdSchema = z
  .string()
  .max(400)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\/\P{Cc}+$/u, "identifiant d'article invalide");

/** An article number as a user may type it: `L. 611-3`, `art. L611-3`. */
export const articleNumberSchema = z.string().min(1).max(200).regex(PRINTABLE, "numéro d'article invalide");

/** `YYYY-MM-DD` with a plausible month and day (lexicographic order is chronological order). */
export const isoDateSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'date invalide (AAAA-MM-JJ)');

/** Trail ids are made by the renderer; they become part of nothing on disk but stay short and plain. */
export const trailIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'identifiant de parcours invalide');

/** ISO 8601 timestamp as `Date.prototype.toISOString` writes it (loosely: it is only displayed). */
const timestampSchema = z.string().max(40).regex(PRINTABLE);

export const trailStepSchema = z.object({
  article: articleIdSchema,
  num: z.string().max(200),
  code: codeIdSchema,
  date: isoDateSchema,
}) satisfies z.ZodType<TrailStep>;

/** A trail longer than this is a runaway loop in the renderer, not a reading session. */
export const MAX_TRAIL_STEPS = 5000;

export const trailSchema = z.object({
  id: trailIdSchema,
  name: z.string().max(300),
  steps: z.array(trailStepSchema).max(MAX_TRAIL_STEPS),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
}) satisfies z.ZodType<Trail>;

/** The home page lists this many recent articles; more in a session file is not ours. */
export const MAX_RECENT = 50;

export const sessionStateSchema = z.object({
  location: z.string().max(4000).optional(),
  theme: z.enum(['light', 'dark']).optional(),
  textScale: z.number().min(0.5).max(4).optional(),
  recent: z.array(trailStepSchema).max(MAX_RECENT).optional(),
}) satisfies z.ZodType<SessionState>;

export const annotationEditSchema = z.strictObject({
  note: z.string().max(NOTE_MAX_LENGTH).optional(),
  tags: z.array(z.string().max(TAG_MAX_LENGTH)).max(TAGS_MAX).optional(),
  role: roleIdSchema.nullable().optional(),
});

const statusSchema = z.enum(['attached', 'changed', 'orphan']);

export const annotationQuerySchema = z.strictObject({
  text: z.string().max(2000).optional(),
  codes: z.array(codeIdSchema).max(100).optional(),
  roles: z.array(z.enum(ROLE_IDS)).max(ROLE_IDS.length).optional(),
  tags: z.array(z.string().max(TAG_MAX_LENGTH)).max(200).optional(),
  statuses: z.array(statusSchema).max(3).optional(),
  articles: z.array(articleIdSchema).max(1000).optional(),
  sort: z.enum(['recent', 'oldest', 'article']).optional(),
  offset: z.number().int().min(0).max(10_000_000).optional(),
  limit: z.number().int().min(1).max(1000).optional(),
});

const paperSchema = z.enum(['A4', 'Letter']).optional();

export const printRequestSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('article'), article: articleIdSchema, date: isoDateSchema, paper: paperSchema }),
  z.strictObject({
    kind: z.literal('comparison'),
    article: articleIdSchema,
    from: isoDateSchema,
    to: isoDateSchema,
    view: z.enum(['cote-a-cote', 'redline']),
    paper: paperSchema,
  }),
  z.strictObject({
    kind: z.literal('trail'),
    name: z.string().max(300),
    steps: z.array(trailStepSchema).min(1).max(500),
    paper: paperSchema,
  }),
]) satisfies z.ZodType<PrintRequest>;

/** A file name the user may be offered: no folder, no control character. */
const fileNameSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^/\\\p{Cc}]+$/u, 'nom de fichier invalide');

export const exportFileSchema = z.strictObject({
  suggestedName: fileNameSchema,
  // The export of every annotation may be large (their notes); the HTTP body limit of that call is raised to match.
  content: z.string().max(256 * 1024 * 1024),
  kind: z.enum(['json', 'markdown']),
}) satisfies z.ZodType<ExportFile>;

/** The argument tuple of each method. Keyed by `keyof PalimpsesteApi`, so a new method without a schema does not compile. */
export const API_ARGS = {
  getCorpusInfo: z.tuple([]),
  getToc: z.tuple([codeIdSchema]),
  getCatalog: z.tuple([codeIdSchema]),
  getArticle: z.tuple([articleIdSchema]),
  findArticles: z.tuple([articleNumberSchema, codeIdSchema.optional()]),
  getChangeSets: z.tuple([codeIdSchema]),
  getCorrespondence: z.tuple([codeIdSchema]),
  listTrails: z.tuple([]),
  saveTrail: z.tuple([trailSchema]),
  deleteTrail: z.tuple([trailIdSchema]),
  getSession: z.tuple([]),
  setSession: z.tuple([sessionStateSchema]),
  importCorpus: z.tuple([z.string().min(1).max(4096).regex(PRINTABLE, 'chemin de fichier invalide')]),
  revertCorpus: z.tuple([]),
  getNotices: z.tuple([]),
  listAnnotations: z.tuple([z.strictObject({ article: articleIdSchema.optional() })]),
  annotationCounts: z.tuple([]),
  saveAnnotation: z.tuple([annotationSchema]),
  editAnnotation: z.tuple([annotationIdSchema, annotationEditSchema]),
  deleteAnnotation: z.tuple([annotationIdSchema]),
  searchAnnotations: z.tuple([annotationQuerySchema]),
  importAnnotations: z.tuple([z.string().max(256 * 1024 * 1024)]),
  exportAnnotations: z.tuple([]),
  getAnnotationSettings: z.tuple([]),
  setAnnotationSettings: z.tuple([z.strictObject({ palette: rolePaletteSchema })]),
  getAnnotationReview: z.tuple([]),
  acknowledgeAnnotationReview: z.tuple([]),
  exportPdf: z.tuple([printRequestSchema]),
  saveExportFile: z.tuple([exportFileSchema]),
} satisfies { [M in keyof PalimpsesteApi]: z.ZodType<Parameters<PalimpsesteApi[M]>> };

/** Compile-time proof that `API_METHODS` and the interface name the same methods. */
export type MissingFromApiMethods = Exclude<keyof PalimpsesteApi, ApiMethod>;
const _everyMethodListed: MissingFromApiMethods extends never ? true : never = true;
void _everyMethodListed;

/** A French, one-line description of what was wrong, from a zod error. */
export function describeValidationError(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'arguments invalides';
  const where = first.path.length > 0 ? ` (argument ${first.path.join('.')})` : '';
  return `${first.message}${where}`;
}
