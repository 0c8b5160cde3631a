import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RecordStore, type RecordStoreOptions, type StoreProblem } from './record-store.ts';
import { decodeJournal, decodeSnapshot, encodeSnapshot } from './store-files.ts';
import { StorageError } from './storage-errors.ts';
import { faultyFs, type Faults } from './testing/faulty-fs.ts';

/** An annotation-like record: an id, a note, a counter (for read-modify-write checks). */
const noteSchema = z.object({ id: z.string().min(1), text: z.string(), count: z.number().int().default(0) });
type Note = z.infer<typeof noteSchema>;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'palimpseste-records-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const clock = () => new Date('2026-11-22T09:00:00.000Z');

function open(options: Partial<RecordStoreOptions<Note>> = {}, problems: StoreProblem[] = []): RecordStore<Note> {
  return new RecordStore<Note>({
    dir,
    name: 'notes.json',
    schema: noteSchema,
    idOf: (note) => note.id,
    onProblem: (problem) => problems.push(problem),
    now: clock,
    ...options,
  });
}

const note = (id: string, text = `note ${id}`): Note => ({ id, text, count: 0 });
const increment = (store: RecordStore<Note>, id: string) =>
  store.update(id, (current) => ({ ...(current ?? note(id)), count: (current?.count ?? 0) + 1 }));

/** Every line of both files parses: nothing half-written, nothing unreadable. */
function assertFilesWhole(name = 'notes'): void {
  const snapshot = path.join(dir, `${name}.json`);
  if (existsSync(snapshot)) expect(decodeSnapshot(readFileSync(snapshot)).ok).toBe(true);
  const journal = path.join(dir, `${name}.journal`);
  if (existsSync(journal)) {
    const chunk = decodeJournal(readFileSync(journal));
    expect([chunk.badLines, chunk.tail]).toEqual([[], 0]);
  }
}

describe('RecordStore: saving and reading back', () => {
  it('snapshot(): the same array while nothing changed, a new one after a change here or by another store', async () => {
    const store = open();
    const other = open();
    await store.put(note('a'));
    const first = await store.snapshot();
    expect(first.map((n) => n.id)).toEqual(['a']);
    expect(await store.snapshot()).toBe(first);
    await store.put(note('b'));
    const second = await store.snapshot();
    expect(second).not.toBe(first);
    expect(second.map((n) => n.id)).toEqual(['a', 'b']);
    await other.delete('a');
    expect((await store.snapshot()).map((n) => n.id)).toEqual(['b']);
    expect(first.map((n) => n.id)).toEqual(['a']); // an array handed out is never changed
  });

  it('puts, updates, deletes, and a new store on the folder (a restart) reads it all back', async () => {
    const store = open();
    await store.put(note('a'));
    await store.put(note('b'));
    await store.update('a', (current) => current && { ...current, text: 'révisée' });
    expect(await store.delete('b')).toBe(true);
    expect(await store.delete('b')).toBe(false);
    expect(await store.update('zz', () => undefined)).toBeUndefined();
    expect(await open().list()).toEqual([{ id: 'a', text: 'révisée', count: 0 }]);
    assertFilesWhole();
  });

  it('refuses a record its schema refuses, writing nothing, and fails only that call', async () => {
    const store = open();
    const [bad, good] = await Promise.allSettled([store.put({ id: '', text: 'x', count: 0 }), store.put(note('ok'))]);
    expect(bad.status === 'rejected' && String(bad.reason)).toMatch(/invalid record: id: /);
    expect(good.status).toBe('fulfilled');
    expect((await open().list()).map((n) => n.id)).toEqual(['ok']);
  });

  it('applies every one of 200 concurrent read-modify-writes (none lost)', async () => {
    const store = open();
    await Promise.all(Array.from({ length: 200 }, () => increment(store, 'counter')));
    expect((await store.get('counter'))?.count).toBe(200);
    expect((await open().get('counter'))?.count).toBe(200);
  });

  it('shares one lock, one append and one flush among the saves that arrive together', async () => {
    const faults: Faults = { writes: 0 };
    const store = open({ fs: faultyFs(faults) });
    await store.ready();
    await Promise.all(Array.from({ length: 50 }, (_, i) => store.put(note(`n${i}`))));
    // One write for the lock file's content, and one or two appends (the first save may go alone).
    expect(faults.writes).toBeLessThanOrEqual(6);
    expect(await open().count()).toBe(50);
  });

  it('runs a transaction on the current records and applies its changes together or not at all', async () => {
    const store = open();
    await store.put(note('a'));
    const moved = await store.transact((records) => ({
      result: records.size,
      changes: [{ delete: 'a' }, { put: { ...note('b'), text: records.get('a')?.text ?? '' } }],
    }));
    expect(moved).toBe(1);
    await expect(
      store.transact(() => {
        throw new Error('refusé');
      }),
    ).rejects.toThrow('refusé');
    await expect(
      store.transact(() => ({ result: 0, changes: [{ put: note('c') }, { put: { id: 7 } as unknown as Note }] })),
    ).rejects.toThrow(/invalid record/);
    expect(await open().list()).toEqual([{ id: 'b', text: 'note a', count: 0 }]);
  });

  it('imports records by merging: bad ones reported by index, the rule deciding between two versions', async () => {
    const store = open();
    await store.put({ id: 'a', text: 'ancienne', count: 1 });
    await store.put({ id: 'b', text: 'gardée', count: 5 });
    const report = await store.importRecords(
      [
        { id: 'a', text: 'nouvelle', count: 2 },
        { id: 'b', text: 'plus ancienne', count: 3 },
        { id: 'c', text: 'ajoutée' },
        { text: 'sans id' },
        'rien',
      ],
      (existing, incoming) => (incoming.count > existing.count ? incoming : undefined),
    );
    expect(report.added).toBe(1);
    expect(report.replaced).toBe(1);
    expect(report.unchanged).toBe(1);
    expect(report.rejected.map((r) => r.index)).toEqual([3, 4]);
    expect((await open().list()).map((n) => [n.id, n.text])).toEqual([
      ['a', 'nouvelle'],
      ['b', 'gardée'],
      ['c', 'ajoutée'],
    ]);
  });
});

