/**
 * The one place that picks the transport: the Electron preload's `window.palimpseste` when present,
 * otherwise the web edition's HTTP client. Everything else in the renderer receives a
 * `PalimpsesteApi` and does not know which.
 */
import type { ApiError, PalimpsesteApi, Result } from '../../../electron/common/api.ts';
import { createHttpApi } from '../../../electron/common/http-api.ts';

declare global {
  interface Window {
    palimpseste?: PalimpsesteApi;
  }
}

export function pickApi(): PalimpsesteApi {
  // The web edition serves `api/` beside index.html: resolve it against the page, never the host root.
  return window.palimpseste ?? createHttpApi(new URL('./', window.location.href).href);
}

/** An API error carried as an exception inside the renderer (for loaders that throw). */
export class ApiFailure extends Error {
  readonly code: ApiError['code'];
  constructor(error: ApiError) {
    super(error.message);
    this.code = error.code;
  }
}

export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new ApiFailure(result.error);
}

/** The French message of any failure caught in the renderer. */
export function failureMessage(error: unknown): string {
  if (error instanceof ApiFailure) return error.message;
  return 'Une erreur inattendue s’est produite. L’application reste utilisable ; réessayez.';
}
