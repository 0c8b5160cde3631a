/**
 * A lock file shared by every process using one data folder: the desktop app and the web edition
 * share it by design, and a user may run both, or two web editions. Held only for the few
 * milliseconds a change takes, never for the life of a process.
 *
 * Why a lock file rather than a single writer the others talk to: a writer process would need its
 * own election (a lock again) to be replaced when it dies, and a socket or a pipe for the others —
 * more moving parts for no gain at a few writes a second. Why not `flock`: Node has no binding for
 * it, and the store must stay pure JavaScript (no native module: it would have to be rebuilt for
 * Electron).
 *
 * - Taking it: `open(…, 'wx')` creates the file only if it does not exist (atomic on every local
 *   file system), then writes who holds it: host, pid, process start time, a random token.
 * - Stale locks: a holder killed while holding it (SIGKILL, power cut) leaves the file behind. A
 *   process that finds it checks the holder (`process-identity.ts`): gone, or its pid now another
 *   process → the lock is broken at once. A holder it cannot check (another machine) or one that
 *   holds it far longer than any change takes is broken after `staleAfterMs`. An empty lock file (its
 *   creator killed between creating and writing it) is stale once older than `EMPTY_GRACE_MS`.
 * - Breaking it safely: the stale file is renamed to a unique name (only one breaker can succeed),
 *   then read back; if it is not the lock judged stale (a new holder took the lock in between), it
 *   is put back with `link`, which fails rather than replace a newer lock.
 * - A holder checks that the lock file still holds its token right before it writes (`verify`): a
 *   holder frozen past `staleAfterMs` whose lock was broken gives up its write instead of racing.
 */
import { randomBytes } from 'node:crypto';
import { currentProcess, liveness, type ProcessIdentity } from './process-identity.ts';
import { errorCode, type FileIdentity, type StoreFs } from './store-fs.ts';
import { asStorageError, StorageError } from './storage-errors.ts';

interface LockContent extends ProcessIdentity {
  token: string;
  /** When it was taken (ms since 1970), for the age rule. */
  at: number;
}

export interface FileLockOptions {
  fs: StoreFs;
  /** How long to wait for a lock held by a live process before failing with `busy`. */
  waitMs?: number;
  /** Age past which a lock is broken even if its holder seems alive (or cannot be checked). */
  staleAfterMs?: number;
  /** For tests: who this process is, and whether another is alive. */
  identity?: () => ProcessIdentity;
  liveness?: (holder: ProcessIdentity) => 'alive' | 'dead' | 'unknown';
  now?: () => number;
}

export const LOCK_WAIT_MS = 10_000;
const STALE_AFTER_MS = 60_000;
/** A lock file still empty after this is the remains of a creator killed before writing it. */
const EMPTY_GRACE_MS = 2_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function parseLock(bytes: Uint8Array): LockContent | undefined {
  try {
    const value = JSON.parse(new TextDecoder().decode(bytes)) as Partial<LockContent>;
    if (
      typeof value.pid === 'number' &&
      typeof value.token === 'string' &&
      typeof value.host === 'string' &&
      typeof value.start === 'string'
    )
      return { host: value.host, pid: value.pid, start: value.start, token: value.token, at: typeof value.at === 'number' ? value.at : 0 };
  } catch {
    // An empty or half-written lock file.
  }
  return undefined;
}

/** A held lock: `verify` before writing, `release` when done. */
export interface HeldLock {
  verify(): Promise<void>;
  release(): Promise<void>;
}

export class FileLock {
  private readonly fs: StoreFs;
  private readonly waitMs: number;
  private readonly staleAfterMs: number;
  private readonly identity: () => ProcessIdentity;
  private readonly liveness: (holder: ProcessIdentity) => 'alive' | 'dead' | 'unknown';
  private readonly now: () => number;
  /** Stale locks broken by this process (for the log and the tests). */
  brokenLocks = 0;

  constructor(
    readonly file: string,
    options: FileLockOptions,
  ) {
    this.fs = options.fs;
    this.waitMs = options.waitMs ?? LOCK_WAIT_MS;
    this.staleAfterMs = options.staleAfterMs ?? STALE_AFTER_MS;
    this.identity = options.identity ?? currentProcess;
    this.liveness = options.liveness ?? liveness;
    this.now = options.now ?? Date.now;
  }

