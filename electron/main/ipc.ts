/**
 * The API over IPC: one `ipcMain.handle('palimpseste:<method>')` per method of the contract, each
 * answering only a trusted sender (see `isTrustedSender`) and going through the same dispatch as the
 * web edition. Nothing generic: an unknown channel has no handler.
 */
import type { IpcMainInvokeEvent } from 'electron';
import { API_METHODS, type PalimpsesteApi, type Result } from '../common/api.ts';
import { dispatch } from '../host/dispatch.ts';
import { fail } from '../host/result.ts';

export const IPC_PREFIX = 'palimpseste:';

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
}

export function registerApiHandlers(
  ipcMain: IpcMainLike,
  api: PalimpsesteApi,
  isTrusted: (event: IpcMainInvokeEvent) => boolean,
  log: (message: string) => void,
): void {
  for (const method of API_METHODS) {
    ipcMain.handle(`${IPC_PREFIX}${method}`, async (event, ...args): Promise<Result<unknown>> => {
      if (!isTrusted(event)) {
        log(`IPC ${method} refused from ${event.senderFrame?.url ?? '(no frame)'}`);
        return fail('forbidden', 'Appel refusé : il ne vient pas d’une page de Palimpseste.');
      }
      return dispatch(api, method, args);
    });
  }
}
