/**
 * The web edition's transport, renderer side: `PalimpsesteApi` over `POST /api/<method>` with body
 * `{"args": [...]}`, answered by the Node host (`build/web.ts`) with the `Result` as JSON.
 * The Electron transport is the preload's `window.palimpseste`; the renderer picks whichever exists.
 *
 * Pure (uses only `fetch`): runs in the browser, in a worker and in Node tests.
 */
import { API_METHODS, type ApiMethod, type PalimpsesteApi, type Result } from './api.ts';

export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string },
) => Promise<{
  ok: boolean;
  status: number;
  text(): Promise<string>;
}>;

/**
 * JSON turns a trailing `undefined` argument into `null`, which the host's schemas refuse:
 * `findArticles('L611-3', undefined)` is sent as `["L611-3"]`.
 */
function trimTrailingUndefined(args: unknown[]): unknown[] {
  let end = args.length;
  while (end > 0 && args[end - 1] === undefined) end--;
  return args.slice(0, end);
}

function transportError(message: string): Result<never> {
  return { ok: false, error: { code: 'io', message } };
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  return value.ok === true ? 'value' in value : value.ok === false && 'error' in value;
}

/** `baseUrl` is where `api/` lives, e.g. `/` or `http://127.0.0.1:4173/`. */
export function createHttpApi(baseUrl = '/', fetchFn: FetchLike = (url, init) => fetch(url, init)): PalimpsesteApi {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const call = async (method: ApiMethod, args: unknown[]): Promise<Result<unknown>> => {
    let response;
    try {
      response = await fetchFn(`${base}api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ args: trimTrailingUndefined(args) }),
      });
    } catch {
      return transportError('Le serveur local de Palimpseste ne répond pas. Relancez « npm run web ».');
    }
    let body: unknown;
    try {
      body = JSON.parse(await response.text());
    } catch {
      return transportError(`Réponse illisible du serveur local (HTTP ${response.status}).`);
    }
    return isResult(body) ? body : transportError(`Réponse inattendue du serveur local (HTTP ${response.status}).`);
  };
  const api: Record<string, (...args: unknown[]) => Promise<Result<unknown>>> = {};
  for (const method of API_METHODS) api[method] = (...args: unknown[]) => call(method, args);
  // Each method is built from API_METHODS, whose completeness `api-schemas.ts` checks at compile time.
  return api as unknown as PalimpsesteApi;
}
