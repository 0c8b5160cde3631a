/**
 * What a Légifrance user looks for (issue 12, §4): cite and copy a version, the help on `?` and F1,
 * the last articles read on the home page — in Chromium, on the compiled corpus.
 */
import { CSS, articleByNum, manifest, versionOn } from './support/corpus-data.ts';
import { expect, openApp, screenshot, test } from './support/fixtures.ts';

const CSS_TITLE = () => manifest().codes.find((c) => c.id === CSS)?.title ?? '';

test('« Copier la citation », « Copier le lien » and « Copier le texte » give the version on screen', async ({ page, context, appUrl }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(appUrl).origin });
  const version = versionOn(articleByNum(CSS, 'L611-3', '2006-01-28'), '2006-01-28');
  expect([version.validFrom, version.validTo, version.amendedBy]).toEqual([
    '2005-12-09',
    '2018-01-01',
    'Ordonnance n°2005-1528 du 8 décembre 2005',
  ]);
  await openApp(page, appUrl, `#/${CSS}/L611-3@2006-01-28`);
  await expect(page.locator('#article-title')).toHaveText('Article L611-3');
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
  const status = page.locator('.copy-status');

  await page.getByRole('button', { name: 'Copier la citation' }).click();
  await expect(status).toHaveText('Citation copiée.');
  expect(await clipboard()).toBe(
    'Article L611-3 du code de la sécurité sociale, dans sa rédaction issue de l’ordonnance n° 2005-1528 du 8 décembre 2005, en vigueur du 9 décembre 2005 au 1er janvier 2018',
  );

  await page.getByRole('button', { name: 'Copier le lien' }).click();
  const link = await clipboard();
  expect(link).toBe(`${appUrl.replace(/\/$/, '')}/#/${CSS}/L611-3@2006-01-28`);
  await expect(status).toContainText(`palimpseste://${CSS}/L611-3@2006-01-28`);
  // The link opens the same version.
  await page.goto(link);
  await expect(page.locator('.validity .range')).toHaveText('En vigueur du 9 décembre 2005 au 1er janvier 2018');

  await page.getByRole('button', { name: 'Copier le texte' }).click();
  const text = await clipboard();
  expect(text.startsWith(`Article L611-3 — ${CSS_TITLE()}\n\nEn vigueur du 9 décembre 2005 au 1er janvier 2018\n\n`)).toBe(true);
  for (const paragraph of version.paragraphs) expect(text).toContain(paragraph);
  expect(text).toContain('Modifié par : Ordonnance n° 2005-1528 du 8 décembre 2005');
  expect(text.endsWith('au 1er janvier 2018.)')).toBe(true);
  await screenshot(page, '12-copier-la-citation');
});

test('`?` and F1 open the shortcuts and a short guide in French; Échap closes them', async ({ page, appUrl }) => {
  await openApp(page, appUrl, `#/${CSS}/L611-3`);
  await expect(page.locator('#article-title')).toHaveText('Article L611-3');
  const help = page.getByRole('dialog', { name: 'Aide' });
  await expect(help).toBeHidden();
  await page.locator('#article-title').click();
  await page.keyboard.press('?');
  await expect(help).toBeVisible();
  await expect(help.getByRole('heading', { name: 'Raccourcis clavier' })).toBeVisible();
  await expect(help.getByRole('heading', { name: 'Guide rapide' })).toBeVisible();
  await expect(help).toContainText('Alt+←');
  await expect(help).toContainText('Copier la citation');
  await screenshot(page, '12-aide');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // `?` typed in the search box is a character; F1 opens the help from there too.
  await page.locator('#search-input').click();
  await page.keyboard.press('?');
  await expect(help).toBeHidden();
  await expect(page.locator('#search-input')).toHaveValue('?');
  await page.keyboard.press('F1');
  await expect(help).toBeVisible();
  await help.getByRole('button', { name: 'Fermer l’aide' }).click();
  await expect(help).toBeHidden();
});

test('the home page lists the last articles read, each at its date, kept by the host', async ({ page, appUrl }) => {
  await openApp(page, appUrl, `#/${CSS}/L611-3@1990-01-01`);
  await expect(page.locator('#article-title')).toHaveText('Article L611-3');
  await openApp(page, appUrl, `#/${CSS}/L611-1@2006-01-28`);
  await expect(page.locator('#article-title')).toHaveText('Article L611-1');
  // The home page, then reloaded: the list comes back from the host's session store.
  await openApp(page, appUrl, '#/');
  await expect(page.locator('.recent-list li').first()).toBeVisible();
  // The home page's own save must reach the host first: a reload at « #/ » reopens the saved
  // location, which is still L611-1 while that request is on its way (seen on a loaded machine).
  await page.waitForLoadState('networkidle');
  await page.reload();
  const recent = page.locator('.recent-list li');
  await expect(recent.nth(0)).toHaveText(`Article L611-1 ${CSS_TITLE()}, version en vigueur le 28 janvier 2006`);
  await expect(recent.nth(1)).toHaveText(`Article L611-3 ${CSS_TITLE()}, version en vigueur le 1er janvier 1990`);
  await screenshot(page, '12-accueil-derniers-articles');
  await recent.nth(1).locator('a').click();
  await expect(page).toHaveURL(new RegExp(`/${CSS}/L611-3@1990-01-01$`));
  await expect(page.locator('#session-date')).toHaveValue('01/01/1990');
});
