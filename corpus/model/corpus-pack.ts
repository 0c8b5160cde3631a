/**
 * A compiled corpus as one file (« paquet de corpus »), to update an installed app without a new
 * installer: `npm run corpus -- --pack FILE` writes it, the host imports it.
 *
 *   Palimpseste corpus pack\n          the magic line: a foreign file is told at its first bytes
 *   0000012345\n                       length in bytes of the header (ten decimal digits)
 *   {"format":…,"parts":[…]}\n          the header (`PackHeader`), JSON, readable with `head`
 *   <part 1><part 2>…                   every file of the bundle, in the header's order, back to back
 *
 * The first part is the bundle's `manifest.json`; the header records its size and SHA-256, and the
 * manifest records those of every other file (`Manifest.files`, `bundle-integrity.ts`): a part is
 * checked against the same record the host checks the installed bundle with, no second scheme.
 *
 * Pure: bytes in, bytes out; reading and writing files is the compiler's and the host's.
 */
import { z } from 'zod';
import type { BundleFileChecksum, Manifest } from './bundle.ts';
import { checkShape } from './bundle-schemas.ts';
import type { IsoDate, SourceInfo } from './model.ts';

export const PACK_MAGIC = 'Palimpseste corpus pack\n';
export const PACK_FORMAT = 'palimpseste-corpus-pack';
/** Bumped when the layout above changes; an importer refuses other versions. */
export const PACK_VERSION = 1;
const LENGTH_DIGITS = 10;

/** The extension the menu's file dialog offers. */
export const PACK_EXTENSION = 'palimpseste';

export interface PackPart extends BundleFileChecksum {
  /** Path inside the bundle, with `/`. */
  path: string;
}

export interface PackHeader {
  format: typeof PACK_FORMAT;
  packVersion: number;
  /** `BUNDLE_SCHEMA_VERSION` of the compiler that wrote it. */
  bundleSchemaVersion: number;
  lunrVersion: string;
  builtAt: string;
  dataDate: IsoDate;
  /** Where the data comes from, with each source's revision (a git commit, a package version). */
  sources: Pick<SourceInfo, 'id' | 'kind' | 'revision' | 'date' | 'codes'>[];
  codes: { id: string; title: string; articleCount: number; versionCount: number }[];
  /** Every file of the bundle, `manifest.json` first, in the order of their bytes. */
  parts: PackPart[];
}

