/**
 * Bad input gives a clear French message and the app keeps working: an unknown article number,
 * a broken link, an unknown code, and a host with no corpus at all.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CSS } from './support/corpus-data.ts';
import { expect, openApp, screenshot, test } from './support/fixtures.ts';
import { startWebHost } from './support/web-host.ts';

test('an unknown article number says so, and the app keeps working', async ({ page, appUrl }) => {
  await openApp(page, appUrl, `#/${CSS}/L999-999@2006-01-28`);
  await expect(page.locator('#contenu .message-error')).toContainText('n’a pas d’article « L999-999 »');
  await screenshot(page, '10-article-inconnu');
  await page.keyboard.press('/');
  await page.keyboard.type('L. 611-3');
  await page.keyboard.press('Enter');
  await expect(page.locator('#article-title')).toHaveText('Article L611-3');
});

test('broken links and unknown codes say what is wrong', async ({ page, appUrl }) => {
  await openApp(page, appUrl, `#/${CSS}/L611-3@2006-13-45`);
  await expect(page.locator('#contenu .message-error')).toContainText('« 2006-13-45 » n’est pas une date valable');
  await openApp(page, appUrl, '#/code-des-pirates/L1');
  await expect(page.locator('#contenu .message-error')).toContainText(/code/i);
  await openApp(page, appUrl, '#/%%%/');
  await expect(page.locator('#contenu .message-error')).toBeVisible();
  // A location typed into the address bar afterwards still works.
  await page.evaluate((code) => (window.location.hash = `#/${code}/L611-3@2006-01-28`), CSS);
  await expect(page.locator('#article-title')).toHaveText('Article L611-3');
});

test('a host without a corpus says so in French; the rest of the app still works', async ({ page }) => {
  const empty = mkdtempSync(path.join(os.tmpdir(), 'palimpseste-e2e-nocorpus-'));
  const host = await startWebHost({ dataDir: empty, corpusDir: path.join(empty, 'absent'), noBuild: true, timeoutMs: 60_000 });
  try {
    await openApp(page, host.url, '#/');
    await expect(page.locator('#contenu .message-error')).toContainText(/corpus/i);
    await screenshot(page, '11-corpus-absent');
    // The top bar and the trails still answer.
    await page.getByRole('button', { name: 'Thème sombre' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.getByRole('button', { name: 'Parcours enregistrés' }).click();
    await expect(page.locator('.saved-trails')).toContainText('Aucun parcours enregistré.');
  } finally {
    await host.stop();
    rmSync(empty, { recursive: true, force: true });
  }
});

test('a corpus of another schema version says to rebuild it', async ({ page }) => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'palimpseste-e2e-oldcorpus-'));
  const corpus = path.join(folder, 'corpus');
  mkdirSync(corpus);
  writeFileSync(path.join(corpus, 'manifest.json'), JSON.stringify({ schemaVersion: 999, codes: [] }));
  const host = await startWebHost({ dataDir: folder, corpusDir: corpus, noBuild: true, timeoutMs: 60_000 });
  try {
    await openApp(page, host.url, `#/${CSS}/L611-3`);
    await expect(page.locator('#contenu .message-error')).toContainText(/corpus/i);
    await expect(page.locator('#contenu .message-title')).toHaveText('Corpus d’une autre version');
    await expect(page.locator('.top-bar')).toBeVisible();
  } finally {
    await host.stop();
    rmSync(folder, { recursive: true, force: true });
  }
});
