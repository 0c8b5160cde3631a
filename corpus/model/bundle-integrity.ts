/**
 * The checksums of the bundle's files: the compiler records the size and SHA-256 of every file it
 * writes in the manifest (`Manifest.files`); the host compares a file with its record the first time
 * it reads it. A file edited by hand, truncated, or swapped for another one (an old search index
 * that still parses) is then reported as a damaged corpus instead of being used silently.
 *
 * Pure: the SHA-256 itself is given by the caller (`node:crypto` in the compiler and the host —
 * forty times faster than any hash written in JavaScript, and the pure zones may not import it).
 */
import type { BundleFileChecksum } from './bundle.ts';

/** SHA-256 of the bytes, as 64 lowercase hexadecimal digits. */
export type Sha256 = (bytes: Uint8Array) => string;

/** What the manifest records for one file. */
export function fileChecksum(bytes: Uint8Array, sha256: Sha256): BundleFileChecksum {
  return { bytes: bytes.byteLength, sha256: sha256(bytes) };
}

/** Why a file does not match the manifest. */
export type IntegrityProblem =
  | { kind: 'unlisted'; file: string }
  | { kind: 'size'; file: string; expected: number; actual: number }
  | { kind: 'checksum'; file: string; expected: string; actual: string };

/**
 * Compares a file read from the bundle with its record. The size is compared first: a truncated
 * file is told apart without hashing it.
 */
export function checkBundleFile(
  files: Readonly<Record<string, BundleFileChecksum>>,
  file: string,
  bytes: Uint8Array,
  sha256: Sha256,
): IntegrityProblem | undefined {
  const expected = Object.hasOwn(files, file) ? files[file] : undefined;
  if (!expected) return { kind: 'unlisted', file };
  if (expected.bytes !== bytes.byteLength) return { kind: 'size', file, expected: expected.bytes, actual: bytes.byteLength };
  const actual = sha256(bytes);
  if (actual !== expected.sha256) return { kind: 'checksum', file, expected: expected.sha256, actual };
  return undefined;
}

/** What the reader does about a damaged corpus (the words every such message ends with). */
export const DAMAGED_CORPUS_ADVICE = 'Corpus endommagé : recompilez-le (« npm run corpus ») ou réinstallez Palimpseste.';

/** The French message for a file that does not match the manifest. */
export function describeIntegrityProblem(problem: IntegrityProblem): string {
  const what =
    problem.kind === 'unlisted'
      ? 'n’est pas listé dans le manifeste du corpus'
      : problem.kind === 'size'
        ? `fait ${problem.actual} octets au lieu des ${problem.expected} que le compilateur a écrits (fichier tronqué ou modifié)`
        : 'a été modifié depuis la compilation (sa somme de contrôle ne correspond plus)';
  return `Le fichier « ${problem.file} » du corpus ${what}. ${DAMAGED_CORPUS_ADVICE}`;
}
