/**
 * The reader never contradicts itself (issue 12, « Bugs seen »): the trail, the table of contents,
 * the date read and the search agree on what is on screen; a search in the past is a search of the
 * past; the links panel speaks of the version shown; the side panels fill the window; the views
 * stay whole at 200 % zoom; a change set that changed nothing says so. Each test failed before
 * its fix. Expected values are read from the compiled corpus or computed by the engine on it.
 */
import type { Page } from '@playwright/test';
import { codeIdFromTitle } from '../../corpus/model/ids.ts';
import { SearchEngine } from '../../corpus/search/engine.ts';
import type { SearchFilters } from '../../corpus/search/search-types.ts';
import { formatDate } from '../../renderer/src/dates/french-dates.ts';
import { articleByNum, catalog, CORPUS_DIR, CSS, manifest, sectionPath, versionOn } from './support/corpus-data.ts';
import { expect, openApp, screenshot, test } from './support/fixtures.ts';
import { readBundleText } from '../support/bundle-files.ts';
import { needsWholeCorpus } from './support/whole-corpus.ts';

const MUTUALITE = 'code-de-la-mutualite';
const Y1990 = '1990-01-01';

let engine: Promise<SearchEngine> | undefined;
function nodeEngine(): Promise<SearchEngine> {
  // With the past versions: a search at a past date searches them (the app loads them for it).
  engine ??= SearchEngine.load(manifest().search, async (file) => readBundleText(CORPUS_DIR, file)).then(async (loaded) => {
    await loaded.loadPast();
    return loaded;
  });
  return engine;
}

