/**
 * What the preload exposes as `window.palimpseste`: exactly the methods of the contract, each an
 * `invoke` of its own channel. No generic `send(channel, …)`, no Electron object, nothing else
 * reaches the page. Kept apart from `preload.ts` (which imports electron) so that it is tested in Node.
 */
import { API_METHODS, type PalimpsesteApi } from '../common/api.ts';

export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;

export function buildApiBridge(invoke: Invoke): PalimpsesteApi {
  const bridge: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const method of API_METHODS) {
    const channel = `palimpseste:${method}`;
    // The page's arguments are passed on as they are; the main process validates them.
    bridge[method] = (...args: unknown[]) => invoke(channel, ...args);
  }
  // Built from API_METHODS, whose completeness `api-schemas.ts` checks at compile time.
  return Object.freeze(bridge) as unknown as PalimpsesteApi;
}