describe('RecordStore: the journal folded into the snapshot', () => {
  it('compacts once the journal outgrows the snapshot, and loses nothing', async () => {
    const store = open({ compactAfterBytes: 2_000 });
    for (let i = 0; i < 120; i++) await store.put(note(`n${i % 40}`, `version ${i}`));
    const journalSize = readFileSync(path.join(dir, 'notes.journal')).length;
    expect(journalSize).toBeLessThan(6_000);
    const snapshot = decodeSnapshot(readFileSync(path.join(dir, 'notes.json')));
    expect(snapshot.ok && snapshot.seq).toBeGreaterThan(40);
    const list = await open().list();
    expect(list).toHaveLength(40);
    expect(list.find((n) => n.id === 'n39')?.text).toBe('version 119');
    assertFilesWhole();
  });

  it('skips journal lines the snapshot already has (a crash between the rename and emptying the journal)', async () => {
    writeFileSync(path.join(dir, 'notes.json'), encodeSnapshot(5, [{ id: 'counter', text: '', count: 5 }]));
    writeFileSync(
      path.join(dir, 'notes.journal'),
      [
        '{"seq":4,"put":{"id":"counter","text":"","count":4}}',
        '{"seq":5,"put":{"id":"counter","text":"","count":5}}',
        '{"seq":6,"put":{"id":"counter","text":"","count":6}}',
        '',
      ].join('\n'),
    );
    const store = open();
    expect((await store.get('counter'))?.count).toBe(6);
    await increment(store, 'counter');
    expect((await open().get('counter'))?.count).toBe(7);
  });

  it('leaves out a last line cut short by a crash (never acknowledged), and cuts it off before appending', async () => {
    writeFileSync(path.join(dir, 'notes.journal'), '{"seq":1,"put":{"id":"a","text":"x","count":0}}\n{"seq":2,"put":{"id":"b","te');
    const problems: StoreProblem[] = [];
    const store = open({}, problems);
    expect((await store.list()).map((n) => n.id)).toEqual(['a']);
    expect(problems).toEqual([]); // not damage: an unfinished write
    await store.put(note('c'));
    expect(readFileSync(path.join(dir, 'notes.journal'), 'utf8').split('\n').filter(Boolean)).toHaveLength(2);
    expect((await open().list()).map((n) => n.id)).toEqual(['a', 'c']);
    assertFilesWhole();
  });

  it('sweeps the temporary files of killed processes at start (the old store never did)', async () => {
    await open().put(note('a'));
    for (const name of ['notes.json.tmp-4242-0a1b2c3d', 'notes.json.tmp-17-ffffffff', 'notes.lock.stale-abcdef123456'])
      writeFileSync(path.join(dir, name), 'x'.repeat(1000));
    writeFileSync(path.join(dir, 'other.json.tmp-1-00000000'), 'not ours');
    await open().ready();
    expect(readdirSync(dir).sort()).toEqual(['notes.journal', 'other.json.tmp-1-00000000']);
  });
});