/** « 01/01/1990 », as the trail bar and the date field write a date. */
function numeric(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

async function searchIndexReady(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-search-index', /ready|complete/, { timeout: 60_000 });
}

test.describe('the trail, the table of contents and the date agree with the page', () => {
  test('reading at 1990, « employeur », Enter, then the first result: its step, its row, at 1990', async ({ page, appUrl }) => {
    const filters: SearchFilters = { scope: 'in-force', inForceOn: Y1990, limit: 20, offset: 0, preferCode: CSS };
    const expected = await (await nodeEngine()).search('employeur', filters);
    const first = expected.results[0];
    expect(first, 'the corpus has texts of 1990 with « employeur »').toBeDefined();
    if (!first) return;

    await openApp(page, appUrl, `#/${CSS}/L611-3@${Y1990}`);
    await expect(page.locator('#article-title')).toHaveText('Article L611-3');
    await expect(page.locator('.trail-step[aria-current="step"]')).toHaveText(`L611-3 @ ${numeric(Y1990)}`);
    await searchIndexReady(page);
    await page.locator('#search-input').fill('employeur');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#\/recherche\?/);
    // The results page is of 1990, and the reading date has not moved.
    await expect(page.locator('#session-date')).toHaveValue(numeric(Y1990));
    await expect(page.locator('.results-status')).toContainText(`${expected.total} article`, { timeout: 60_000 });
    await page.locator('.result-title').first().click();

    await expect(page.locator('#article-title')).toHaveText(`Article ${first.num}`);
    await expect(page).toHaveURL(new RegExp(`/${encodeURIComponent(first.num)}@${Y1990}$`));
    await expect(page.locator('#session-date')).toHaveValue(numeric(Y1990));
    await expect(page.locator('.trail-step[aria-current="step"]')).toHaveText(`${first.num} @ ${numeric(Y1990)}`);
    await expect(page.locator('.toc-code select')).toHaveValue(first.code);
    if (sectionPath(first.code, first.article).length > 0) {
      await expect(page.locator('.toc-article.current')).toHaveText(`Article ${first.num}`);
    }
  });

  test('an address naming another article and another date at once: the step and the row follow', async ({ page, appUrl }) => {
    const target = articleByNum(CSS, 'L611-1', Y1990);
    await openApp(page, appUrl, `#/${CSS}/L611-3@2006-01-28`);
    await expect(page.locator('.toc-article.current')).toHaveText('Article L611-3');
    await page.evaluate((location) => (window.location.hash = location), `#/${CSS}/L611-1@${Y1990}`);
    await expect(page.locator('#article-title')).toHaveText('Article L611-1');
    await expect(page.locator('.article-body p').first()).toHaveText(versionOn(target, Y1990).paragraphs[0] ?? '');
    await expect(page.locator('.trail-step[aria-current="step"]')).toHaveText(`L611-1 @ ${numeric(Y1990)}`);
    await expect(page.locator('.trail-step')).toHaveText([`L611-3 @ 28/01/2006`, `L611-1 @ ${numeric(Y1990)}`]);
    await expect(page.locator('.toc-article.current')).toHaveText('Article L611-1');
  });
});

test.describe('search at the date being read', () => {
  test('at 1990 the search box searches the law of 1990, says so, and opens its results at 1990', async ({ page, appUrl }) => {
    const expected = await (await nodeEngine()).search('cotisations', { scope: 'in-force', inForceOn: Y1990, limit: 20, preferCode: CSS });
    expect(expected.total).toBeGreaterThan(0);
    await openApp(page, appUrl, `#/${CSS}/L611-3@${Y1990}`);
    await searchIndexReady(page);
    const box = page.locator('#search-input');
    await box.fill('cotisations');
    const scope = page.locator('.search-filters select[name="etat"]');
    await expect(scope.locator('option:checked')).toHaveText(`Droit en vigueur le ${formatDate(Y1990)}`);
    // No second, contradicting date filter beside it.
    await expect(page.locator('.search-filters')).not.toContainText('Textes en vigueur le');
    const status = page.locator('.search-status');
    await expect(status).toContainText(`${expected.total} résultat`, { timeout: 60_000 });
    await expect(status).toContainText(`en vigueur le ${formatDate(Y1990)}`);
    await expect(page.locator('.search-option .option-title').first()).toContainText(`Article ${expected.results[0]?.num}`);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.locator('#article-title')).toHaveText(`Article ${expected.results[0]?.num}`);
    await expect(page).toHaveURL(new RegExp(`@${Y1990}$`));

    // Today's law is one choice away, and said as such.
    await box.fill('cotisations');
    await scope.selectOption({ label: 'Droit en vigueur aujourd’hui' });
    const today = await (await nodeEngine()).search('cotisations', { scope: 'in-force', limit: 20, preferCode: CSS });
    await expect(status).toContainText(`${today.total} résultat`);
    await expect(status).toContainText('droit en vigueur aujourd’hui');
  });

  test('an article number with the default scope: the past versions load, and the message goes', async ({ page, appUrl }) => {
    needsWholeCorpus();
    // L115-7 was repealed on 2016-01-01: only the past versions' shards have it.
    const entry = catalog(CSS).find((e) => e.num === 'L115-7');
    expect(entry?.status).toBe('ABROGE');
    await openApp(page, appUrl, '#/');
    await searchIndexReady(page);
    await page.locator('#search-input').fill('L115-7');
    const status = page.locator('.search-status');
    await expect(status).toContainText('résultat', { timeout: 60_000 });
    await expect(page.locator('html')).toHaveAttribute('data-search-index', 'complete', { timeout: 60_000 });
    await expect(status).not.toContainText('Chargement des versions anciennes');
  });

  test('past versions that cannot be loaded are said to be missing, not « complétés dans un instant »', async ({ page, appUrl }) => {
    // Stored gzipped beside the names the index gives them (`bundle-files.ts`): both forms.
    await page.route(/\/search\/past-[^/]*\.json(\.gz)?$/, (route) => route.abort('failed'));
    await openApp(page, appUrl, '#/');
    await searchIndexReady(page);
    await page.locator('#search-input').fill('L115-7');
    const status = page.locator('.search-status');
    await expect(status).toContainText('Les versions anciennes n’ont pas pu être chargées', { timeout: 60_000 });
    await expect(status).not.toContainText('complétés dans un instant');
  });

  test('on the Code de la mutualité, « L111-1 » and Enter opens its own L111-1', async ({ page, appUrl }) => {
    expect(catalog(MUTUALITE).some((e) => e.num === 'L111-1')).toBe(true);
    expect(catalog(CSS).some((e) => e.num === 'L111-1')).toBe(true);
    const mutualiteTitle = manifest().codes.find((c) => c.id === MUTUALITE)?.title ?? '';
    for (const start of [`#/${MUTUALITE}`, `#/${MUTUALITE}/L111-2`]) {
      await openApp(page, appUrl, start);
      await expect(page.locator('.toc-code select')).toHaveValue(MUTUALITE);
      await page.locator('#search-input').fill('L111-1');
      await expect(page.locator('.number-option').first()).toContainText(mutualiteTitle);
      await page.keyboard.press('Enter');
      await expect(page.locator('#article-title')).toHaveText('Article L111-1');
      await expect(page.locator('.article-code')).toHaveText(mutualiteTitle);
    }
  });
});

