/**
 * Why the user-data store could not read or write, told apart by the system's error code, each with
 * the French words the user sees: a full disk says « disque plein » (not a permissions problem), a
 * read-only folder says so, and every message says that what was saved before is still there —
 * the store never changes its files in a way a failed write could damage.
 */
import { HostError } from '../result.ts';
import { errorCode } from './store-fs.ts';

export type StorageFailure = 'disk-full' | 'read-only' | 'busy' | 'io';

/** A failure of the store's files, with the system's error kept for the log. */
export class StorageError extends Error {
  constructor(
    readonly failure: StorageFailure,
    readonly file: string,
    override readonly cause: unknown,
  ) {
    super(`${failure} on ${file}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'StorageError';
  }
}

/** The failure a system error code means. */
export function storageFailureOf(error: unknown): StorageFailure {
  if (error instanceof StorageError) return error.failure;
  switch (errorCode(error)) {
    case 'ENOSPC': // no space left on the device
    case 'EDQUOT': // the user's quota is used up
    case 'EFBIG': // file too large for the file system (FAT32: 4 GB)
      return 'disk-full';
    case 'EROFS': // mounted read-only
    case 'EACCES':
    case 'EPERM':
      return 'read-only';
    default:
      return 'io';
  }
}

/** Wraps any error of the file `file` as a `StorageError` (kept as is if it is one already). */
export function asStorageError(error: unknown, file: string): StorageError {
  return error instanceof StorageError ? error : new StorageError(storageFailureOf(error), file, error);
}

const NOTHING_LOST = 'Ce qui était déjà enregistré n’est pas perdu.';

/**
 * The French message for a failed action (`action`: « Impossible d’enregistrer le parcours »),
 * as a `HostError` whose code tells the renderer what kind of failure it was.
 */
export function storageHostError(action: string, error: unknown, dataDir: string): HostError {
  const failure = storageFailureOf(error);
  switch (failure) {
    case 'disk-full':
      return new HostError(
        'disk-full',
        `${action} : disque plein. Libérez de la place sur le disque qui contient « ${dataDir} », puis réessayez. ${NOTHING_LOST}`,
      );
    case 'read-only':
      return new HostError(
        'read-only',
        `${action} : le dossier de données « ${dataDir} » est en lecture seule ou n’est pas modifiable par votre compte. ${NOTHING_LOST}`,
      );
    case 'busy':
      return new HostError(
        'busy',
        `${action} : le dossier de données est occupé par un autre Palimpseste depuis plus de 10 secondes. Réessayez dans un instant. ${NOTHING_LOST}`,
      );
    case 'io':
      return new HostError(
        'io',
        `${action} : le dossier de données « ${dataDir} » est inutilisable (${errorCode(causeOf(error)) ?? 'erreur système'}).`,
      );
  }
}

function causeOf(error: unknown): unknown {
  return error instanceof StorageError ? error.cause : error;
}
