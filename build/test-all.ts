/**
 * `npm test`: every check of the project, in order, with one closing line `N passed, N failed`.
 * 1. type-check, 2. lint, 3. format check (Prettier), 4. the default corpus is compiled when missing,
 * 5. unit tests (Vitest), 6. end-to-end tests (Playwright in Debian's Chromium against the web edition).
 * Each step counts as tests: a check is one test, Vitest and Playwright report their own counts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const artifacts = path.join(root, 'tests', 'artifacts');
mkdirSync(artifacts, { recursive: true });

let passed = 0;
let failed = 0;
let skipped = 0;

function run(title: string, cmd: string, args: string[]): boolean {
  console.log(`\n▶ ${title}: ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  return result.status === 0;
}

function check(title: string, cmd: string, args: string[]): void {
  if (run(title, cmd, args)) passed++;
  else {
    failed++;
    console.log(`✗ ${title} failed`);
  }
}

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}

check('type-check', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
check('lint', 'npx', ['eslint', '.']);
check('format (Prettier)', 'npx', ['prettier', '--check', '.']);

// The end-to-end tests and the corpus tests read the compiled default corpus.
check('corpus (npm run corpus)', 'npm', ['run', '--silent', 'corpus']);

const vitestJson = path.join(artifacts, 'vitest.json');
rmSync(vitestJson, { force: true });
const vitestOk = run('unit tests', 'npx', [
  'vitest',
  'run',
  '--config',
  'tests/vitest.config.ts',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
if (existsSync(vitestJson)) {
  const report = JSON.parse(readFileSync(vitestJson, 'utf8')) as VitestJson;
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  if (!vitestOk && report.numFailedTests === 0) failed++; // a suite that failed to load
} else failed++;

interface PlaywrightJson {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
}

/** Runs a Playwright suite and counts its results from its JSON report. */
function playwright(title: string, config: string, report: string): void {
  const file = path.join(artifacts, report);
  rmSync(file, { force: true });
  const ok = run(title, 'npx', ['playwright', 'test', '-c', config]);
  if (!existsSync(file)) {
    failed++;
    return;
  }
  const { stats } = JSON.parse(readFileSync(file, 'utf8')) as PlaywrightJson;
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected;
  skipped += stats.skipped;
  if (!ok && stats.unexpected === 0) failed++;
}

// The web edition in Debian's Chromium, then the desktop app (skipped, saying why, without the Electron binary).
playwright('end-to-end tests (web edition, Chromium)', 'tests/e2e/playwright.config.ts', 'playwright.json');
playwright('end-to-end tests (Electron)', 'tests/electron/playwright.config.ts', 'playwright-electron.json');

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