test.describe('a repealed article offers what exists', () => {
  test('L115-7 read in 2000: its last version, then the article that replaced it', async ({ page, appUrl }) => {
    needsWholeCorpus();
    const article = articleByNum(CSS, 'L115-7', '2000-01-01');
    const last = article.versions[article.versions.length - 1]!;
    expect([last.status, last.validTo]).toEqual(['ABROGE', '2016-01-01']);
    const replacement = last.links.find((l) => l.kind === 'newTexts' && l.target);
    expect(replacement?.articleNum).toBe('L114-10-2');

    await openApp(page, appUrl, `#/${CSS}/L115-7@2000-01-01`);
    await expect(page.locator('#article-title')).toHaveText('Article L115-7');
    await expect(page.getByRole('button', { name: 'Lire la version en vigueur aujourd’hui' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Lire sa dernière version' }).click();
    await expect(page).toHaveURL(new RegExp(`/L115-7@${last.validFrom}$`));
    await expect(page.locator('.validity .range')).toHaveText(
      `En vigueur du ${formatDate(last.validFrom)} au ${formatDate(last.validTo ?? '')}`,
    );
    await expect(page.getByText('Plus en vigueur à cette date')).toHaveCount(0);

    // Read today: not in force, and what replaced it is one click away.
    await openApp(page, appUrl, `#/${CSS}/L115-7`);
    await expect(page.getByText('Plus en vigueur à cette date')).toBeVisible();
    const replaced = page.locator('.replaced-by a', { hasText: 'L114-10-2' });
    await expect(replaced).toBeVisible();
    await replaced.click();
    await expect(page.locator('#article-title')).toHaveText('Article L114-10-2');
    await expect(page.locator('.article-code')).toHaveText(manifest().codes.find((c) => c.id === CSS)?.title ?? '');
  });
});

test.describe('the links panel speaks of the version on screen', () => {
  test('D131-1 opened at 1990 shows its first version, and that version’s links and references', async ({ page, appUrl }) => {
    const article = articleByNum(CSS, 'D131-1', Y1990);
    const first = article.versions[0]!;
    expect(first.validFrom > Y1990, 'D131-1 is not yet in force in 1990').toBe(true);
    expect(first.references.length).toBe(7);
    await openApp(page, appUrl, `#/${CSS}/D131-1@${Y1990}`);
    await expect(page.getByText('Pas encore en vigueur à cette date')).toBeVisible();
    const panel = page.locator('.links-pane');
    await expect(panel).not.toContainText('Aucun lien pour cette version');
    await expect(panel).toContainText(`version du ${formatDate(first.validFrom)}`);
    for (const more of await panel.locator('button[aria-expanded="false"]').all()) await more.click();
    for (const num of new Set(first.references.map((r) => r.num))) {
      await expect(panel.locator('a', { hasText: new RegExp(`art\\. ${num}$`) }).first()).toBeVisible();
    }
  });

  test('« Cité par » of L611-1 names each citing article once', async ({ page, appUrl }) => {
    needsWholeCorpus();
    const date = '2021-01-01';
    const version = versionOn(articleByNum(CSS, 'L611-1', date), date);
    const citing = version.links.filter((l) => l.kind === 'citedBy');
    expect(citing.filter((l) => l.articleNum === 'L131-6-4').length, 'the corpus has L131-6-4 twice here').toBe(2);
    const distinct = new Set(citing.map((l) => `${codeIdFromTitle(l.text)}|${l.articleNum ?? l.label}`));
    await openApp(page, appUrl, `#/${CSS}/L611-1@${date}`);
    const group = page.locator('.link-group[aria-label="Cité par"]');
    await expect(group.locator('h3')).toContainText(`(${distinct.size})`);
    for (const more of await group.locator('button[aria-expanded="false"]').all()) await more.click();
    const names = await group.locator('.link-entry a, .link-entry .link-name').allTextContents();
    expect(names.length).toBe(distinct.size);
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((n) => n.endsWith('art. L131-6-4'))).toHaveLength(1);
  });
});

test.describe('the window is used whole', () => {
  test('the side panels reach the bottom of the window on a short page and on a code’s page', async ({ page, appUrl }) => {
    const height = page.viewportSize()?.height ?? 900;
    await openApp(page, appUrl, `#/${CSS}`);
    await expect(page.locator('.toc-article, .toc-section').first()).toBeVisible();
    const toc = await page.locator('.toc-pane').boundingBox();
    expect(toc && toc.y + toc.height).toBeGreaterThanOrEqual(height - 1);

    // R633-28: a short text.
    await openApp(page, appUrl, `#/${CSS}/R633-28`);
    await expect(page.locator('#article-title')).toHaveText('Article R633-28');
    for (const pane of ['.toc-pane', '.links-pane']) {
      const box = await page.locator(pane).boundingBox();
      expect(box && box.y + box.height, pane).toBeGreaterThanOrEqual(height - 1);
    }
  });

  test('at 200 % zoom: the date keeps its label, the comparison toolbar stays small; A+ enlarges the panels too', async ({
    page,
    appUrl,
  }) => {
    const article = articleByNum(CSS, 'L611-3', '2006-01-28');
    await openApp(page, appUrl, `#/${CSS}/L611-3@2006-01-28`);
    await expect(page.locator('#article-title')).toHaveText('Article L611-3');
    const fontSize = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const before = { toc: await fontSize('.toc-article'), links: await fontSize('.link-entry') };
    await page.getByRole('button', { name: 'Agrandir la taille du texte' }).click();
    expect(await fontSize('.toc-article')).toBeGreaterThan(before.toc);
    expect(await fontSize('.link-entry')).toBeGreaterThan(before.links);
    await page.getByRole('button', { name: 'Réduire la taille du texte' }).click();

    // 200 % of a 1280 × 800 window.
    await page.setViewportSize({ width: 640, height: 400 });
    const label = page.locator('.date-control label');
    await expect(label).toBeVisible();
    await expect(label).toHaveText(/en vigueur le/i);

    const first = article.versions[0]!;
    const latest = article.versions[article.versions.length - 1]!;
    await openApp(page, appUrl, `#/${CSS}/L611-3/versions/${first.validFrom}..${latest.validFrom}`);
    const toolbar = page.locator('.compare-sticky');
    await expect(toolbar).toBeVisible();
    const box = await toolbar.boundingBox();
    expect(box?.height ?? 400, 'the sticky comparison toolbar at 200 %').toBeLessThanOrEqual(400 * 0.25);
    await screenshot(page, '12-zoom-200-comparaison');
  });
});

test('a change set in which the source changed nothing says so', async ({ page, appUrl }) => {
  needsWholeCorpus();
  const empty = JSON.parse(readBundleText(CORPUS_DIR, manifest().codes.find((c) => c.id === CSS)!.changeSets)) as {
    date: string;
    created: string[];
    modified: string[];
    repealed: string[];
  }[];
  const nothing = empty.filter((set) => set.created.length + set.modified.length + set.repealed.length === 0);
  expect(nothing.map((set) => set.date)).toContain('2004-09-25');
  await openApp(page, appUrl, `#/${CSS}/modifications`);
  const row = page.locator('.change-dates li', { has: page.locator(`a[href$="/modifications/2004-09-25"]`) });
  await expect(row).toContainText('aucun article créé, modifié ou abrogé');
  await expect(row).not.toContainText('0 créé');
  await expect(page.locator('.change-dates li', { hasText: '0 créé, 0 modifié, 0 abrogé' })).toHaveCount(0);
  await row.locator('a').click();
  await expect(page.locator('#changes-title')).toHaveText(`Modifications du ${formatDate('2004-09-25')}`);
  await expect(page.locator('.changes-counts')).toContainText('sans aucun article créé, modifié ou abrogé');
});
