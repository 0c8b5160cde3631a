/**
 * Reads a corpus pack (layout in `corpus/model/corpus-pack.ts`) and unpacks it into a new folder,
 * checking everything on the way: the magic line (a foreign file), the header, the formats this app
 * reads, every part's size and SHA-256 against the bundle's own manifest (`bundle-integrity.ts`),
 * nothing left over, the manifest's shape. The folder is written under a temporary name and renamed
 * once whole: a refused or interrupted import leaves nothing behind, and touches nothing else.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Manifest } from '../../../corpus/model/bundle.ts';
import { checkBundleFile, describeIntegrityProblem } from '../../../corpus/model/bundle-integrity.ts';
import { checkShape, manifestSchema } from '../../../corpus/model/bundle-schemas.ts';
import {
  checkPartsAgainstManifest,
  headerLengthOf,
  PACK_LEAD_BYTES,
  PackError,
  packBytes,
  parsePackHeader,
  type PackHeader,
} from '../../../corpus/model/corpus-pack.ts';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export interface PackExpectations {
  bundleSchemaVersion: number;
  lunrVersion: string;
}

export interface UnpackedPack {
  header: PackHeader;
  manifest: Manifest;
  folder: string;
}

async function readExactly(handle: FileHandle, position: number, length: number, what: string): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) throw new PackError('damaged', `le paquet est tronqué (il s’arrête dans ${what})`);
    done += bytesRead;
  }
  return buffer;
}

/** The header of a pack file, checked (without reading the parts). */
export async function readPackHeader(
  file: string,
  expected: PackExpectations,
): Promise<{ header: PackHeader; dataStart: number; size: number }> {
  const handle = await openPack(file);
  try {
    return await headerOf(handle, expected);
  } finally {
    await handle.close();
  }
}

async function openPack(file: string): Promise<FileHandle> {
  try {
    return await open(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PackError(
      'foreign',
      code === 'ENOENT' ? 'ce fichier n’existe pas' : code === 'EISDIR' ? 'c’est un dossier, pas un paquet' : 'ce fichier est illisible',
    );
  }
}

async function headerOf(handle: FileHandle, expected: PackExpectations) {
  const info = await handle.stat();
  if (info.isDirectory()) throw new PackError('foreign', 'c’est un dossier, pas un paquet');
  const { size } = info;
  if (size < PACK_LEAD_BYTES) {
    // Too short to be a pack: foreign unless it is the start of one.
    const lead = await readExactly(handle, 0, size, 'l’en-tête');
    headerLengthOf(Buffer.concat([lead, Buffer.alloc(PACK_LEAD_BYTES - size)]));
    throw new PackError('damaged', 'le paquet est tronqué (il s’arrête dans l’en-tête)');
  }
  const length = headerLengthOf(await readExactly(handle, 0, PACK_LEAD_BYTES, 'l’en-tête'));
  const header = parsePackHeader(await readExactly(handle, PACK_LEAD_BYTES, length, 'l’en-tête'), expected);
  const dataStart = PACK_LEAD_BYTES + length;
  const total = packBytes(header, dataStart);
  if (size < total) throw new PackError('damaged', `le paquet est tronqué (${size} octets au lieu de ${total})`);
  if (size > total) throw new PackError('damaged', `le paquet a ${size - total} octets de trop après son dernier fichier`);
  return { header, dataStart, size };
}

/**
 * Checks the pack and writes its bundle into `folder` (which must not exist yet). Throws a
 * `PackError` with the reason; on any failure `folder` does not exist afterwards.
 */
export async function unpackCorpus(file: string, folder: string, expected: PackExpectations): Promise<UnpackedPack> {
  const handle = await openPack(file);
  const staging = `${folder}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    const { header, dataStart } = await headerOf(handle, expected);
    const [manifestPart, ...parts] = header.parts;
    let position = dataStart;
    const manifestBytes = await readExactly(handle, position, manifestPart!.bytes, 'le manifeste');
    position += manifestPart!.bytes;
    const manifestProblem = checkBundleFile({ 'manifest.json': manifestPart! }, 'manifest.json', manifestBytes, sha256);
    if (manifestProblem) throw new PackError('damaged', describePartProblem(describeIntegrityProblem(manifestProblem)));
    let raw: unknown;
    try {
      raw = JSON.parse(manifestBytes.toString('utf8'));
    } catch {
      throw new PackError('damaged', 'le manifeste du paquet n’est pas du JSON lisible');
    }
    const shape = checkShape(manifestSchema, raw);
    if (!shape.ok) throw new PackError('damaged', `le manifeste du paquet n’a pas la forme attendue (${shape.problem})`);
    const manifest = shape.value;
    if (manifest.schemaVersion !== expected.bundleSchemaVersion)
      throw new PackError(
        'version',
        `le corpus du paquet est au format ${manifest.schemaVersion}, Palimpseste lit le format ${expected.bundleSchemaVersion}`,
      );
    checkPartsAgainstManifest(header, manifest);

    mkdirSync(staging, { recursive: true });
    for (const part of parts) {
      const bytes = await readExactly(handle, position, part.bytes, `« ${part.path} »`);
      position += part.bytes;
      // The bundle's own record (the manifest), as the host checks an installed bundle.
      const problem = checkBundleFile(manifest.files, part.path, bytes, sha256);
      if (problem) throw new PackError('damaged', describePartProblem(describeIntegrityProblem(problem)));
      const target = path.join(staging, part.path);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, bytes);
    }
    // The manifest last: a folder without one is not a corpus.
    writeFileSync(path.join(staging, 'manifest.json'), manifestBytes);
    renameSync(staging, folder);
    return { header, manifest, folder };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  } finally {
    await handle.close();
  }
}

/** The integrity message speaks of « le corpus »: here it is the pack, and the advice is another. */
function describePartProblem(message: string): string {
  const file = /« ([^»]+) »/.exec(message)?.[1] ?? '?';
  return `le fichier « ${file} » du paquet est endommagé (taille ou somme de contrôle différente de celle du manifeste) : demandez un nouveau paquet`;
}
