/**
 * Saved link trails, kept by the host across restarts in `trails.json` of the user-data folder.
 * The renderer owns a trail's content; the host keeps its creation date and stamps each save.
 */
import path from 'node:path';
import { z } from 'zod';
import type { Trail } from '../common/api.ts';
import { trailSchema } from '../common/api-schemas.ts';
import { JsonFileStore } from './json-file-store.ts';
import type { NoticeBoard } from './notices.ts';

export const TRAILS_FILE = 'trails.json';

const trailsFileSchema = z.object({ version: z.literal(1), trails: z.array(trailSchema) });
type TrailsFile = z.infer<typeof trailsFileSchema>;

/** More saved trails than anyone keeps by hand: a renderer saving in a loop, not a reader. */
export const MAX_TRAILS = 2000;

export class TooManyTrailsError extends Error {}

export class TrailStore {
  private readonly file: JsonFileStore<TrailsFile>;
  private loaded: Promise<Trail[]> | undefined;

  constructor(
    dataDir: string,
    private readonly notices: NoticeBoard,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.file = new JsonFileStore(path.join(dataDir, TRAILS_FILE), trailsFileSchema, () => ({ version: 1, trails: [] }), now);
  }

  /** Loaded once; a corrupt file is kept aside with a notice, and the list starts empty. */
  private trails(): Promise<Trail[]> {
    this.loaded ??= this.file.load().then((outcome) => {
      if (outcome.keptAs !== undefined) {
        this.notices.add({
          kind: 'trails-corrupt',
          message: `Le fichier des pistes enregistrées était illisible. Il a été mis de côté sous « ${path.basename(outcome.keptAs)} » (dans le même dossier) et n’a pas été effacé ; les nouvelles pistes sont enregistrées normalement.`,
          keptAs: outcome.keptAs,
        });
      }
      return outcome.value.trails;
    });
    // A failed read (permissions…) is retried on the next call rather than remembered forever.
    this.loaded.catch(() => (this.loaded = undefined));
    return this.loaded;
  }

  /** Most recently updated first. */
  async list(): Promise<Trail[]> {
    const trails = await this.trails();
    return [...trails].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
  }

  /** Creates or replaces the trail with this id; keeps the first creation date, stamps `updatedAt`. */
  async save(trail: Trail): Promise<Trail> {
    const trails = await this.trails();
    const index = trails.findIndex((t) => t.id === trail.id);
    if (index < 0 && trails.length >= MAX_TRAILS) throw new TooManyTrailsError(`more than ${MAX_TRAILS} trails`);
    const stamp = this.now().toISOString();
    const saved: Trail = {
      ...trail,
      createdAt: index >= 0 ? (trails[index]?.createdAt ?? trail.createdAt) : trail.createdAt || stamp,
      updatedAt: stamp,
    };
    const next = index >= 0 ? trails.map((t, i) => (i === index ? saved : t)) : [...trails, saved];
    await this.file.save({ version: 1, trails: next });
    trails.splice(0, trails.length, ...next);
    return saved;
  }

  /** Whether a trail with this id existed. */
  async delete(id: string): Promise<boolean> {
    const trails = await this.trails();
    const next = trails.filter((t) => t.id !== id);
    if (next.length === trails.length) return false;
    await this.file.save({ version: 1, trails: next });
    trails.splice(0, trails.length, ...next);
    return true;
  }
}
