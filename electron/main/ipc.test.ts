import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS } from '../common/api.ts';
import { createHost } from '../host/host.ts';
import { SEED_CODE, writeSeedBundle } from '../../tests/support/seed-bundle.ts';
import { registerApiHandlers, type IpcMainLike } from './ipc.ts';
import { isTrustedSender } from './security.ts';

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

let base: string;
const handlers = new Map<string, Handler>();
const log: string[] = [];
const appWindows = new Set([1]);

/** An invoke event as Electron builds it, reduced to what the check reads. */
function event(url: string, options: { parent?: unknown; sender?: number } = {}): IpcMainInvokeEvent {
  return { senderFrame: { url, parent: options.parent ?? null }, sender: { id: options.sender ?? 1 } } as unknown as IpcMainInvokeEvent;
}

function invoke(channel: string, e: IpcMainInvokeEvent, ...args: unknown[]): Promise<unknown> {
  const handler = handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler(e, ...args);
}

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'palimpseste-ipc-'));
  writeSeedBundle(path.join(base, 'corpus'));
  const host = createHost({ corpusDir: path.join(base, 'corpus'), dataDir: path.join(base, 'data'), log: () => undefined });
  const ipcMain: IpcMainLike = { handle: (channel, listener) => handlers.set(channel, listener) };
  registerApiHandlers(
    ipcMain,
    host.api,
    (e) => isTrustedSender(e, appWindows),
    (m) => log.push(m),
  );
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('IPC handlers', () => {
  it('registers exactly one channel per method of the contract', () => {
    expect([...handlers.keys()].sort()).toEqual(API_METHODS.map((m) => `palimpseste:${m}`).sort());
  });

  it('answers the app page with the handlers', async () => {
    const found = await invoke('palimpseste:findArticles', event('palimpseste://app/index.html#/'), 'L. 611-3', undefined);
    expect(found).toMatchObject({ ok: true, value: [{ id: `${SEED_CODE}/num:L611-3` }] });
    expect(await invoke('palimpseste:getToc', event('palimpseste://app/index.html'), 42)).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
  });

  it.each([
    ['an iframe of the app', event('palimpseste://app/index.html', { parent: {} })],
    ['a remote page', event('https://evil.example/')],
    ['a file page', event('file:///home/user/x.html')],
    ['another window', event('palimpseste://app/index.html', { sender: 2 })],
  ])('refuses %s with forbidden, before running anything', async (_label, e) => {
    const before = log.length;
    const answer = await invoke('palimpseste:saveTrail', e, { id: 'x' });
    expect(answer).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'Appel refusé : il ne vient pas d’une page de Palimpseste.' },
    });
    expect(log.length).toBe(before + 1);
    expect(await invoke('palimpseste:listTrails', event('palimpseste://app/index.html'))).toEqual({ ok: true, value: [] });
  });
});
