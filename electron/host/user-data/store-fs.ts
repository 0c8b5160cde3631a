/**
 * The file operations the user-data store makes, as one small interface: the real one is Node's
 * `fs/promises`; tests give one that fails where they want (a disk that fills up after N bytes, a
 * folder that turns read-only) — faults `chmod` cannot make when the tests run as root.
 *
 * `syncDir` makes a rename or a new file durable: on Linux and macOS a file's directory entry is
 * only on disk once its folder is flushed. Windows cannot open a folder for that (and flushes
 * directory entries with the file): it is skipped there.
 */
import { constants } from 'node:fs';
import { copyFile, link, mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';

/** What a file's identity is made of, for noticing that another process changed it. */
export interface FileIdentity {
  ino: bigint;
  size: bigint;
  mtimeNs: bigint;
}

export interface StoreFileHandle {
  /** Writes all of `data` at the end (append mode) or at `position`. */
  write(data: Uint8Array, position?: number): Promise<void>;
  read(length: number, position: number): Promise<Uint8Array>;
  /** Flushes the data and what is needed to read it back (size), before acknowledging. */
  datasync(): Promise<void>;
  truncate(length: number): Promise<void>;
  close(): Promise<void>;
}

export interface StoreFs {
  readFile(file: string): Promise<Uint8Array>;
  /** The file's identity, or undefined when it does not exist. */
  identity(file: string): Promise<FileIdentity | undefined>;
  /** `flags` as Node's: 'a' (append, created if missing), 'r+', 'wx' (create, fail if it exists), 'w'. */
  open(file: string, flags: 'a' | 'r' | 'r+' | 'wx' | 'w'): Promise<StoreFileHandle>;
  rename(from: string, to: string): Promise<void>;
  /** A second name for `from`; fails if `to` exists (never replaces a file). */
  link(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  /** Copies byte for byte; fails if `to` exists. */
  copyNew(from: string, to: string): Promise<void>;
  mkdir(dir: string): Promise<void>;
  readdir(dir: string): Promise<string[]>;
  syncDir(dir: string): Promise<void>;
}

export const nodeStoreFs: StoreFs = {
  readFile: async (file) => new Uint8Array(await readFile(file)),
  async identity(file) {
    try {
      const info = await stat(file, { bigint: true });
      return { ino: info.ino, size: info.size, mtimeNs: info.mtimeNs };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  },
  async open(file, flags) {
    const handle = await open(file, flags, 0o600);
    return {
      async write(data, position) {
        let done = 0;
        // A write may be short (a signal, a nearly full disk): the rest is written after it.
        while (done < data.byteLength) {
          const { bytesWritten } = await handle.write(data, done, data.byteLength - done, position === undefined ? null : position + done);
          done += bytesWritten;
        }
      },
      async read(length, position) {
        const buffer = new Uint8Array(length);
        let done = 0;
        while (done < length) {
          const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
          if (bytesRead === 0) break;
          done += bytesRead;
        }
        return buffer.subarray(0, done);
      },
      datasync: () => handle.datasync(),
      truncate: (length) => handle.truncate(length),
      close: () => handle.close(),
    };
  },
  rename: (from, to) => rename(from, to),
  link: (from, to) => link(from, to),
  unlink: (file) => unlink(file),
  copyNew: (from, to) => copyFile(from, to, constants.COPYFILE_EXCL),
  mkdir: async (dir) => {
    await mkdir(dir, { recursive: true });
  },
  readdir: (dir) => readdir(dir),
  async syncDir(dir) {
    if (process.platform === 'win32') return;
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
};

/** The `code` of a Node system error (`ENOSPC`…), if it is one. */
export function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
