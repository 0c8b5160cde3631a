import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileLock } from './file-lock.ts';
import { currentProcess, liveness } from './process-identity.ts';
import { nodeStoreFs, type StoreFs } from './store-fs.ts';
import type { StorageError } from './storage-errors.ts';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'palimpseste-lock-'));
  file = path.join(dir, 'trails.lock');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The pid of a process that has exited (and been reaped). */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}

const lockOf = (holder: Record<string, unknown>) => JSON.stringify({ token: 'ancien', at: Date.now(), ...holder });

describe('process identity', () => {
  it('tells this process alive, a finished one dead, and a reused pid (another start time) dead', () => {
    const self = currentProcess();
    expect(liveness(self)).toBe('alive');
    expect(liveness({ ...self, pid: deadPid() })).toBe('dead');
    expect(liveness({ ...self, start: `${self.start}0` })).toBe('dead');
    expect(liveness({ ...self, host: `${hostname()}-ailleurs` })).toBe('unknown');
    if (process.platform === 'linux') expect(self.start).toMatch(/^linux:[0-9a-f-]+:\d+$/);
  });
});

describe('FileLock', () => {
  it('is held by one at a time: the second waits for the first to release it', async () => {
    const first = await new FileLock(file, { fs: nodeStoreFs }).acquire();
    const order: string[] = [];
    const second = new FileLock(file, { fs: nodeStoreFs }).acquire().then((held) => {
      order.push('second');
      return held;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    order.push('first released');
    await first.release();
    await (await second).release();
    expect(order).toEqual(['first released', 'second']);
    expect(existsSync(file)).toBe(false);
  });

  it('breaks at once a lock left by a process that is gone', async () => {
    writeFileSync(file, lockOf({ ...currentProcess(), pid: deadPid() }));
    const lock = new FileLock(file, { fs: nodeStoreFs, waitMs: 1_000 });
    const held = await lock.acquire();
    expect(lock.brokenLocks).toBe(1);
    await held.release();
  });

  it('breaks a lock whose pid now belongs to another process (a reused pid)', async () => {
    writeFileSync(file, lockOf({ ...currentProcess(), start: 'linux:autre-démarrage:1' }));
    const lock = new FileLock(file, { fs: nodeStoreFs, waitMs: 1_000 });
    await (await lock.acquire()).release();
    expect(lock.brokenLocks).toBe(1);
  });

  it('waits for a live holder, and says « busy » past its wait', async () => {
    writeFileSync(file, lockOf({ ...currentProcess() }));
    const error = (await new FileLock(file, { fs: nodeStoreFs, waitMs: 150 }).acquire().catch((e: unknown) => e)) as StorageError;
    expect(error.failure).toBe('busy');
    expect(JSON.parse(readFileSync(file, 'utf8')).token).toBe('ancien');
  });

  it('breaks a lock of another machine (which it cannot check) only once it is older than any change takes', async () => {
    let ahead = 0;
    writeFileSync(file, lockOf({ host: 'autre-poste', pid: 1, start: 'clock:1', at: Date.now() }));
    const options = { fs: nodeStoreFs, waitMs: 100, staleAfterMs: 60_000, now: () => Date.now() + ahead };
    expect(((await new FileLock(file, options).acquire().catch((e: unknown) => e)) as StorageError).failure).toBe('busy');
    ahead = 61_000; // a minute later
    const lock = new FileLock(file, options);
    await (await lock.acquire()).release();
    expect(lock.brokenLocks).toBe(1);
  });

  it('leaves a lock file still being written alone, and breaks it once it is old and still empty', async () => {
    writeFileSync(file, '');
    expect(((await new FileLock(file, { fs: nodeStoreFs, waitMs: 100 }).acquire().catch((e: unknown) => e)) as StorageError).failure).toBe(
      'busy',
    );
    const old = new Date(Date.now() - 10_000);
    utimesSync(file, old, old);
    await (await new FileLock(file, { fs: nodeStoreFs, waitMs: 1_000 }).acquire()).release();
  });

  it('puts back a new holder’s lock taken between judging the old one stale and breaking it', async () => {
    writeFileSync(file, lockOf({ ...currentProcess(), pid: deadPid() }));
    const fresh = lockOf({ ...currentProcess(), token: 'nouveau' });
    let swapped = false;
    // Right after the stale lock is read, another process breaks it and takes the lock.
    const racing: StoreFs = {
      ...nodeStoreFs,
      async readFile(target) {
        const bytes = await nodeStoreFs.readFile(target);
        if (target === file && !swapped) {
          swapped = true;
          writeFileSync(file, fresh);
        }
        return bytes;
      },
    };
    const error = (await new FileLock(file, { fs: racing, waitMs: 150 }).acquire().catch((e: unknown) => e)) as StorageError;
    expect(error.failure).toBe('busy'); // the new holder is alive: waited for, not broken
    expect(readFileSync(file, 'utf8')).toBe(fresh);
  });

  it('lets a holder whose lock was broken find out before it writes', async () => {
    const held = await new FileLock(file, { fs: nodeStoreFs }).acquire();
    await held.verify();
    writeFileSync(file, lockOf({ ...currentProcess(), token: 'autre' }));
    expect(((await held.verify().catch((e: unknown) => e)) as StorageError).failure).toBe('busy');
    await held.release();
    expect(existsSync(file)).toBe(true); // never removes another holder's lock
  });
});
