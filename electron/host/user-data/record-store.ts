/**
 * The durable store of the user's own data — saved trails, the session, the window's place, and
 * the annotations — one instance per kind of record, in the user-data folder. Nothing acknowledged
 * is ever lost: not to two saves at once, not to two processes sharing the folder (the desktop app
 * and the web edition do, by design), not to a crash or a power cut mid-write, not to a full disk.
 *
 * ## Using it (for trails, the session, annotations…)
 *
 * ```ts
 * const notes = new RecordStore({
 *   dir: dataDir,                       // the user-data folder
 *   name: 'annotations.json',           // its snapshot; also annotations.journal, annotations.lock
 *   schema: annotationSchema,           // zod: every record read or written is checked with it
 *   idOf: (a) => a.id,                  // each record's id (unique in the store)
 *   onProblem: (p) => notices.add(…),   // a damaged file or record was found (a copy was kept aside)
 * });
 * await notes.ready();                  // at host start: opens, sweeps temp files, reports problems
 * await notes.list();                   // every record (in the order first saved)
 * await notes.get(id);                  // one record, or undefined
 * await notes.put(annotation);          // create or replace; resolves once on disk (flushed)
 * await notes.delete(id);               // true if it existed
 * await notes.update(id, (current) => current && { ...current, note: 'révisé' }); // read-modify-write
 * await notes.transact((records) => ({  // any change computed from the current records, atomically:
 *   result: records.size,               //   the value the call resolves with
 *   changes: [{ put: a }, { delete: 'x' }], //   applied together, or not at all
 * }));
 * await notes.importRecords(rawList, (existing, incoming) => newer(existing, incoming));
 *   // merges records from elsewhere (an export): each checked on its own, bad ones reported with
 *   // their index, the rest merged by id with the given rule, all in one change
 * ```
 *
 * A transaction's function runs on the store's *current* records — those of every process —
 * under the store's lock: two processes incrementing a counter never lose an increment. It must
 * not have side effects (it may run after other transactions of its batch). Errors it throws reject
 * its own call only. A record that fails the schema is refused (`InvalidRecordError`). File errors
 * reject with a `StorageError` (`failure`: `disk-full`, `read-only`, `busy`, `io`; the French
 * words for each are in `storage-errors.ts`); nothing saved before is lost when they happen.
 *
 * Measured with 10,000 records of 1 kB (`npm run bench -- host`): see the « store » rows.
 *
 * ## How it keeps everything
 *
 * - Changes are appended to the journal and flushed (`fdatasync`, and the folder when the journal is
 *   created) before they are acknowledged; saves arriving together share one append and one flush.
 * - Every change is made under the lock file (`file-lock.ts`, with stale-lock recovery), after
 *   reading what other processes appended since (`refresh`): a change is applied to the current
 *   state, never to a copy in memory that another process has since changed.
 * - When the journal outgrows the snapshot (and `compactAfterBytes`), both are folded into a new
 *   snapshot: written to a temporary file, flushed, renamed over the old one, the folder flushed,
 *   then the journal emptied. A crash at any point leaves a readable pair: journal lines already in
 *   the snapshot (by their `seq`) are skipped when read again.
 * - Temporary files of a process killed mid-compaction are swept at start, under the lock (the only
 *   time temporary files exist is under the lock, so any found then are leftovers).
 * - A damaged file is copied aside byte for byte (`trails.corrupt-<date>.json`), the records that
 *   can be read are kept, `onProblem` is told, and the live files are rewritten without the damage.
 * - Reads answer from memory when neither file changed on disk since (two `stat`s); otherwise they
 *   catch up under the lock. A folder that cannot be written can still be read (without the lock).
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { z } from 'zod';
import { FileLock, isStaleLockLeftover, type FileLockOptions, type HeldLock } from './file-lock.ts';
import { errorCode, nodeStoreFs, type FileIdentity, type StoreFs } from './store-fs.ts';
import { decodeJournal, decodeSnapshot, encodeJournal, encodeSnapshot, storeFileNames, type JournalEntry } from './store-files.ts';
import { asStorageError, storageFailureOf } from './storage-errors.ts';

export type Change<R> = { put: R } | { delete: string };

export interface Outcome<T, R> {
  result: T;
  changes: readonly Change<R>[];
}

/** A damaged file found while reading the store. */
export interface StoreProblem {
  /** The damaged file (absolute path). */
  file: string;
  /** Its byte-for-byte copy (absolute path); absent when it could not be made (read-only folder). */
  keptAs?: string;
  /** Nothing could be read from the file (not JSON, or not a store file at all). */
  whole: boolean;
  /** Records (snapshot) or changes (journal) that could not be read and were left out. */
  skipped: number;
  /** Records the store holds after reading it. */
  kept: number;
  /** Technical detail, for the log. */
  reason: string;
}

