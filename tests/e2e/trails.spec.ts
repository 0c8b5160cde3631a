/**
 * Link trails outlive the host: a trail saved in one run of the web edition is reopened after the
 * host is stopped and started again on the same data folder. And a corrupt trails file is
 * reported in French, kept aside, and the app keeps working.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { articleById, articleByNum, CSS, versionOn } from './support/corpus-data.ts';
import { expect, openApp, screenshot, test } from './support/fixtures.ts';
import { startWebHost, type WebHost } from './support/web-host.ts';
import { NoticeBoard } from '../../electron/host/notices.ts';
import { SessionStore } from '../../electron/host/session-store.ts';
import { TrailStore } from '../../electron/host/trail-store.ts';

const DATE_2006 = '2006-01-28';
const corpusDir = process.env.PALIMPSESTE_E2E_CORPUS;

let dataDir: string;
let host: WebHost | undefined;

test.beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'palimpseste-e2e-trails-'));
});

test.afterEach(async () => {
  await host?.stop();
  host = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(): Promise<WebHost> {
  host = await startWebHost({ dataDir, noBuild: true, timeoutMs: 60_000, ...(corpusDir ? { corpusDir } : {}) });
  return host;
}

test('saves a trail, restarts the host, reopens it', async ({ page }) => {
  const source = articleByNum(CSS, 'L611-3', DATE_2006);
  const reference = versionOn(source, DATE_2006).references.find((r) => r.target);
  expect(reference?.target).toBeDefined();
  const target = articleById(reference?.target ?? '');

  const first = await start();
  await openApp(page, first.url, `#/${CSS}/L611-3@${DATE_2006}`);
  await expect(page.locator('#article-title')).toHaveText('Article L611-3');
  await page.locator('.article-body a.reference').first().click();
  await expect(page.locator('#article-title')).toHaveText(`Article ${target.num}`);
  await page.locator('#trail-name').fill('Régime des indépendants en 2006');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.locator('.trail-status')).toHaveText('Parcours « Régime des indépendants en 2006 » enregistré.');
  // Read from the data folder as another process would (the host's own user-data store).
  const saved = await new TrailStore(dataDir, new NoticeBoard()).list();
  expect(saved.map((t) => t.name)).toEqual(['Régime des indépendants en 2006']);
  expect(saved[0]?.steps.map((s) => `${s.num}@${s.date}`)).toEqual([`L611-3@${DATE_2006}`, `${target.num}@${DATE_2006}`]);

  // The host has the last location (saved at once, but over HTTP) before it is stopped.
  await expect
    .poll(async () => (await new SessionStore(dataDir, new NoticeBoard()).get()).location)
    .toContain(`/${target.num}@${DATE_2006}`);
  await first.stop();
  host = undefined;
  const second = await start();
  // A fresh page on the new host (another port): the app reopens where the user left off.
  await page.goto(second.url);
  await expect(page.locator('#article-title')).toHaveText(`Article ${target.num}`);
  await page.getByRole('button', { name: 'Parcours enregistrés' }).click();
  await page.locator('.open-trail', { hasText: 'Régime des indépendants en 2006' }).click();
  await expect(page.locator('.trail-step')).toHaveText([`L611-3 @ 28/01/2006`, `${target.num} @ 28/01/2006`]);
  await expect(page.locator('#trail-name')).toHaveValue('Régime des indépendants en 2006');
  await page.locator('.trail-step').first().click();
  await expect(page.locator('#article-title')).toHaveText('Article L611-3');
  await screenshot(page, '08-parcours-rouvert');
});

test('a corrupt trails file is reported, kept aside, and the app keeps working', async ({ page }) => {
  writeFileSync(path.join(dataDir, 'trails.json'), '{"version": 1, "trails": [{"id": ');
  const running = await start();
  await openApp(page, running.url, `#/${CSS}/L611-3@${DATE_2006}`);
  await expect(page.locator('#article-title')).toHaveText('Article L611-3');
  // The host kept a copy of the file and says so at launch; the list starts empty.
  await expect(page.locator('.notices')).toContainText('Le fichier de vos parcours enregistrés était illisible');
  await page.getByRole('button', { name: 'Parcours enregistrés' }).click();
  await expect(page.locator('.saved-trails')).toContainText('Aucun parcours enregistré.');
  await page.locator('#trail-name').fill('Après la panne');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.locator('.trail-status')).toHaveText('Parcours « Après la panne » enregistré.');
  // The unreadable file was not overwritten with nothing: a copy is kept beside it.
  const kept = readdirSync(dataDir).filter((f) => f.startsWith('trails') && f !== 'trails.json');
  expect(kept.length).toBeGreaterThan(0);
  await screenshot(page, '09-pistes-corrompues');
});