/** A part's path: plain relative segments (no `..`, no absolute path, no backslash): it is written under the install folder. */
const SAFE_PATH = /^(?!.*(?:^|\/)\.{1,2}(?:\/|$))[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*$/;

const headerSchema = z.looseObject({
  format: z.literal(PACK_FORMAT),
  packVersion: z.number().int(),
  bundleSchemaVersion: z.number().int(),
  lunrVersion: z.string(),
  builtAt: z.string(),
  dataDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  sources: z.array(
    z.looseObject({
      id: z.string(),
      kind: z.enum(['lexlib', 'lexhub', 'legi-data', 'seed-article', 'seed-code', 'seed-diff']),
      revision: z.string(),
      date: z.string().optional(),
      codes: z.array(z.string()),
    }),
  ),
  codes: z.array(z.looseObject({ id: z.string(), title: z.string(), articleCount: z.number().int(), versionCount: z.number().int() })),
  parts: z
    .array(
      z.looseObject({
        path: z.string().regex(SAFE_PATH, 'chemin de fichier non sûr'),
        bytes: z.number().int().nonnegative(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
      }),
    )
    .min(1),
}) satisfies z.ZodType<PackHeader>;

/** Why a file is not an importable pack; `reason` is French, for the user. */
export class PackError extends Error {
  constructor(
    readonly kind: 'foreign' | 'version' | 'damaged',
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'PackError';
  }
}

/** The header for a bundle: its manifest, the manifest's own bytes, and the data date. */
export function packHeaderFor(manifest: Manifest, manifestPart: BundleFileChecksum, dataDate: IsoDate): PackHeader {
  return {
    format: PACK_FORMAT,
    packVersion: PACK_VERSION,
    bundleSchemaVersion: manifest.schemaVersion,
    lunrVersion: manifest.search.lunrVersion,
    builtAt: manifest.builtAt,
    dataDate,
    sources: manifest.sources.map(({ id, kind, revision, date, codes }) => ({ id, kind, revision, codes, ...(date ? { date } : {}) })),
    codes: manifest.codes.map(({ id, title, articleCount, versionCount }) => ({ id, title, articleCount, versionCount })),
    // Sorted: the same bundle always gives the same pack.
    parts: [
      { path: 'manifest.json', ...manifestPart },
      ...Object.entries(manifest.files)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([path, { bytes, sha256 }]) => ({ path, bytes, sha256 })),
    ],
  };
}

/** The bytes before the first part. */
export function encodePackPreamble(header: PackHeader): Uint8Array {
  const json = new TextEncoder().encode(`${JSON.stringify(header)}\n`);
  const length = String(json.byteLength).padStart(LENGTH_DIGITS, '0');
  const head = new TextEncoder().encode(`${PACK_MAGIC}${length}\n`);
  const out = new Uint8Array(head.byteLength + json.byteLength);
  out.set(head, 0);
  out.set(json, head.byteLength);
  return out;
}

/** How many bytes of a file `decodePackPreamble` needs to know the header's length. */
export const PACK_LEAD_BYTES = PACK_MAGIC.length + LENGTH_DIGITS + 1;

/**
 * From the first `PACK_LEAD_BYTES` of a file: the header's length, or a `PackError` saying the file
 * is not a pack at all.
 */
export function headerLengthOf(lead: Uint8Array): number {
  const text = new TextDecoder('latin1').decode(lead);
  if (!text.startsWith(PACK_MAGIC))
    throw new PackError('foreign', 'ce n’est pas un paquet de corpus Palimpseste (il ne commence pas par « Palimpseste corpus pack »)');
  const digits = text.slice(PACK_MAGIC.length, PACK_MAGIC.length + LENGTH_DIGITS);
  if (!/^\d{10}$/.test(digits) || text[PACK_LEAD_BYTES - 1] !== '\n')
    throw new PackError('damaged', 'l’en-tête du paquet est endommagé (longueur illisible)');
  return Number(digits);
}

/**
 * The header, checked: its shape, the pack and bundle formats this app reads (`expected`), and that
 * `manifest.json` comes first. Refusals name the reason.
 */
export function parsePackHeader(bytes: Uint8Array, expected: { bundleSchemaVersion: number; lunrVersion: string }): PackHeader {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new PackError('damaged', 'l’en-tête du paquet est endommagé (ce n’est pas du JSON complet)');
  }
  const format = typeof raw === 'object' && raw !== null && 'format' in raw ? raw.format : undefined;
  if (format !== PACK_FORMAT) throw new PackError('foreign', 'ce n’est pas un paquet de corpus Palimpseste (format inconnu)');
  const checked = checkShape(headerSchema, raw);
  if (!checked.ok) throw new PackError('damaged', `l’en-tête du paquet est endommagé (${checked.problem})`);
  const header = checked.value;
  if (header.packVersion !== PACK_VERSION)
    throw new PackError(
      'version',
      `le paquet est au format ${header.packVersion}, cette version de Palimpseste lit le format ${PACK_VERSION}`,
    );
  if (header.bundleSchemaVersion !== expected.bundleSchemaVersion)
    throw new PackError(
      'version',
      `le corpus du paquet est au format ${header.bundleSchemaVersion}, cette version de Palimpseste lit le format ${expected.bundleSchemaVersion} (mettez à jour Palimpseste ou demandez un paquet de ce format)`,
    );
  if (header.lunrVersion !== expected.lunrVersion)
    throw new PackError(
      'version',
      `l’index de recherche du paquet a été construit avec Lunr ${header.lunrVersion}, Palimpseste utilise Lunr ${expected.lunrVersion}`,
    );
  if (header.parts[0]?.path !== 'manifest.json') throw new PackError('damaged', 'le paquet ne commence pas par le manifeste du corpus');
  const seen = new Set<string>();
  for (const part of header.parts) {
    if (seen.has(part.path)) throw new PackError('damaged', `le paquet contient deux fois « ${part.path} »`);
    seen.add(part.path);
  }
  return header;
}

/**
 * The bundle's manifest against the header: the manifest lists exactly the other parts, with the
 * same sizes and checksums (so every part is checked against the manifest's own record).
 */
export function checkPartsAgainstManifest(header: PackHeader, manifest: Manifest): void {
  const listed = Object.entries(manifest.files);
  const parts = new Map(header.parts.slice(1).map((p) => [p.path, p]));
  if (listed.length !== parts.size)
    throw new PackError('damaged', `le manifeste liste ${listed.length} fichiers, le paquet en contient ${parts.size}`);
  for (const [file, record] of listed) {
    const part = parts.get(file);
    if (!part) throw new PackError('damaged', `le fichier « ${file} » du manifeste manque au paquet`);
    if (part.bytes !== record.bytes || part.sha256 !== record.sha256)
      throw new PackError('damaged', `le fichier « ${file} » du paquet ne correspond pas au manifeste`);
  }
}

/** Bytes of the whole pack: preamble and parts. */
export function packBytes(header: PackHeader, preambleBytes: number): number {
  return header.parts.reduce((total, part) => total + part.bytes, preambleBytes);
}
