import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PalimpsesteApi, Result, Trail } from '../common/api.ts';
import { AnnotationStore } from './annotation-store.ts';
import { CorpusStore } from './corpus-store.ts';
import { dispatch } from './dispatch.ts';
import { createHandlers } from './handlers.ts';
import { createHost } from './host.ts';
import { NoticeBoard } from './notices.ts';
import { SessionStore } from './session-store.ts';
import { TrailStore } from './trail-store.ts';
import { faultyFs, type Faults } from './user-data/testing/faulty-fs.ts';
import { SEED_CODE, writeSeedBundle } from '../../tests/support/seed-bundle.ts';

let base: string;
let api: PalimpsesteApi;
const logged: string[] = [];

const L611_3 = `${SEED_CODE}/num:L611-3`;
const trail: Trail = {
  id: 'piste-L611-3',
  name: 'Lecture du 28 janvier 2006',
  steps: [{ article: L611_3, num: 'L611-3', code: SEED_CODE, date: '2006-01-28' }],
  createdAt: '2026-11-22T08:00:00.000Z',
  updatedAt: '2026-11-22T08:00:00.000Z',
};

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'palimpseste-handlers-'));
  writeSeedBundle(path.join(base, 'corpus'));
  api = createHost({ corpusDir: path.join(base, 'corpus'), dataDir: path.join(base, 'data'), log: (m) => logged.push(m) }).api;
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

function errorCode(result: Result<unknown>): string | undefined {
  return result.ok ? undefined : result.error.code;
}

