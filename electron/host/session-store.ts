/** Where the user left off (location, theme, text size), in `session.json` of the user-data folder. */
import path from 'node:path';
import type { SessionState } from '../common/api.ts';
import { sessionStateSchema } from '../common/api-schemas.ts';
import { JsonFileStore } from './json-file-store.ts';
import type { NoticeBoard } from './notices.ts';

export const SESSION_FILE = 'session.json';

export class SessionStore {
  private readonly file: JsonFileStore<SessionState>;
  private loaded: Promise<SessionState> | undefined;

  constructor(
    dataDir: string,
    private readonly notices: NoticeBoard,
    now: () => Date = () => new Date(),
  ) {
    this.file = new JsonFileStore(path.join(dataDir, SESSION_FILE), sessionStateSchema, () => ({}), now);
  }

  private state(): Promise<SessionState> {
    this.loaded ??= this.file.load().then((outcome) => {
      if (outcome.keptAs !== undefined) {
        this.notices.add({
          kind: 'session-corrupt',
          message: `Le fichier de la dernière session était illisible. Il a été mis de côté sous « ${path.basename(outcome.keptAs)} » ; Palimpseste repart de la page d’accueil.`,
          keptAs: outcome.keptAs,
        });
      }
      return outcome.value;
    });
    this.loaded.catch(() => (this.loaded = undefined));
    return this.loaded;
  }

  async get(): Promise<SessionState> {
    return { ...(await this.state()) };
  }

  /** The fields given replace the saved ones; fields left out keep their saved value. */
  async set(update: SessionState): Promise<void> {
    const current = await this.state();
    const next: SessionState = { ...current };
    for (const [key, value] of Object.entries(update) as [keyof SessionState, SessionState[keyof SessionState]][]) {
      if (value !== undefined) Object.assign(next, { [key]: value });
    }
    await this.file.save(next);
    this.loaded = Promise.resolve(next);
  }
}
