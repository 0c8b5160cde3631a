/**
 * The desktop app's end-to-end spec (`_electron.launch`), apart from the web edition's suite: it
 * needs the Electron binary, which cannot be downloaded on every machine. Where it is missing the
 * spec is skipped and says so. Run: `npx playwright test -c tests/electron/playwright.config.ts`.
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results/electron',
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: '../artifacts/playwright-electron.json' }]],
});
