import { describe, expect, it } from 'vitest';
import type { Result, SessionState } from '../../../electron/common/api.ts';
import { SessionSaver } from './session-saver.ts';

describe('SessionSaver', () => {
  it('sends one state at a time and only the latest of those that waited', async () => {
    const sent: (string | undefined)[] = [];
    const pending: (() => void)[] = [];
    const saver = new SessionSaver(
      (state: SessionState) =>
        new Promise<Result<true>>((resolve) => {
          sent.push(state.location);
          pending.push(() => resolve({ ok: true, value: true }));
        }),
    );
    saver.save({ location: '#/code-de-la-securite-sociale/L611-3@2006-01-28' });
    saver.save({ location: '#/code-de-la-securite-sociale/L611-1@2006-01-28' });
    saver.save({ location: '#/code-de-la-securite-sociale/L613-1@2006-01-28' });
    expect(sent).toEqual(['#/code-de-la-securite-sociale/L611-3@2006-01-28']);
    pending.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sent).toEqual(['#/code-de-la-securite-sociale/L611-3@2006-01-28', '#/code-de-la-securite-sociale/L613-1@2006-01-28']);
    pending.shift()?.();
  });
});