describe('createHandlers', () => {
  it('answers the corpus calls with Results', async () => {
    const info = await api.getCorpusInfo();
    expect(info.ok && info.value.baseUrl).toBe('corpus/');
    expect(info.ok && info.value.manifest.counts.articles).toBe(2);
    const found = await api.findArticles('L. 611-3');
    expect(found.ok && found.value.map((e) => e.id)).toEqual([L611_3]);
    const article = await api.getArticle(L611_3);
    expect(article.ok && article.value.num).toBe('L611-3');
    const missing = await api.getArticle(`${SEED_CODE}/num:L999-9`);
    expect(missing).toEqual({
      ok: false,
      error: { code: 'not-found', message: `L’article « ${SEED_CODE}/num:L999-9 » n’est pas dans le corpus.` },
    });
  });

  it.each<[string, unknown[]]>([
    ['getToc', []],
    ['getToc', [42]],
    ['getToc', ['../../etc/passwd']],
    ['getToc', ['Code Civil']],
    ['getArticle', ['pas-un-id']],
    ['getArticle', [`${SEED_CODE}/num:L611-3\u0000`]],
    ['findArticles', ['']],
    ['findArticles', ['L611-3', null]],
    ['findArticles', ['L611-3', SEED_CODE, 'de trop']],
    ['saveTrail', [{ ...trail, id: '../évasion' }]],
    ['saveTrail', [{ ...trail, steps: [{ ...trail.steps[0], date: '28/01/2006' }] }]],
    ['saveTrail', [{ ...trail, steps: 'toutes' }]],
    ['deleteTrail', [{}]],
    ['setSession', [{ theme: 'sépia' }]],
    ['setSession', [{ textScale: 40 }]],
    ['getCorpusInfo', ['inattendu']],
  ])('refuses %s(%j) with invalid-argument and a French message, touching nothing', async (method, args) => {
    const result = await dispatch(api, method, args);
    expect(errorCode(result)).toBe('invalid-argument');
    expect(!result.ok && result.error.message).toMatch(new RegExp(`^Appel « ${method} » refusé : `));
  });

  it('refuses unknown methods and arguments that are not a list', async () => {
    expect(errorCode(await dispatch(api, 'constructor', []))).toBe('not-found');
    expect(errorCode(await dispatch(api, '__proto__', []))).toBe('not-found');
    expect(errorCode(await dispatch(api, 'getToc', { 0: SEED_CODE }))).toBe('invalid-argument');
  });

  it('saves, lists and deletes trails', async () => {
    const saved = await api.saveTrail(trail);
    expect(saved.ok && saved.value.name).toBe('Lecture du 28 janvier 2006');
    const list = await api.listTrails();
    expect(list.ok && list.value.map((t) => t.id)).toEqual(['piste-L611-3']);
    expect(await api.deleteTrail('piste-L611-3')).toEqual({ ok: true, value: true });
    expect(errorCode(await api.deleteTrail('piste-L611-3'))).toBe('not-found');
  });

  it('stores the session and reports notices', async () => {
    expect(await api.setSession({ location: '/code-de-la-securite-sociale/L611-3@2006-01-28' })).toEqual({ ok: true, value: true });
    expect(await api.getSession()).toEqual({ ok: true, value: { location: '/code-de-la-securite-sociale/L611-3@2006-01-28' } });
    expect(await api.getNotices()).toEqual({ ok: true, value: [] });
  });

  it('keeps working without a corpus: corpus calls say what to do, trails still work', async () => {
    const host = createHost({ corpusDir: path.join(base, 'absent'), dataDir: path.join(base, 'data-2'), log: () => undefined });
    const info = await host.api.getCorpusInfo();
    expect(errorCode(info)).toBe('corpus-missing');
    expect(!info.ok && info.error.message).toContain('npm run corpus');
    expect((await host.api.saveTrail(trail)).ok).toBe(true);
  });

  it('reports a damaged trails file at launch, keeping the trails it can still read', async () => {
    const dataDir = path.join(base, 'data-corrupt');
    const host = createHost({ corpusDir: path.join(base, 'corpus'), dataDir, log: () => undefined });
    await host.api.saveTrail(trail);
    await host.trails.records.close();
    // The snapshot is damaged; the trail saved since is in the journal beside it.
    writeFileSync(path.join(dataDir, 'trails.json'), '\u0000\u0000\u0000');
    const restarted = createHost({ corpusDir: path.join(base, 'corpus'), dataDir, log: () => undefined });
    // The first call a renderer makes at launch: the notice is already there.
    const notices = await restarted.api.getNotices();
    expect(notices.ok && notices.value.map((n) => n.kind)).toEqual(['trails-corrupt']);
    expect(notices.ok && notices.value[0]?.message).toMatch(/^Le fichier de vos parcours enregistrés était illisible/);
    const list = await restarted.api.listTrails();
    expect(list.ok && list.value.map((t) => t.id)).toEqual([trail.id]);
  });

  it('turns a data folder it cannot use into French errors saying why, logging the system reason', async () => {
    // A file where the folder should be: refused to everyone, root included.
    const dataDir = path.join(base, 'not-a-folder');
    writeFileSync(dataDir, '');
    const host = createHost({ corpusDir: path.join(base, 'corpus'), dataDir, log: (m) => logged.push(m) });
    expect(await host.api.listTrails()).toEqual({
      ok: false,
      error: {
        code: 'io',
        message: `Impossible de lire les parcours enregistrés : le dossier de données « ${dataDir} » est inutilisable (ENOTDIR).`,
      },
    });
    const saved = await host.api.saveTrail(trail);
    expect(!saved.ok && saved.error.code).toBe('io');
    expect(!saved.ok && saved.error.message).toMatch(
      /^Impossible d’enregistrer le parcours : le dossier de données « .* » est inutilisable \(E[A-Z]+\)\.$/,
    );
    expect(logged.some((m) => m.includes('ENOTDIR'))).toBe(true);
  });

  it('says « disque plein » when the disk is full, and « lecture seule » for a read-only folder, losing nothing', async () => {
    const dataDir = path.join(base, 'data-faults');
    const faults: Faults = { writes: 0 };
    const notices = new NoticeBoard();
    const fs = faultyFs(faults);
    const corpus = new CorpusStore(path.join(base, 'corpus'));
    const faulty = createHandlers({
      corpus,
      trails: new TrailStore(dataDir, notices, undefined, { fs }),
      session: new SessionStore(dataDir, notices, undefined, { fs }),
      annotations: new AnnotationStore(dataDir, notices, corpus, undefined, { fs }),
      notices,
      log: () => undefined,
    });
    expect((await faulty.saveTrail(trail)).ok).toBe(true);
    faults.spaceLeft = 0;
    expect(await faulty.saveTrail({ ...trail, id: 'piste-2' })).toEqual({
      ok: false,
      error: {
        code: 'disk-full',
        message: `Impossible d’enregistrer le parcours : disque plein. Libérez de la place sur le disque qui contient « ${dataDir} », puis réessayez. Ce qui était déjà enregistré n’est pas perdu.`,
      },
    });
    expect(!(await faulty.setSession({ theme: 'dark' })).ok).toBe(true);
    faults.spaceLeft = undefined;
    faults.readOnly = true;
    expect(await faulty.saveTrail({ ...trail, id: 'piste-3' })).toEqual({
      ok: false,
      error: {
        code: 'read-only',
        message: `Impossible d’enregistrer le parcours : le dossier de données « ${dataDir} » est en lecture seule ou n’est pas modifiable par votre compte. Ce qui était déjà enregistré n’est pas perdu.`,
      },
    });
    const list = await faulty.listTrails();
    expect(list.ok && list.value.map((t) => t.id)).toEqual([trail.id]);
  });
});
