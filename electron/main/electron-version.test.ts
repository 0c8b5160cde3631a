import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../host/paths.ts';
import { isSupportedElectron, MIN_ELECTRON_VERSION, unsupportedElectronMessage } from './electron-version.ts';

const json = (file: string) => JSON.parse(readFileSync(path.join(PROJECT_ROOT, file), 'utf8')) as Record<string, unknown>;

describe('the Electron version', () => {
  it('installed in node_modules is at least the minimum (45.4.1 was installed while 45.5.0 was out)', () => {
    const installed = String(json('node_modules/electron/package.json').version);
    expect(isSupportedElectron(installed), `node_modules/electron is ${installed}`).toBe(true);
  });

  it('asked for by package.json and locked by package-lock.json is at least the minimum', () => {
    const wanted = (json('package.json').devDependencies as Record<string, string>).electron;
    expect(wanted).toBe(`^${MIN_ELECTRON_VERSION}`);
    const locked = (json('package-lock.json').packages as Record<string, { version: string }>)['node_modules/electron']?.version ?? '';
    expect(isSupportedElectron(locked), `package-lock.json locks ${locked}`).toBe(true);
  });

  it('compares versions part by part, as numbers', () => {
    expect(isSupportedElectron('45.5.0')).toBe(true);
    expect(isSupportedElectron('45.10.0')).toBe(true);
    expect(isSupportedElectron('46.0.0')).toBe(true);
    expect(isSupportedElectron('45.4.1')).toBe(false);
    expect(isSupportedElectron('44.99.99')).toBe(false);
    expect(isSupportedElectron('n’importe quoi')).toBe(false);
    expect(unsupportedElectronMessage('45.4.1')).toContain(`Electron ${MIN_ELECTRON_VERSION} au moins`);
  });

  // The main process refusing an older Electron at start: main-bundle.test.ts runs it.
});
