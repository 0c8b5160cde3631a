/**
 * The search results page end to end, in Chromium, against the web edition on the real corpus:
 * Enter in the search box opens it; pages, counts per code and per part, filters, best passages
 * with the words marked, the dates of past texts, keyboard navigation; the address keeps the
 * query and the filters (reload, back and forward return to them). Expected values are computed
 * by the search engine in Node on the same index files.
 */
import type { Page } from '@playwright/test';
import { SearchEngine } from '../../corpus/search/engine.ts';
import { articleByNum, CORPUS_DIR, CSS, manifest } from './support/corpus-data.ts';
import { expect, openApp, screenshot, test } from './support/fixtures.ts';
import { needsWholeCorpus } from './support/whole-corpus.ts';
import { readBundleText } from '../support/bundle-files.ts';

const TRAVAIL = 'code-du-travail';

let engine: Promise<SearchEngine> | undefined;
function nodeEngine(): Promise<SearchEngine> {
  engine ??= SearchEngine.load(manifest().search, async (file) => readBundleText(CORPUS_DIR, file)).then(async (loaded) => {
    await loaded.loadPast();
    return loaded;
  });
  return engine;
}

async function searchReady(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-search-index', /ready|complete/, { timeout: 60_000 });
}

const QUERY = 'indemnités journalières';

test('Enter opens the results page: pages, counts, passages, keyboard, and an address that keeps it all', async ({ page, appUrl }) => {
  const node = await nodeEngine();
  const expected = await node.search(QUERY, { limit: 20, scope: 'in-force', preferCode: CSS });
  expect(expected.total).toBeGreaterThan(40);

  await openApp(page, appUrl, `#/${CSS}`);
  await searchReady(page);
  await page.keyboard.press('/');
  await page.keyboard.type(QUERY);
  await expect(page.locator('.search-option').first()).toBeVisible();
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/#\/recherche\?q=indemnit%C3%A9s\+journali%C3%A8res$/);
  await expect(page.locator('#results-title')).toHaveText(`Résultats pour « ${QUERY} »`);
  const status = page.locator('.results-status');
  await expect(status).toContainText(
    `${expected.total} articles dans le droit en vigueur aujourd’hui — résultats 1 à 20, page 1 sur ${Math.ceil(expected.total / 20)}.`,
  );
  const items = page.locator('.result');
  await expect(items).toHaveCount(20);
  // The engine's order, each with its code and its best passage, the query's words marked.
  for (let i = 0; i < 5; i++) {
    const hit = expected.results[i]!;
    await expect(items.nth(i).locator('.result-title')).toContainText(`Article ${hit.num}`);
    const marks = await items.nth(i).locator('.snippet mark').allTextContents();
    expect(marks.length, hit.num).toBeGreaterThan(0);
    for (const mark of marks) expect(mark.toLowerCase()).toMatch(/^(indemnit|journali)/);
  }
  // Counts per code and per part, as the engine counts them.
  for (const [code, count] of Object.entries(expected.facets.codes)) {
    const title = manifest().codes.find((c) => c.id === code)!.title;
    await expect(page.locator('.results-facets [aria-label="Résultats par code"] button', { hasText: title })).toContainText(String(count));
  }
  await screenshot(page, '20-page-de-resultats');

  // Keyboard: ↓ moves, PageDown goes to page 2 (a new address), Enter opens the article chosen.
  await page.locator('.results-list').focus();
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('PageDown');
  await expect(page).toHaveURL(/&page=2$/);
  const second = await node.search(QUERY, { limit: 20, offset: 20, preferCode: CSS });
  await expect(items.first().locator('.result-title')).toContainText(`Article ${second.results[0]!.num}`);
  await expect(status).toContainText('résultats 21 à 40, page 2 sur');

  // A filter from the counts: one code; the address keeps it, reload returns to it.
  const rural = 'code-rural-et-de-la-peche-maritime';
  const ruralTitle = manifest().codes.find((c) => c.id === rural)!.title;
  await page.locator('.results-facets button', { hasText: ruralTitle }).click();
  await expect(page).toHaveURL(new RegExp(`&code=${rural}$`));
  const filtered = await node.search(QUERY, { limit: 20, codes: [rural], preferCode: CSS });
  await expect(status).toContainText(`${filtered.total} article`);
  await page.reload();
  await expect(page.locator('.results-filters select').first()).toHaveValue(rural);
  await expect(items.first().locator('.result-title')).toContainText(`Article ${filtered.results[0]!.num}`);

  // Enter opens the chosen article; back returns to the results with their filters.
  await page.locator('.results-list').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#article-title')).toHaveText(`Article ${filtered.results[0]!.num}`);
  await page.goBack();
  await expect(page.locator('#results-title')).toHaveText(`Résultats pour « ${QUERY} »`);
  await expect(page.locator('.results-filters select').first()).toHaveValue(rural);
  // Back again: page 2 of every code; forward: the code again.
  await page.goBack();
  await expect(page).toHaveURL(/&page=2$/);
  await page.goForward();
  await expect(page).toHaveURL(new RegExp(`&code=${rural}$`));
});

