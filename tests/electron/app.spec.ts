/**
 * The desktop app, launched for real with Playwright's `_electron` where the Electron binary exists
 * (`node_modules/electron/dist`). Elsewhere (machines where its download is blocked) every test is
 * skipped with the reason printed: the same wiring is covered there by `electron/main/main-bundle.test.ts`
 * (the bundle against a recording electron module) and by the web edition's end-to-end suite.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { findElectronBinary } from '../../build/electron-binary.ts';
import { buildElectron } from '../../build/electron-build.ts';
import { ensureCorpus, ensureRenderer } from '../../build/ensure-built.ts';
import { API_METHODS, type Trail } from '../../electron/common/api.ts';
import { CORPUS_DIR } from '../../electron/host/paths.ts';

const binary = findElectronBinary();
const SKIP_REASON = 'Electron binary absent (node_modules/electron/dist): the desktop app cannot be launched on this machine.';
if (!binary) console.log(`[tests/electron] skipped: ${SKIP_REASON}`);

test.describe.configure({ mode: 'serial' });
test.skip(!binary, SKIP_REASON);

let dataDir: string;
let mainJs: string;

test.beforeAll(async () => {
  if (!(await ensureRenderer((line) => console.log(line)))) throw new Error('The renderer build failed.');
  await ensureCorpus((line) => console.log(line));
  mainJs = (await buildElectron()).main;
  dataDir = mkdtempSync(path.join(tmpdir(), 'palimpseste-electron-'));
});

test.afterAll(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function launch(extraArgs: string[] = []): Promise<{ app: ElectronApplication; page: Page; requests: string[] }> {
  const app = await electron.launch({
    executablePath: binary,
    args: [mainJs, ...extraArgs],
    env: { ...process.env, PALIMPSESTE_DATA: dataDir, PALIMPSESTE_CORPUS: CORPUS_DIR },
  });
  const page = await app.firstWindow();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.waitForLoadState('domcontentloaded');
  return { app, page, requests };
}

test('opens the reader from palimpseste://app with the preload API and no Node in the page', async () => {
  const { app, page } = await launch();
  try {
    expect(page.url()).toMatch(/^palimpseste:\/\/app\/index\.html/);
    const exposed = await page.evaluate(() => ({
      api: Object.keys((window as unknown as { palimpseste: object }).palimpseste).sort(),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(exposed).toEqual({ api: [...API_METHODS].sort(), require: 'undefined', process: 'undefined' });
    const info = await page.evaluate(() =>
      (window as unknown as { palimpseste: { getCorpusInfo(): Promise<{ ok: boolean }> } }).palimpseste.getCorpusInfo(),
    );
    expect(info.ok).toBe(true);
    // The main process has the Node the page lacks: proof that the page is not the main process.
    expect(await app.evaluate(() => process.versions.electron)).toMatch(/^45\./);
  } finally {
    await app.close();
  }
});

test('enforces the CSP, blocks the network, refuses new windows and navigation away', async () => {
  const { app, page, requests } = await launch();
  try {
    const outcome = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
      const link = document.createElement('a');
      link.href = 'https://www.legifrance.gouv.fr/';
      document.body.append(link);
      link.click();
      let fetched: string;
      try {
        await fetch('https://www.legifrance.gouv.fr/');
        fetched = 'yes';
      } catch {
        fetched = 'refused';
      }
      return {
        inline: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true,
        opened: window.open('https://example.org/') !== null,
        fetched,
      };
    });
    expect(outcome).toEqual({ inline: false, opened: false, fetched: 'refused' });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^palimpseste:\/\/app\//);
    expect(requests.filter((url) => !url.startsWith('palimpseste://app/') && !url.startsWith('data:'))).toEqual([]);
  } finally {
    await app.close();
  }
});

test('keeps a saved trail across a restart, and opens a deep link given on the command line', async () => {
  const trail: Trail = {
    id: 'piste-electron',
    name: 'Piste du bureau',
    steps: [{ article: 'code-de-la-securite-sociale/num:L611-3', num: 'L611-3', code: 'code-de-la-securite-sociale', date: '2006-01-28' }],
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
  };
  const first = await launch();
  try {
    const saved = await first.page.evaluate(
      (t) => (window as unknown as { palimpseste: { saveTrail(t: unknown): Promise<{ ok: boolean }> } }).palimpseste.saveTrail(t),
      trail,
    );
    expect(saved.ok).toBe(true);
  } finally {
    await first.app.close();
  }
  const second = await launch(['palimpseste://code-de-la-securite-sociale/L611-3@2006-01-28']);
  try {
    expect(second.page.url()).toBe('palimpseste://app/index.html#/code-de-la-securite-sociale/L611-3@2006-01-28');
    const list = await second.page.evaluate(() =>
      (window as unknown as { palimpseste: { listTrails(): Promise<{ ok: boolean; value: { id: string }[] }> } }).palimpseste.listTrails(),
    );
    expect(list.value.map((t) => t.id)).toEqual(['piste-electron']);
  } finally {
    await second.app.close();
  }
});

test('keeps a corrupt trails file aside and says so', async () => {
  const corruptDir = path.join(dataDir, 'corrupt');
  mkdirSync(corruptDir, { recursive: true });
  writeFileSync(path.join(corruptDir, 'trails.json'), '{"version":1,"trails":[');
  const app = await electron.launch({
    executablePath: binary,
    args: [mainJs],
    env: { ...process.env, PALIMPSESTE_DATA: corruptDir, PALIMPSESTE_CORPUS: CORPUS_DIR },
  });
  try {
    const page = await app.firstWindow();
    const notices = await page.evaluate(async () => {
      const api = (
        window as unknown as { palimpseste: { listTrails(): Promise<unknown>; getNotices(): Promise<{ value: { kind: string }[] }> } }
      ).palimpseste;
      await api.listTrails();
      return (await api.getNotices()).value.map((n) => n.kind);
    });
    expect(notices).toEqual(['trails-corrupt']);
  } finally {
    await app.close();
  }
});
