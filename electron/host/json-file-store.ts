/**
 * One JSON file in the user-data folder, read once and rewritten atomically (temporary file, then
 * rename: a crash mid-write leaves the previous file whole). A file that cannot be read as what it
 * should hold is never overwritten: it is moved aside as `<name>.corrupt-<timestamp>.json`, the store
 * starts from its default, and a notice tells the user where the old file went.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';

export interface LoadOutcome<T> {
  value: T;
  /** Set when the file was unreadable and moved aside: the absolute path it was moved to. */
  keptAs?: string;
  /** Why it was unreadable (technical, for the log). */
  problem?: string;
}

/** `2026-11-22T12-45-27-123Z`: a timestamp that is a valid file name on every system. */
function fileTimestamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

export class JsonFileStore<T> {
  /** Writes are chained: two quick saves land in order and never interleave their temporary files. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly file: string,
    private readonly schema: z.ZodType<T>,
    private readonly fallback: () => T,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Reads the file; a missing file is the default value, an unreadable one is moved aside. */
  async load(): Promise<LoadOutcome<T>> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { value: this.fallback() };
      throw error;
    }
    let problem: string;
    try {
      const parsed = this.schema.safeParse(JSON.parse(text));
      if (parsed.success) return { value: parsed.data };
      problem = `unexpected content: ${parsed.error.issues[0]?.message ?? 'invalid'}`;
    } catch (error) {
      problem = `not JSON: ${(error as Error).message}`;
    }
    const keptAs = await this.moveAside();
    return { value: this.fallback(), keptAs, problem };
  }

  /** Atomically replaces the file with `value`. */
  save(value: T): Promise<void> {
    const write = this.queue.then(() => this.write(value));
    this.queue = write.catch(() => undefined);
    return write;
  }

  private async write(value: T): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      await writeFile(tmp, `${JSON.stringify(value, null, 2)}\n`, { encoding: 'utf8', mode: 0o600 });
      await rename(tmp, this.file);
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
  }

  private async moveAside(): Promise<string> {
    const ext = path.extname(this.file);
    const stem = this.file.slice(0, this.file.length - ext.length);
    const base = `${stem}.corrupt-${fileTimestamp(this.now())}`;
    // Two corruptions in the same millisecond would collide: never replace an earlier kept file.
    let target = `${base}${ext || '.json'}`;
    for (let n = 2; await exists(target); n++) target = `${base}-${n}${ext || '.json'}`;
    await rename(this.file, target);
    return target;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