test('all versions: past texts say their dates; a typing error says what was searched', async ({ page, appUrl }) => {
  const node = await nodeEngine();
  const query = 'caisses mutuelles régionales responsables';
  const expected = await node.search(query, { limit: 20, scope: 'all' });
  const past = expected.results.findIndex((hit) => !hit.inForce);
  expect(past, 'a past text among the results').toBeGreaterThanOrEqual(0);

  await openApp(page, appUrl, `#/recherche?q=${encodeURIComponent(query)}&etat=toutes`);
  await searchReady(page);
  await expect(page.locator('.results-filters select').nth(2)).toHaveValue('all');
  const item = page.locator('.result').nth(past);
  await expect(item.locator('.result-title')).toContainText(`Article ${expected.results[past]!.num}`);
  // « texte du … au … »: the period of the text shown.
  await expect(item.locator('.option-state')).toContainText(' — texte du ');

  await openApp(page, appUrl, '#/recherche?q=cotisaton+vieillesse');
  await expect(page.locator('.results-corrected')).toContainText(
    'Aucun texte ne contient « cotisaton » : résultats pour « cotisation vieillesse ».',
  );
  await expect(page.locator('#results-title')).toHaveText('Résultats pour « cotisation vieillesse »');
  await screenshot(page, '21-resultats-faute-de-frappe');
});

test('an old number of the Code du travail: the former article first, then the articles that replaced it; never in the law in force', async ({
  page,
  appUrl,
}) => {
  needsWholeCorpus();
  const node = await nodeEngine();
  const former = 'L122-14-3';
  const expected = await node.search(`L. ${former.slice(1)}`, { limit: 20, scope: 'in-force' });
  const replacing = expected.results.filter((hit) => hit.match === 'replacing');
  expect(replacing.map((hit) => hit.num)).toEqual(expect.arrayContaining(['L1232-1', 'L1233-2', 'L1235-1', 'L1235-9']));

  await openApp(page, appUrl, `#/recherche?q=${encodeURIComponent('L. 122-14-3')}`);
  await searchReady(page);
  const items = page.locator('.result');
  await expect(items.first().locator('.result-title')).toContainText(`Article ${former} — abrogé`);
  for (let i = 0; i < replacing.length; i++)
    await expect(items.nth(1 + i).locator('.result-title')).toContainText(`Article ${replacing[i]!.num} (remplace ${former})`);
  await screenshot(page, '22-resultats-ancien-numero');
  await items.nth(1).locator('.result-title').click();
  await expect(page.locator('#article-title')).toHaveText(`Article ${replacing[0]!.num}`);

  // Words of its own text: not in the law in force; among every version, with its dates.
  const article = articleByNum(TRAVAIL, former, '2005-06-01');
  const words = (
    article.versions
      .at(-1)!
      .paragraphs.join(' ')
      .match(/[\p{L}]{7,}/gu) ?? []
  )
    .slice(0, 3)
    .join(' ');
  const inForce = await node.search(words, { limit: 50, scope: 'in-force' });
  expect(inForce.results.some((hit) => hit.article === article.id)).toBe(false);
  await openApp(page, appUrl, `#/recherche?q=${encodeURIComponent(words)}`);
  await expect(page.locator('.results-status')).toContainText(inForce.total > 0 ? 'dans le droit en vigueur' : 'Aucun résultat');
  await expect(page.locator('.result-title', { hasText: `Article ${former}` })).toHaveCount(0);
  const all = await node.search(words, { limit: 20, scope: 'all' });
  const at = all.results.findIndex((hit) => hit.article === article.id);
  expect(at, `${words}: L122-14-3 among every version`).toBeGreaterThanOrEqual(0);
  await openApp(page, appUrl, `#/recherche?q=${encodeURIComponent(words)}&etat=toutes`);
  await expect(page.locator('.result').nth(at).locator('.result-title')).toContainText(`Article ${former} — abrogé`);
});
