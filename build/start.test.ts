/**
 * `npm start` where the Electron binary is absent (forced with an empty `ELECTRON_OVERRIDE_DIST_PATH`,
 * so the test means the same on a machine that has it): the real command serves the web edition,
 * prints its address, answers on it, and stops on Ctrl+C or SIGTERM with the server closed. There is
 * no display in its environment: it opens nothing and says to open the address.
 *
 * It serves a seed bundle and a one-page renderer of its own (`--corpus`, `--renderer`): building the
 * real renderer here would race with the other tests that build it (`build/out/renderer`); the
 * end-to-end suite runs the real one through the same web edition.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../electron/host/paths.ts';
import { writeSeedBundle } from '../tests/support/seed-bundle.ts';

const work = mkdtempSync(path.join(tmpdir(), 'palimpseste-start-'));
const corpus = path.join(work, 'corpus');
const renderer = path.join(work, 'renderer');
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  writeSeedBundle(corpus);
  mkdirSync(renderer);
  writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Palimpseste</title><p>lecteur</p>');
  const noElectron = path.join(work, 'no-electron');
  mkdirSync(noElectron);
  env = { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: noElectron };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  delete env.BROWSER;
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Running {
  url: string;
  pid: number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr(): string;
}

/** Starts the command in a process group of its own, as a terminal does, and waits for the address. */
async function start(command: string, args: string[]): Promise<Running> {
  const options = ['--port', '0', '--data', path.join(work, 'data'), '--corpus', corpus, '--renderer', renderer];
  const child = spawn(command, [...args, ...options], { cwd: PROJECT_ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address within 60 s\n${stdout}\n${stderr}`)), 60_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const match = /^(http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    void exited.then(({ code }) => reject(new Error(`${command} exited (${code}) before printing an address\n${stderr}`)));
  });
  return { url, pid: child.pid!, exited, stderr: () => stderr };
}

/** Kills what is left of the group (a test that failed half-way). */
function cleanUp(running: Running | undefined): void {
  try {
    if (running) process.kill(-running.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

describe('npm start without the Electron binary', () => {
  it('serves the web edition at the address it prints, says there is no display, and stops on Ctrl+C', async () => {
    let app: Running | undefined;
    try {
      app = await start('npm', ['start', '--']);
      const page = await fetch(app.url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>Palimpseste</title>');
      const manifest = await fetch(`${app.url}corpus/manifest.json`);
      expect(await manifest.json()).toEqual(JSON.parse(readFileSync(path.join(corpus, 'manifest.json'), 'utf8')));
      expect(app.stderr()).toMatch(/Electron n’est pas installé sur cette machine/);
      expect(app.stderr()).toMatch(/Pas d’affichage graphique ici : ouvrez cette adresse dans un navigateur\./);
      // Ctrl+C: SIGINT to the whole group (npm, its shell, the app).
      process.kill(-app.pid, 'SIGINT');
      const { code, signal } = await app.exited;
      expect(app.stderr()).toMatch(/Arrêt \(SIGINT\) : serveur fermé\./);
      // The app exits with 0; npm passes that on, or — where /bin/sh is dash, which re-raises the
      // SIGINT it saw once its child is done — ends by the same signal, as for any npm script.
      expect(code === 0 || signal === 'SIGINT', `npm start ended with ${code ?? signal}`).toBe(true);
      await expect(fetch(app.url)).rejects.toThrow();
    } finally {
      cleanUp(app);
    }
  }, 120_000);

  it('the command npm runs exits with 0 on SIGINT and on SIGTERM, the server closed', async () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      let app: Running | undefined;
      try {
        app = await start(process.execPath, ['--import', 'tsx', 'build/start.ts']);
        expect((await fetch(app.url)).status).toBe(200);
        process.kill(app.pid, signal);
        expect(await app.exited).toEqual({ code: 0, signal: null });
        expect(app.stderr()).toContain(`Arrêt (${signal}) : serveur fermé.`);
        await expect(fetch(app.url)).rejects.toThrow();
      } finally {
        cleanUp(app);
      }
    }
  }, 120_000);

  it('stops, the server closed, when npm alone is terminated (no orphan holding the port)', async () => {
    let app: Running | undefined;
    try {
      app = await start('npm', ['start', '--']);
      // SIGTERM to npm only: npm and its shell end; the app is adopted by another process.
      process.kill(app.pid, 'SIGTERM');
      // 3 s on a quiet machine; 15 s was exceeded once with two whole test runs at once on 2 cores.
      await expect.poll(() => app!.stderr(), { timeout: 45_000 }).toContain('Arrêt (npm arrêté) : serveur fermé.');
      await expect
        .poll(
          () =>
            fetch(app!.url).then(
              () => 'open',
              () => 'closed',
            ),
          { timeout: 5_000 },
        )
        .toBe('closed');
    } finally {
      cleanUp(app);
    }
  }, 120_000);
});
