/**
 * The fixtures of every end-to-end test: the address of the suite's web host, and a page whose
 * every request is recorded — a request leaving 127.0.0.1 is refused and fails the test (the
 * reader must work with no network at all). Screenshots go to `tests/artifacts/screenshots/`.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './web-host.ts';

export const SCREENSHOTS = path.join(PROJECT_ROOT, 'tests', 'artifacts', 'screenshots');

export function isLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true;
  return (protocol === 'http:' || protocol === 'ws:') && hostname === '127.0.0.1';
}

export interface Fixtures {
  /** `http://127.0.0.1:PORT/` of the suite's host. */
  appUrl: string;
  /** Every URL requested by the page and its workers during the test. */
  requests: string[];
}

export const test = base.extend<Fixtures>({
  // Playwright reads the fixtures a fixture needs from its destructuring pattern: none here.
  // eslint-disable-next-line no-empty-pattern
  appUrl: async ({}, use) => {
    const url = process.env.PALIMPSESTE_E2E_URL;
    if (!url) throw new Error('PALIMPSESTE_E2E_URL is not set: the global setup did not start the web host.');
    await use(url);
  },
  requests: async ({ context }, use) => {
    const urls: string[] = [];
    context.on('request', (request) => urls.push(request.url()));
    // Anything that is not the local host is refused before it leaves the machine.
    await context.route(
      (url) => !isLocal(url.href),
      (route) => route.abort('blockedbyclient'),
    );
    await use(urls);
    const outside = urls.filter((url) => !isLocal(url));
    expect(outside, 'requests outside 127.0.0.1').toEqual([]);
  },
  page: async ({ page, requests }, use) => {
    // `requests` is set up first: recording starts before the page loads anything.
    void requests;
    await use(page);
  },
});

export { expect };

/** Opens the app at a location (`#/…`) and waits for the reader to be there. */
export async function openApp(page: Page, appUrl: string, location = ''): Promise<void> {
  await page.goto(appUrl + location);
  await expect(page.locator('.top-bar')).toBeVisible();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}
