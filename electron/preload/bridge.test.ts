import { describe, expect, it } from 'vitest';
import { API_METHODS } from '../common/api.ts';
import { buildApiBridge } from './bridge.ts';

describe('preload bridge', () => {
  it('exposes exactly the methods of the contract, frozen', () => {
    const bridge = buildApiBridge(async () => undefined);
    expect(Object.keys(bridge).sort()).toEqual([...API_METHODS].sort());
    expect(Object.isFrozen(bridge)).toBe(true);
    expect('send' in bridge || 'invoke' in bridge || 'ipcRenderer' in bridge).toBe(false);
  });

  it('invokes each method on its own channel with its arguments', async () => {
    const calls: unknown[][] = [];
    const bridge = buildApiBridge(async (channel, ...args) => {
      calls.push([channel, ...args]);
      return { ok: true, value: [] };
    });
    expect(await bridge.findArticles('L. 611-3', 'code-de-la-securite-sociale')).toEqual({ ok: true, value: [] });
    await bridge.getCorpusInfo();
    expect(calls).toEqual([['palimpseste:findArticles', 'L. 611-3', 'code-de-la-securite-sociale'], ['palimpseste:getCorpusInfo']]);
  });
});
