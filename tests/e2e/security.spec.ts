/**
 * What an attacker who got markup into the page could try does nothing: an inline script does not
 * run (the CSP comes as a header), a `javascript:` link is not followed, nor are `file:`, `data:`
 * or `https:` links; and reading, searching and following links makes no request outside 127.0.0.1
 * (the `requests` fixture fails any test that does).
 */
import { CSS } from './support/corpus-data.ts';
import { expect, isLocal, openApp, test } from './support/fixtures.ts';

test('the CSP header is strict and an injected inline script does not run', async ({ page, appUrl }) => {
  const response = await page.goto(`${appUrl}#/${CSS}/L611-3@2006-01-28`);
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
  await expect(page.locator('#article-title')).toHaveText('Article L611-3');

  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (directive: string) => violations.push(directive));
  const ran = await page.evaluate(async () => {
    const win = window as unknown as { pwned?: number; reportViolation: (d: string) => void };
    document.addEventListener('securitypolicyviolation', (event) => win.reportViolation(event.effectiveDirective));
    const script = document.createElement('script');
    script.textContent = 'window.pwned = 1';
    document.body.append(script);
    // Markup as a compromised corpus file would bring it.
    const holder = document.createElement('div');
    holder.innerHTML = '<img src="x" onerror="window.pwned = 2"><svg onload="window.pwned = 3"></svg>';
    document.body.append(holder);
    await new Promise((resolve) => setTimeout(resolve, 300));
    return win.pwned ?? 0;
  });
  expect(ran).toBe(0);
  expect(violations).toContain('script-src-elem');
});

test('javascript:, file:, data: and https: links do nothing', async ({ page, appUrl }) => {
  await openApp(page, appUrl, `#/${CSS}/L611-3@2006-01-28`);
  await expect(page.locator('#article-title')).toHaveText('Article L611-3');
  const before = page.url();
  for (const href of [
    'javascript:window.pwned=1',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'https://example.org/',
  ]) {
    await page.evaluate((target) => {
      const link = document.createElement('a');
      link.href = target;
      link.textContent = 'lien piégé';
      link.id = 'trap';
      document.querySelector('.article-body')?.append(link);
    }, href);
    const popup = page
      .context()
      .waitForEvent('page', { timeout: 500 })
      .catch(() => undefined);
    await page.locator('#trap').click();
    expect(await popup, `${href} opened no window`).toBeUndefined();
    await page.waitForTimeout(100);
    expect(page.url(), `${href} was not followed`).toBe(before);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned ?? 0)).toBe(0);
    await page.locator('#trap').evaluate((el) => el.remove());
  }
  await expect(page.locator('#article-title')).toHaveText('Article L611-3');
});

test('reading, searching and following links stays on 127.0.0.1', async ({ page, appUrl, requests }) => {
  await openApp(page, appUrl, `#/${CSS}/L611-3@2006-01-28`);
  await expect(page.locator('#article-title')).toHaveText('Article L611-3');
  await expect(page.locator('html')).toHaveAttribute('data-search-index', /ready|complete/, { timeout: 60_000 });
  await page.keyboard.press('Control+k');
  await page.keyboard.type('cotisations', { delay: 20 });
  await expect(page.locator('.search-option').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await page.locator('.article-body a.reference').first().click();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(page.locator('#article-title')).toHaveText('Article L611-3');
  // The worker's index files and the API calls are among the recorded requests.
  expect(requests.some((url) => url.includes('/corpus/search/'))).toBe(true);
  expect(requests.some((url) => url.includes('/api/getArticle'))).toBe(true);
  expect(requests.filter((url) => !isLocal(url))).toEqual([]);
});
