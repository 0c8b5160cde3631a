/**
 * One web host for the whole suite, on the real default corpus (built first if missing), with a
 * throw-away data folder (trails, session). Its address goes to the tests through the
 * environment; the returned function stops it and removes the folder.
 *
 * The renderer is built from the current sources into a folder of the suite's own, so that the
 * tests never run an older build, and never race with a build of `build/out/renderer/` made by
 * someone else meanwhile.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CORPUS_DIR, corpusIsSample } from './corpus-data.ts';
import { buildRenderer, startWebHost } from './web-host.ts';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const rendererDir = mkdtempSync(path.join(os.tmpdir(), 'palimpseste-e2e-renderer-'));
  buildRenderer(rendererDir);
  process.env.PALIMPSESTE_E2E_RENDERER = rendererDir;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'palimpseste-e2e-'));
  // PALIMPSESTE_E2E_CORPUS: another compiled corpus to serve (default: the real default corpus, built if missing).
  const corpusDir = process.env.PALIMPSESTE_E2E_CORPUS;
  const host = await startWebHost({ dataDir, ...(corpusDir ? { corpusDir } : {}) });
  process.env.PALIMPSESTE_E2E_URL = host.url;
  // Which histories the suite reads: the whole ones, or the committed sample (../shared absent).
  console.log(
    `[e2e] corpus ${CORPUS_DIR}: ${corpusIsSample() ? 'the committed sample of the histories (corpus/sample; ../shared/corpus absent) and legi-data' : 'the whole histories'}.`,
  );
  process.env.PALIMPSESTE_E2E_DATA = dataDir;
  return async () => {
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(rendererDir, { recursive: true, force: true });
  };
}
