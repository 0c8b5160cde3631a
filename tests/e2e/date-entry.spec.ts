/**
 * The date being read, entered the French way whatever the browser's locale (issue 12, §3): this
 * spec runs Chromium in an American locale, where the browser's own date control wrote
 * « 12/01/2026 » for 1 December 2026. Typed forms, the keyboard and the calendar.
 */
import { CSS } from './support/corpus-data.ts';
import { expect, openApp, screenshot, test } from './support/fixtures.ts';

test.use({ locale: 'en-US' });

test('the date field reads jj/mm/aaaa and the other forms a French reader types, in an American locale', async ({ page, appUrl }) => {
  await openApp(page, appUrl, `#/${CSS}/L611-3@2026-12-01`);
  const field = page.locator('#session-date');
  await expect(field).toHaveValue('01/12/2026');
  await expect(field).toHaveAttribute('type', 'text');

  for (const [typed, iso, shown] of [
    ['1er janvier 1990', '1990-01-01', '01/01/1990'],
    ['28/1/06', '2006-01-28', '28/01/2006'],
    ['1/1/90', '1990-01-01', '01/01/1990'],
    ['2006-01-28', '2006-01-28', '28/01/2006'],
    ['12/01/2026', '2026-01-12', '12/01/2026'],
  ] as const) {
    await field.fill(typed);
    await field.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/L611-3@${iso}$`));
    await expect(field).toHaveValue(shown);
  }

  // A wrong date is said, and nothing moves; Échap restores the date read.
  await field.fill('31/02/2006');
  await field.press('Enter');
  await expect(page.locator('.date-error')).toHaveText('« 31/02/2006 » : le 31 n’existe pas dans ce mois.');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/L611-3@2026-01-12$/);
  await field.press('Escape');
  await expect(field).toHaveValue('12/01/2026');
  await expect(page.locator('.date-error')).toHaveCount(0);

  // ↑ a day later, Pg↓ a month later.
  await field.press('ArrowUp');
  await expect(page).toHaveURL(/\/L611-3@2026-01-13$/);
  await field.press('PageDown');
  await expect(page).toHaveURL(/\/L611-3@2026-02-13$/);
  await expect(field).toHaveValue('13/02/2026');
});

test('the calendar: weeks from Monday, French months, keyboard and mouse', async ({ page, appUrl }) => {
  await openApp(page, appUrl, `#/${CSS}/L611-3@2006-01-28`);
  await page.getByRole('button', { name: 'Choisir la date dans le calendrier' }).click();
  const calendar = page.getByRole('dialog', { name: 'Calendrier' });
  await expect(calendar.locator('.date-calendar-month')).toHaveText('janvier 2006');
  await expect(calendar.locator('th').first()).toHaveText('lun.');
  // The focused day is the date read; ← moves to the 27th, ↓ a week later (3 February), Entrée picks it.
  await expect(calendar.getByRole('button', { name: '28 janvier 2006', exact: true })).toBeFocused();
  await screenshot(page, '12-calendrier');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowDown');
  await expect(calendar.locator('.date-calendar-month')).toHaveText('février 2006');
  await expect(calendar.getByRole('button', { name: '3 février 2006', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(calendar).toHaveCount(0);
  await expect(page).toHaveURL(/\/L611-3@2006-02-03$/);
  await expect(page.locator('#session-date')).toHaveValue('03/02/2006');

  // The mouse: previous month, then the 1st.
  await page.getByRole('button', { name: 'Choisir la date dans le calendrier' }).click();
  await calendar.getByRole('button', { name: 'Mois précédent' }).click();
  await calendar.getByRole('button', { name: '1er janvier 2006', exact: true }).click();
  await expect(page).toHaveURL(/\/L611-3@2006-01-01$/);
  // Échap closes it without choosing.
  await page.getByRole('button', { name: 'Choisir la date dans le calendrier' }).click();
  await page.keyboard.press('Escape');
  await expect(calendar).toHaveCount(0);
  await expect(page).toHaveURL(/\/L611-3@2006-01-01$/);
});
