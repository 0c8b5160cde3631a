import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Trail } from '../common/api.ts';
import { NoticeBoard } from './notices.ts';
import { MAX_TRAILS, TooManyTrailsError, TRAILS_FILE, TrailStore } from './trail-store.ts';

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

  it('keeps a corrupt trails file aside byte for byte, says so in the interface’s words, and goes on saving', async () => {
    const corrupt = '{"version":1,"trails":[{"id":"piste-1","name":"tronqué';
    writeFileSync(path.join(dir, TRAILS_FILE), corrupt);
    const notices = new NoticeBoard();
    const store = new TrailStore(dir, notices, now);
    expect(await store.list()).toEqual([]);
    const [notice] = notices.list();
    expect(notice?.kind).toBe('trails-corrupt');
    expect(notice?.message).toBe(
      'Le fichier de vos parcours enregistrés était illisible : aucun parcours n’a pu en être lu. Une copie intacte du fichier a été gardée sous « trails.corrupt-2026-11-22T09-00-00-000Z.json », dans le dossier de données. Les nouveaux parcours s’enregistrent normalement.',
    );
    expect(readFileSync(notice?.keptAs ?? '', 'utf8')).toBe(corrupt);

    await store.save(trail);
    await store.records.close();
    expect(readdirSync(dir).sort()).toEqual(['trails.corrupt-2026-11-22T09-00-00-000Z.json', 'trails.journal', 'trails.json']);
    const restarted = new NoticeBoard();
    expect((await new TrailStore(dir, restarted, now).list()).map((t) => t.id)).toEqual(['piste-1']);
    expect(restarted.list()).toEqual([]); // said once: the live file no longer holds the damage
  });

  it('keeps the good trails when one is bad, instead of setting the whole file aside', async () => {
    const good = [trail, { ...trail, id: 'piste-2' }, { ...trail, id: 'piste-3' }];
    const file = {
      version: 1,
      trails: [good[0], { ...trail, id: 'piste-x', steps: [{ ...trail.steps[0], date: '28/01/2006' }] }, good[1], good[2]],
    };
    writeFileSync(path.join(dir, TRAILS_FILE), JSON.stringify(file));
    const notices = new NoticeBoard();
    expect((await new TrailStore(dir, notices, now).list()).map((t) => t.id).sort()).toEqual(['piste-1', 'piste-2', 'piste-3']);
    expect(notices.list().map((n) => n.message)).toEqual([
      'Un parcours enregistré était illisible et a été écarté ; les 3 autres sont là. Une copie intacte du fichier a été gardée sous « trails.corrupt-2026-11-22T09-00-00-000Z.json », dans le dossier de données.',
    ]);
  });

  it('reads the trails file of version 1 (the whole list in one file), even with a byte order mark', async () => {
    const file = JSON.stringify({ version: 1, trails: [trail] });
    writeFileSync(path.join(dir, TRAILS_FILE), `\uFEFF${file}`);
    const notices = new NoticeBoard();
    expect(await new TrailStore(dir, notices, now).list()).toEqual([trail]);
    expect(notices.list()).toEqual([]);
  });

  it('keeps every one of 10 saves at once, 20 times over (the old store lost 178 of 200)', async () => {
    const store = new TrailStore(dir, new NoticeBoard(), now);
    const acknowledged: string[] = [];
    for (let round = 0; round < 20; round++) {
      const saves = Array.from({ length: 10 }, (_, i) => store.save({ ...trail, id: `piste-${round}-${i}` }));
      for (const saved of await Promise.all(saves)) acknowledged.push(saved.id);
    }
    const kept = new Set((await new TrailStore(dir, new NoticeBoard(), now).list()).map((t) => t.id));
    expect(acknowledged).toHaveLength(200);
    expect(acknowledged.filter((id) => !kept.has(id))).toEqual([]);
  });

  it('keeps the first creation date when the same trail is saved twice at once', async () => {
    const store = new TrailStore(dir, new NoticeBoard(), now);
    await store.save(trail);
    clock = new Date('2026-11-22T10:00:00.000Z');
    await Promise.all([store.save({ ...trail, name: 'Un', createdAt: 'x' }), store.save({ ...trail, name: 'Deux', createdAt: 'y' })]);
    const [saved] = await new TrailStore(dir, new NoticeBoard(), now).list();
    expect([saved?.name, saved?.createdAt]).toEqual(['Deux', '2026-11-01T10:00:00.000Z']);
  });

  it('refuses a trail past the cap without touching the others', async () => {
    const store = new TrailStore(dir, new NoticeBoard(), now);
    await Promise.all(Array.from({ length: MAX_TRAILS }, (_, i) => store.save({ ...trail, id: `p${i}` })));
    await expect(store.save({ ...trail, id: 'de-trop' })).rejects.toBeInstanceOf(TooManyTrailsError);
    expect((await store.list()).length).toBe(MAX_TRAILS);
    expect((await store.save({ ...trail, id: 'p0', name: 'remplacé' })).name).toBe('remplacé');
  });
});