export interface ImportReport {
  added: number;
  replaced: number;
  unchanged: number;
  /** Records refused by the schema, by their index in the list given, with the reason. */
  rejected: { index: number; problem: string }[];
}

export interface RecordStoreOptions<R> {
  dir: string;
  /** The snapshot's file name (`trails.json`); the journal and the lock are named after it. */
  name: string;
  schema: z.ZodType<R>;
  idOf: (record: R) => string;
  /** The records of a file written by an earlier version of the app, or undefined if it is not one. */
  legacy?: (raw: unknown) => unknown[] | undefined;
  onProblem?: (problem: StoreProblem) => void;
  fs?: StoreFs;
  now?: () => Date;
  /**
   * The journal is folded into the snapshot once larger than `compactAfterBytes` and than
   * `compactProportion` times the snapshot (1 by default: the cost of rewriting the snapshot is then
   * spread over as many bytes of changes; tests set 0 to compact often).
   */
  compactAfterBytes?: number;
  compactProportion?: number;
  lock?: Partial<Omit<FileLockOptions, 'fs'>>;
  log?: (message: string) => void;
}

/** A record the schema refused: nothing was written. */
export class InvalidRecordError extends Error {
  constructor(readonly problem: string) {
    super(`invalid record: ${problem}`);
    this.name = 'InvalidRecordError';
  }
}

interface PendingTransaction<R> {
  run: (records: ReadonlyMap<string, R>) => Outcome<unknown, R>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** `2026-11-22T12-45-27-123Z`: a timestamp that is a valid file name on every system. */
function fileTimestamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

function sameIdentity(a: FileIdentity | undefined, b: FileIdentity | undefined): boolean {
  if (!a || !b) return a === b;
  return a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs;
}

function describeZod(error: z.ZodError): string {
  const first = error.issues[0];
  return first ? `${first.path.map(String).join('.') || 'record'}: ${first.message}` : 'invalid';
}

const DEFAULT_COMPACT_AFTER_BYTES = 256 * 1024;

export class RecordStore<R> {
  readonly dir: string;
  private readonly files: ReturnType<typeof storeFileNames>;
  private readonly snapshotPath: string;
  private readonly journalPath: string;
  private readonly fs: StoreFs;
  private readonly lock: FileLock;
  private readonly now: () => Date;
  private readonly log: (message: string) => void;
  private readonly compactAfterBytes: number;
  private readonly compactProportion: number;

  private records = new Map<string, R>();
  /** `snapshot()`'s array, until the records change. */
  private listed: R[] | undefined;
  private seq = 0;
  /** The snapshot as last read or written (undefined: there was none). */
  private snapshotId: FileIdentity | undefined;
  private snapshotBytes = 0;
  /** The journal's inode as last seen (undefined: there was none). */
  private journalIno: bigint | undefined;
  /** Journal bytes read so far (up to the last complete line), and including a partial last line. */
  private journalOffset = 0;
  private journalSeen = 0;
  private journalLines = 0;
  /** Set by a read that found damage: the next locked section rewrites the files without it. */
  private damaged = false;

  private folderMade = false;
  private opened: Promise<void> | undefined;
  private isOpen = false;
  /** Every section touching the files runs in turn (in this process; the lock file covers the others). */
  private serial: Promise<unknown> = Promise.resolve();
  private pending: PendingTransaction<R>[] = [];
  private flushQueued = false;

  constructor(private readonly options: RecordStoreOptions<R>) {
    this.dir = options.dir;
    this.files = storeFileNames(options.name);
    this.snapshotPath = path.join(options.dir, this.files.snapshot);
    this.journalPath = path.join(options.dir, this.files.journal);
    this.fs = options.fs ?? nodeStoreFs;
    this.lock = new FileLock(path.join(options.dir, this.files.lock), { ...options.lock, fs: this.fs });
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? (() => undefined);
    this.compactAfterBytes = options.compactAfterBytes ?? DEFAULT_COMPACT_AFTER_BYTES;
    this.compactProportion = options.compactProportion ?? 1;
  }

  /** The snapshot's path (for messages). */
  get file(): string {
    return this.snapshotPath;
  }

