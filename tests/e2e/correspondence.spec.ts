/**
 * Old and new numbers of the Code du travail, both ways (issue 13 §3), on the real default corpus:
 * L122-14-3 of the former code and the four articles that replaced it on its recodification. What
 * the page must show is read from the compiled data (the « Nouveaux textes » / « Anciens textes »
 * lists, the end date of the former article's last version), never written into the test.
 */
import type { Article, IsoDate } from '../../corpus/model/model.ts';
import { formerArticlesOf, replacementsOf } from '../../corpus/model/correspondence.ts';
import { formatDate } from '../../renderer/src/dates/french-dates.ts';
import { articleById, articleByNum, catalog } from './support/corpus-data.ts';
import { expect, openApp, screenshot, test } from './support/fixtures.ts';
import { needsWholeCorpus } from './support/whole-corpus.ts';

const TRAVAIL = 'code-du-travail';
const FORMER = 'L122-14-3';
// A date before the recodified Code du travail came into force (2008-05-01).
const BEFORE = '2005-06-01';

function former(): Article {
  return articleByNum(TRAVAIL, FORMER, BEFORE);
}

/** An article whose text, in force on a date on this side of `limit`, cites L122-14-3 (a link the page shows). */
function citing(side: 'before' | 'after', limit: IsoDate): { article: Article; date: IsoDate } | undefined {
  const target = former().id;
  const citers = new Set(
    former()
      .versions.flatMap((v) => v.links)
      .filter((l) => l.kind === 'citedBy' && l.target)
      .map((l) => l.target!),
  );
  for (const id of citers) {
    const article = articleById(id);
    for (const version of article.versions) {
      if (!version.references.some((r) => r.target === target)) continue;
      const end = version.validTo ?? '9999-12-31';
      if (side === 'before' && version.validFrom < limit) return { article, date: version.validFrom };
      if (side === 'after' && end > limit) return { article, date: version.validFrom > limit ? version.validFrom : limit };
    }
  }
  return undefined;
}

test('a former article says by which articles it was replaced, and when; each opens, and says its former number', async ({
  page,
  appUrl,
}) => {
  needsWholeCorpus();
  const article = former();
  const replacements = replacementsOf(article).map((r) => r.num);
  expect(replacements).toEqual(['L1232-1', 'L1233-2', 'L1235-1', 'L1235-9']);
  const replacedOn = article.versions.at(-1)?.validTo;
  console.log(`L122-14-3: last version ends ${replacedOn ?? '(no end in the model)'}`);

  await openApp(page, appUrl, `#/${TRAVAIL}/${FORMER}@${BEFORE}`);
  await expect(page.locator('#article-title')).toHaveText(`Article ${FORMER}`);
  const notice = page.getByTestId('replaced-by');
  await expect(notice).toHaveText(
    `${replacedOn ? `Remplacé le ${formatDate(replacedOn)} par` : 'Remplacé par'} ${replacements.join(', ')}`,
  );
  // Above the text.
  const noticeBox = await notice.boundingBox();
  const textBox = await page.locator('.article-body').boundingBox();
  expect(noticeBox!.y).toBeLessThan(textBox!.y);
  await screenshot(page, 'correspondence-former-article');

  await notice.getByRole('link', { name: 'L1232-1' }).click();
  await expect(page.locator('#article-title')).toHaveText('Article L1232-1');
  const next = articleByNum(TRAVAIL, 'L1232-1', '2010-01-01');
  const formers = formerArticlesOf(next);
  expect(formers.map((f) => f.num)).toContain(FORMER);
  const l122 = formers.find((f) => f.num === FORMER)!;
  const formerText = page.getByTestId('former-articles');
  await expect(formerText).toContainText(formers.length > 1 ? 'Anciens articles :' : 'Ancien article :');
  await expect(formerText).toContainText(`${FORMER}${l122.parts.length > 0 ? ` (${l122.parts.join(' ; ')})` : ''}`);
  // Opened at the date read (before 2008) it would not be in force yet: it opens on its first day.
  expect(page.url()).toContain(`/L1232-1@${next.versions[0]!.validFrom}`);

  // And back to the former article, on its last day in force.
  await formerText.getByRole('link', { name: FORMER }).click();
  await expect(page.locator('#article-title')).toHaveText(`Article ${FORMER}`);
});

