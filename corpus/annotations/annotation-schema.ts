/**
 * The stored shape of an annotation and of the role palette, as zod schemas: what the host checks
 * before it stores or imports them (`files.ts`, `electron/common/api-schemas.ts`). A module of its
 * own so that the reader, which makes annotations (`annotation.ts`) but never checks stored ones,
 * does not load zod: evaluating these schemas took ~50 ms of the first page.
 */
import { z } from 'zod';
import { parseArticleId } from '../model/ids.ts';
import {
  CONTEXT_LENGTH,
  NOTE_MAX_LENGTH,
  TAG_MAX_LENGTH,
  TAGS_MAX,
  type Annotation,
  type PassageTarget,
  type TextPositionSelector,
  type TextQuoteSelector,
} from './annotation.ts';
import { ROLE_IDS, ROLE_LABEL_MAX_LENGTH, type RolePalette } from './roles.ts';

export const roleIdSchema = z.enum(ROLE_IDS);

export const rolePaletteSchema = z.object({
  labels: z.partialRecord(roleIdSchema, z.string().trim().min(1).max(ROLE_LABEL_MAX_LENGTH)),
}) satisfies z.ZodType<RolePalette>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date attendue au format AAAA-MM-JJ');
const offset = z.number().int().min(0);

export const annotationIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'identifiant d’annotation invalide');

const tagSchema = z.string().trim().min(1).max(TAG_MAX_LENGTH);

export const textQuoteSelectorSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1).max(NOTE_MAX_LENGTH),
  prefix: z.string().max(4 * CONTEXT_LENGTH),
  suffix: z.string().max(4 * CONTEXT_LENGTH),
}) satisfies z.ZodType<TextQuoteSelector>;

export const textPositionSelectorSchema = z.object({
  type: z.literal('TextPositionSelector'),
  start: offset,
  end: offset,
}) satisfies z.ZodType<TextPositionSelector>;

const passageTargetSchema = z
  .object({
    kind: z.literal('passage'),
    part: z.literal('nota').optional(),
    paragraph: offset,
    paragraphEnd: offset,
    quote: textQuoteSelectorSchema,
    position: textPositionSelectorSchema,
  })
  .superRefine((target, ctx) => {
    if (target.paragraphEnd < target.paragraph) {
      ctx.addIssue({ code: 'custom', message: 'le passage finit avant de commencer', path: ['paragraphEnd'] });
    }
    if (target.position.end - target.position.start !== target.quote.exact.length) {
      ctx.addIssue({ code: 'custom', message: 'la position ne correspond pas à la longueur de la citation', path: ['position'] });
    }
    if (!target.quote.exact.trim()) ctx.addIssue({ code: 'custom', message: 'citation vide', path: ['quote', 'exact'] });
  }) satisfies z.ZodType<PassageTarget>;

export const annotationSchema = z
  .object({
    id: annotationIdSchema,
    article: z.object({ id: z.string().min(1).max(300), code: z.string().min(1).max(200), num: z.string().min(1).max(200) }),
    version: z.object({ validFrom: isoDate, legiVersionId: z.string().min(1).max(40).optional() }),
    target: z.discriminatedUnion('kind', [passageTargetSchema, z.object({ kind: z.literal('article') })]),
    role: roleIdSchema.optional(),
    tags: z.array(tagSchema).max(TAGS_MAX),
    note: z.string().max(NOTE_MAX_LENGTH, `une note est limitée à ${NOTE_MAX_LENGTH.toLocaleString('fr-FR')} caractères`),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .superRefine((annotation, ctx) => {
    // The article id is the one rule of `ids.ts`: its code must be the code stored beside it.
    const parsed = parseArticleId(annotation.article.id);
    if (!parsed || parsed.code !== annotation.article.code) {
      ctx.addIssue({ code: 'custom', message: 'identifiant d’article invalide ou d’un autre code', path: ['article', 'id'] });
    }
    if (annotation.target.kind === 'passage' && annotation.role === undefined) {
      ctx.addIssue({ code: 'custom', message: 'un passage surligné a toujours une couleur', path: ['role'] });
    }
  }) satisfies z.ZodType<Annotation>;
