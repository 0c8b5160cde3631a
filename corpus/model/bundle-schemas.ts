/**
 * The shape of every file of the corpus bundle (layout in `bundle.ts`), as zod schemas: the host
 * checks each file it reads against them, so that a damaged or foreign file is reported by name
 * (« le fichier … n'a pas la forme attendue : versions.0.validFrom ») instead of failing somewhere
 * deep in the reader (« articles.map is not a function »).
 *
 * Each schema `satisfies` the model's type: a field added to the model without its schema does not
 * compile. Unknown keys are allowed (`looseObject`): a newer compiler may add fields.
 */
import { z } from 'zod';
import type { ArticleCatalogEntry, BundleFileChecksum, CodeSummary, Manifest, SearchManifest } from './bundle.ts';
import type { CorrespondencePair } from './correspondence.ts';
import type { ShardIndex } from './bundle-shard.ts';
import type { Article, ChangeSet, Code, Link, Reference, Section, SourceInfo, Version } from './model.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date AAAA-MM-JJ attendue');
const text = z.string();
const strings = z.array(z.string());

const versionStatus = z.enum(['VIGUEUR', 'VIGUEUR_DIFF', 'MODIFIE', 'ABROGE', 'TRANSFERE', 'PERIME']);

export const linkSchema = z.looseObject({
  kind: z.enum([
    'cites',
    'citedBy',
    'modifiedBy',
    'codifiedBy',
    'repealedBy',
    'createdBy',
    'transferredBy',
    'formerTexts',
    'newTexts',
    'associated',
  ]),
  label: text,
  text,
  articleNum: text.optional(),
  status: z.enum(['V', 'VD', 'VT', 'Ab', 'M', 'MMN', 'T', 'P', '']),
  linkType: text.optional(),
  target: text.optional(),
  origin: z.enum(['list', 'text']),
}) satisfies z.ZodType<Link>;