  /** Opens the store once: sweeps leftovers, reads the files, reports damage. Retried after a failure. */
  ready(): Promise<void> {
    this.opened ??= this.inTurn(() => this.open());
    this.opened.catch(() => (this.opened = undefined));
    return this.opened;
  }

  async list(): Promise<R[]> {
    await this.current();
    return [...this.records.values()];
  }

  /**
   * The records as `list` gives them, but one array kept until a record changes (here or in
   * another process): the same array while nothing changed, so that a caller can keep what it
   * derived from it (a search index) without going through every record again. Not to be mutated.
   */
  async snapshot(): Promise<readonly R[]> {
    await this.current();
    this.listed ??= [...this.records.values()];
    return this.listed;
  }

  async get(id: string): Promise<R | undefined> {
    await this.current();
    return this.records.get(id);
  }

  /** How many records there are. */
  async count(): Promise<number> {
    await this.current();
    return this.records.size;
  }

  /** Runs `run` on the current records under the lock and applies its changes; resolves once on disk. */
  transact<T>(run: (records: ReadonlyMap<string, R>) => Outcome<T, R>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ run, resolve: resolve as (value: unknown) => void, reject });
      if (!this.flushQueued) {
        this.flushQueued = true;
        void this.inTurn(() => this.flush());
      }
    });
  }

  put(record: R): Promise<R> {
    return this.transact(() => ({ result: record, changes: [{ put: record }] }));
  }

  /** Replaces the record by what `change` makes of the current one; undefined from `change`: no change. */
  update(id: string, change: (current: R | undefined) => R | undefined): Promise<R | undefined> {
    return this.transact((records) => {
      const next = change(records.get(id));
      return { result: next, changes: next === undefined ? [] : [{ put: next }] };
    });
  }

  delete(id: string): Promise<boolean> {
    return this.transact((records) => (records.has(id) ? { result: true, changes: [{ delete: id }] } : { result: false, changes: [] }));
  }

  /**
   * Merges records from elsewhere: each checked with the schema on its own (refused ones reported by
   * index), then `merge` decides, by id, what to keep — its result, or undefined to keep the
   * existing record. All accepted changes are applied together.
   */
  importRecords(raw: readonly unknown[], merge: (existing: R, incoming: R) => R | undefined): Promise<ImportReport> {
    const rejected: ImportReport['rejected'] = [];
    const incoming: R[] = [];
    raw.forEach((candidate, index) => {
      const parsed = this.options.schema.safeParse(candidate);
      if (parsed.success) incoming.push(parsed.data);
      else rejected.push({ index, problem: describeZod(parsed.error) });
    });
    return this.transact((records) => {
      const report: ImportReport = { added: 0, replaced: 0, unchanged: 0, rejected };
      const changes: Change<R>[] = [];
      const seen = new Map(records);
      for (const record of incoming) {
        const id = this.options.idOf(record);
        const existing = seen.get(id);
        const kept = existing === undefined ? record : merge(existing, record);
        if (kept === undefined || kept === existing) report.unchanged++;
        else {
          if (existing === undefined) report.added++;
          else report.replaced++;
          changes.push({ put: kept });
          seen.set(id, kept);
        }
      }
      return { result: report, changes };
    });
  }

  /** Waits for every change asked for so far to be written (or to fail). */
  async close(): Promise<void> {
    await this.serial.catch(() => undefined);
  }

  // --- internals -------------------------------------------------------------------------------

  /** Runs `section` after every section queued before it. */
  private inTurn<T>(section: () => Promise<T>): Promise<T> {
    const run = this.serial.then(section, section);
    this.serial = run.catch(() => undefined);
    return run;
  }

  /** Brings memory up to date with the files: at once when neither changed, else under the lock. */
  private async current(): Promise<void> {
    await this.ready();
    if (await this.unchangedOnDisk()) return;
    await this.inTurn(() => this.withLockIfPossible(() => this.refresh()));
  }

  private async unchangedOnDisk(): Promise<boolean> {
    const [snapshot, journal] = await Promise.all([this.fs.identity(this.snapshotPath), this.fs.identity(this.journalPath)]);
    return sameIdentity(snapshot, this.snapshotId) && journal?.ino === this.journalIno && Number(journal?.size ?? 0n) === this.journalSeen;
  }

  private async folderExists(): Promise<boolean> {
    try {
      await this.fs.readdir(this.dir);
      return true;
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return false;
      throw asStorageError(error, this.dir);
    }
  }

  private async open(): Promise<void> {
    if (this.isOpen) return;
    if (!(await this.folderExists())) {
      this.isOpen = true;
      return; // nothing saved yet: the folder is made by the first save
    }
    await this.withLockIfPossible(async (lock) => {
      if (lock) await this.sweep();
      await this.loadAll();
      if (lock) await this.repair(lock);
    });
    this.isOpen = true;
  }

  /**
   * Runs `section` holding the lock; in a folder where no lock file can be made (read-only), runs it
   * without (nobody can write there either) and `section` gets no lock: it must not write.
   */
  private async withLockIfPossible<T>(section: (lock: HeldLock | undefined) => Promise<T>): Promise<T> {
    let lock: HeldLock;
    try {
      lock = await this.lock.acquire();
    } catch (error) {
      const failure = storageFailureOf(error);
      if (failure === 'read-only' || failure === 'disk-full' || errorCode((error as { cause?: unknown }).cause) === 'ENOENT')
        return section(undefined);
      throw error;
    }
    try {
      return await section(lock);
    } finally {
      await lock.release();
    }
  }

  /** Removes what killed processes left: temporary snapshots, halves of a broken stale lock. */
  private async sweep(): Promise<void> {
    const names = await this.fs.readdir(this.dir);
    for (const name of names) {
      if (name.startsWith(this.files.tempPrefix) || isStaleLockLeftover(name, this.files.lock)) {
        await this.fs.unlink(path.join(this.dir, name)).catch(() => undefined);
        this.log(`removed a leftover of an interrupted write: ${name}`);
      }
    }
  }

  /** Reads both files from the start. */
  private async loadAll(): Promise<void> {
    const records = new Map<string, R>();
    let seq = 0;
    const snapshotId = await this.fs.identity(this.snapshotPath);
    let snapshotBytes = 0;
    const problems: Omit<StoreProblem, 'kept'>[] = [];
    if (snapshotId) {
      const bytes = await this.readOrFail(this.snapshotPath);
      snapshotBytes = bytes.byteLength;
      const content = decodeSnapshot(bytes, this.options.legacy);
      if (!content.ok) problems.push({ file: this.snapshotPath, whole: true, skipped: 0, reason: content.problem });
      else {
        seq = content.seq;
        let skipped = 0;
        let reason = '';
        for (const raw of content.records) {
          const parsed = this.options.schema.safeParse(raw);
          if (parsed.success) records.set(this.options.idOf(parsed.data), parsed.data);
          else {
            skipped++;
            reason ||= describeZod(parsed.error);
          }
        }
        if (skipped > 0) problems.push({ file: this.snapshotPath, whole: false, skipped, reason });
      }
    }
    this.records = records;
    this.listed = undefined;
    this.seq = seq;
    this.snapshotId = snapshotId;
    this.snapshotBytes = snapshotBytes;
    this.journalIno = undefined;
    this.journalOffset = this.journalSeen = this.journalLines = 0;
    const journalProblem = await this.readJournal(seq);
    if (journalProblem) problems.push(journalProblem);
    for (const problem of problems) await this.report(problem);
  }

  /** Applies the journal's complete lines after `journalOffset`, skipping those the snapshot has. */
  private async readJournal(snapshotSeq: number): Promise<Omit<StoreProblem, 'kept'> | undefined> {
    const identity = await this.fs.identity(this.journalPath);
    if (!identity) return undefined;
    const size = Number(identity.size);
    this.journalIno = identity.ino;
    if (size <= this.journalOffset) {
      this.journalSeen = size;
      return undefined;
    }
    let bytes: Uint8Array;
    const handle = await this.fs.open(this.journalPath, 'r').catch((error: unknown) => {
      throw asStorageError(error, this.journalPath);
    });
    try {
      bytes = await handle.read(size - this.journalOffset, this.journalOffset);
    } finally {
      await handle.close();
    }
    const chunk = decodeJournal(bytes, this.journalLines + 1);
    let skipped = chunk.badLines.length;
    let reason = skipped > 0 ? `unreadable journal lines ${chunk.badLines.slice(0, 5).join(', ')}` : '';
    for (const entry of chunk.entries) {
      if (entry.seq <= snapshotSeq) continue;
      this.listed = undefined;
      if ('delete' in entry) this.records.delete(entry.delete);
      else {
        const parsed = this.options.schema.safeParse(entry.put);
        if (!parsed.success) {
          skipped++;
          reason ||= `journal record: ${describeZod(parsed.error)}`;
          continue;
        }
        this.records.set(this.options.idOf(parsed.data), parsed.data);
      }
      if (entry.seq > this.seq) this.seq = entry.seq;
    }
    this.journalOffset += chunk.consumed;
    this.journalSeen = this.journalOffset + chunk.tail;
    this.journalLines += chunk.lines;
    return skipped > 0 ? { file: this.journalPath, whole: false, skipped, reason } : undefined;
  }

  /** Catches up with what other processes wrote since the last read. */
  private async refresh(): Promise<void> {
    const [snapshot, journal] = await Promise.all([this.fs.identity(this.snapshotPath), this.fs.identity(this.journalPath)]);
    const replaced =
      !sameIdentity(snapshot, this.snapshotId) ||
      (journal !== undefined && this.journalIno !== undefined && journal.ino !== this.journalIno) ||
      (journal === undefined && this.journalIno !== undefined) ||
      Number(journal?.size ?? 0n) < this.journalOffset;
    if (replaced) {
      await this.loadAll();
      return;
    }
    const problem = await this.readJournal(this.seq);
    if (problem) await this.report(problem);
  }

  /**
   * Under the lock: cuts off a journal line left half-written by a killed process (it was never
   * acknowledged, and the next append must start on a line of its own), and rewrites the files
   * without the damage a read found (a copy of it was kept).
   */
  private async repair(lock: HeldLock): Promise<void> {
    if (this.journalSeen > this.journalOffset) {
      await lock.verify();
      await this.truncateJournal(this.journalOffset);
    }
    if (this.damaged || this.journalOutgrown()) {
      await this.compact(lock).catch((error: unknown) => this.log(`compaction of ${this.snapshotPath} failed: ${String(error)}`));
    }
  }

  private journalOutgrown(): boolean {
    return this.journalOffset > this.compactAfterBytes && this.journalOffset > this.compactProportion * this.snapshotBytes;
  }

  private async truncateJournal(length: number): Promise<void> {
    const handle = await this.fs.open(this.journalPath, 'r+');
    try {
      await handle.truncate(length);
      await handle.datasync();
    } finally {
      await handle.close();
    }
    this.journalSeen = this.journalOffset = Math.min(this.journalOffset, length);
  }

  /** Runs the transactions waiting, together: one lock, one append, one flush. */
  private async flush(): Promise<void> {
    this.flushQueued = false;
    const batch = this.pending.splice(0);
    if (batch.length === 0) return;
    const settled = new Set<PendingTransaction<R>>();
    try {
      if (!this.isOpen) {
        await this.open();
        this.opened ??= Promise.resolve();
      }
      if (!this.folderMade) {
        await this.fs.mkdir(this.dir).catch((error: unknown) => {
          throw asStorageError(error, this.dir);
        });
        this.folderMade = true;
      }
      const lock = await this.lock.acquire();
      try {
        await this.refresh();
        await this.repair(lock);
        await this.commit(batch, settled, lock);
      } finally {
        await lock.release();
      }
    } catch (error) {
      this.folderMade = false; // the folder may have been removed: made again by the next save
      for (const transaction of batch) if (!settled.has(transaction)) transaction.reject(error);
    }
  }

  private async commit(batch: PendingTransaction<R>[], settled: Set<PendingTransaction<R>>, lock: HeldLock): Promise<void> {
    const state = new Map(this.records);
    let seq = this.seq;
    const entries: JournalEntry[] = [];
    const done: { transaction: PendingTransaction<R>; result: unknown }[] = [];
    for (const transaction of batch) {
      let outcome: Outcome<unknown, R>;
      const puts: R[] = [];
      try {
        outcome = transaction.run(state);
        for (const change of outcome.changes) {
          if (!('put' in change)) continue;
          const parsed = this.options.schema.safeParse(change.put);
          if (!parsed.success) throw new InvalidRecordError(describeZod(parsed.error));
          puts.push(parsed.data);
        }
      } catch (error) {
        settled.add(transaction);
        transaction.reject(error);
        continue;
      }
      let next = 0;
      for (const change of outcome.changes) {
        seq++;
        if ('put' in change) {
          const record = puts[next++] as R;
          state.set(this.options.idOf(record), record);
          entries.push({ seq, put: record });
        } else {
          state.delete(change.delete);
          entries.push({ seq, delete: change.delete });
        }
      }
      done.push({ transaction, result: outcome.result });
    }
    if (entries.length > 0) await this.append(encodeJournal(entries), lock);
    this.records = state;
    this.listed = undefined;
    this.seq = seq;
    for (const { transaction, result } of done) {
      settled.add(transaction);
      transaction.resolve(result);
    }
    if (this.journalOutgrown()) {
      // Acknowledged already: a failed compaction loses nothing (the journal still has it all).
      await this.compact(lock).catch((error: unknown) => this.log(`compaction of ${this.snapshotPath} failed: ${String(error)}`));
    }
  }

  /** Appends to the journal and flushes it; on failure the journal is cut back to where it was. */
  private async append(bytes: Uint8Array, lock: HeldLock): Promise<void> {
    await lock.verify();
    const created = this.journalIno === undefined;
    const before = this.journalOffset;
    let handle;
    try {
      handle = await this.fs.open(this.journalPath, 'a');
    } catch (error) {
      throw asStorageError(error, this.journalPath);
    }
    try {
      await handle.write(bytes);
      await handle.datasync();
    } catch (error) {
      // A write cut short by a full disk: remove its start, so that no half change stays behind.
      await handle.truncate(before).catch(() => undefined);
      await handle.close().catch(() => undefined);
      throw asStorageError(error, this.journalPath);
    }
    await handle.close();
    if (created) {
      await this.fs.syncDir(this.dir).catch((error: unknown) => {
        throw asStorageError(error, this.dir);
      });
      this.journalIno = (await this.fs.identity(this.journalPath))?.ino;
    }
    this.journalOffset = this.journalSeen = before + bytes.byteLength;
    this.journalLines += bytes.reduce((n, byte) => (byte === 0x0a ? n + 1 : n), 0);
  }

  /** Folds the journal into a new snapshot (see the header for why each step is safe). */
  private async compact(lock: HeldLock): Promise<void> {
    const tmp = path.join(this.dir, `${this.files.tempPrefix}${process.pid}-${randomBytes(4).toString('hex')}`);
    const bytes = encodeSnapshot(this.seq, [...this.records.values()]);
    await lock.verify();
    try {
      const handle = await this.fs.open(tmp, 'wx');
      try {
        await handle.write(bytes, 0);
        await handle.datasync();
      } finally {
        await handle.close();
      }
      await this.fs.rename(tmp, this.snapshotPath);
    } catch (error) {
      await this.fs.unlink(tmp).catch(() => undefined);
      throw asStorageError(error, this.snapshotPath);
    }
    await this.fs.syncDir(this.dir);
    this.snapshotId = await this.fs.identity(this.snapshotPath);
    this.snapshotBytes = bytes.byteLength;
    this.damaged = false;
    if (this.journalIno !== undefined) {
      this.journalOffset = 0;
      await this.truncateJournal(0);
      this.journalLines = 0;
    }
  }

  private async readOrFail(file: string): Promise<Uint8Array> {
    try {
      return await this.fs.readFile(file);
    } catch (error) {
      throw asStorageError(error, file);
    }
  }

  /** Keeps a copy of the damaged file, then tells the owner; the next locked section removes the damage. */
  private async report(problem: Omit<StoreProblem, 'kept'>): Promise<void> {
    const keptAs = await this.keepAside(problem.file, problem.file === this.snapshotPath ? 'snapshot' : 'journal');
    if (keptAs !== undefined) this.damaged = true;
    this.log(`${problem.file}: ${problem.reason}${keptAs ? ` (copy kept as ${keptAs})` : ''}`);
    this.options.onProblem?.({ ...problem, ...(keptAs !== undefined ? { keptAs } : {}), kept: this.records.size });
  }

  private async keepAside(file: string, of: 'snapshot' | 'journal'): Promise<string | undefined> {
    const stamp = fileTimestamp(this.now());
    for (let n = 1; n < 100; n++) {
      const target = path.join(this.dir, this.files.corruptCopy(of, stamp, n));
      try {
        await this.fs.copyNew(file, target);
      } catch (error) {
        if (errorCode(error) === 'EEXIST') continue;
        this.log(`could not keep a copy of ${file}: ${String(error)}`);
        return undefined;
      }
      try {
        // The copy must be on disk before the damaged file is rewritten.
        const handle = await this.fs.open(target, 'r+');
        await handle.datasync();
        await handle.close();
        await this.fs.syncDir(this.dir);
      } catch (error) {
        this.log(`could not flush the copy ${target}: ${String(error)}`);
        return undefined;
      }
      return target;
    }
    return undefined;
  }
}
