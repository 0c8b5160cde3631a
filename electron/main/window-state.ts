/**
 * The window's size and position, remembered in `window.json` of the user-data folder, and put
 * back only where it is still visible (a screen may have been unplugged since).
 */
import { z } from 'zod';
import { RecordStore } from '../host/user-data/record-store.ts';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const WINDOW_FILE = 'window.json';
export const DEFAULT_SIZE = { width: 1280, height: 860 };
export const MIN_SIZE = { width: 640, height: 480 };

const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
}) satisfies z.ZodType<WindowState>;

/** Enough of the title bar to grab the window with the mouse. */
const GRAB = { width: 120, height: 40 };

function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The saved state made to fit the screens there are now; no position (centred) when it would be off-screen. */
export function fitToDisplays(saved: WindowState | undefined, workAreas: Rect[]): WindowState {
  if (!saved) return { ...DEFAULT_SIZE, maximized: false };
  const largest = workAreas.reduce<Rect | undefined>(
    (best, area) => (!best || area.width * area.height > best.width * best.height ? area : best),
    undefined,
  );
  const width = Math.max(MIN_SIZE.width, Math.min(saved.width, largest?.width ?? saved.width));
  const height = Math.max(MIN_SIZE.height, Math.min(saved.height, largest?.height ?? saved.height));
  const state: WindowState = { width, height, maximized: saved.maximized };
  if (saved.x !== undefined && saved.y !== undefined) {
    const titleBar = { x: saved.x, y: saved.y, width: Math.min(GRAB.width, width), height: GRAB.height };
    if (workAreas.some((area) => intersects(titleBar, area))) Object.assign(state, { x: saved.x, y: saved.y });
  }
  return state;
}

/** The durable record store with one record: the window's state. */
export class WindowStateStore {
  private readonly records: RecordStore<WindowState>;

  constructor(dataDir: string, log: (message: string) => void = () => undefined) {
    this.records = new RecordStore({
      dir: dataDir,
      name: WINDOW_FILE,
      schema: windowStateSchema,
      idOf: () => 'window',
      // Version 1 wrote the state itself as the file.
      legacy: (raw) => (typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? [raw] : undefined),
      log,
    });
  }

  /** The saved state; an unreadable file is kept aside and forgotten (a window size is not worth a message). */
  async load(): Promise<WindowState | undefined> {
    try {
      return await this.records.get('window');
    } catch {
      return undefined;
    }
  }

  async save(state: WindowState): Promise<void> {
    await this.records.put(state);
  }
}

/** What `trackWindow` needs of a BrowserWindow. */
export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'close', listener: () => void): unknown;
  getNormalBounds(): Rect;
  isMaximized(): boolean;
}

/** Saves the window's state a moment after it stops moving, and when it closes. */
export function trackWindow(
  win: TrackedWindow,
  store: Pick<WindowStateStore, 'save'>,
  delayMs = 500,
  log: (m: string) => void = () => undefined,
): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    clearTimeout(timer);
    timer = undefined;
    const bounds = win.getNormalBounds();
    store.save({ ...bounds, maximized: win.isMaximized() }).catch((error: unknown) => log(`window state not saved: ${String(error)}`));
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, delayMs);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('close', save);
}
