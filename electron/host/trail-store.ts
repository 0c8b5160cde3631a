/**
 * Saved link trails (« parcours » in the interface), kept by the host across restarts in
 * `trails.json` (+ `trails.journal`) of the user-data folder, through the durable record store.
 * The renderer owns a trail's content; the host keeps its creation date and stamps each save —
 * both decided under the store's lock on the current records, so two saves at once (two tabs, a
 * double click, the desktop app and the web edition) never undo one another.
 */
import { z } from 'zod';
import type { Trail } from '../common/api.ts';
import { trailSchema } from '../common/api-schemas.ts';
import type { NoticeBoard } from './notices.ts';
import { RecordStore, type RecordStoreOptions } from './user-data/record-store.ts';
import { describeProblem } from './user-data/problem-notice.ts';

export const TRAILS_FILE = 'trails.json';

/** The file as version 1 of the app wrote it (the whole list, rewritten on each save). */
const legacyTrailsFile = z.looseObject({ version: z.literal(1), trails: z.array(z.unknown()) });

/** More saved trails than anyone keeps by hand: a renderer saving in a loop, not a reader. */
export const MAX_TRAILS = 2000;

export class TooManyTrailsError extends Error {}

export type TrailStoreOptions = Partial<Omit<RecordStoreOptions<Trail>, 'dir' | 'name' | 'schema' | 'idOf' | 'legacy' | 'onProblem'>>;

export class TrailStore {
  readonly records: RecordStore<Trail>;

  constructor(
    dataDir: string,
    notices: NoticeBoard,
    private readonly now: () => Date = () => new Date(),
    options: TrailStoreOptions = {},
  ) {
    this.records = new RecordStore<Trail>({
      ...options,
      dir: dataDir,
      name: TRAILS_FILE,
      schema: trailSchema,
      idOf: (trail) => trail.id,
      legacy: (raw) => {
        const parsed = legacyTrailsFile.safeParse(raw);
        return parsed.success ? parsed.data.trails : undefined;
      },
      onProblem: (problem) => notices.add({ kind: 'trails-corrupt', ...describeProblem(problem, 'trails') }),
      now,
    });
  }

  /** Opens the file (at host start, so that a damaged file is reported at launch). */
  ready(): Promise<void> {
    return this.records.ready();
  }

  /** Most recently updated first. */
  async list(): Promise<Trail[]> {
    const trails = await this.records.list();
    return trails.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
  }

  /** Creates or replaces the trail with this id; keeps the first creation date, stamps `updatedAt`. */
  save(trail: Trail): Promise<Trail> {
    return this.records.transact((trails) => {
      const existing = trails.get(trail.id);
      if (!existing && trails.size >= MAX_TRAILS) throw new TooManyTrailsError(`more than ${MAX_TRAILS} trails`);
      const stamp = this.now().toISOString();
      const saved: Trail = { ...trail, createdAt: existing?.createdAt ?? (trail.createdAt || stamp), updatedAt: stamp };
      return { result: saved, changes: [{ put: saved }] };
    });
  }

  /** Whether a trail with this id existed. */
  delete(id: string): Promise<boolean> {
    return this.records.delete(id);
  }
}
