/**
 * The main views at 100 % and at 200 % zoom (a 1400 × 900 window at 200 % is a 700 × 450 CSS
 * viewport at two device pixels per pixel): each is drawn whole — no sideways scrolling, the date
 * read keeps its label, the page's heading is on screen — and photographed (issue 12: the
 * screenshots are looked at and described in the closing note). `PALIMPSESTE_SCREENSHOTS` sends the
 * pictures elsewhere than `tests/artifacts/screenshots/`.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { articleByNum, CSS } from './support/corpus-data.ts';
import { expect, openApp, SCREENSHOTS, test } from './support/fixtures.ts';

const OUT = process.env.PALIMPSESTE_SCREENSHOTS ?? SCREENSHOTS;

function views(): { name: string; location: string; heading: string }[] {
  const article = articleByNum(CSS, 'L611-3', '2006-01-28');
  const first = article.versions[0]!.validFrom;
  const last = article.versions[article.versions.length - 1]!.validFrom;
  return [
    // The code's page first: `#/` opened in a fresh page restores the last location read, after it the home page.
    { name: 'code', location: `#/${CSS}`, heading: '#code-title' },
    { name: 'accueil', location: '#/', heading: '#home-title' },
    { name: 'article', location: `#/${CSS}/L611-3@2006-01-28`, heading: '#article-title' },
    { name: 'versions', location: `#/${CSS}/L611-3@2006-01-28/versions`, heading: '#article-title' },
    { name: 'comparaison', location: `#/${CSS}/L611-3/versions/${first}..${last}`, heading: '#article-title' },
    { name: 'modifications', location: `#/${CSS}/modifications`, heading: '#changes-title' },
    { name: 'modifications-du-jour', location: `#/${CSS}/modifications/2006-01-28`, heading: '#changes-title' },
    { name: 'resultats', location: `#/recherche?q=${encodeURIComponent('cotisations sociales')}`, heading: '#results-title' },
  ];
}

for (const zoom of [1, 2] as const) {
  test.describe(`at ${zoom * 100} %`, () => {
    test.use({ viewport: { width: 1400 / zoom, height: 900 / zoom }, deviceScaleFactor: zoom });

    test(`the main views are whole at ${zoom * 100} %`, async ({ page, appUrl }) => {
      mkdirSync(OUT, { recursive: true });
      for (const view of views()) {
        await openApp(page, appUrl, view.location);
        await expect(page.locator(view.heading), view.name).toBeVisible({ timeout: 30_000 });
        await expect(page.locator('.loading')).toHaveCount(0, { timeout: 30_000 });
        await expect(page.locator('.date-control label'), view.name).toHaveText('Droit en vigueur le');
        await expect(page.locator('.date-control label'), view.name).toBeVisible();
        // No date control of the browser's locale anywhere (issue 12, §3): the French date entry only.
        await expect(page.locator('input[type="date"]'), view.name).toHaveCount(0);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${view.name}: no sideways scrolling`).toBeLessThanOrEqual(0);
        await page.screenshot({ path: path.join(OUT, `zoom-${zoom * 100}-${view.name}.png`) });
      }
    });
  });
}