export const referenceSchema = z.looseObject({
  paragraph: z.number().int().nonnegative(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  num: text,
  code: text.optional(),
  target: text.optional(),
  unresolved: z.enum(['code-not-in-corpus', 'article-not-found', 'not-a-code', 'ambiguous']).optional(),
}) satisfies z.ZodType<Reference>;

export const versionSchema = z.looseObject({
  validFrom: isoDate,
  validTo: isoDate.optional(),
  status: versionStatus,
  num: text.optional(),
  endInferred: z
    .looseObject({
      basis: z.enum([
        'message',
        'repeal-entry',
        'repealing-text',
        'new-texts',
        'nota',
        'repealing-text-first',
        'publication',
        'signature',
        'former-code',
      ]),
      evidence: text.optional(),
    })
    .optional(),
  paragraphs: strings,
  nota: strings.optional(),
  amendedBy: text.optional(),
  links: z.array(linkSchema),
  references: z.array(referenceSchema),
  linkOnlyChanges: z.array(isoDate).optional(),
  sources: strings,
  legiVersionId: text.optional(),
  textUnavailable: z.boolean().optional(),
}) satisfies z.ZodType<Version>;

export const articleSchema = z.looseObject({
  id: text,
  code: text,
  num: text,
  legiId: text.optional(),
  section: text.optional(),
  versions: z.array(versionSchema).min(1, 'un article a au moins une version'),
}) satisfies z.ZodType<Article>;

export const sectionSchema: z.ZodType<Section> = z.lazy(() =>
  z.looseObject({
    id: text,
    title: text,
    level: z.enum(['partie', 'livre', 'titre', 'chapitre', 'section', 'sous-section', 'paragraphe', 'other']),
    validFrom: isoDate.optional(),
    validTo: isoDate.optional(),
    children: z.array(sectionSchema),
    articles: strings,
  }),
);

export const codeSchema = z.looseObject({
  id: text,
  title: text,
  legiTextId: text.optional(),
  toc: z.array(sectionSchema),
}) satisfies z.ZodType<Code>;

export const catalogEntrySchema = z.looseObject({
  id: text,
  num: text,
  shard: text,
  section: text.optional(),
  from: isoDate,
  to: isoDate.optional(),
  status: versionStatus,
  versionCount: z.number().int().positive(),
  gaps: z.array(z.looseObject({ from: isoDate, to: isoDate })).optional(),
  formerNums: strings.optional(),
}) satisfies z.ZodType<ArticleCatalogEntry>;

export const catalogSchema = z.array(catalogEntrySchema);

export const changeSetSchema = z.looseObject({
  code: text,
  date: isoDate,
  amendingTexts: strings,
  created: strings,
  modified: strings,
  repealed: strings,
  numbers: z.record(z.string(), text).optional(),
  unplaced: strings.optional(),
  source: text,
}) satisfies z.ZodType<ChangeSet>;

export const changeSetsSchema = z.array(changeSetSchema);

const articleRefSchema = z.looseObject({ id: text, num: text });
export const correspondenceSchema = z.array(
  z.looseObject({ former: articleRefSchema, current: articleRefSchema, parts: strings.optional() }),
) satisfies z.ZodType<CorrespondencePair[]>;

const sourceInfoSchema = z.looseObject({
  id: text,
  kind: z.enum(['lexlib', 'lexhub', 'legi-data', 'seed-article', 'seed-code', 'seed-diff']),
  path: text,
  revision: text,
  date: isoDate.optional(),
  codes: strings,
}) satisfies z.ZodType<SourceInfo>;

const codeSummarySchema = z.looseObject({
  id: text,
  title: text,
  legiTextId: text.optional(),
  articleCount: z.number().int().nonnegative(),
  versionCount: z.number().int().nonnegative(),
  toc: text,
  catalog: text,
  changeSets: text,
  correspondence: text.optional(),
  shardIndex: text.optional(),
  changeDates: z.array(isoDate),
}) satisfies z.ZodType<CodeSummary>;

export const shardIndexSchema = z.looseObject({
  articlesPerMember: z.number().int().positive(),
  shards: z.record(z.string(), z.array(z.number().int().nonnegative()).min(2)),
}) satisfies z.ZodType<ShardIndex>;

const searchManifestSchema = z.looseObject({
  lunrVersion: text,
  current: text,
  past: strings,
  documents: z.record(z.string(), z.number()),
}) satisfies z.ZodType<SearchManifest>;

const fileChecksumSchema = z.looseObject({
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 hexadécimal attendu'),
}) satisfies z.ZodType<BundleFileChecksum>;

const count = z.number().int().nonnegative();

export const manifestSchema = z.looseObject({
  schemaVersion: z.number(),
  builtAt: text,
  inputHash: text,
  sources: z.array(sourceInfoSchema),
  codes: z.array(codeSummarySchema),
  counts: z.looseObject({
    codes: count,
    articles: count,
    versions: count,
    references: z.looseObject({ total: count, resolved: count, inCorpus: count, resolvedInCorpus: count }),
    warnings: count,
    plainTextBytes: count,
  }),
  search: searchManifestSchema,
  files: z.record(z.string(), fileChecksumSchema),
}) satisfies z.ZodType<Manifest>;

const frenchErrors = z.locales.fr().localeError;

/**
 * Checks `data` read from a bundle file: the value, or where the first problem is and what it is
 * (`versions.0.validFrom : Entrée invalide…`), in French, for a message naming the file.
 */
export function checkShape<T>(schema: z.ZodType<T>, data: unknown): ShapeCheck<T> {
  const parsed = schema.safeParse(data, { error: frenchErrors });
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, problem: describeIssue(parsed.error.issues[0]) };
}

export type ShapeCheck<T> = { ok: true; value: T } | { ok: false; problem: string };

function describeIssue(issue: z.core.$ZodIssue | undefined, offset = 0): string {
  const path = issue?.path.map((key, i) => (i === 0 && typeof key === 'number' ? key + offset : key)) ?? [];
  const where = path.length > 0 ? `${path.map(String).join('.')} : ` : '';
  return `${where}${issue?.message ?? 'forme inattendue'}`;
}

/**
 * `checkShape` for a file that is one long array (a catalog: 20,000 entries for the sécurité
 * sociale), `ARRAY_SLICE` items at a time with `pause` awaited between slices. Checked at once, such
 * a catalog held the host's one thread ~100 ms while the first page of the reader was loading: its
 * requests (the page itself, the renderer's code) waited behind it. The problem names the item by
 * its place in the whole array, as `checkShape` would.
 */
export async function checkArrayShape<T>(itemSchema: z.ZodType<T>, data: unknown, pause: () => Promise<void>): Promise<ShapeCheck<T[]>> {
  if (!Array.isArray(data)) return checkShape(z.array(itemSchema), data);
  const sliceSchema = z.array(itemSchema);
  const value: T[] = [];
  for (let start = 0; start < data.length; start += ARRAY_SLICE) {
    if (start > 0) await pause();
    const parsed = sliceSchema.safeParse(data.slice(start, start + ARRAY_SLICE), { error: frenchErrors });
    if (!parsed.success) return { ok: false, problem: describeIssue(parsed.error.issues[0], start) };
    for (const item of parsed.data) value.push(item);
  }
  return { ok: true, value };
}

/** About 10 ms of checking on this machine's cores (a catalog entry takes ~5 µs). */
export const ARRAY_SLICE = 2_000;
