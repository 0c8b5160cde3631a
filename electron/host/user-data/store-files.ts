/**
 * The two files of a record store and how they are written (see `record-store.ts`):
 *
 * - the snapshot, `<name>` (`trails.json`): every record at sequence number `seq`, written whole to
 *   a temporary file, flushed, then renamed over the previous one:
 *   `{"format":"palimpseste-records","version":2,"seq":41,"records":[…]}`;
 * - the journal, `<stem>.journal` (`trails.journal`): one line per change since, appended and
 *   flushed before a change is acknowledged: `{"seq":42,"put":{…}}` or `{"seq":43,"delete":"id"}`.
 *
 * Reading is forgiving, line by line and record by record: a line or a record that cannot be read is
 * counted and skipped, never allowed to hide the others; a UTF-8 byte order mark (a file saved by
 * a text editor) is not damage. The journal's last line may be cut short by a crash mid-write: that
 * change was never acknowledged, and the line is left out (and cut off by the next writer).
 */

export const SNAPSHOT_FORMAT = 'palimpseste-records';
export const SNAPSHOT_VERSION = 2;

const NEWLINE = 0x0a;
const BOM = '\uFEFF';

export type JournalEntry = { seq: number; put: unknown } | { seq: number; delete: string };

/** The names of a store's files in its folder, from the snapshot's (`trails.json`). */
export function storeFileNames(name: string) {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '.json';
  return {
    snapshot: name,
    journal: `${stem}.journal`,
    lock: `${stem}.lock`,
    /** The prefix of the temporary snapshots (the older store wrote the same names). */
    tempPrefix: `${name}.tmp-`,
    /** Where a damaged file is copied, byte for byte: `trails.corrupt-2026-11-22T09-00-00-000Z.json`. */
    corruptCopy: (of: 'snapshot' | 'journal', stamp: string, n: number) =>
      `${stem}.corrupt-${stamp}${n > 1 ? `-${n}` : ''}${of === 'snapshot' ? ext : '.journal'}`,
  };
}

export function encodeSnapshot(seq: number, records: readonly unknown[]): Uint8Array {
  // One record per line: a person opening the file can read it, and a damaged record stays local.
  const body = records.map((record) => JSON.stringify(record)).join(',\n');
  return new TextEncoder().encode(
    `{"format":"${SNAPSHOT_FORMAT}","version":${SNAPSHOT_VERSION},"seq":${seq},"records":[\n${body}${records.length ? '\n' : ''}]}\n`,
  );
}

export type SnapshotContent = { ok: true; seq: number; records: unknown[]; legacy: boolean } | { ok: false; problem: string };

/**
 * The snapshot's records, still to be checked one by one. `legacy` reads a file written by an
 * earlier version of the app (the trails file before version 2), returning its records.
 */
export function decodeSnapshot(bytes: Uint8Array, legacy?: (raw: unknown) => unknown[] | undefined): SnapshotContent {
  let text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.startsWith(BOM)) text = text.slice(1);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `not JSON: ${(error as Error).message}` };
  }
  if (typeof raw === 'object' && raw !== null && 'format' in raw && raw.format === SNAPSHOT_FORMAT) {
    const { version, seq, records } = raw as { version?: unknown; seq?: unknown; records?: unknown };
    if (version !== SNAPSHOT_VERSION) return { ok: false, problem: `snapshot version ${String(version)}` };
    if (!Number.isSafeInteger(seq) || !Array.isArray(records)) return { ok: false, problem: 'snapshot without seq or records' };
    return { ok: true, seq: seq as number, records, legacy: false };
  }
  const old = legacy?.(raw);
  if (old) return { ok: true, seq: 0, records: old, legacy: true };
  return { ok: false, problem: 'unexpected content' };
}

export function encodeJournal(entries: readonly JournalEntry[]): Uint8Array {
  return new TextEncoder().encode(entries.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
}

export interface JournalChunk {
  entries: JournalEntry[];
  /** Lines (1-based, counted from `firstLine`) that could not be read. */
  badLines: number[];
  /** Bytes read up to and including the last line break: where the next read starts. */
  consumed: number;
  /** Bytes after the last line break: a line still being written, or cut short by a crash. */
  tail: number;
  /** Lines consumed (for numbering the next chunk's lines). */
  lines: number;
}

function isEntry(value: unknown): value is JournalEntry {
  if (typeof value !== 'object' || value === null || !('seq' in value) || !Number.isSafeInteger(value.seq)) return false;
  if ('put' in value) return typeof value.put === 'object' && value.put !== null;
  return 'delete' in value && typeof value.delete === 'string';
}

/** Reads the complete lines of a piece of journal (`bytes` starts at a line start). */
export function decodeJournal(bytes: Uint8Array, firstLine = 1): JournalChunk {
  const end = bytes.lastIndexOf(NEWLINE) + 1;
  const entries: JournalEntry[] = [];
  const badLines: number[] = [];
  // Split on bytes: a line break never occurs inside a UTF-8 sequence.
  let text = new TextDecoder().decode(bytes.subarray(0, end));
  if (firstLine === 1 && text.startsWith(BOM)) text = text.slice(1);
  const lines = end === 0 ? [] : text.slice(0, -1).split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      const value: unknown = JSON.parse(line);
      if (isEntry(value)) entries.push(value);
      else badLines.push(firstLine + index);
    } catch {
      badLines.push(firstLine + index);
    }
  });
  return { entries, badLines, consumed: end, tail: bytes.byteLength - end, lines: lines.length };
}
