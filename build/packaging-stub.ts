/**
 * The desktop package built without the real Electron binary (its download is blocked here), for
 * the packaging test and the installer size in the scale bench: electron-builder packs the app
 * (`--linux dir`) around a stub Electron folder — an executable file carrying Electron's fuse wire,
 * so that electron-builder really flips the fuses, and the locales it prunes.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../electron/host/paths.ts';
import { MIN_ELECTRON_VERSION } from '../electron/main/electron-version.ts';

export const ELECTRON_VERSION = MIN_ELECTRON_VERSION;
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron 45's fuse defaults, in wire order: RunAsNode on, cookie encryption off, NODE_OPTIONS on, inspect on, asar integrity off, asar-only off, V8 snapshot off, file: privileges on. */
export const STOCK_WIRE = [1, 0, 1, 1, 0, 0, 0, 1];
/** How a fuse's state is written in the binary (`@electron/fuses` does not export its enum): '0' and '1'. */
export const FuseState = { DISABLE: 0x30, ENABLE: 0x31 } as const;

/** A stand-in for `node_modules/electron/dist`: what electron-builder copies, renames and patches. */
export function makeStubElectron(dir: string): void {
  mkdirSync(path.join(dir, 'locales'), { recursive: true });
  mkdirSync(path.join(dir, 'resources'), { recursive: true });
  // The sentinel, the wire version (1), its length, then one byte per fuse.
  const fuseWire = Buffer.concat([
    Buffer.from(SENTINEL),
    Buffer.from([1, STOCK_WIRE.length]),
    Buffer.from(STOCK_WIRE.map((on) => (on ? FuseState.ENABLE : FuseState.DISABLE))),
  ]);
  writeFileSync(
    path.join(dir, 'electron'),
    Buffer.concat([Buffer.from('#!/bin/sh\necho "stub Electron for packaging tests"\nexit 1\n# '), fuseWire, Buffer.from('\n')]),
  );
  chmodSync(path.join(dir, 'electron'), 0o755);
  for (const locale of ['fr', 'en-US', 'de', 'ja']) writeFileSync(path.join(dir, 'locales', `${locale}.pak`), locale);
  writeFileSync(path.join(dir, 'LICENSE'), 'MIT (stub)');
  writeFileSync(path.join(dir, 'version'), ELECTRON_VERSION);
}

/**
 * Runs electron-builder `--linux dir` with this config around the stub; the unpacked app is `<outDir>/linux-unpacked`.
 * Awaited, not `spawnSync`: a test worker blocked for the whole packing (over a minute on a loaded
 * machine) cannot answer Vitest, whose RPC then times out naming no test (`tests/support/stretch-watch.ts`).
 */
export function packLinuxDir(configPath: string, stubDir: string, outDir: string): Promise<{ status: number | null; log: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.join(PROJECT_ROOT, 'node_modules', '.bin', 'electron-builder'),
      [
        '--linux',
        'dir',
        '--config',
        configPath,
        `-c.electronDist=${stubDir}`,
        `-c.electronVersion=${ELECTRON_VERSION}`,
        `-c.directories.output=${outDir}`,
        '--publish',
        'never',
      ],
      // electron-builder stays silent when it sees VITEST in its environment: its log is read by the caller.
      {
        cwd: PROJECT_ROOT,
        timeout: 300_000,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST'))),
      },
    );
    let log = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ status: code, log }));
  });
}
