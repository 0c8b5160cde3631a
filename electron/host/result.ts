/** Building `Result`s (see `electron/common/api.ts`): handlers return these, they never throw. */
import type { ApiError, ApiErrorCode, Result } from '../common/api.ts';

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ApiErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}

/** A thrown value seen at the boundary, as an error the user can read. */
export function internalError(error: unknown): ApiError {
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `Erreur interne de Palimpseste : ${detail}` };
}

/** An error the host raises on purpose, with the code and French message the user will see. */
export class HostError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HostError';
  }
}

/** Any thrown value as an `ApiError`: a `HostError` keeps its code and message. */
export function toApiError(error: unknown): ApiError {
  return error instanceof HostError ? { code: error.code, message: error.message } : internalError(error);
}