describe('RecordStore: damaged files', () => {
  it('keeps the good records when one is bad, keeps the file aside byte for byte, and rewrites it without the bad one', async () => {
    const original = encodeSnapshot(3, [note('a'), { id: 'b', text: 42 }, note('c')]);
    writeFileSync(path.join(dir, 'notes.json'), original);
    const problems: StoreProblem[] = [];
    const store = open({}, problems);
    expect((await store.list()).map((n) => n.id)).toEqual(['a', 'c']);
    expect(problems).toEqual([
      {
        file: path.join(dir, 'notes.json'),
        keptAs: path.join(dir, 'notes.corrupt-2026-11-22T09-00-00-000Z.json'),
        whole: false,
        skipped: 1,
        kept: 2,
        reason: expect.stringContaining('text: '),
      },
    ]);
    expect(readFileSync(problems[0]!.keptAs!)).toEqual(Buffer.from(original));
    // Reported once: the live file no longer holds the bad record.
    const again: StoreProblem[] = [];
    expect(await open({}, again).count()).toBe(2);
    expect(again).toEqual([]);
  });

  it('reads a file that starts with a UTF-8 byte order mark (saved by a text editor) as it is', async () => {
    writeFileSync(
      path.join(dir, 'notes.json'),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(encodeSnapshot(1, [note('a')]))]),
    );
    const problems: StoreProblem[] = [];
    expect((await open({}, problems).list()).map((n) => n.id)).toEqual(['a']);
    expect(problems).toEqual([]);
  });

  it('keeps a file that is not JSON at all aside, and goes on saving', async () => {
    writeFileSync(path.join(dir, 'notes.json'), '{"format":"palimpseste-records","version":2,"seq":1,"records":[{"id":"a","te');
    const problems: StoreProblem[] = [];
    const store = open({}, problems);
    expect(await store.list()).toEqual([]);
    expect(problems.map((p) => [p.whole, path.basename(p.keptAs ?? '')])).toEqual([[true, 'notes.corrupt-2026-11-22T09-00-00-000Z.json']]);
    await store.put(note('b'));
    expect((await open().list()).map((n) => n.id)).toEqual(['b']);
  });

  it('skips an unreadable line of the journal and applies the others', async () => {
    writeFileSync(
      path.join(dir, 'notes.journal'),
      '{"seq":1,"put":{"id":"a","text":"x","count":0}}\nnot json\n{"seq":3,"put":{"id":"b","text":"y","count":0}}\n',
    );
    const problems: StoreProblem[] = [];
    expect((await open({}, problems).list()).map((n) => n.id)).toEqual(['a', 'b']);
    expect(problems.map((p) => [path.basename(p.file), p.skipped, path.basename(p.keptAs ?? '')])).toEqual([
      ['notes.journal', 1, 'notes.corrupt-2026-11-22T09-00-00-000Z.journal'],
    ]);
    assertFilesWhole();
  });
});

describe('RecordStore: a full disk and a read-only folder (faults injected: the tests run as root)', () => {
  it('fails a save on a full disk with « disk-full », keeps every earlier record, leaves no half line', async () => {
    const faults: Faults = { writes: 0 };
    const store = open({ fs: faultyFs(faults) });
    for (let i = 0; i < 10; i++) await store.put(note(`n${i}`));
    faults.spaceLeft = 30; // the next append is cut short after 30 bytes
    const error = await store.put(note('lost', 'x'.repeat(200))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).failure).toBe('disk-full');
    expect((await store.list()).map((n) => n.id)).toEqual(Array.from({ length: 10 }, (_, i) => `n${i}`));
    assertFilesWhole();
    // Space freed: saving works again.
    faults.spaceLeft = undefined;
    await store.put(note('after'));
    expect(await open().count()).toBe(11);
  });

  it('loses nothing when the disk fills up during a compaction (the journal still has it all)', async () => {
    const faults: Faults = { writes: 0 };
    const store = open({ fs: faultyFs(faults), compactAfterBytes: 1 });
    await store.put(note('a'));
    faults.fullFor = /\.tmp-/; // the journal line fits, the new snapshot does not
    await store.put(note('b'));
    faults.fullFor = undefined;
    expect((await open().list()).map((n) => n.id)).toEqual(['a', 'b']);
    expect(readdirSync(dir).filter((name) => name.includes('.tmp-'))).toEqual([]);
    assertFilesWhole();
  });

  it('reads a read-only folder, and refuses to save there with « read-only »', async () => {
    await open().put(note('a'));
    const faults: Faults = { writes: 0, readOnly: true };
    const store = open({ fs: faultyFs(faults) });
    expect((await store.list()).map((n) => n.id)).toEqual(['a']);
    const error = await store.put(note('b')).catch((e: unknown) => e);
    expect((error as StorageError).failure).toBe('read-only');
    expect((await open().list()).map((n) => n.id)).toEqual(['a']);
  });
});
