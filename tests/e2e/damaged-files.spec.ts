/**
 * Damaged files say what happened, at once, in the reader's words: a corpus whose manifest was cut
 * short, a search index edited since the compilation (still valid JSON), and a saved-trails file
 * that cannot be read — reported at launch, before the list of trails is ever opened.
 */
import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CSS } from './support/corpus-data.ts';
import { expect, openApp, screenshot, test } from './support/fixtures.ts';
import { PROJECT_ROOT, startWebHost, type WebHost } from './support/web-host.ts';

const realCorpus = process.env.PALIMPSESTE_E2E_CORPUS ?? path.join(PROJECT_ROOT, 'corpus', 'dist');

let work: string;
let host: WebHost | undefined;

test.beforeEach(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'palimpseste-e2e-damaged-'));
});
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
  rmSync(work, { recursive: true, force: true });
});

/** A copy of the real corpus made of hard links (instant, no space), the manifest copied for real. */
function linkedCorpus(): string {
  const copy = path.join(work, 'corpus');
  const walk = (from: string, to: string) => {
    mkdirSync(to, { recursive: true });
    for (const entry of readdirSync(from, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(from, entry.name), path.join(to, entry.name));
      else linkSync(path.join(from, entry.name), path.join(to, entry.name));
    }
  };
  walk(realCorpus, copy);
  return copy;
}

/** Replaces a linked file by a file of its own (never writing through the link into the real corpus). */
function rewrite(corpus: string, relative: string, content: string | Buffer): void {
  const file = path.join(corpus, relative);
  rmSync(file);
  writeFileSync(file, content);
}

async function start(corpusDir: string, dataDir = path.join(work, 'data')): Promise<WebHost> {
  host = await startWebHost({ dataDir, corpusDir, noBuild: true, timeoutMs: 60_000 });
  return host;
}

test('a manifest cut short is « Corpus endommagé », and the search says so at once', async ({ page }) => {
  const corpus = linkedCorpus();
  const manifest = readFileSync(path.join(realCorpus, 'manifest.json'), 'utf8');
  rewrite(corpus, 'manifest.json', manifest.slice(0, Math.floor(manifest.length * 0.6)));
  const running = await start(corpus);
  await openApp(page, running.url, `#/${CSS}/L611-3`);
  await expect(page.locator('#contenu .message-title')).toHaveText('Corpus endommagé');
  await expect(page.locator('#contenu .message-error')).toContainText('ce n’est pas du JSON complet (fichier tronqué ?)');
  await expect(page.locator('#contenu .message-error')).toContainText('recompilez-le (« npm run corpus ») ou réinstallez Palimpseste');
  // The search box does not wait for an index that cannot come (it once showed « Chargement de
  // l’index de recherche… » for 45 s and more).
  await page.keyboard.press('/');
  await page.keyboard.type('cotisations');
  await expect(page.locator('.search-status')).toContainText('Corpus endommagé : recompilez-le', { timeout: 5_000 });
  await expect(page.locator('.search-status')).not.toContainText('Chargement');
  await screenshot(page, '12-corpus-endommage');
});

test('a search index edited since the compilation is refused, and the search says to rebuild or reinstall', async ({ page }) => {
  const corpus = linkedCorpus();
  const current = JSON.parse(readFileSync(path.join(realCorpus, 'manifest.json'), 'utf8')).search.current as string;
  // Still valid JSON, still the index's shape (one digit changed): only the checksum can tell.
  const index = readFileSync(path.join(realCorpus, current), 'utf8');
  rewrite(
    corpus,
    current,
    index.replace(/\d/, (digit) => String((Number(digit) + 1) % 10)),
  );
  const running = await start(corpus);
  await openApp(page, running.url, `#/${CSS}/L611-3`);
  // Reading still works: the article's own files are whole.
  await expect(page.locator('#article-title')).toHaveText('Article L611-3');
  await page.keyboard.press('/');
  await page.keyboard.type('cotisations');
  await expect(page.locator('.search-status')).toContainText(
    `Le fichier « ${current} » du corpus a été modifié depuis la compilation (sa somme de contrôle ne correspond plus). Corpus endommagé : recompilez-le (« npm run corpus ») ou réinstallez Palimpseste.`,
  );
});

test('an unreadable trails file is reported at launch, in the interface’s words, before the list is opened', async ({ page }) => {
  const dataDir = path.join(work, 'data');
  mkdirSync(dataDir);
  const damaged = '{"version": 1, "trails": [{"id": ';
  writeFileSync(path.join(dataDir, 'trails.json'), damaged);
  const running = await start(realCorpus, dataDir);
  await openApp(page, running.url, `#/${CSS}/L611-3`);
  const notice = page.locator('.notices');
  await expect(notice).toContainText('Le fichier de vos parcours enregistrés était illisible');
  await expect(notice).toContainText('Une copie intacte du fichier a été gardée sous « trails.corrupt-');
  // The copy is the file byte for byte.
  const kept = readdirSync(dataDir).filter((name) => name.startsWith('trails.corrupt-'));
  expect(kept).toHaveLength(1);
  expect(readFileSync(path.join(dataDir, kept[0]!), 'utf8')).toBe(damaged);
  await notice.getByRole('button', { name: 'Fermer' }).click();
  await expect(notice).toHaveCount(0);
});
