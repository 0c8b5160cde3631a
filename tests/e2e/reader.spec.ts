/**
 * The reader end to end, in Chromium, against the web edition on the real corpus: the table of
 * contents, search, references followed at a date, back and forward along the trail.
 * Every expected value is read from the compiled corpus (or computed by the search engine on it).
 */
import type { Locator, Page } from '@playwright/test';
import type { Article } from '../../corpus/model/model.ts';
import { SearchEngine } from '../../corpus/search/engine.ts';
import { unresolvedReason } from '../../renderer/src/article/text-segments.ts';
import { formatDate } from '../../renderer/src/dates/french-dates.ts';
import { codeIdFromTitle } from '../../corpus/model/ids.ts';
import { articleById, articleByNum, catalog, CORPUS_DIR, CSS, manifest, sectionPath, versionOn } from './support/corpus-data.ts';
import { expect, openApp, screenshot, test } from './support/fixtures.ts';
import { readBundleText } from '../support/bundle-files.ts';
import { needsWholeCorpus } from './support/whole-corpus.ts';

const DATE_2006 = '2006-01-28';

function escapeRegExp(text: string): RegExp {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

/** Scrolls the virtualised table of contents until a row is rendered, then returns it. */
async function revealTocRow(page: Page, row: Locator): Promise<Locator> {
  const scroller = page.locator('.toc-scroll');
  for (let i = 0; i < 400 && (await row.count()) === 0; i++) {
    await scroller.evaluate((el) => el.scrollBy(0, el.clientHeight * 0.8));
    await page.waitForTimeout(15);
  }
  await row.first().scrollIntoViewIfNeeded();
  return row.first();
}

function tocSection(page: Page, title: string): Locator {
  return page.locator('.toc-section').filter({ has: page.locator('.toc-title', { hasText: escapeRegExp(title) }) });
}

let engine: Promise<SearchEngine> | undefined;
/** The search engine on the same index files, in Node: what the page must show. */
function nodeEngine(): Promise<SearchEngine> {
  engine ??= SearchEngine.load(manifest().search, async (file) => readBundleText(CORPUS_DIR, file));
  return engine;
}

async function expectArticle(page: Page, article: Article, date: string) {
  await expect(page.locator('#article-title')).toHaveText(`Article ${article.num}`);
  const version = versionOn(article, date);
  await expect(page.locator('.article-body p').first()).toHaveText(version.paragraphs[0] ?? '');
}

test('opens L611-3 of the sécurité sociale from the table of contents', async ({ page, appUrl }) => {
  const article = articleByNum(CSS, 'L611-3', DATE_2006);
  const sections = sectionPath(CSS, article.id);
  expect(sections.length, 'L611-3 is placed in the table of contents').toBeGreaterThan(0);

  await openApp(page, appUrl, `#/${CSS}@${DATE_2006}`);
  await expect(page.locator('.toc-code select')).toHaveValue(CSS);
  await expect(page.locator('.toc-date')).toHaveText(`Sommaire au ${formatDate(DATE_2006)}`);
  for (const section of sections) {
    const row = await revealTocRow(page, tocSection(page, section.title));
    if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
    await expect(row).toHaveAttribute('aria-expanded', 'true');
  }
  const link = await revealTocRow(page, page.locator('.toc-article', { hasText: escapeRegExp(`Article ${article.num}`) }));
  await link.click();

  await expectArticle(page, article, DATE_2006);
  await expect(page).toHaveURL(new RegExp(`#/${CSS}/L611-3@${DATE_2006}$`));
  // The breadcrumb is the path just walked, and the row is highlighted as the current position.
  await expect(page.locator('.breadcrumb li')).toHaveText(sections.map((s) => s.title));
  await expect(page.locator('.toc-article.current')).toHaveText(`Article ${article.num}`);
  const version = versionOn(article, DATE_2006);
  await expect(page.locator('.validity .range')).toContainText(formatDate(version.validFrom));
  await screenshot(page, '01-sommaire-et-article');
});

test('searches « cotisations », « securite sociale » and goes straight to L. 611-3', async ({ page, appUrl }) => {
  // A code's page at today's date (`#/` alone would restore the last page read, at its date): the
  // search box searches the law of the date read, here today's.
  await openApp(page, appUrl, `#/${CSS}`);
  await expect(page.locator('html')).toHaveAttribute('data-search-index', /ready|complete/, { timeout: 60_000 });
  const box = page.locator('#search-input');

  // Ctrl+K focuses the box from anywhere.
  await page.locator('body').click();
  await page.keyboard.press('Control+k');
  await expect(box).toBeFocused();

  const searchEngine = await nodeEngine();
  for (const query of ['cotisations', 'securite sociale']) {
    await box.fill('');
    await box.pressSequentially(query, { delay: 30 });
    const expected = await searchEngine.search(query, { scope: 'in-force', limit: 20, preferCode: CSS });
    expect(expected.total, `the corpus has results for « ${query} »`).toBeGreaterThan(0);
    const total = expected.total;
    await expect(page.locator('.search-status')).toContainText(`${total} résultat${total > 1 ? 's' : ''}`);
    const first = page.locator('.search-option').first();
    await expect(first.locator('.option-title')).toContainText(`Article ${expected.results[0]?.num}`);
    // Highlighted words are the query's words, whatever their accents and endings.
    const marks = await first.locator('mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) {
      const folded = mark
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase();
      expect(query.split(' ').some((word) => folded.startsWith(word.slice(0, 4)))).toBe(true);
    }
    if (query === 'securite sociale') {
      // « securite » typed without accent finds « sécurité ».
      expect(marks.some((m) => m.toLowerCase().startsWith('sécurit'))).toBe(true);
      await screenshot(page, '02-recherche-securite-sociale');
    }
  }

  // Keyboard: ↓ then Enter opens the first result, Escape closes the panel.
  await box.fill('');
  await box.pressSequentially('cotisations', { delay: 20 });
  await expect(page.locator('.search-option').first()).toBeVisible();
  const expected = await searchEngine.search('cotisations', { scope: 'in-force', limit: 20 });
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.search-option').first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.locator('#article-title')).toHaveText(`Article ${expected.results[0]?.num}`);
  await box.focus();
  await expect(page.locator('.search-panel')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('.search-panel')).toBeHidden();

  // An article number in any written form goes straight to it.
  await page.keyboard.press('/');
  await box.fill('L. 611-3');
  await expect(page.locator('.number-option').first()).toContainText('Aller à l’article L611-3');
  await page.keyboard.press('Enter');
  await expect(page.locator('#article-title')).toHaveText('Article L611-3');
});

test('follows a reference in a 2006 version to its target as in force then, and goes back and forward', async ({ page, appUrl }) => {
  const source = articleByNum(CSS, 'L611-3', DATE_2006);
  const sourceVersion = versionOn(source, DATE_2006);
  const reference = sourceVersion.references.find((r) => r.target);
  expect(reference, 'L611-3 in force on 2006-01-28 cites a resolved article').toBeDefined();
  if (!reference?.target) return;
  const target = articleById(reference.target);
  const targetVersion = versionOn(target, DATE_2006);
  const later = target.versions[target.versions.indexOf(targetVersion) + 1];
  const linkText = (sourceVersion.paragraphs[reference.paragraph] ?? '').slice(reference.start, reference.end);

  await openApp(page, appUrl, `#/${CSS}/L611-3@${DATE_2006}`);
  await expectArticle(page, source, DATE_2006);
  await page.locator('.article-body a.reference', { hasText: linkText }).first().click();

  await expectArticle(page, target, DATE_2006);
  await expect(page).toHaveURL(new RegExp(`@${DATE_2006}$`));
  if (later) {
    await expect(page.locator('.message-info')).toContainText(`Une version plus récente existe (depuis le ${formatDate(later.validFrom)})`);
  } else {
    await expect(page.locator('.message-info')).toHaveCount(0);
  }
  await expect(page.locator('.trail-step')).toHaveText([`L611-3 @ 28/01/2006`, `${target.num} @ 28/01/2006`]);
  await screenshot(page, '03-renvoi-suivi-en-2006');

  // Back and forward: Alt+← / Alt+→.
  await page.keyboard.press('Alt+ArrowLeft');
  await expectArticle(page, source, DATE_2006);
  await expect(page.locator('.trail-step[aria-current="step"]')).toHaveText('L611-3 @ 28/01/2006');
  await page.keyboard.press('Alt+ArrowRight');
  await expectArticle(page, target, DATE_2006);
  // The mouse's back button (button 3), then the trail bar's own step.
  await page.evaluate(() => window.dispatchEvent(new MouseEvent('mouseup', { button: 3, bubbles: true, cancelable: true })));
  await expectArticle(page, source, DATE_2006);
  await page.locator('.trail-step').nth(1).click();
  await expectArticle(page, target, DATE_2006);
  // The browser's own history was not used: the page is still the app.
  expect(page.url()).toContain(appUrl);
});

test('shows unresolved references as text, with the reason on hover', async ({ page, appUrl }) => {
  // L613-8 in force in 2006 cites « L. 621-70 » of the code de commerce, not in the corpus.
  const article = articleByNum(CSS, 'L613-8', DATE_2006);
  const version = versionOn(article, DATE_2006);
  const unresolved = version.references.find((r) => r.unresolved);
  expect(unresolved, 'L613-8 in 2006 has an unresolved reference').toBeDefined();
  if (!unresolved) return;
  const text = (version.paragraphs[unresolved.paragraph] ?? '').slice(unresolved.start, unresolved.end);
  await openApp(page, appUrl, `#/${CSS}/L613-8@${DATE_2006}`);
  await expectArticle(page, article, DATE_2006);
  const span = page.locator('.article-body .reference.unresolved', { hasText: text }).first();
  await expect(span).toHaveAttribute('title', unresolvedReason(unresolved));
  expect(await span.evaluate((el) => el.tagName)).toBe('SPAN');
  await expect(page.locator('.article-body a.reference')).toHaveCount(version.references.filter((r) => r.target).length);
});

test('lists the links of a version and opens the one it names, at the same date', async ({ page, appUrl }) => {
  const article = articleByNum(CSS, 'L611-3', DATE_2006);
  const version = versionOn(article, DATE_2006);
  await openApp(page, appUrl, `#/${CSS}/L611-3@${DATE_2006}`);
  await expectArticle(page, article, DATE_2006);
  const kinds = new Set(version.links.map((l) => l.kind));
  await expect(page.locator('.link-group')).toHaveCount(kinds.size);
  const citedBy = version.links.filter((l) => l.kind === 'citedBy');
  if (citedBy.length > 0) await expect(page.locator('.link-group[aria-label="Cité par"] h3')).toContainText(`(${citedBy.length})`);
  // Every entry naming an article of the corpus has its target (resolved by the compiler).
  const navigable = version.links.find((l) => l.target && l.articleNum);
  expect(navigable, 'L611-3 lists articles of the corpus').toBeDefined();
  if (navigable?.target) {
    // Long lists are folded after 15 entries: unfold them all.
    for (const more of await page.locator('.link-group button[aria-expanded="false"]').all()) await more.click();
    await page
      .locator('.links-pane a', { hasText: `art. ${navigable.articleNum}` })
      .first()
      .click();
    await expect(page.locator('#article-title')).toHaveText(`Article ${articleById(navigable.target).num}`);
    await expect(page).toHaveURL(new RegExp(`@${DATE_2006}$`));
  }
  // An entry of a list that names an article of a corpus code by its number opens it too.
  await openApp(page, appUrl, `#/${CSS}/L611-3@${DATE_2006}`);
  const numbers = new Set(catalog(CSS).map((e) => e.num));
  const byNumber = version.links.find((l) => !l.target && l.articleNum && codeIdFromTitle(l.text) === CSS && numbers.has(l.articleNum));
  if (byNumber?.articleNum) {
    // Long lists are folded after 15 entries: unfold them all.
    for (const more of await page.locator('.link-group button[aria-expanded="false"]').all()) await more.click();
    await page
      .locator('.links-pane a', { hasText: new RegExp(`art\\. ${byNumber.articleNum}$`) })
      .first()
      .click();
    await expect(page.locator('#article-title')).toHaveText(`Article ${byNumber.articleNum}`);
  }

  // The versions tab (its timeline is the versions views' own work, tested there) counts them.
  await openApp(page, appUrl, `#/${CSS}/L611-3@${DATE_2006}/versions`);
  await expect(page.locator('[role="tab"][aria-selected="true"]')).toHaveText(`Versions (${article.versions.length})`);
  await screenshot(page, '04-versions');
});

test('says how a repeal no source dates was dated (R633-28)', async ({ page, appUrl }) => {
  needsWholeCorpus();
  const entry = catalog(CSS).find((e) => e.num === 'R633-28')!;
  // lexlib keeps its file with an « Abrogé par » entry (décret n° 2006-83) and no date: the compiler
  // dates it (issue 13 a) and keeps how, which the reader says beside the date.
  expect([entry.status, entry.to]).toEqual(['ABROGE', '2006-01-28']);
  await openApp(page, appUrl, `#/${CSS}/R633-28`);
  await expect(page.locator('#article-title')).toHaveText('Article R633-28');
  await expect(page.getByText('Plus en vigueur à cette date')).toBeVisible();
  await expect(page.locator('.inferred-end')).toHaveText('— première entrée en vigueur du texte abrogeant dans ce code');
});

test('keeps the views readable: dark theme, larger text, 200 % zoom', async ({ page, appUrl }) => {
  await openApp(page, appUrl, `#/${CSS}/L611-3@${DATE_2006}`);
  await expect(page.locator('#article-title')).toHaveText('Article L611-3');
  await page.getByRole('button', { name: 'Thème sombre' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const before = await page.locator('.article-body').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  await page.getByRole('button', { name: 'Agrandir la taille du texte' }).click();
  const after = await page.locator('.article-body').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(after).toBeGreaterThan(before);
  await screenshot(page, '05-theme-sombre');

  // 200 % zoom of a 1280 × 800 window: 640 × 400 CSS pixels. The side panels become drawers.
  await page.setViewportSize({ width: 640, height: 400 });
  await expect(page.locator('.toc-pane')).toBeHidden();
  await expect(page.locator('#article-title')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'no horizontal scrolling at 200 %').toBeLessThanOrEqual(0);
  await page.getByRole('button', { name: 'Sommaire', exact: true }).click();
  await expect(page.locator('.toc-pane')).toBeVisible();
  await expect(page.locator('.toc-article.current')).toHaveText('Article L611-3');
  await screenshot(page, '06-zoom-200-sommaire');
  await page.getByRole('button', { name: 'Fermer le sommaire' }).click();
  await expect(page.locator('.toc-pane')).toBeHidden();
  await page.getByRole('button', { name: 'Thème clair' }).click();
  await page.getByRole('button', { name: 'Réduire la taille du texte' }).click();
  await screenshot(page, '07-zoom-200-article');
});
