import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Trail } from '../common/api.ts';
import { NoticeBoard } from './notices.ts';
import { TRAILS_FILE, TrailStore } from './trail-store.ts';

// L611-3 of the sécurité sociale (LEGIARTI000006743538) read in 2006, then L612-9 that it cites.
const trail: Trail = {
  id: 'piste-1',
  name: 'Caisses mutuelles régionales',
  steps: [
    { article: 'code-de-la-securite-sociale/LEGIARTI000006743538', num: 'L611-3', code: 'code-de-la-securite-sociale', date: '2006-01-28' },
    { article: 'code-de-la-securite-sociale/num:L612-9', num: 'L612-9', code: 'code-de-la-securite-sociale', date: '2006-01-28' },
  ],
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
};

let dir: string;
let clock: Date;
const now = () => clock;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'palimpseste-trails-'));
  clock = new Date('2026-11-22T09:00:00.000Z');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('TrailStore', () => {
  it('keeps saved trails across a restart of the host (a new store on the same folder)', async () => {
    const first = new TrailStore(dir, new NoticeBoard(), now);
    const saved = await first.save(trail);
    expect(saved.updatedAt).toBe('2026-11-22T09:00:00.000Z');
    expect(saved.createdAt).toBe('2026-11-01T10:00:00.000Z');

    const restarted = new TrailStore(dir, new NoticeBoard(), now);
    expect(await restarted.list()).toEqual([saved]);
  });

  it('replaces a trail saved again under its id, keeping its creation date, and lists the latest first', async () => {
    const store = new TrailStore(dir, new NoticeBoard(), now);
    await store.save(trail);
    clock = new Date('2026-11-22T09:05:00.000Z');
    await store.save({ ...trail, id: 'piste-2', name: 'Autre' });
    clock = new Date('2026-11-22T09:10:00.000Z');
    await store.save({ ...trail, name: 'Renommée', createdAt: 'ignored' });
    const list = await new TrailStore(dir, new NoticeBoard(), now).list();
    expect(list.map((t) => [t.id, t.name, t.createdAt])).toEqual([
      ['piste-1', 'Renommée', '2026-11-01T10:00:00.000Z'],
      ['piste-2', 'Autre', '2026-11-01T10:00:00.000Z'],
    ]);
  });

  it('deletes a trail and says whether it existed', async () => {
    const store = new TrailStore(dir, new NoticeBoard(), now);
    await store.save(trail);
    expect(await store.delete('piste-1')).toBe(true);
    expect(await store.delete('piste-1')).toBe(false);
    expect(await new TrailStore(dir, new NoticeBoard(), now).list()).toEqual([]);
  });

  it('keeps a corrupt trails file aside, says so in French, and goes on saving', async () => {
    const corrupt = '{"version":1,"trails":[{"id":"piste-1","name":"tronqué';
    writeFileSync(path.join(dir, TRAILS_FILE), corrupt);
    const notices = new NoticeBoard();
    const store = new TrailStore(dir, notices, now);
    expect(await store.list()).toEqual([]);
    const [notice] = notices.list();
    expect(notice?.kind).toBe('trails-corrupt');
    expect(notice?.message).toContain('trails.corrupt-2026-11-22T09-00-00-000Z.json');
    expect(notice?.message).toMatch(/mis de côté/);
    expect(readFileSync(notice?.keptAs ?? '', 'utf8')).toBe(corrupt);

    await store.save(trail);
    expect(existsSync(path.join(dir, TRAILS_FILE))).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['trails.corrupt-2026-11-22T09-00-00-000Z.json', 'trails.json']);
    expect((await new TrailStore(dir, new NoticeBoard(), now).list()).map((t) => t.id)).toEqual(['piste-1']);
  });

  it('treats a trail with an invalid step as corrupt rather than loading it', async () => {
    const bad = { version: 1, trails: [{ ...trail, steps: [{ ...trail.steps[0], date: '28/01/2006' }] }] };
    writeFileSync(path.join(dir, TRAILS_FILE), JSON.stringify(bad));
    const notices = new NoticeBoard();
    expect(await new TrailStore(dir, notices, now).list()).toEqual([]);
    expect(notices.list()).toHaveLength(1);
  });
});
