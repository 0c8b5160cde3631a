import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPassageAnnotation, type Annotation } from '../../corpus/annotations/annotation.ts';
import { ArticleText } from '../../corpus/annotations/article-text.ts';
import { exportAnnotationsFile } from '../../corpus/annotations/files.ts';
import type { Article } from '../../corpus/model/model.ts';
import type { PalimpsesteApi } from '../common/api.ts';
import { SEED_CODE, writeSeedBundle } from '../../tests/support/seed-bundle.ts';
import { AnnotationStore } from './annotation-store.ts';
import { CorpusStore } from './corpus-store.ts';
import { createHandlers } from './handlers.ts';
import { createHost } from './host.ts';
import { NoticeBoard } from './notices.ts';
import { SessionStore } from './session-store.ts';
import { TrailStore } from './trail-store.ts';
import { faultyFs, type Faults } from './user-data/testing/faulty-fs.ts';

let base: string;
let corpusDir: string;
let article: Article;
const L611_3 = `${SEED_CODE}/num:L611-3`;

beforeAll(async () => {
  base = mkdtempSync(path.join(tmpdir(), 'palimpseste-annotations-'));
  corpusDir = path.join(base, 'corpus');
  writeSeedBundle(corpusDir);
  article = await new CorpusStore(corpusDir).article(L611_3);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

let n = 0;
function dataDir(): string {
  return path.join(base, `data-${++n}`);
}

/** A highlight of the words `words` of the seed's first paragraph that holds them. */
function highlight(words: string, extra: Partial<Annotation> = {}): Annotation {
  const version = article.versions[0]!;
  const paragraph = version.paragraphs.findIndex((p) => p.includes(words));
  const offset = version.paragraphs[paragraph]!.indexOf(words);
  const made = createPassageAnnotation({
    article: { id: article.id, code: article.code, num: article.num },
    version,
    text: new ArticleText(version.paragraphs),
    start: { paragraph, offset },
    end: { paragraph, offset: offset + words.length },
    role: 'condition',
    note: 'à relire',
  });
  return { ...made, ...extra };
}

function api(dir: string): PalimpsesteApi {
  return createHost({ corpusDir, dataDir: dir, log: () => undefined }).api;
}

describe('annotations through the host', () => {
  it('keeps an annotation across a restart, lists it by article and counts it', async () => {
    const dir = dataDir();
    const a = highlight('travailleurs non salariés');
    expect(await api(dir).saveAnnotation(a)).toEqual({ ok: true, value: a });
    const again = api(dir);
    expect(await again.listAnnotations({ article: L611_3 })).toEqual({ ok: true, value: [a] });
    expect(await again.listAnnotations({ article: `${SEED_CODE}/num:L611-20` })).toEqual({ ok: true, value: [] });
    expect(await again.annotationCounts()).toEqual({ ok: true, value: { [L611_3]: 1 } });
  });

  it('applies two windows’ edits of one annotation to the one on disk: both stay', async () => {
    const dir = dataDir();
    const a = highlight('travailleurs non salariés');
    const first = api(dir);
    const second = api(dir);
    await first.saveAnnotation(a);
    const [note, tags] = await Promise.all([
      first.editAnnotation(a.id, { note: 'vu le 3 décembre' }),
      second.editAnnotation(a.id, { tags: ['contrôle URSSAF'] }),
    ]);
    expect(note.ok && tags.ok).toBe(true);
    const stored = await api(dir).listAnnotations({});
    expect(stored.ok && stored.value.map((x) => [x.note, x.tags])).toEqual([['vu le 3 décembre', ['contrôle URSSAF']]]);
  });

  it('keeps every one of 50 annotations saved at once by two hosts on one folder', async () => {
    const dir = dataDir();
    const hosts = [api(dir), api(dir)];
    const made = Array.from({ length: 50 }, (_, i) => highlight('travailleurs non salariés', { id: `a-${i}` }));
    const results = await Promise.all(made.map((a, i) => hosts[i % 2]!.saveAnnotation(a)));
    expect(results.every((r) => r.ok)).toBe(true);
    const stored = await api(dir).listAnnotations({});
    expect(stored.ok && stored.value.map((x) => x.id).sort()).toEqual(made.map((x) => x.id).sort());
  });

  it('keeps a note of 100,000 characters, emoji and right-to-left text, and <script>, as text', async () => {
    const dir = dataDir();
    const note = `${'Délai de prescription. '.repeat(4348).slice(0, 99_990)} 🧾 مرحبا <script>alert(1)</script>`;
    const a = highlight('travailleurs non salariés', { note });
    expect((await api(dir).saveAnnotation(a)).ok).toBe(true);
    const stored = await api(dir).listAnnotations({ article: L611_3 });
    expect(stored.ok && stored.value[0]!.note).toBe(note);
    expect(note.length).toBeGreaterThan(100_000);
  });

  it('refuses a malformed annotation naming the field, and a second annotation under an existing id on another passage', async () => {
    const dir = dataDir();
    const host = api(dir);
    const bad = { ...highlight('travailleurs non salariés'), role: 'rouge' };
    const refused = await host.saveAnnotation(bad as unknown as Annotation);
    expect(!refused.ok && refused.error.code).toBe('invalid-argument');
    expect(!refused.ok && refused.error.message).toContain('role');
    const a = highlight('travailleurs non salariés');
    await host.saveAnnotation(a);
    const other = highlight('gestion du régime', { id: a.id });
    const clash = await host.saveAnnotation(other);
    expect(!clash.ok && clash.error.message).toBe('Une annotation existe déjà sous cet identifiant, sur un autre passage.');
    expect(await host.listAnnotations({})).toEqual({ ok: true, value: [a] });
  });

  it('deletes, and puts back on undo', async () => {
    const dir = dataDir();
    const host = api(dir);
    const a = highlight('travailleurs non salariés');
    await host.saveAnnotation(a);
    expect(await host.deleteAnnotation(a.id)).toEqual({ ok: true, value: true });
    expect(await host.deleteAnnotation(a.id)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await host.saveAnnotation(a)).toEqual({ ok: true, value: a });
    expect(await api(dir).listAnnotations({})).toEqual({ ok: true, value: [a] });
  });

  it('imports an export file twice without duplicating, and refuses a broken one whole, in French', async () => {
    const dir = dataDir();
    const host = api(dir);
    const a = highlight('travailleurs non salariés');
    const b = highlight('gestion du régime', { id: 'b' });
    const file = exportAnnotationsFile([a, b]);
    const first = await host.importAnnotations(file);
    expect(first).toMatchObject({ ok: true, value: { added: 2, message: '2 annotations ajoutées.' } });
    const second = await host.importAnnotations(file);
    expect(second).toMatchObject({ ok: true, value: { added: 0, unchanged: 2 } });
    const broken = await host.importAnnotations(file.slice(0, file.length / 2));
    expect(!broken.ok && broken.error.message).toMatch(/^Ce fichier n’est pas un fichier JSON valide/);
    expect((await host.listAnnotations({})).ok && (await host.exportAnnotations()).ok).toBe(true);
    const exported = await host.exportAnnotations();
    expect(exported.ok && JSON.parse(exported.value).annotations).toHaveLength(2);
  });

  it('searches the list of all annotations in French, with statuses on today’s version', async () => {
    const dir = dataDir();
    const host = api(dir);
    await host.saveAnnotation(highlight('travailleurs non salariés', { note: 'Cotisations des indépendants' }));
    await host.saveAnnotation(highlight('gestion du régime', { id: 'r', note: 'autre chose' }));
    const found = await host.searchAnnotations({ text: 'cotisation' });
    expect(found.ok && found.value.total).toBe(1);
    expect(found.ok && found.value.hits[0]!.status).toBe('attached');
    expect(found.ok && found.value.codes).toEqual([{ code: SEED_CODE, count: 2 }]);
    const attached = await host.searchAnnotations({ statuses: ['attached'] });
    expect(attached.ok && attached.value.total).toBe(2);
    const orphans = await host.searchAnnotations({ statuses: ['orphan'] });
    expect(orphans.ok && orphans.value.total).toBe(0);
    // An edit is searched at once (the index follows the records).
    await host.editAnnotation('r', { note: 'Cotisation minimale' });
    const after = await host.searchAnnotations({ text: 'cotisations' });
    expect(after.ok && after.value.total).toBe(2);
  });

  it('keeps the names of the colours', async () => {
    const dir = dataDir();
    await api(dir).setAnnotationSettings({ palette: { labels: { condition: 'champ d’application' } } });
    expect(await api(dir).getAnnotationSettings()).toEqual({
      ok: true,
      value: { palette: { labels: { condition: 'champ d’application' } } },
    });
  });

  it('sets a corrupt annotations file aside, says so in French, and goes on saving', async () => {
    const dir = dataDir();
    const a = highlight('travailleurs non salariés');
    await api(dir).saveAnnotation(a);
    await createHost({ corpusDir, dataDir: dir }).annotations.records.close();
    // The journal holds the annotation; damage it as a crash of the disk might.
    writeFileSync(path.join(dir, 'annotations.journal'), '{"seq":1,"put":{"id":"x"\u0000\u0000garbage\n');
    const host = createHost({ corpusDir, dataDir: dir, log: () => undefined });
    const notices = await host.api.getNotices();
    expect(notices.ok && notices.value.map((x) => x.kind)).toEqual(['annotations-corrupt']);
    expect(notices.ok && notices.value[0]!.message).toMatch(/^Une modification de vos annotations était illisible/);
    expect(readdirSync(dir).some((name) => /^annotations\.corrupt-.*\.journal$/.test(name))).toBe(true);
    expect((await host.api.saveAnnotation(highlight('gestion du régime', { id: 'apres' }))).ok).toBe(true);
  });

  it('reads a data file of another schema as damage: set aside, nothing lost from the copy', async () => {
    const dir = dataDir();
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    const foreign = JSON.stringify({ format: 'palimpseste-records', version: 99, seq: 1, records: [] });
    writeFileSync(path.join(dir, 'annotations.json'), foreign);
    const host = createHost({ corpusDir, dataDir: dir, log: () => undefined });
    const notices = await host.api.getNotices();
    expect(notices.ok && notices.value[0]!.message).toMatch(/^Le fichier de vos annotations était illisible/);
    const copy = readdirSync(dir).find((name) => name.startsWith('annotations.corrupt-'));
    expect(copy && readFileSync(path.join(dir, copy), 'utf8')).toBe(foreign);
  });

  it('sets a truncated annotations file aside (cut mid-record by a full disk), and keeps working', async () => {
    const dir = dataDir();
    const a = highlight('travailleurs non salariés');
    // Compacted at every save: the annotation is in the snapshot, annotations.json.
    const store = new AnnotationStore(dir, new NoticeBoard(), new CorpusStore(corpusDir), undefined, { compactAfterBytes: 1 });
    await store.records.put(a);
    await store.records.close();
    const snapshot = path.join(dir, 'annotations.json');
    const whole = readFileSync(snapshot);
    writeFileSync(snapshot, whole.subarray(0, Math.floor(whole.length / 2)));
    const host = createHost({ corpusDir, dataDir: dir, log: () => undefined });
    const notices = await host.api.getNotices();
    expect(notices.ok && notices.value[0]!.message).toMatch(/^Le fichier de vos annotations était illisible/);
    const copy = readdirSync(dir).find((name) => name.startsWith('annotations.corrupt-'));
    expect(copy && readFileSync(path.join(dir, copy)).length).toBe(Math.floor(whole.length / 2));
    expect((await host.api.saveAnnotation(highlight('gestion du régime', { id: 'apres' }))).ok).toBe(true);
    const listed = await host.api.listAnnotations({});
    expect(listed.ok && listed.value.map((x) => x.id)).toEqual(['apres']);
  });

  it('a 200 MB annotations file at launch: read once, set aside as damaged, the app goes on', async () => {
    const dir = dataDir();
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    const big = Buffer.alloc(200 * 1024 * 1024, 0x20);
    big.write('{"format":"palimpseste-records","version":1,"seq":1,"records":[{"id":"x","note":"', 0);
    writeFileSync(path.join(dir, 'annotations.json'), big);
    const started = performance.now();
    const host = createHost({ corpusDir, dataDir: dir, log: () => undefined });
    const counts = await host.api.annotationCounts();
    expect(counts.ok && counts.value).toEqual({});
    const notices = await host.api.getNotices();
    expect(notices.ok && notices.value.map((x) => x.kind)).toEqual(['annotations-corrupt']);
    expect((await host.api.saveAnnotation(highlight('gestion du régime', { id: 'apres' }))).ok).toBe(true);
    console.log(`[annotations] a 200 MB damaged file read and set aside in ${Math.round(performance.now() - started)} ms`);
    expect(readdirSync(dir).filter((name) => name.startsWith('annotations.corrupt-'))).toHaveLength(1);
  }, 60_000);

  it('says « disque plein » and « lecture seule », keeping what was saved', async () => {
    const dir = dataDir();
    const faults: Faults = { writes: 0 };
    const fs = faultyFs(faults);
    const notices = new NoticeBoard();
    const corpus = new CorpusStore(corpusDir);
    const host = createHandlers({
      corpus,
      trails: new TrailStore(dir, notices, undefined, { fs }),
      session: new SessionStore(dir, notices, undefined, { fs }),
      annotations: new AnnotationStore(dir, notices, corpus, undefined, { fs }),
      notices,
      log: () => undefined,
    });
    const a = highlight('travailleurs non salariés');
    expect((await host.saveAnnotation(a)).ok).toBe(true);
    faults.spaceLeft = 0;
    const full = await host.saveAnnotation(highlight('gestion du régime', { id: 'plein' }));
    expect(!full.ok && full.error.code).toBe('disk-full');
    expect(!full.ok && full.error.message).toMatch(/^Impossible d’enregistrer l’annotation : disque plein\..*n’est pas perdu\.$/);
    faults.spaceLeft = undefined;
    faults.readOnly = true;
    const readOnly = await host.editAnnotation(a.id, { note: 'nouvelle note' });
    expect(!readOnly.ok && readOnly.error.code).toBe('read-only');
    expect(await host.listAnnotations({})).toEqual({ ok: true, value: [a] });
    faults.readOnly = false;
    // The edit kept by the renderer succeeds on retry.
    expect((await host.editAnnotation(a.id, { note: 'nouvelle note' })).ok).toBe(true);
  });

  it('lists for review the annotations of an article that got a new version, grouped by amending text, once', async () => {
    const dir = dataDir();
    const a = highlight('travailleurs non salariés');
    const host = createHost({ corpusDir, dataDir: dir, log: () => undefined });
    await host.api.saveAnnotation(a);
    expect(await host.api.getAnnotationReview()).toEqual({ ok: true, value: { groups: [], missingArticles: [], total: 0 } });
    // A corpus update: the baseline of the article is made older (another corpus, one version fewer).
    await host.annotations.baselines.transact((records) => {
      const baseline = records.get(L611_3)!;
      return {
        result: undefined,
        changes: [{ put: { ...baseline, corpus: 'ancien', versions: [{ validFrom: '1900-01-01', key: 'x' }] } }],
      };
    });
    const review = await host.api.getAnnotationReview();
    expect(review.ok && review.value.total).toBe(1);
    expect(review.ok && review.value.groups[0]!.title).toMatch(/^1 annotation concernée par /);
    expect(review.ok && review.value.groups[0]!.entries[0]!.status).toBe('attached');
    expect(await host.api.acknowledgeAnnotationReview()).toEqual({ ok: true, value: true });
    expect(await host.api.getAnnotationReview()).toMatchObject({ ok: true, value: { total: 0 } });
  });
});
