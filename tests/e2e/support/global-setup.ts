/**
 * One web host for the whole suite, on the real default corpus (built first if missing), with a
 * throw-away data folder (trails, session). Its address goes to the tests through the
 * environment; the returned function stops it and removes the folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startWebHost } from './web-host.ts';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'palimpseste-e2e-'));
  // PALIMPSESTE_E2E_CORPUS: another compiled corpus to serve (default: the real default corpus, built if missing).
  const corpusDir = process.env.PALIMPSESTE_E2E_CORPUS;
  const host = await startWebHost({ dataDir, ...(corpusDir ? { corpusDir } : {}) });
  process.env.PALIMPSESTE_E2E_URL = host.url;
  process.env.PALIMPSESTE_E2E_DATA = dataDir;
  return async () => {
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
