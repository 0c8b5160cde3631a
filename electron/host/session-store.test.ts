import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NoticeBoard } from './notices.ts';
import { SESSION_FILE, SessionStore } from './session-store.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'palimpseste-session-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('SessionStore', () => {
  it('merges each update into the saved state, which a restarted host reads back', async () => {
    const store = new SessionStore(dir, new NoticeBoard());
    expect(await store.get()).toEqual({});
    await store.set({ location: '/code-de-la-securite-sociale/L611-3@2006-01-28', theme: 'dark' });
    await store.set({ textScale: 1.25 });
    expect(await new SessionStore(dir, new NoticeBoard()).get()).toEqual({
      location: '/code-de-la-securite-sociale/L611-3@2006-01-28',
      theme: 'dark',
      textScale: 1.25,
    });
  });

  it('keeps a corrupt session file aside with a French notice and starts afresh', async () => {
    writeFileSync(path.join(dir, SESSION_FILE), '{"theme": "sépia"}');
    const notices = new NoticeBoard();
    expect(await new SessionStore(dir, notices, () => new Date('2026-11-22T00:00:00Z')).get()).toEqual({});
    expect(notices.list()[0]?.kind).toBe('session-corrupt');
    expect(readFileSync(path.join(dir, 'session.corrupt-2026-11-22T00-00-00-000Z.json'), 'utf8')).toBe('{"theme": "sépia"}');
  });
});
