/**
 * For tests: the real file system with faults injected where a test wants them — a disk that fills
 * up (ENOSPC after a number of bytes, the last write cut short as a real full disk does), a folder
 * that turns read-only (EROFS on every write). `chmod` cannot simulate these here: the tests run as
 * root, whom permissions do not stop.
 */
import { nodeStoreFs, type StoreFileHandle, type StoreFs } from '../store-fs.ts';

function systemError(code: string, syscall: string, file: string): NodeJS.ErrnoException {
  const messages: Record<string, string> = { ENOSPC: 'no space left on device', EROFS: 'read-only file system' };
  const error = new Error(`${code}: ${messages[code] ?? code}, ${syscall} '${file}'`) as NodeJS.ErrnoException;
  error.code = code;
  error.syscall = syscall;
  error.path = file;
  return error;
}

export interface Faults {
  /** Bytes that may still be written before ENOSPC (undefined: no limit). */
  spaceLeft?: number;
  /** Every write, creation, rename and removal fails with EROFS. */
  readOnly?: boolean;
  /** Writes to the files whose path matches fail with ENOSPC (a disk full at that moment). */
  fullFor?: RegExp;
  /** Counts of what was done, for assertions. */
  writes: number;
}

export function faultyFs(faults: Faults, base: StoreFs = nodeStoreFs): StoreFs {
  const refuseIfReadOnly = (syscall: string, file: string) => {
    if (faults.readOnly) throw systemError('EROFS', syscall, file);
  };
  const wrap = (handle: StoreFileHandle, file: string): StoreFileHandle => ({
    async write(data, position) {
      refuseIfReadOnly('write', file);
      faults.writes++;
      if (faults.fullFor?.test(file)) throw systemError('ENOSPC', 'write', file);
      if (faults.spaceLeft !== undefined && data.byteLength > faults.spaceLeft) {
        // What fits is written, then the disk is full: a torn write, as a real disk gives.
        const fits = faults.spaceLeft;
        faults.spaceLeft = 0;
        if (fits > 0) await handle.write(data.subarray(0, fits), position);
        throw systemError('ENOSPC', 'write', file);
      }
      if (faults.spaceLeft !== undefined) faults.spaceLeft -= data.byteLength;
      await handle.write(data, position);
    },
    read: (length, position) => handle.read(length, position),
    datasync: () => handle.datasync(),
    async truncate(length) {
      refuseIfReadOnly('ftruncate', file);
      await handle.truncate(length);
    },
    close: () => handle.close(),
  });
  return {
    readFile: (file) => base.readFile(file),
    identity: (file) => base.identity(file),
    async open(file, flags) {
      if (flags !== 'r') refuseIfReadOnly('open', file);
      return wrap(await base.open(file, flags), file);
    },
    async rename(from, to) {
      refuseIfReadOnly('rename', from);
      await base.rename(from, to);
    },
    async link(from, to) {
      refuseIfReadOnly('link', to);
      await base.link(from, to);
    },
    async unlink(file) {
      refuseIfReadOnly('unlink', file);
      await base.unlink(file);
    },
    async copyNew(from, to) {
      refuseIfReadOnly('copyfile', to);
      if (faults.spaceLeft !== undefined && faults.spaceLeft <= 0) throw systemError('ENOSPC', 'copyfile', to);
      await base.copyNew(from, to);
    },
    async mkdir(dir) {
      refuseIfReadOnly('mkdir', dir);
      await base.mkdir(dir);
    },
    readdir: (dir) => base.readdir(dir),
    syncDir: (dir) => base.syncDir(dir),
  };
}
