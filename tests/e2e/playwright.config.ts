/**
 * End-to-end tests of the reader in Debian's Chromium (`/usr/bin/chromium`, never a downloaded
 * browser) against the web edition on the real default corpus. The global setup starts
 * `npm run web` on a free port with a throw-away data folder and reads the address it prints.
 * Reports: the list on the terminal, and JSON for `npm test` (`tests/artifacts/playwright.json`).
 */
import { defineConfig } from '@playwright/test';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-default-apps',
  '--disable-extensions',
  // French UI of the browser itself: date fields read « 28/01/2006 ».
  '--lang=fr-FR',
];

export default defineConfig({
  // Paths are relative to this file (tests/e2e/): the top level of the project stays as the README lists it.
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results',
  globalSetup: './support/global-setup.ts',
  // The host and the 2-core machine are shared: one worker, tests in file order.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: '../artifacts/playwright.json' }]],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS },
    viewport: { width: 1400, height: 900 },
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    serviceWorkers: 'block',
    screenshot: 'only-on-failure',
    trace: 'off',
  },
});
