/**
 * Where the user left off (location, theme, text size), in `session.json` (+ `session.journal`) of
 * the user-data folder, through the durable record store: one record, updated field by field.
 */
import type { SessionState } from '../common/api.ts';
import { sessionStateSchema } from '../common/api-schemas.ts';
import type { NoticeBoard } from './notices.ts';
import { RecordStore, type RecordStoreOptions } from './user-data/record-store.ts';
import { describeProblem } from './user-data/problem-notice.ts';

export const SESSION_FILE = 'session.json';
const SESSION_ID = 'session';

export type SessionStoreOptions = Partial<
  Omit<RecordStoreOptions<SessionState>, 'dir' | 'name' | 'schema' | 'idOf' | 'legacy' | 'onProblem'>
>;

export class SessionStore {
  readonly records: RecordStore<SessionState>;

  constructor(dataDir: string, notices: NoticeBoard, now: () => Date = () => new Date(), options: SessionStoreOptions = {}) {
    this.records = new RecordStore<SessionState>({
      ...options,
      dir: dataDir,
      name: SESSION_FILE,
      schema: sessionStateSchema,
      idOf: () => SESSION_ID,
      // Version 1 wrote the state itself as the file.
      legacy: (raw) => (typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? [raw] : undefined),
      onProblem: (problem) => notices.add({ kind: 'session-corrupt', ...describeProblem(problem, 'session') }),
      now,
    });
  }

  ready(): Promise<void> {
    return this.records.ready();
  }

  async get(): Promise<SessionState> {
    return { ...(await this.records.get(SESSION_ID)) };
  }

  /** The fields given replace the saved ones; fields left out keep their saved value. */
  async set(update: SessionState): Promise<void> {
    await this.records.update(SESSION_ID, (current) => {
      const next: SessionState = { ...current };
      for (const [key, value] of Object.entries(update) as [keyof SessionState, SessionState[keyof SessionState]][]) {
        if (value !== undefined) Object.assign(next, { [key]: value });
      }
      return next;
    });
  }
}