  /** Takes the lock, waiting for a live holder up to `waitMs`; fails with a `StorageError`. */
  async acquire(): Promise<HeldLock> {
    const started = this.now();
    for (let attempt = 0; ; attempt++) {
      const content: LockContent = { ...this.identity(), token: randomBytes(12).toString('hex'), at: this.now() };
      if (await this.tryCreate(content)) return this.held(content, await this.fs.identity(this.file));
      await this.breakIfStale();
      if (this.now() - started > this.waitMs)
        throw new StorageError('busy', this.file, new Error(`lock held for more than ${this.waitMs} ms`));
      // Short waits with jitter: a change takes milliseconds, and two waiters should not retry in step.
      await sleep(Math.min(25, 1 + attempt) * (0.5 + Math.random()));
    }
  }

  /** Creates the lock file with our content; false when another holds it. */
  private async tryCreate(content: LockContent): Promise<boolean> {
    let handle;
    try {
      handle = await this.fs.open(this.file, 'wx');
    } catch (error) {
      if (errorCode(error) === 'EEXIST') return false;
      throw asStorageError(error, this.file);
    }
    try {
      await handle.write(new TextEncoder().encode(JSON.stringify(content)));
    } catch (error) {
      await handle.close().catch(() => undefined);
      await this.fs.unlink(this.file).catch(() => undefined);
      throw asStorageError(error, this.file);
    }
    await handle.close();
    return true;
  }

  /**
   * Whether the lock file is still ours: the file we created (same inode, size and modification
   * time; a `stat`, cheaper than reading it back), holding our token.
   */
  private async stillOurs(content: LockContent, created: FileIdentity | undefined): Promise<boolean> {
    const now = await this.fs.identity(this.file).catch(() => undefined);
    if (created && now && now.ino === created.ino && now.size === created.size && now.mtimeNs === created.mtimeNs) return true;
    return (await this.read())?.token === content.token;
  }

  private held(content: LockContent, created: FileIdentity | undefined): HeldLock {
    let released = false;
    return {
      verify: async () => {
        if (!(await this.stillOurs(content, created)))
          throw new StorageError('busy', this.file, new Error('the lock was broken by another process while held'));
      },
      release: async () => {
        if (released) return;
        released = true;
        // Never remove a lock another process took after breaking ours.
        if (await this.stillOurs(content, created)) await this.fs.unlink(this.file).catch(() => undefined);
      },
    };
  }

  private async read(): Promise<LockContent | undefined> {
    try {
      return parseLock(await this.fs.readFile(this.file));
    } catch {
      return undefined;
    }
  }

  /** Breaks the lock if its holder is gone (or it is far too old); otherwise leaves it alone. */
  private async breakIfStale(): Promise<void> {
    let bytes: Uint8Array;
    let identity;
    try {
      [bytes, identity] = await Promise.all([this.fs.readFile(this.file), this.fs.identity(this.file)]);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return; // released meanwhile: try again at once
      throw asStorageError(error, this.file);
    }
    if (!identity) return;
    const holder = parseLock(bytes);
    const ageMs = this.now() - Number(identity.mtimeNs / 1_000_000n);
    let stale: boolean;
    if (!holder) stale = ageMs > EMPTY_GRACE_MS;
    else {
      const state = this.liveness(holder);
      stale = state === 'dead' || this.now() - holder.at > this.staleAfterMs;
    }
    if (stale) await this.breakLock(bytes);
  }

  private async breakLock(stale: Uint8Array): Promise<void> {
    const aside = `${this.file}.stale-${randomBytes(6).toString('hex')}`;
    try {
      await this.fs.rename(this.file, aside);
    } catch {
      return; // another process broke it first, or its holder released it
    }
    let moved: Uint8Array | undefined;
    try {
      moved = await this.fs.readFile(aside);
    } catch {
      moved = undefined;
    }
    if (moved && Buffer.from(moved).equals(Buffer.from(stale))) {
      this.brokenLocks++;
    } else {
      // Not the lock judged stale: a new holder's. Put it back unless yet another lock exists.
      await this.fs.link(aside, this.file).catch(() => undefined);
    }
    await this.fs.unlink(aside).catch(() => undefined);
  }
}

/** The pattern of the names `breakLock` leaves if killed midway (swept at start). */
export function isStaleLockLeftover(name: string, lockName: string): boolean {
  return name.startsWith(`${lockName}.stale-`);
}