test('a reference to L122-14-3 opens the former article at the date of the citing text, with its replacement said', async ({
  page,
  appUrl,
}) => {
  needsWholeCorpus();
  const limit = '2008-05-01';
  const before = citing('before', limit);
  expect(before, 'an article citing L122-14-3 before 2008').toBeDefined();
  await openApp(page, appUrl, `#/${before!.article.code}/${encodeURIComponent(before!.article.num)}@${before!.date}`);
  await page.locator(`.article-body a.reference[href*="/${FORMER}@${before!.date}"]`).first().click();
  await expect(page.locator('#article-title')).toHaveText(`Article ${FORMER}`);
  await expect(page.locator('.article-text')).not.toContainText('Plus en vigueur à cette date');
  await expect(page.getByTestId('replaced-by')).toContainText('L1232-1');

  // After 2008 no text of the corpus cites it any more: the former-code articles that did end with
  // it on 2008-05-01 (issue 13 a), and the other codes cite the new numbers. A citation read later
  // (a contract, a judgment) is the user typing its address at that date: the same article, said
  // to be no longer in force, with its replacement.
  expect(citing('after', limit), 'no text of the corpus cites L122-14-3 after its repeal').toBeUndefined();
  const later = '2010-01-01';
  await openApp(page, appUrl, `#/${TRAVAIL}/${FORMER}@${later}`);
  await expect(page.locator('#article-title')).toHaveText(`Article ${FORMER}`);
  await expect(page.getByTestId('replaced-by')).toContainText('Remplacé le 1er mai 2008 par');
  await expect(page.getByTestId('replaced-by')).toContainText('L1232-1, L1233-2, L1235-1, L1235-9');
  await expect(page.locator('.article-text')).toContainText('Plus en vigueur à cette date');
});

test('the table of correspondence of the Code du travail, old → new and back, filtered by number', async ({ page, appUrl }) => {
  needsWholeCorpus();
  expect(catalog(TRAVAIL).length).toBeGreaterThan(10_000);
  await openApp(page, appUrl, `#/${TRAVAIL}`);
  await page.getByRole('link', { name: 'Table de correspondance' }).click();
  await expect(page.locator('#correspondence-title')).toHaveText('Table de correspondance');
  await page.getByLabel('Numéro').fill('L. 122-14-3');
  const row = page.locator('.correspondence-table tbody tr').filter({ has: page.getByRole('rowheader', { name: FORMER, exact: true }) });
  await expect(row).toHaveCount(1);
  await expect(row.locator('td')).toHaveText('L1232-1, L1233-2, L1235-1, L1235-9');
  expect(page.url()).toContain('/correspondance?q=L.+122-14-3');
  await screenshot(page, 'correspondence-table');

  await page.getByLabel('Nouveau → ancien').check();
  await page.getByLabel('Numéro').fill('L1232-1');
  const back = page
    .locator('.correspondence-table tbody tr')
    .filter({ has: page.getByRole('rowheader', { name: 'L1232-1', exact: true }) });
  await expect(back.locator('td')).toContainText(FORMER);
  await back.locator('td').getByRole('link', { name: FORMER }).click();
  await expect(page.locator('#article-title')).toHaveText(`Article ${FORMER}`);
});

test('searching « L. 122-14-3 » opens the former article and offers the new ones', async ({ page, appUrl }) => {
  needsWholeCorpus();
  await openApp(page, appUrl, '#/');
  const input = page.locator('#search-input');
  await input.fill('L. 122-14-3');
  const options = page.locator('.search-option.number-option .option-title');
  await expect(options.first()).toHaveText(`Aller à l’article ${FORMER}`);
  for (const num of ['L1232-1', 'L1233-2', 'L1235-1', 'L1235-9'])
    await expect(options.filter({ hasText: `Nouvel article ${num} (remplace ${FORMER})` })).toHaveCount(1);
  await input.press('Enter');
  await expect(page.locator('#article-title')).toHaveText(`Article ${FORMER}`);
});
