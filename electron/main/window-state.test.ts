import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, fitToDisplays, trackWindow, WINDOW_FILE, WindowStateStore, type Rect, type WindowState } from './window-state.ts';

const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const rightScreen: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('fitToDisplays', () => {
  it('opens a first window at the default size, centred', () => {
    expect(fitToDisplays(undefined, [laptop])).toEqual({ ...DEFAULT_SIZE, maximized: false });
  });

  it('puts a window back where it was when that place is on a screen', () => {
    const saved: WindowState = { x: 2000, y: 100, width: 1400, height: 900, maximized: false };
    expect(fitToDisplays(saved, [laptop, rightScreen])).toEqual(saved);
  });

  it('forgets the position on a screen that is gone, and shrinks to the screens left', () => {
    const saved: WindowState = { x: 2000, y: 100, width: 2400, height: 1300, maximized: true };
    expect(fitToDisplays(saved, [laptop])).toEqual({ width: 1920, height: 1040, maximized: true });
  });

  it('never makes a window smaller than usable', () => {
    expect(fitToDisplays({ x: 10, y: 10, width: 50, height: 20, maximized: false }, [laptop])).toEqual({
      x: 10,
      y: 10,
      width: 640,
      height: 480,
      maximized: false,
    });
  });
});

describe('WindowStateStore and trackWindow', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'palimpseste-window-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('saves the bounds on close and reads them back at the next launch', async () => {
    const listeners = new Map<string, () => void>();
    const store = new WindowStateStore(dir);
    const saves: Promise<void>[] = [];
    trackWindow(
      {
        on: (name, l) => listeners.set(name, l),
        getNormalBounds: () => ({ x: 40, y: 30, width: 1500, height: 950 }),
        isMaximized: () => true,
      },
      { save: (s) => (saves.push(store.save(s)), saves[saves.length - 1] as Promise<void>) },
    );
    listeners.get('resize')?.();
    listeners.get('close')?.();
    await Promise.all(saves);
    expect(saves).toHaveLength(1); // the pending resize save was folded into the close
    expect(await new WindowStateStore(dir).load()).toEqual({ x: 40, y: 30, width: 1500, height: 950, maximized: true });
  });

  it('forgets an unreadable file, keeping it aside', async () => {
    writeFileSync(path.join(dir, WINDOW_FILE), 'largeur: 1200');
    expect(await new WindowStateStore(dir).load()).toBeUndefined();
    const kept = readdirSync(dir).filter((name) => name.startsWith('window.corrupt-'));
    expect(kept).toEqual([expect.stringMatching(/^window\.corrupt-.*\.json$/)]);
    expect(readFileSync(path.join(dir, kept[0] ?? ''), 'utf8')).toBe('largeur: 1200');
    // The live file is rewritten without the damage; the next save goes through.
    await new WindowStateStore(dir).save({ width: 1200, height: 800, maximized: false });
    expect(await new WindowStateStore(dir).load()).toEqual({ width: 1200, height: 800, maximized: false });
  });
});
