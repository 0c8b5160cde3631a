/**
 * The transports' entry into the handlers: a method name and raw arguments as they arrived (IPC or
 * HTTP), checked to be one of the contract's methods before anything runs.
 */
import { API_METHODS, type ApiMethod, type PalimpsesteApi, type Result } from '../common/api.ts';
import { fail, toApiError } from './result.ts';

export function isApiMethod(name: string): name is ApiMethod {
  return (API_METHODS as readonly string[]).includes(name);
}

export async function dispatch(api: PalimpsesteApi, name: string, args: unknown): Promise<Result<unknown>> {
  if (!isApiMethod(name)) return fail('not-found', `Appel inconnu : « ${name.slice(0, 80)} ».`);
  if (!Array.isArray(args)) return fail('invalid-argument', `Appel « ${name} » refusé : les arguments doivent être une liste.`);
  const handler = api[name] as (...raw: unknown[]) => Promise<Result<unknown>>;
  try {
    return await handler(...(args as unknown[]));
  } catch (error) {
    // createHandlers never throws; another implementation might.
    return { ok: false, error: toApiError(error) };
  }
}
